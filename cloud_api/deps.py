"""What every route reaches through `app.state.tillbox`: sessions, templates, secrets, limits."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.db import read_sessions
from cloud_api.core.ratelimit import Limit, Limiter
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.claims import ClaimLimits
from cloud_api.crud.store_health import Thresholds
from cloud_api.fleet_push import Pusher
from cloud_api.sms import LogSender, SmsSender

TEMPLATES = Path(__file__).resolve().parent / "templates"


def templates() -> Jinja2Templates:
    # Autoescaping always on: every string on a page came from a box, and a box is not trusted with HTML.
    # Templates ship with the package: no re-reading their mtime on every render (8 % of the page's time).
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False)
    env.filters["plain"] = plain
    return Jinja2Templates(env=env)


def plain(value: object) -> object:
    """An amount as the receipt printed it: 0.00000000, never str(Decimal)'s 0E-8."""
    return format(value, "f") if isinstance(value, Decimal) else value


@dataclass(frozen=True)
class Limits:
    """What one address or account may do (cloud_api.core.ratelimit counts it in the database)."""

    token_misses: Limit = Limit("token-misses-per-address", 20, 60)  # receipt tokens looked up in vain
    # Codes sent and codes typed wrong, per address: on top of 5 tries a code and 3 codes a phone, so one
    # address cannot spread its guesses over many codes or phones.
    code_tries: Limit = Limit("code-tries-per-address", 10, 600)
    # HQ logins. Per account and address: who guesses one account's password from one place. Per address
    # (every try): one place guessing many accounts, loose enough for an office behind one proxy. Per
    # account (failures, from anywhere): guessing spread over many places; one address alone cannot
    # reach it (10 in 10 minutes is 60 an hour), so it cannot lock a colleague out.
    login_account_address: Limit = Limit("login-per-account-address", 10, 600)
    login_address: Limit = Limit("login-per-address", 300, 600)
    login_account: Limit = Limit("login-failures-per-account", 200, 3600)
    # Drafting a profile reads a layout's every stored receipt again on every core: a person drafts a
    # few an hour; a script looping on it would take the service's CPU.
    drafts: Limit = Limit("profile-drafts-per-account", 20, 3600)


@dataclass
class AppState:
    sessions: sessionmaker[Session]
    secret: ServiceSecret
    sms: SmsSender = field(default_factory=LogSender)
    region: str = "US"
    templates: Jinja2Templates = field(default_factory=templates)
    limits: ClaimLimits = field(default_factory=ClaimLimits)
    per_client: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.time  # the limits' clock (a test moves it)
    thresholds: Thresholds = field(default_factory=Thresholds)
    pusher: Pusher | None = None  # None: this service pushes no configuration (approvals say so)
    reads: sessionmaker[Session] = field(init=False)  # autocommit sessions for pages that only read
    limiter: Limiter = field(init=False)

    def __post_init__(self) -> None:
        self.reads = read_sessions(self.sessions)
        self.limiter = Limiter(self.sessions, self.clock)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.tillbox
    return state


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def bearer(request: Request) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, if the request carries one."""
    kind, _, token = request.headers.get("authorization", "").partition(" ")
    if kind.lower() != "bearer":
        return None
    return token.strip() or None


def db_session(request: Request) -> Iterator[Session]:
    """One session a request, for the route and every dependency that asks (FastAPI hands the same one to
    all of a request's askers), closed when the response is done. A route that writes commits it."""
    with app_state(request).sessions() as session:
        yield session


Db = Annotated[Session, Depends(db_session)]
