"""Cross-site requests refused: a page elsewhere must not make a visitor's browser post to us.

Without this, a form on any site could post an attacker's claim id and code to /codes/{id} and sign the
visitor's browser in as the attacker (their next "Save" then files the visitor's receipt in the
attacker's account), or post to HQ's forms with an HQ user's cookie. Browsers say where a request comes
from: `Sec-Fetch-Site` (every current browser) and `Origin` (on every cross-site POST). A request that
changes state is refused when either says another site; one with neither comes from no browser (a
script, a test client) and carries no visitor's cookies, so it is let through.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME = frozenset({"same-origin", "none"})  # "none": the user's own doing (typed, bookmarked)


def cross_site(method: str, headers: dict[str, str]) -> bool:
    if method in SAFE_METHODS:
        return False
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:  # the browser's own judgement, whatever a proxy did to Host
        return fetch_site not in SAME
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":  # a sandboxed frame, a data: URL, a redirect across sites
        return True
    return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


class CrossSiteRefusal:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:  # reads cost nothing here
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            if cross_site(scope["method"], headers):
                body = b"Refused: this form was sent from another site."
                await send(
                    {
                        "type": "http.response.start",
                        "status": 403,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
