"""Engine and sessions for SQLite (one file, a single shop or a trial) or PostgreSQL (a fleet)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # the web pages read while ingest writes
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


# The web server runs sync routes on up to 40 threads: a pool smaller than that opened and closed
# overflow connections per request (a new SQLite connection even sets WAL again), the page's top cost.
POOL = {"pool_size": 20, "max_overflow": 20}


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **POOL)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No pre-ping: it cost a round trip on every request (18 % of the page's time under load). A
    # connection the server dropped fails its one statement, SQLAlchemy then discards the whole pool, and
    # the next request connects afresh; recycling keeps connections from outliving server-side timeouts.
    return create_engine(url, pool_recycle=1800, **POOL)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_sessions(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions on the same pool that only read, in autocommit: no BEGIN and no ROLLBACK round trip per
    request (each was as costly as the query itself on the receipt page)."""
    engine = sessions.kw["bind"]
    return sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
