"""Receipt tokens: 96 random bits, URL-safe, 16 characters, no personal data (invariant 6)."""

from __future__ import annotations

import re
import secrets

TOKEN_BYTES = 12  # 96 bits: guessing one of a billion live receipts takes ~2^66 tries
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(text: str) -> bool:
    return _TOKEN.fullmatch(text) is not None


def receipt_url(template: str, token: str) -> str:
    """The e-receipt address from the box's template, e.g. https://r.example.com/r/{token}."""
    if "{token}" not in template:
        raise ValueError(f"QR URL template {template!r} has no {{token}} placeholder")
    return template.replace("{token}", token)
