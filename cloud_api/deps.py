"""What every route reaches through `app.state.tillbox`: sessions, templates, secrets, limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.db import read_sessions
from cloud_api.core.ratelimit import MissLimiter
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.claims import ClaimLimits
from cloud_api.crud.store_health import Thresholds
from cloud_api.sms import LogSender, SmsSender

TEMPLATES = Path(__file__).resolve().parent / "templates"


def templates() -> Jinja2Templates:
    # Autoescaping always on: every string on a page came from a box, and a box is not trusted with HTML.
    # Templates ship with the package: no re-reading their mtime on every render (8 % of the page's time).
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False)
    return Jinja2Templates(env=env)


def _per_address() -> MissLimiter:
    # Per client address: for codes (on top of the 5 tries per code and 3 codes per phone, so one address
    # cannot spread guesses over many codes or phones) and for HQ logins.
    return MissLimiter(limit=10, window_s=600)


@dataclass
class AppState:
    sessions: sessionmaker[Session]
    secret: ServiceSecret
    sms: SmsSender = field(default_factory=LogSender)
    region: str = "US"
    templates: Jinja2Templates = field(default_factory=templates)
    misses: MissLimiter = field(default_factory=MissLimiter)
    claim_tries: MissLimiter = field(default_factory=_per_address)
    limits: ClaimLimits = field(default_factory=ClaimLimits)
    login_failures: MissLimiter = field(default_factory=_per_address)
    thresholds: Thresholds = field(default_factory=Thresholds)
    reads: sessionmaker[Session] = field(init=False)  # autocommit sessions for pages that only read

    def __post_init__(self) -> None:
        self.reads = read_sessions(self.sessions)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.tillbox
    return state


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
