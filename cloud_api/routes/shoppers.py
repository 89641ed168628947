"""The shopper's account: save a receipt to a phone number, prove the phone with a one-time code, see
every saved purchase at /me, and there say on which channels offers may be sent (never by saving a receipt).

Nothing of a phone's receipts is shown before its code is typed: the code's page shows only the masked
number, and /me needs the session cookie the code gives. A signed-in shopper saves further receipts
without a new code (the phone is proven already).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.crud.claims import ClaimRefused, end_session, session_customer, start_claim, verify_code
from cloud_api.crud.consents import CHANNELS, consents_of, set_consent
from cloud_api.crud.customers import AlreadyClaimed, claim_receipt
from cloud_api.crud.purchases import purchase_history
from cloud_api.crud.suggestions import for_customer
from cloud_api.deps import AppState, Db, app_state, client_address
from cloud_api.models import Transaction
from cloud_api.phones import PhoneError, masked, normalise_phone
from cloud_api.routes.receipts import missed, shopper_texts
from cloud_api.routes.receipts import rate_limited as receipt_limited

router = APIRouter()
COOKIE = "tillbox_me"
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
SUGGESTED = 5  # suggestions on /me, the best of the shopper's own


def _page(state: AppState, request: Request, name: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("t", shopper_texts(request))
    return state.templates.TemplateResponse(request, name, context, status_code=status, headers=NO_STORE)


def _message(
    state: AppState, request: Request, status: int, title: str, text: str = "", me: bool = False
) -> Response:
    """A page that only says something: `title` and `text` are keys of the shopper's texts."""
    t = shopper_texts(request)
    return _page(
        state, request, "message.html", status, t=t, title=t(title), text=t(text) if text else "", me=me
    )


def _too_many(state: AppState, request: Request) -> Response | None:
    if state.limiter.blocked(state.per_client.code_tries, client_address(request)):
        return _message(state, request, 429, "account.wait_title", "account.too_many_tries")
    return None


def _here(request: Request, path: str) -> str:
    """A link that keeps the page's language."""
    return f"{path}?lang={shopper_texts(request).lang}"


