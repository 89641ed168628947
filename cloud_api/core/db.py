"""Engine and sessions for SQLite (one file, a single shop or a trial) or PostgreSQL (a fleet)."""

from __future__ import annotations

from pathlib import Path
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


class DatabaseNotReady(RuntimeError):
    """No database where the settings point, or one without this version's schema: one line for the
    person at the terminal, never an empty file made in their current folder."""


def check_database(url: str) -> None:
    """Refuse to work on a database that is not there or not migrated, saying what to do."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from cloud_api.migrate import alembic_config

    parsed = make_url(url)
    where = parsed.database if parsed.get_backend_name() == "sqlite" else parsed.render_as_string(True)
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).is_file()):
        raise DatabaseNotReady(
            f"no database at {parsed.database or url}: give --config with your cloud.toml, "
            "or run `tillbox-cloud migrate` to create one there"
        )
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as e:
        raise DatabaseNotReady(f"cannot open the database at {where}: {str(e).splitlines()[0]}") from None
    finally:
        engine.dispose()
    if current is None:
        raise DatabaseNotReady(f"the database at {where} has no tillbox schema: run `tillbox-cloud migrate`")
    if current != head:
        raise DatabaseNotReady(
            f"the database at {where} is at schema {current}, this version needs {head}: "
            "run `tillbox-cloud migrate`"
        )
