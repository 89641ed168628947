"""Customer data at rest: the key file, sealed values, and a store file that shows no member or phone."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from edge.store.records import ParseSettings
from edge.store.sealing import (
    RECORD_FIELDS,
    TRANSACTION_FIELDS,
    SealError,
    load_or_create_key,
    open_fields,
)
from sync.secret_file import SecretFileError
from tests.helpers import CORPUS, spool_jobs

MEMBER_RECEIPT = "zh-supermarket-00"  # prints member 8800852669 and phone 137****4716


def test_key_is_made_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "box.key"
    key = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(path.read_bytes()) == 32
    assert load_or_create_key(path) == key  # the second start reads the same key


def test_a_key_others_can_read_or_a_damaged_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "box.key"
    load_or_create_key(path)
    os.chmod(path, 0o644)
    with pytest.raises(SecretFileError, match="readable by others"):
        load_or_create_key(path)
    os.chmod(path, 0o600)
    path.write_bytes(b"short")
    with pytest.raises(SecretFileError, match="5 bytes"):
        load_or_create_key(path)


def test_sealed_values_open_only_with_the_same_key_and_purpose(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "a.key")
    other = load_or_create_key(tmp_path / "b.key")
    sealed = key.seal_text("8800852669", "member_id")
    assert "8800852669" not in sealed and sealed != key.seal_text("8800852669", "member_id")
    assert key.open_text(sealed, "member_id") == "8800852669"
    with pytest.raises(SealError):
        other.open_text(sealed, "member_id")
    with pytest.raises(SealError):
        key.open_text(sealed, "phone_masked")  # moved to another field: does not open


def test_the_store_file_holds_no_member_number_or_phone_in_clear(tmp_path: Path) -> None:
    raw = (CORPUS / f"{MEMBER_RECEIPT}.bin").read_bytes()
    truth = json.loads((CORPUS / f"{MEMBER_RECEIPT}.json").read_text())
    member, phone = truth["member_id"], truth["phone_masked"]
    assert member.encode() in raw  # the paper carries it, so the capture would too
    spool = tmp_path / "spool"
    spool_jobs(spool, [raw])
    key = load_or_create_key(tmp_path / "box.key")
    sessions = open_store(tmp_path / "box.db")
    assert ingest_spool(spool, sessions, ParseSettings(key=key)).stored == 1
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("box.db*"))  # the database and its WAL
    for secret in (member, phone, phone[-4:] + "\n"):
        assert secret.encode() not in on_disk
        assert secret.encode("utf-16-le") not in on_disk
    with sessions() as s:
        capture = s.scalars(select(Capture)).one()
        assert capture.sealed and capture.raw is not None
        assert key.open(capture.raw, "capture") == raw
        tx = s.scalars(select(TransactionRow)).one()
        body = open_fields(json.loads(tx.body), key, TRANSACTION_FIELDS)
        assert (body["member_id"], body["phone_masked"]) == (member, phone)
        out = open_fields(json.loads(s.scalars(select(OutboxEntry)).one().body), key, RECORD_FIELDS)
        assert out["transaction"]["member_id"] == member and out["tags"]["member_id"] == member