def _send_code(state: AppState, s: Session, request: Request, phone: str, token: str | None) -> Response:
    now = datetime.now(UTC)
    try:
        e164 = normalise_phone(phone, state.region)
    except PhoneError as e:
        return _page(state, request, "phone.html", 400, token=token, error=shopper_texts(request)(e.key))
    tx = None
    if token is not None:
        tx = s.scalars(select(Transaction).where(Transaction.qr_token == token)).first()
        if tx is None:
            if (refused := missed(state, request)) is not None:
                return refused
            return _message(state, request, 404, "account.no_such_receipt")
    # Every code sent counts against the address, before it is sent: of a burst, only as many as
    # the limit leaves get one.
    if not state.limiter.take(state.per_client.code_tries, client_address(request)):
        return _message(state, request, 429, "account.wait_title", "account.too_many_tries")
    try:
        claim, code = start_claim(s, state.secret, e164, tx, now, state.limits)
    except ClaimRefused as e:
        error = shopper_texts(request)(e.key, **e.values)
        return _page(state, request, "phone.html", 429, token=token, error=error)
    s.commit()
    minutes = int(state.limits.code_ttl.total_seconds() // 60)
    state.sms.send(e164, shopper_texts(request)("account.sms", code=code, minutes=minutes))
    return _page(state, request, "code.html", claim_id=claim.id, phone=masked(e164), error=None)


def _signed_in(response: Response, request: Request, token: str, max_age: int) -> Response:
    response.set_cookie(
        COOKIE,
        token,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",  # behind a TLS proxy uvicorn's proxy headers make it https
        path="/",
    )
    return response


@router.post("/r/{token}/claim", response_class=HTMLResponse)
def claim(token: str, request: Request, s: Db, phone: Annotated[str, Form(max_length=40)] = "") -> Response:
    state = app_state(request)
    # A claim names a token as the receipt page does: its misses count as the page's do.
    if (limited := _too_many(state, request) or receipt_limited(state, request)) is not None:
        return limited
    now = datetime.now(UTC)
    customer = session_customer(s, state.secret, request.cookies.get(COOKIE), now)
    if customer is not None:
        tx = s.scalars(select(Transaction).where(Transaction.qr_token == token)).first()
        if tx is None:
            if (refused := missed(state, request)) is not None:
                return refused
            return _message(state, request, 404, "account.no_such_receipt")
        try:
            claim_receipt(s, state.secret, tx, customer, now)
        except AlreadyClaimed:
            return _message(state, request, 409, "account.not_saved", "account.taken")
        s.commit()
        return RedirectResponse(_here(request, "/me"), status_code=303, headers=NO_STORE)
    if not phone:
        return _page(state, request, "phone.html", token=token, error=None)
    return _send_code(state, s, request, phone, token)


@router.post("/codes/{claim_id}", response_class=HTMLResponse)
def check_code(
    claim_id: str, request: Request, s: Db, code: Annotated[str, Form(max_length=20)] = ""
) -> Response:
    state = app_state(request)
    if (limited := _too_many(state, request)) is not None:
        return limited
    try:
        verified = verify_code(s, state.secret, claim_id[:64], code, datetime.now(UTC), state.limits)
    except ClaimRefused as e:
        s.commit()  # the wrong try counts
        state.limiter.count(state.per_client.code_tries, client_address(request))
        error = shopper_texts(request)(e.key, **e.values)
        return _page(state, request, "code.html", 400, claim_id=claim_id, phone=None, error=error)
    s.commit()
    max_age = int(state.limits.session_ttl.total_seconds())
    if verified.note:
        page = _message(state, request, 409, "account.not_saved", verified.note, me=True)
        return _signed_in(page, request, verified.session_token, max_age)
    redirect = RedirectResponse(_here(request, "/me"), status_code=303, headers=NO_STORE)
    return _signed_in(redirect, request, verified.session_token, max_age)


@router.get("/me", response_class=HTMLResponse)
def me(request: Request, s: Db) -> Response:
    state = app_state(request)
    customer = session_customer(s, state.secret, request.cookies.get(COOKIE), datetime.now(UTC))
    if customer is None:
        return _page(state, request, "phone.html", token=None, error=None)
    purchases = purchase_history(s, customer.id)
    granted = {c.channel for c in consents_of(s, customer.id) if c.granted}
    consents = [(channel, channel in granted) for channel in CHANNELS]
    suggested = for_customer(s, customer.id, SUGGESTED)
    return _page(state, request, "me.html", purchases=purchases, consents=consents, suggested=suggested)


@router.post("/me/consent")
def consent(request: Request, s: Db, granted: Annotated[list[str] | None, Form()] = None) -> Response:
    """The shopper's choice of channels, as the form's boxes stand: each channel that changed is one
    event in the history (crud/consents.py); a box left as it was records nothing."""
    state = app_state(request)
    now = datetime.now(UTC)
    customer = session_customer(s, state.secret, request.cookies.get(COOKIE), now)
    if customer is not None:
        for channel in CHANNELS:
            set_consent(s, customer.id, channel, channel in (granted or []), "me-page", now)
        s.commit()
    return RedirectResponse(_here(request, "/me"), status_code=303, headers=NO_STORE)


@router.post("/me/login", response_class=HTMLResponse)
def login(request: Request, s: Db, phone: Annotated[str, Form(max_length=40)] = "") -> Response:
    state = app_state(request)
    if (limited := _too_many(state, request)) is not None:
        return limited
    return _send_code(state, s, request, phone, None)


@router.post("/me/logout")
def logout(request: Request, s: Db) -> Response:
    state = app_state(request)
    end_session(s, state.secret, request.cookies.get(COOKIE))
    s.commit()
    response = RedirectResponse(_here(request, "/me"), status_code=303, headers=NO_STORE)
    response.delete_cookie(COOKIE, path="/")
    return response
