"""The store: each spooled job stored exactly once with its transaction and outbox row, whatever the
moment the agent is killed."""

from __future__ import annotations

import json
import random
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

REPO = Path(__file__).resolve().parents[1]


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


def test_agent_killed_at_random_points_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    import threading

    spool, db = tmp_path / "spool", tmp_path / "box.db"
    rs = receipts(300, seed=21)
    spool.mkdir()
    ids: list[str] = []

    def bridge() -> None:  # receipts keep arriving while the agent is killed and restarted
        writer = SpoolWriter(spool)
        for i, r in enumerate(rs):
            writer.append(r, i, datetime.now(UTC))
            path = writer.finish(Boundary.CUT, True, datetime.now(UTC))
            assert path is not None
            ids.append(path.name)
            time.sleep(0.025)

    producer = threading.Thread(target=bridge)
    producer.start()
    rng = random.Random(4)
    cmd = [sys.executable, "-m", "edge", "agent", "--spool", str(spool), "--db", str(db)]
    kills = 0
    deadline = time.monotonic() + 240
    while (producer.is_alive() or list_jobs(spool)) and time.monotonic() < deadline:
        proc = subprocess.Popen(cmd, cwd=REPO, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 1.2))  # start-up takes most of this; some jobs get stored
        proc.send_signal(signal.SIGKILL)  # anywhere: mid-parse, mid-commit, between commit and unlink
        proc.wait()
        kills += 1
    producer.join()
    assert kills >= 8 and not list_jobs(spool)
    sessions = open_store(db)
    with sessions() as s:
        stored = sorted(s.scalars(select(Capture.job_id)).all())
        seqs = [r for r in s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)).all()]
    assert [f"{i}.job" for i in stored] == sorted(ids)  # every job, once
    assert seqs == list(range(1, len(rs) + 1))  # one outbox row each, numbered without gaps
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


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
