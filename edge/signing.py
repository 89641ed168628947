"""The box's Ed25519 signing key: what proves to the cloud that an envelope is this box's. Made at first
start (32 random bytes, 0600); its public half is what enrolment registers (`tillbox status` prints it)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from edge.store.sealing import secret_file
from sync.keys import public_key_text as public_key_text  # what enrolment registers


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(secret_file(path, 32))
