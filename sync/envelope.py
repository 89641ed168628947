"""The signed envelope every box message travels in, and the message that carries a batch of them.

    message  = {"v": 1, "envelopes": [envelope, ...]}               canonical JSON, one MQTT payload
    envelope = {"device_id", "seq", "kind", "created_at", "body", "sig"}

`sig` is the device's Ed25519 signature (base64url, no padding) over the canonical JSON of the envelope
without `sig`. Each envelope is signed on its own, so the cloud can keep it with its proof whatever batch
it came in. `seq` is the device's outbox sequence number (persisted, strictly increasing) for
`transaction` and `correction`; a `heartbeat` has none and must be recent instead (a replayed old one is
refused). The written-down schema: docs/sync.md and sync/envelope.schema.json.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.canonical import NotCanonical, canonical_bytes, dumps_checked, loads_strict

VERSION = 1
Kind = Literal["transaction", "correction", "heartbeat"]
KINDS: frozenset[str] = frozenset({"transaction", "correction", "heartbeat"})
SEQUENCED: frozenset[str] = frozenset({"transaction", "correction"})
DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
MAX_MESSAGE_BYTES = 1024 * 1024  # a batch is capped well below the broker's limit
HEARTBEAT_MAX_AGE = timedelta(minutes=10)


class BadEnvelope(ValueError):
    """A message or envelope the cloud must refuse; `reason` is the counter it is counted under."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True)
class Envelope:
    device_id: str
    seq: int | None
    kind: Kind
    created_at: datetime
    body: dict[str, Any]
    sig: str = ""

    def unsigned(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "kind": self.kind,
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "body": self.body,
        }

    def signed_by(self, key: Ed25519PrivateKey) -> Envelope:
        sig = key.sign(canonical_bytes(self.unsigned()))
        return Envelope(self.device_id, self.seq, self.kind, self.created_at, self.body, _b64(sig))

    def to_json(self) -> dict[str, Any]:
        return {**self.unsigned(), "sig": self.sig}

    def verify(self, key: Ed25519PublicKey) -> None:
        """For a decoded envelope (loads_strict has refused any float)."""
        try:
            key.verify(_unb64(self.sig), dumps_checked(self.unsigned()))
        except (InvalidSignature, ValueError):
            raise BadEnvelope("bad_signature", f"{self.device_id} seq {self.seq}") from None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class MessageTooLarge(ValueError):
    """A batch over MAX_MESSAGE_BYTES: send it in smaller ones."""


def encode_message(envelopes: list[Envelope]) -> bytes:
    # Each envelope's body was checked when it was signed.
    data = dumps_checked({"v": VERSION, "envelopes": [e.to_json() for e in envelopes]})
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageTooLarge(f"message of {len(data)} bytes is over {MAX_MESSAGE_BYTES}: split the batch")
    return data


def _envelope(raw: Any, i: int) -> Envelope:
    if not isinstance(raw, dict) or set(raw) != {"device_id", "seq", "kind", "created_at", "body", "sig"}:
        raise BadEnvelope("malformed", f"envelope {i}: wrong fields")
    device, seq, kind = raw["device_id"], raw["seq"], raw["kind"]
    if not isinstance(device, str) or not DEVICE_ID.fullmatch(device):
        raise BadEnvelope("malformed", f"envelope {i}: device_id")
    if kind not in KINDS:
        raise BadEnvelope("malformed", f"envelope {i}: kind {kind!r}")
    if kind in SEQUENCED:
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise BadEnvelope("malformed", f"envelope {i}: seq must be a positive integer")
    elif seq is not None:
        raise BadEnvelope("malformed", f"envelope {i}: a heartbeat has no seq")
    if not isinstance(raw["body"], dict) or not isinstance(raw["sig"], str):
        raise BadEnvelope("malformed", f"envelope {i}: body must be an object, sig a string")
    try:
        created = datetime.fromisoformat(raw["created_at"])
    except (TypeError, ValueError):
        raise BadEnvelope("malformed", f"envelope {i}: created_at") from None
    if created.tzinfo is None:
        raise BadEnvelope("malformed", f"envelope {i}: created_at without a time zone")
    return Envelope(device, seq, kind, created, raw["body"], raw["sig"])


def decode_message(payload: bytes) -> list[Envelope]:
    """The envelopes of a message, well-formed but not yet verified (see `verify_message`)."""
    if len(payload) > MAX_MESSAGE_BYTES:
        raise BadEnvelope("too_large", f"{len(payload)} bytes")
    try:
        msg = loads_strict(payload)
    except (UnicodeDecodeError, ValueError, NotCanonical, RecursionError) as e:
        raise BadEnvelope("malformed", f"not canonical JSON: {e}") from None
    if not isinstance(msg, dict) or set(msg) != {"v", "envelopes"}:
        raise BadEnvelope("malformed", "a message has exactly v and envelopes")
    if msg["v"] != VERSION:
        raise BadEnvelope("unsupported_version", f"v={msg['v']!r}")
    if not isinstance(msg["envelopes"], list) or not msg["envelopes"]:
        raise BadEnvelope("malformed", "envelopes must be a non-empty list")
    return [_envelope(raw, i) for i, raw in enumerate(msg["envelopes"])]


def verify_message(
    payload: bytes, topic_device: str, key: Ed25519PublicKey | None, now: datetime | None = None
) -> list[Envelope]:
    """Decode and check a message that arrived on `topic_device`'s topic: every envelope of that device
    (the broker's ACL ties the topic to the box's certificate), signed with its key, heartbeats recent."""
    envelopes = decode_message(payload)
    if key is None:
        raise BadEnvelope("unknown_device", topic_device)
    now = now or datetime.now(UTC)
    for e in envelopes:
        if e.device_id != topic_device:
            raise BadEnvelope("wrong_device", f"{e.device_id} on {topic_device}'s topic")
        e.verify(key)
        if e.kind == "heartbeat" and abs(now - e.created_at) > HEARTBEAT_MAX_AGE:
            raise BadEnvelope("replayed", f"heartbeat from {e.created_at.isoformat()}")
    return envelopes
