"""The app for uvicorn's worker processes (`tillbox-cloud serve --workers N`, or
`uvicorn --factory cloud_api.asgi:app`): settings from TILLBOX_CLOUD_CONFIG (a cloud.toml path, optional)
and the usual TILLBOX_CLOUD_* environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from cloud_api.app import app_for_settings
from cloud_api.core.config import load_settings


def app() -> FastAPI:
    path = os.environ.get("TILLBOX_CLOUD_CONFIG")
    return app_for_settings(load_settings(Path(path) if path else None))
