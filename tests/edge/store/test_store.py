"""The store: each spooled job stored exactly once with its transaction and outbox row, whatever the
moment the agent is killed.

Invariant 3's proof from here is in tests/invariants/test_3_no_printed_receipt_lost.py:
`test_agent_killed_at_random_points_loses_and_duplicates_nothing`."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolWriter, list_jobs
from hardware_tests.receipts import receipts
from tests.helpers import spool_jobs

REPO = Path(__file__).resolve().parents[3]


def test_a_job_becomes_capture_transaction_and_outbox_row(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(3))
    SpoolWriter(spool).append(b"\x10\x04\x01", 0, datetime.now(UTC))  # an unfinished job stays
    sessions = open_store(tmp_path / "box.db")
    result = ingest_spool(spool, sessions)
    assert (result.stored, result.duplicates) == (3, 0)
    assert list_jobs(spool) == []
    with sessions() as s:
        assert s.scalar(select(func.count(Capture.id))) == 3
        rows = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [r.seq for r in rows] == [1, 2, 3] and all(r.delivered_at is None for r in rows)
        tx = s.scalars(select(TransactionRow)).first()
        assert tx is not None and json.loads(tx.body)["schema_version"] == 1
        capture = s.get(Capture, tx.capture_id)
        assert capture is not None and capture.raw == receipts(3)[0]
    conn = sqlite3.connect(tmp_path / "box.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_job_taken_twice_is_stored_once(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(1))
    path = list_jobs(spool)[0]
    copy = path.read_bytes()
    sessions = open_store(tmp_path / "box.db")
    ingest_spool(spool, sessions)
    path.write_bytes(copy)  # as if the agent died after the commit, before deleting the file
    result = ingest_spool(spool, sessions)
    assert (result.stored, result.duplicates) == (0, 1)
    with sessions() as s:
        assert s.scalar(select(func.count(OutboxEntry.seq))) == 1


def test_stored_jobs_leave_no_garbage_for_the_collector(tmp_path: Path) -> None:
    """A capture and its transaction refer to each other: left as they were after the commit, a batch's
    objects (bodies, pictures) waited for the collector's rare full collection, MBs on the agent."""
    import gc

    spool = tmp_path / "spool"
    sessions = open_store(tmp_path / "box.db")
    spool_jobs(spool, receipts(3))
    ingest_spool(spool, sessions)  # the first batch compiles and caches the statements
    w = SpoolWriter(spool)
    for i, job in enumerate(receipts(6)[3:], start=3):
        w.append(job, i, datetime.now(UTC))
        w.finish(Boundary.CUT, True, datetime.now(UTC))
    gc.collect()
    gc.disable()
    try:
        result = ingest_spool(spool, sessions)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert result.stored == 3
    assert unreachable == 0


def test_newer_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "box.db"
    open_store(db)
    sqlite3.connect(db).execute("PRAGMA user_version=99")
    import pytest

    with pytest.raises(RuntimeError, match="newer"):
        open_store(db)


def test_agent_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "edge", "agent", "--spool", str(spool), "--db", str(tmp_path / "box.db")],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while not (tmp_path / "box.db").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) == 0
