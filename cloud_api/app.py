"""The HTTP service: `create_app(sessions)` for tests and for `tillbox-cloud serve`."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.ratelimit import MissLimiter
from cloud_api.deps import AppState
from cloud_api.routes import receipts


def create_app(sessions: sessionmaker[Session], misses: MissLimiter | None = None) -> FastAPI:
    app = FastAPI(title="tillbox cloud", version="0.1.0")
    app.state.tillbox = AppState(sessions, misses=misses or MissLimiter())
    app.include_router(receipts.router)
    return app
