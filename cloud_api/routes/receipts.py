"""GET /r/{token}: the page the QR on the paper opens, in the shopper's language; /r/{token}/paper.png,
the paper as it printed.

A token the service has not seen answers 404 — with a page that tells the shopper the receipt is on its
way and reloads itself, since the QR is printed before the box has synced the sale. Tokens are random
(96 bits) and carry nothing, so unknown and not-yet-arrived cannot be told apart, and need not be; what
stops enumeration is the per-client limit on misses (429 once exceeded).

A receipt's first view by a shopper is recorded (`transactions.first_viewed_at`): the QR scans of the
funnel (cloud_api/crud/funnel.py). HQ opening it, or the shopper from their list at /me, is no scan.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from cloud_api.crud.receipts import mark_viewed, paper_picture, receipt_by_token
from cloud_api.crud.suggestions import for_receipt
from cloud_api.crud.users import user_for_token
from cloud_api.deps import AppState, app_state, bearer, client_address
from cloud_api.i18n import COOKIE, Texts, choose
from cloud_api.routes.dashboard import COOKIE as HQ_COOKIE

router = APIRouter()
TOKEN = re.compile(r"[A-Za-z0-9_-]{16}")  # as the box makes them (edge/qr/token.py)
REFRESH_S = 5
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
SUGGESTED = 3  # suggestions under a receipt: a few, below the receipt, not a catalogue


def shopper_texts(request: Request, receipt_language: str | None = None) -> Texts:
    """The language of a shopper's page: ?lang= (the switch), their earlier choice, the receipt's, the
    browser's (see cloud_api.i18n.choose)."""
    return Texts(
        choose(
            request.query_params.get("lang"),
            request.cookies.get(COOKIE),
            receipt_language,
            request.headers.get("accept-language"),
        )
    )


def rate_limited(state: AppState, request: Request) -> Response | None:
    if state.limiter.blocked(state.per_client.token_misses, client_address(request)):
        return too_many(state)
    return None


def too_many(state: AppState) -> Response:
    return HTMLResponse(
        "Too many receipts looked up; try again in a minute.",
        status_code=429,
        headers={"Retry-After": str(state.per_client.token_misses.window_s)},
    )


def missed(state: AppState, request: Request) -> Response | None:
    """A token looked up in vain, counted against the address (the page, its picture, the claim form);
    the refusal to give instead of "no such receipt" once the address is over its limit."""
    return (
        too_many(state)
        if state.limiter.over(state.per_client.token_misses, client_address(request))
        else None
    )


def from_hq(session: Session, request: Request, now: datetime) -> bool:
    """Someone at HQ opening a receipt, not a shopper who scanned it: an API token, or the dashboard's
    session (whose cookie is sent to /r/ too for this, see routes/dashboard.login)."""
    token = bearer(request)
    if token is not None and user_for_token(session, token, "api", now) is not None:
        return True
    cookie = request.cookies.get(HQ_COOKIE)
    return cookie is not None and user_for_token(session, cookie, "session", now) is not None


@router.get("/r/{token}", response_class=HTMLResponse)
async def receipt_page(token: str, request: Request) -> Response:
    # On the event loop, not the thread pool: the work is a few indexed lookups and a render, and the hop
    # to a worker thread and back cost more than the receipt's lookup alone under load — with 50 clients,
    # p99 fell from 130 ms to 35 ms (BENCHMARKS.md). The suggestions' lookups (its items' products, at
    # most two scopes' rules) add 1-3 ms with a store's 500 rules and 20,000 products (bench/
    # receipt_suggestions.py). The price: a database that stalls stalls this process's loop, as it would
    # have tied up every pool thread anyway.
    state = app_state(request)
    if (limited := rate_limited(state, request)) is not None:
        return limited
    if not TOKEN.fullmatch(token):
        if (refused := missed(state, request)) is not None:
            return refused
        return HTMLResponse("No such receipt.", status_code=404, headers=PRIVATE)
    with state.reads() as s:
        view = receipt_by_token(s, token)
        # From the receipt's own items only: whoever holds the link sees it, signed in or not. A refund or
        # a voided sale suggests nothing.
        suggested = (
            for_receipt(
                s, view.retailer, view.store_code, [(i.name, i.code) for i in view.tx.items], SUGGESTED
            )
            if view is not None and view.kind == "sale"
            else []
        )
    if view is None:
        if (refused := missed(state, request)) is not None:
            return refused
        t = shopper_texts(request)
        return state.templates.TemplateResponse(
            request, "on_its_way.html", {"refresh_s": REFRESH_S, "t": t}, status_code=404, headers=PRIVATE
        )
    # The first view writes once; every later one reads only. A receipt opened from the shopper's own list
    # at /me (its links say via=me) is a purchase looked up again, not a paper's QR scanned.
    if not view.viewed and request.query_params.get("via") != "me":
        now = datetime.now(UTC)
        with state.sessions.begin() as s:
            if not from_hq(s, request, now):
                mark_viewed(s, token, now)
    t = shopper_texts(request, view.language)
    response = state.templates.TemplateResponse(
        request, "receipt.html", {"r": view, "token": token, "t": t, "suggested": suggested}, headers=PRIVATE
    )
    if request.query_params.get("lang") == t.lang:  # the shopper switched: keep it for the next pages
        response.set_cookie(COOKIE, t.lang, max_age=365 * 86400, samesite="lax", path="/")
    return response


@router.get("/r/{token}/paper.png")
async def paper_png(token: str, request: Request) -> Response:
    state = app_state(request)
    if (limited := rate_limited(state, request)) is not None:
        return limited
    png = None
    if TOKEN.fullmatch(token):
        with state.reads() as s:
            png = paper_picture(s, token)
    if png is None:
        if (refused := missed(state, request)) is not None:
            return refused
        return Response(status_code=404, headers=PRIVATE)
    # The shopper's browser may keep it (it never changes for a token); nobody in between may.
    return Response(
        png, media_type="image/png", headers={**PRIVATE, "Cache-Control": "private, max-age=3600"}
    )
