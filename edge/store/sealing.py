"""Customer data sealed at rest: a stolen SD card gives away no customer.

The box's key is 32 random bytes in a file only the agent's user can read (0600), made at first start.
What is sealed with it (AES-256-GCM, a fresh 96-bit nonce per value):
- every capture's raw bytes, since the paper may carry a member number or a full phone number;
- the member number and the phone of each stored transaction JSON (and of its outbox copy), so the
  database can be read for support without a key and shows no customer.
The associated data binds each value to what it is ("capture", "member_id"), so a sealed value moved to
another field does not open.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.secret_file import secret_file

KEY_BYTES = 32
_NONCE = 12
BLOB_MAGIC = b"TBS1"  # sealed blob: magic, nonce, ciphertext with its tag
FIELD_PREFIX = "sealed:v1:"
Fields = tuple[tuple[str, ...], ...]
# The customer fields of a transaction JSON, and of the record the outbox holds for the cloud.
TRANSACTION_FIELDS: Fields = (("member_id",), ("phone_masked",))
TAGS_FIELDS: Fields = (("member_id",),)
RECORD_FIELDS: Fields = (
    ("transaction", "member_id"),
    ("transaction", "phone_masked"),
    ("tags", "member_id"),
    ("paper",),
    ("paper_png",),
    ("job_bytes",),
)


class SealError(ValueError):
    """A sealed value that does not open with this key: another box's, or damaged."""


@dataclass(frozen=True)
class BoxKey:
    key: bytes

    def seal(self, data: bytes, what: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return BLOB_MAGIC + nonce + AESGCM(self.key).encrypt(nonce, data, what.encode())

    def open(self, blob: bytes, what: str) -> bytes:
        if not blob.startswith(BLOB_MAGIC):
            raise SealError(f"{what}: not a sealed value")
        nonce = blob[len(BLOB_MAGIC) : len(BLOB_MAGIC) + _NONCE]
        try:
            return AESGCM(self.key).decrypt(nonce, blob[len(BLOB_MAGIC) + _NONCE :], what.encode())
        except InvalidTag:
            raise SealError(f"{what}: does not open with this box's key") from None

    def seal_text(self, value: str, what: str) -> str:
        return FIELD_PREFIX + base64.urlsafe_b64encode(self.seal(value.encode(), what)).decode()

    def open_text(self, value: str, what: str) -> str:
        if not value.startswith(FIELD_PREFIX):
            raise SealError(f"{what}: not a sealed value")
        try:
            blob = base64.urlsafe_b64decode(value[len(FIELD_PREFIX) :])
        except ValueError:
            raise SealError(f"{what}: not a sealed value") from None
        return self.open(blob, what).decode()


def load_or_create_key(path: Path) -> BoxKey:
    """The box's sealing key."""
    return BoxKey(secret_file(path, KEY_BYTES))


def _walk(body: dict[str, Any], where: tuple[str, ...]) -> tuple[dict[str, Any], str] | None:
    node: Any = body
    for step in where[:-1]:
        node = node.get(step) if isinstance(node, dict) else None
    return (node, where[-1]) if isinstance(node, dict) else None


def seal_fields(body: dict[str, Any], key: BoxKey, fields: Fields) -> dict[str, Any]:
    """The JSON with its customer fields sealed (in place, and returned)."""
    for where in fields:
        found = _walk(body, where)
        if found and isinstance(found[0].get(found[1]), str):
            found[0][found[1]] = key.seal_text(found[0][found[1]], where[-1])
    return body


def open_fields(body: dict[str, Any], key: BoxKey, fields: Fields) -> dict[str, Any]:
    """The JSON as it is sent to the cloud (over TLS): customer fields in the clear."""
    for where in fields:
        found = _walk(body, where)
        value = found[0].get(found[1]) if found else None
        if found and isinstance(value, str) and value.startswith(FIELD_PREFIX):
            found[0][found[1]] = key.open_text(value, where[-1])
    return body
