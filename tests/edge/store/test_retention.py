"""Retention removes only what is old *and* synced; sequence numbers survive pruning; an older store is
migrated in place."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from edge.store.database import SCHEMA_VERSION, open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from edge.store.retention import prune
from hardware_tests.receipts import receipts
from tests.helpers import spool_jobs


def fill(tmp_path: Path, n: int) -> Path:
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(n))
    return spool


def test_only_old_and_synced_captures_go(tmp_path: Path) -> None:
    sessions = open_store(tmp_path / "box.db")
    ingest_spool(fill(tmp_path, 6), sessions)
    now = datetime.now(UTC)
    with sessions.begin() as s:
        ids = s.scalars(select(Capture.id).order_by(Capture.id)).all()
        old = ids[:4]
        s.execute(update(Capture).where(Capture.id.in_(old)).values(stored_at=now - timedelta(days=40)))
        # Two of the old ones are synced, two are not; one recent one is synced.
        synced = [ids[0], ids[1], ids[4]]
        tx = select(TransactionRow.id).where(TransactionRow.capture_id.in_(synced))
        s.execute(update(OutboxEntry).where(OutboxEntry.transaction_id.in_(tx)).values(delivered_at=now))
    result = prune(sessions, days=30, now=now)
    assert result.captures == 2 and result.outbox_rows == 0  # delivered rows wait out their grace
    with sessions() as s:
        left = set(s.scalars(select(Capture.id)).all())
        assert left == set(ids) - {ids[0], ids[1]}
        assert s.scalar(select(func.count(TransactionRow.id))) == 4
    later = prune(sessions, days=30, now=now + timedelta(days=2))
    assert later.captures == 0 and later.outbox_rows == 1  # the recent synced one's outbox row
    with sessions() as s:
        assert s.scalar(select(func.count(OutboxEntry.seq)).where(OutboxEntry.delivered_at.is_(None))) == 3


def test_sequence_numbers_are_never_reused_after_pruning(tmp_path: Path) -> None:
    sessions = open_store(tmp_path / "box.db")
    ingest_spool(fill(tmp_path, 3), sessions)
    long_ago = datetime.now(UTC) - timedelta(days=90)
    with sessions.begin() as s:
        s.execute(update(OutboxEntry).values(delivered_at=long_ago))
        s.execute(update(Capture).values(stored_at=long_ago))
    assert prune(sessions, days=30).captures == 3
    with sessions() as s:
        assert s.scalar(select(func.count(OutboxEntry.seq))) == 0
    ingest_spool(fill(tmp_path / "more", 2), sessions)
    with sessions() as s:
        assert s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)).all() == [4, 5]


def test_a_version_2_store_is_migrated_and_keeps_its_sequence(tmp_path: Path) -> None:
    db = tmp_path / "box.db"
    sessions = open_store(db)
    ingest_spool(fill(tmp_path, 2), sessions)
    sessions.kw["bind"].dispose()
    # Take the store back to schema 2 as an older agent left it.
    conn = sqlite3.connect(db)
    for statement in (
        "DROP INDEX ix_outbox_transaction_id",
        "ALTER TABLE captures DROP COLUMN sealed",
        "ALTER TABLE captures DROP COLUMN images_dropped",
        "ALTER TABLE transactions DROP COLUMN tags",
        "ALTER TABLE transactions DROP COLUMN revision",
        "DROP TABLE counters",
        "PRAGMA user_version=2",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    sessions = open_store(db)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    ingest_spool(fill(tmp_path / "more", 1), sessions)
    with sessions() as s:
        assert s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)).all() == [1, 2, 3]
        assert all(r.revision == 1 for r in s.scalars(select(TransactionRow)))
