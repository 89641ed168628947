"""The cloud's HTTP app over a test database, with a fresh service secret and any state overrides."""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI

from cloud_api.app import create_app
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.deps import AppState


def app_for(url: str, **state: Any) -> FastAPI:
    secret = state.pop("secret", None) or ServiceSecret(os.urandom(32))
    return create_app(AppState(make_sessions(make_engine(url)), secret, **state))
