"""The HTTP service: `create_app(state)` for tests and for `tillbox-cloud serve`."""

from __future__ import annotations

from fastapi import FastAPI

from cloud_api.deps import AppState
from cloud_api.routes import api, dashboard, receipts, shoppers


def create_app(state: AppState) -> FastAPI:
    app = FastAPI(title="tillbox cloud", version="0.1.0")
    app.state.tillbox = state
    app.include_router(receipts.router)
    app.include_router(shoppers.router)
    app.include_router(api.router)
    app.include_router(dashboard.router)
    return app
