"""Opening the store: SQLite in WAL mode with full fsync on commit, and the schema's version.

WAL lets the agent write while `tillbox status` reads; synchronous=FULL makes a commit durable before it
returns, so once the agent deletes a spool file its receipt is on the SD card, whatever happens next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from edge.store.models import Base

SCHEMA_VERSION = 3
# Steps from each version to the next; a new store is created at SCHEMA_VERSION directly.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        "ALTER TABLE captures ADD COLUMN qr_token VARCHAR(32)",
        "CREATE UNIQUE INDEX ix_captures_qr_token ON captures (qr_token)",
    ],
    2: [
        "ALTER TABLE captures ADD COLUMN sealed BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE captures ADD COLUMN images_dropped BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE transactions ADD COLUMN tags TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE transactions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX ix_outbox_transaction_id ON outbox (transaction_id)",
        "CREATE TABLE counters (name VARCHAR(32) NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (name))",
        "INSERT INTO counters (name, value) SELECT 'outbox_seq', COALESCE(MAX(seq), 0) FROM outbox",
    ],
}


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own BEGIN is deferred; ours (below) is IMMEDIATE, so two writers (the agent and a
    # `tillbox reparse`) queue on busy_timeout instead of one failing on a stale read of the sequence.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-512")  # 512 KiB: the agent's memory budget is 60 MB; reads are few
    cur.close()


class StoreUnreadable(RuntimeError):
    """The store file is there but is not a readable SQLite database: one line saying what to do."""


def _unreadable(path: Path, e: DatabaseError) -> StoreUnreadable:
    first = str(e.orig).splitlines()[0] if e.orig is not None else str(e).splitlines()[0]
    return StoreUnreadable(
        f"the store {path} cannot be read ({first}): stop the agent and move the file aside (keep it for "
        "recovery). A new store numbers the box's messages from 1 again, so the box must then come back "
        'as a new box: docs/install-box.md, "Replacing a box" (a new device id)'
    )


def open_store(path: Path) -> sessionmaker[Session]:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        migrate(engine)
    except DatabaseError as e:
        if isinstance(e, OperationalError) and "locked" in str(e.orig):
            raise  # another process holds it: not damage
        raise _unreadable(path, e) from None
    return sessionmaker(engine, expire_on_commit=False)


def migrate(engine: Engine) -> None:
    """Bring the schema to SCHEMA_VERSION; PRAGMA user_version records where a store stands."""
    with engine.begin() as conn:
        version = conn.execute(text("PRAGMA user_version")).scalar_one()
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"store schema {version} is newer than this agent ({SCHEMA_VERSION}); upgrade it"
            )
        if version == 0:
            if inspect(conn).get_table_names():
                raise RuntimeError("store has tables but no schema version: not a tillbox store")
            Base.metadata.create_all(conn)
            conn.execute(text("INSERT INTO counters (name, value) VALUES ('outbox_seq', 0)"))
            version = SCHEMA_VERSION
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS[version]:
                conn.execute(text(statement))
            version += 1
        conn.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))


def open_store_readonly(path: Path) -> sessionmaker[Session]:
    """For readers such as `tillbox status`: never creates, migrates or writes the store."""
    if not path.exists():
        raise RuntimeError(f"no store at {path} (has the agent run yet?)")
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            version = conn.execute(text("PRAGMA user_version")).scalar_one()
    except DatabaseError as e:
        raise _unreadable(path, e) from None
    if version != SCHEMA_VERSION:
        raise RuntimeError(f"store schema {version}, this tillbox reads {SCHEMA_VERSION}: start the agent")
    return sessionmaker(engine)
