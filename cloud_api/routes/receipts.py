"""GET /r/{token}: the page the QR on the paper opens.

A token the service has not seen answers 404 — with a page that tells the shopper the receipt is on its
way and reloads itself, since the QR is printed before the box has synced the sale. Tokens are random
(96 bits) and carry nothing, so unknown and not-yet-arrived cannot be told apart, and need not be; what
stops enumeration is the per-client limit on misses (429 once exceeded).
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from cloud_api.crud.receipts import receipt_by_token
from cloud_api.deps import app_state, client_address

router = APIRouter()
TOKEN = re.compile(r"[A-Za-z0-9_-]{16}")  # as the box makes them (edge/qr/token.py)
REFRESH_S = 5


@router.get("/r/{token}", response_class=HTMLResponse)
async def receipt_page(token: str, request: Request) -> Response:
    # On the event loop, not the thread pool: the work is one indexed lookup (well under a millisecond)
    # and a render, and the hop to a worker thread and back cost more than that under load — with 50
    # clients, p99 fell from 130 ms to 35 ms (BENCHMARKS.md). The price: a database that stalls stalls
    # this process's loop, as it would have tied up every pool thread anyway.
    state = app_state(request)
    client = client_address(request)
    if state.misses.blocked(client):
        return HTMLResponse(
            "Too many receipts looked up; try again in a minute.",
            status_code=429,
            headers={"Retry-After": str(int(state.misses.window_s))},
        )
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    if not TOKEN.fullmatch(token):
        state.misses.miss(client)
        return HTMLResponse("No such receipt.", status_code=404, headers=headers)
    with state.reads() as s:
        view = receipt_by_token(s, token)
    if view is None:
        state.misses.miss(client)
        return state.templates.TemplateResponse(
            request, "on_its_way.html", {"refresh_s": REFRESH_S}, status_code=404, headers=headers
        )
    return state.templates.TemplateResponse(
        request, "receipt.html", {"r": view, "token": token, "region": state.region}, headers=headers
    )
