"""The record as the wire's typed model (sync/wire/record.py): the box builds it, the cloud reads it and
refuses — whole, with the field named — one that does not read or that is newer than it knows."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from cloud_api.crud.ingest import UnreadableError, read_record
from sync.wire.model import WireError, from_wire, to_wire
from sync.wire.record import RECORD_VERSION, Record

TX: dict[str, Any] = {"kind": "sale", "status": "ok", "currency": "CNY", "total": "12.50", "items": []}
GOOD: dict[str, Any] = {
    "record_version": RECORD_VERSION,
    "job_id": "20261207T101500-0001",
    "revision": 1,
    "qr_token": "a" * 16,
    "started_at": "2026-12-07T10:15:00+08:00",
    "transaction": TX,
    "tags": {"store_id": "s12"},
    "paper": "sealed…",
    "paper_png": None,
    "language": "zh-Hans",
}


def test_a_record_goes_over_json_and_back() -> None:
    record = from_wire(Record, GOOD)
    assert from_wire(Record, json.loads(json.dumps(to_wire(record)))) == record
    assert read_record(GOOD).total is not None and read_record(GOOD).job_id == GOOD["job_id"]


def test_a_record_newer_than_the_cloud_knows_is_refused_whole() -> None:
    # The cloud checked no version before: a box ahead of it would have been stored in part.
    with pytest.raises(UnreadableError, match=f"record_version: {RECORD_VERSION + 1} is newer"):
        read_record({**GOOD, "record_version": RECORD_VERSION + 1})
    assert read_record({k: v for k, v in GOOD.items() if k != "record_version"}).job_id  # v1 had none


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"job_id": None}, "Record.job_id: text expected"),
        ({"job_id": "j" * 65}, "Record.job_id: longer than 64 characters"),
        ({"job_id": ""}, "Record.job_id: empty"),
        ({"revision": 0}, "Record.revision: 0 is out of range"),
        ({"revision": True}, "Record.revision: a whole number expected"),
        ({"transaction": ["sale"]}, "Record.transaction: an object expected"),
        ({"tags": "store"}, "Record.tags: an object expected"),
        ({"record_version": "3"}, "Record.record_version: a whole number expected"),
    ],
)
def test_a_record_that_does_not_read_names_its_field(change: dict[str, Any], named: str) -> None:
    with pytest.raises(UnreadableError, match=re.escape(named)):
        read_record({**GOOD, **change})


def test_the_transaction_is_required() -> None:
    body = {k: v for k, v in GOOD.items() if k != "transaction"}
    with pytest.raises(WireError, match=r"Record\.transaction: missing"):
        from_wire(Record, body)
