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

SCHEMA_VERSION = 1


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
            fresh = not inspect(conn).get_table_names()
            Base.metadata.create_all(conn)
            if not fresh:
                raise RuntimeError("store has tables but no schema version: not a tillbox store")
        conn.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))
