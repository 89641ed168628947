"""Retention removes only what is old *and* synced; sequence numbers survive pruning; an older store is
migrated in place.

Invariant 4's proof from here is in tests/invariants/test_4_delivered_once.py:
`test_only_old_and_synced_captures_go`, `test_sequence_numbers_are_never_reused_after_pruning`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from edge.store.database import SCHEMA_VERSION, open_store
from edge.store.ingest import ingest_spool
from edge.store.models import OutboxEntry, TransactionRow
from hardware_tests.receipts import receipts
from tests.helpers import spool_jobs


def fill(tmp_path: Path, n: int) -> Path:
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(n))
    return spool


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
