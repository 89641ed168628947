"""The transaction of a stored record, read by the wire's model (sync/wire/transaction.py): the one
reading the receipt page, customers' views, reports and claims share, instead of each taking the JSON
apart key by key."""

from __future__ import annotations

import logging

from sync.wire.model import WireError, from_wire
from sync.wire.transaction import Transaction

log = logging.getLogger(__name__)
EMPTY = Transaction()


def transaction_of(record: object) -> Transaction:
    """Ingest refuses a record whose transaction does not read; one stored before it checked the whole
    transaction may not, and reads as an empty one (its row's columns still hold kind, total and time)."""
    body = record.get("transaction") if isinstance(record, dict) else None
    try:
        return from_wire(Transaction, body)
    except WireError as err:
        log.warning("a stored transaction does not read: %s", err)
        return EMPTY
