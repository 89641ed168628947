"""Ed25519 public keys as text: base64url without padding, 32 bytes. How a box's key travels to
enrolment (`tillbox status` prints it) and HQ's config key to box.toml (`tillbox-cloud config key`)."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def parse_public_key(text: str) -> Ed25519PublicKey:
    """Raises ValueError, saying why, for anything but a 32-byte key in base64url."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as e:
        raise ValueError(f"public key {text!r} is not base64url: {e}") from None
    if len(raw) != 32:
        raise ValueError(f"public key is {len(raw)} bytes; an Ed25519 key is 32")
    return Ed25519PublicKey.from_public_bytes(raw)
