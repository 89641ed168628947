"""The HTTP service: `create_app(state)` for tests, `app_for_settings` for `tillbox-cloud serve`."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from functools import partial

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from cloud_api.core.config import AlertSettings, CloudSettings
from cloud_api.core.csrf import CrossSiteRefusal
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.kept import keep_for
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.store_health import Thresholds
from cloud_api.deps import AppState
from cloud_api.routes import (
    api,
    catalogue,
    dashboard,
    item_rules,
    learning,
    learning_pages,
    receipts,
    shoppers,
)


def create_app(state: AppState) -> FastAPI:
    # /docs and /redoc with Swagger UI's and ReDoc's files served from here (fastapi-offline): FastAPI's
    # own pages load them from a CDN, and show nothing on a network without internet.
    app = FastAPIOffline(title="tillbox cloud", version="0.1.0")
    app.state.tillbox = state
    app.include_router(receipts.router)
    app.include_router(shoppers.router)
    app.include_router(api.router)
    app.include_router(learning.router)
    app.include_router(item_rules.router)
    app.include_router(catalogue.router)
    app.include_router(dashboard.router)
    app.include_router(learning_pages.router)
    app.add_middleware(CrossSiteRefusal)
    return app


KEEP_S = 300  # how old a kept figure on HQ's pages may be (cloud_api/core/kept.py)


def app_for_settings(settings: CloudSettings) -> FastAPI:
    from cloud_api.fleet_push import Pusher, config_key, publish
    from cloud_api.sms import load_sender

    state = AppState(
        make_sessions(make_engine(settings.database_url)),
        load_or_create_secret(settings.secret_file),
        sms=load_sender(settings.shoppers.sms_sender, settings.shoppers.sms_options),
        region=settings.shoppers.region,
        thresholds=thresholds(settings.alerts),
        pusher=Pusher(partial(config_key, settings.config_key_file), partial(publish, settings.broker)),
    )
    keep_for(KEEP_S)  # the service's own processes; an app a test makes computes every time
    return create_app(state)


def thresholds(a: AlertSettings) -> Thresholds:
    return Thresholds(
        offline_after=timedelta(minutes=a.offline_minutes),
        outbox_depth=a.outbox_depth,
        oldest_unsent=timedelta(minutes=a.oldest_unsent_minutes),
        parse_failure_rate=Decimal(a.parse_failure_rate),
        min_receipts=a.min_receipts,
    )
