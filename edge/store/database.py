"""Opening the store: SQLite in WAL mode with full fsync on commit, and the schema's version.

WAL lets the agent write while `tillbox status` reads; synchronous=FULL makes a commit durable before it
returns, so once the agent deletes a spool file its receipt is on the SD card, whatever happens next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from edge.store.models import Base

SCHEMA_VERSION = 2
# Steps from each version to the next; a new store is created at SCHEMA_VERSION directly.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        "ALTER TABLE captures ADD COLUMN qr_token VARCHAR(32)",
        "CREATE UNIQUE INDEX ix_captures_qr_token ON captures (qr_token)",
    ],
}


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def open_store(path: Path) -> sessionmaker[Session]:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    migrate(engine)
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
            version = SCHEMA_VERSION
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS[version]:
                conn.execute(text(statement))
            version += 1
        conn.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))
