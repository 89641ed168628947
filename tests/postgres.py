"""A real PostgreSQL database per test: created on the server the setup script made sure of
(TILLBOX_PG_URL, or postgres@127.0.0.1:5432) and dropped afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from sqlalchemy.exc import OperationalError

from bench.common import PG_ADMIN_URL, scratch_postgres


@contextmanager
def fresh_database() -> Iterator[str]:
    with ExitStack() as stack:
        try:
            url = stack.enter_context(scratch_postgres("tillbox_test"))
        except OperationalError as e:
            pytest.fail(
                f"PostgreSQL is needed at {PG_ADMIN_URL} ({e.orig}); ./scripts/setup.sh starts one when run "
                "as root, or set TILLBOX_PG_URL",
                pytrace=False,
            )
        yield url
