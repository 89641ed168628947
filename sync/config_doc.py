"""What HQ pushes to a store's boxes on their config topic, signed so a box applies only HQ's word.

    payload = {"config": {...}, "sig": "<Ed25519 over the canonical JSON of config, base64url>"}
    config  = {"version": 3, "issued_at": "…Z", "pos_profile": {"name": "huaxin-pos", "toml": "…"} | null,
               "reparse": {"id": "…", "status": "needs_review"} | null}

The broker's ACL already lets only the cloud write config topics; the signature makes that a matter of
HQ's key, not of the broker's configuration: a box holding HQ's public key (`[cloud] hq_key`) refuses
anything else. `version` only ever rises; a box ignores a version it has already applied.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.canonical import NotCanonical, canonical_bytes, loads_strict

MAX_CONFIG_BYTES = 256 * 1024


class BadConfig(ValueError):
    pass


@dataclass(frozen=True)
class FleetConfig:
    version: int
    issued_at: str
    pos_profile: dict[str, str] | None = None  # {"name": …, "toml": …}
    reparse: dict[str, str] | None = None  # {"id": …, "status": "needs_review"}

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "issued_at": self.issued_at,
            "pos_profile": self.pos_profile,
            "reparse": self.reparse,
        }


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_config(config: FleetConfig, key: Ed25519PrivateKey) -> bytes:
    body = config.to_json()
    return canonical_bytes({"config": body, "sig": _b64(key.sign(canonical_bytes(body)))})


def _str_map(value: Any, keys: set[str], where: str) -> dict[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or set(value) != keys
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise BadConfig(f"{where}: an object with exactly {', '.join(sorted(keys))} (strings)")
    return dict(value)


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
    if not isinstance(body, dict):
        raise BadConfig("config: an object")
    version, issued = body.get("version"), body.get("issued_at")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version < 1
        or not isinstance(issued, str)
    ):
        raise BadConfig("config: version (a positive integer) and issued_at are needed")
    return FleetConfig(
        version=version,
        issued_at=issued,
        pos_profile=_str_map(body.get("pos_profile"), {"name", "toml"}, "pos_profile"),
        reparse=_str_map(body.get("reparse"), {"id", "status"}, "reparse"),
    )
