"""The signed configuration: what HQ pushes to a store's boxes (sync/wire/config.py), so a box applies
only HQ's word.

    payload = {"config": {...the FleetConfig document...}, "sig": "<Ed25519 over its canonical JSON>"}

The broker's ACL already lets only the cloud write config topics; the signature makes that a matter of
HQ's key, not of the broker's configuration: a box holding HQ's public key (`[cloud] hq_key`) refuses
anything else.
"""

from __future__ import annotations

import base64

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.canonical import NotCanonical, canonical_bytes, loads_strict
from sync.wire.config import MAX_CONFIG_BYTES, FleetConfig
from sync.wire.model import WireError, from_wire, to_wire


class BadConfig(ValueError):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_config(config: FleetConfig, key: Ed25519PrivateKey) -> bytes:
    body = to_wire(config)
    return canonical_bytes({"config": body, "sig": _b64(key.sign(canonical_bytes(body)))})


def verify_config(payload: bytes, key: Ed25519PublicKey) -> FleetConfig:
    if len(payload) > MAX_CONFIG_BYTES:
        raise BadConfig(f"{len(payload)} bytes: larger than {MAX_CONFIG_BYTES}")
    try:
        doc = loads_strict(payload)
    except (ValueError, NotCanonical, UnicodeDecodeError) as e:
        raise BadConfig(f"not a configuration: {e}") from None
    if not isinstance(doc, dict) or set(doc) != {"config", "sig"} or not isinstance(doc["sig"], str):
        raise BadConfig("not a signed configuration (config and sig)")
    body = doc["config"]
    try:
        key.verify(base64.urlsafe_b64decode(doc["sig"] + "=" * (-len(doc["sig"]) % 4)), canonical_bytes(body))
    except (InvalidSignature, ValueError):
        raise BadConfig("signature does not verify with HQ's key") from None
    try:
        return from_wire(FleetConfig, body, "config")
    except WireError as e:
        raise BadConfig(str(e)) from None
