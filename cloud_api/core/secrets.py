"""The service's secret: keys the hashes that find a phone or member number, and seals their values.

One 32-byte file (0600), made at first start for a single shop or a trial; a fleet gives every API and
ingest process the same file. Losing it makes the stored phones unreadable and unfindable, so it is
backed up with the database, never beside it in the same dump.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.secret_file import SecretFileError, secret_file

SIZE = 32
_NONCE = 12


@dataclass(frozen=True)
class ServiceSecret:
    key: bytes

    def _subkey(self, purpose: str) -> bytes:
        return hmac.new(self.key, b"tillbox-cloud/" + purpose.encode(), hashlib.sha256).digest()

    def keyed_hash(self, purpose: str, value: str) -> str:
        """Finds a value without storing it: equal values, equal hashes; nothing to try offline without
        the secret."""
        return hmac.new(self._subkey("hash/" + purpose), value.encode(), hashlib.sha256).hexdigest()

    def seal(self, purpose: str, value: str) -> str:
        nonce = os.urandom(_NONCE)
        blob = nonce + AESGCM(self._subkey("seal")).encrypt(nonce, value.encode(), purpose.encode())
        return base64.urlsafe_b64encode(blob).decode()

    def open(self, purpose: str, sealed: str) -> str:
        blob = base64.urlsafe_b64decode(sealed)
        try:
            return (
                AESGCM(self._subkey("seal")).decrypt(blob[:_NONCE], blob[_NONCE:], purpose.encode()).decode()
            )
        except InvalidTag:
            raise SecretFileError(f"{purpose}: does not open with this service's secret") from None


def load_or_create_secret(path: Path) -> ServiceSecret:
    """The service's secret, made at first start (sync/secret_file.py: written aside and linked into
    place, so `serve` and `ingest` starting together end with one secret)."""
    return ServiceSecret(secret_file(path, SIZE))
