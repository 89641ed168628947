"""Alembic environment: the service's tables and sync's ledger, on the URL `cloud_api.migrate` passes."""

from __future__ import annotations

from alembic import context

from cloud_api.core.db import make_engine
from cloud_api.models import Base
from sync.ledger import LedgerBase

TARGET = [Base.metadata, LedgerBase.metadata]


def run() -> None:
    url = context.config.attributes.get("url") or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL for the migration")
    engine = make_engine(url)
    with engine.connect() as connection:
        # SQLite alters tables by copying them (batch mode); PostgreSQL alters in place.
        context.configure(
            connection=connection, target_metadata=TARGET, render_as_batch=connection.dialect.name == "sqlite"
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
