"""The signed envelope: canonical bytes, signatures, and every way a message is refused (with its reason).

Invariant 6's proof from here is in tests/invariants/test_6_nobody_gets_in.py:
`test_every_refusal_has_its_reason`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.canonical import NotCanonical, canonical_bytes, loads_strict
from sync.envelope import (
    Envelope,
    MessageTooLarge,
    decode_message,
    encode_message,
    verify_message,
)
from sync.topics import DeviceTopics, cloud_subscription, parse_topic

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "sync" / "envelope.schema.json").read_text())
NOW = datetime(2026, 11, 22, 21, 4, 5, 123456, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def sale(seq: int, device: str = "s12-t1", total: str = "12.50") -> Envelope:
    body = {"job_id": f"job-{seq}", "transaction": {"total": total, "items": [{"name": "可乐", "qty": "2"}]}}
    return Envelope(device, seq, "transaction", NOW, body).signed_by(KEY)


def test_canonical_bytes_are_one_string_per_value() -> None:
    a = canonical_bytes({"b": [1, "二"], "a": {"y": None, "x": True}})
    assert a == '{"a":{"x":true,"y":null},"b":[1,"二"]}'.encode()
    with pytest.raises(NotCanonical, match="floats"):
        canonical_bytes({"total": 12.5})
    with pytest.raises(NotCanonical, match="duplicate"):
        loads_strict(b'{"a":1,"a":2}')
    with pytest.raises(NotCanonical, match="float"):
        loads_strict(b'{"a":1.5}')


def test_a_message_round_trips_verifies_and_matches_the_schema() -> None:
    payload = encode_message([sale(1), sale(2)])
    jsonschema.validate(json.loads(payload), SCHEMA)
    got = verify_message(payload, "s12-t1", KEY.public_key(), now=NOW)
    assert [(e.seq, e.body["transaction"]["total"]) for e in got] == [(1, "12.50"), (2, "12.50")]
    assert got[0].created_at == NOW
    hb = Envelope("s12-t1", None, "heartbeat", NOW, {"outbox_depth": 0}).signed_by(KEY)
    jsonschema.validate(json.loads(encode_message([hb])), SCHEMA)


def test_a_message_too_large_to_send_is_refused_on_the_box() -> None:
    big = Envelope("s12-t1", 1, "transaction", NOW, {"blob": "x" * (1024 * 1024)}).signed_by(KEY)
    with pytest.raises(MessageTooLarge, match="split the batch"):
        encode_message([big])
    assert decode_message(encode_message([sale(3)]))[0].sig == sale(3).sig  # deterministic signatures


def test_topics() -> None:
    t = DeviceTopics("acme", "s12", "s12-t1")
    assert (t.tx, t.ack) == ("tillbox/acme/s12/s12-t1/tx", "tillbox/acme/s12/s12-t1/ack")
    assert parse_topic(t.hb) == (t, "hb")
    assert parse_topic("tillbox/acme/s12/s12-t1/other") is None
    assert parse_topic("tillbox/acme/s12/+/tx") is None
    with pytest.raises(ValueError, match="device"):
        DeviceTopics("acme", "s12", "a/b")
    assert cloud_subscription("tx") == "$share/tillbox-ingest/tillbox/+/+/+/tx"
