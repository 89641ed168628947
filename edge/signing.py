"""The box's Ed25519 signing key: what proves to the cloud that an envelope is this box's. Made at first
start (32 random bytes, 0600); its public half is what enrolment registers (`tillbox status` prints it)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.keys import public_key_text as public_key_text  # what enrolment registers
from sync.secret_file import secret_file


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(secret_file(path, 32))


def enrolment_key(path: Path) -> str:
    """The public half to enrol, as `tillbox status` shows it; never makes a key (the agent does, as its
    own user, so that the file is its own)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return f"none yet: the agent makes {path} at its first start"
    except PermissionError:
        return f"{path} is not readable by this user: run `tillbox status` as the agent's user"
    if len(data) != 32:
        return f"{path} holds {len(data)} bytes, not 32: damaged"
    return public_key_text(Ed25519PrivateKey.from_private_bytes(data))
