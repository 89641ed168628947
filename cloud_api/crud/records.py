"""The transaction of a stored record, read by the wire's model (sync/wire/transaction.py): the one
reading the receipt page, customers' views, reports and claims share, instead of each taking the JSON
apart key by key.

The folds over many rows (a customer's favourite items, the day's report, the baskets behind the
recommendations: up to 20,000 records a request) read only the items' names and numbers, here, from rows
ingest has read whole already: the model's reading costs 40 us a record, this 1 us."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from cloud_api.money import parse_decimal
from sync.wire.model import WireError, from_wire
from sync.wire.transaction import Transaction

log = logging.getLogger(__name__)


def _items(record: object) -> list[Any]:
    tx = record.get("transaction") if isinstance(record, dict) else None
    items = tx.get("items") if isinstance(tx, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def item_names(record: object) -> list[str]:
    """The names of a stored record's items, as printed."""
    return [i["name"] for i in _items(record) if isinstance(i.get("name"), str) and i["name"]]


def item_lines(record: object) -> list[tuple[str, Decimal, Decimal]]:
    """A stored record's items as (name, quantity, amount)."""
    out = []
    for i in _items(record):
        name = i.get("name")
        if isinstance(name, str):
            out.append(
                (
                    name,
                    parse_decimal(i.get("quantity")) or Decimal(1),
                    parse_decimal(i.get("amount")) or Decimal(0),
                )
            )
    return out


def coded_items(record: object) -> list[tuple[str, str | None, Decimal]]:
    """A stored record's items as (name as printed, code or None, amount): what the catalogue, the
    basket rules, the tags and the recommendations look items up by."""
    out = []
    for i in _items(record):
        name = i.get("name")
        if isinstance(name, str) and name.strip():
            code = i.get("code") if isinstance(i.get("code"), str) else None
            out.append((name.strip(), code, parse_decimal(i.get("amount")) or Decimal(0)))
    return out


def transaction_of(record: object) -> Transaction:
    """Ingest refuses a record whose transaction does not read; one stored before it checked the whole
    transaction may not, and reads as an empty one (its row's columns still hold kind, total and time)."""
    body = record.get("transaction") if isinstance(record, dict) else None
    try:
        return from_wire(Transaction, body)
    except WireError as err:
        log.warning("a stored transaction does not read: %s", err)
        return Transaction()
