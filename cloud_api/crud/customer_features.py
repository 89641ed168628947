"""The customer features table (models.CustomerFeature): per customer, store and currency, the purchases,
spend and its squares, spend on discounted lines, first and last purchase, and the weekdays and hours
they buy at (the store's local time), recomputed from the stored sales.

On PostgreSQL the refresh is one set-based INSERT ... SELECT (the nightly job over a fleet's millions of
receipts); SQLite, the trial's database, has no exact decimal sum (it would add the money as floats), so
there the same figures are folded in Python. Both write the same rows (tests/cloud_api/
test_customer_features.py compares them with a fold of its own on both engines).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from cloud_api.crud.tags import apply_for
from cloud_api.models import CustomerFeature, Store, Transaction

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def refresh(
    session: Session,
    now: datetime,
    store_ids: Collection[int] | None = None,
    customer_ids: Collection[int] | None = None,
) -> int:
    """Recompute the rows of these stores and customers (every one where None) and return how many there
    are now. In the caller's transaction: readers see the old rows or the new, never none."""
    gone = delete(CustomerFeature)
    if store_ids is not None:
        gone = gone.where(CustomerFeature.store_id.in_(list(store_ids)))
    if customer_ids is not None:
        gone = gone.where(CustomerFeature.customer_id.in_(list(customer_ids)))
    session.execute(gone)
    if session.get_bind().dialect.name == "postgresql":
        return _insert_select(session, now, store_ids, customer_ids)
    return _fold(session, now, store_ids, customer_ids)


def renew_for(
    session: Session,
    customer_ids: Collection[int | None],
    now: datetime | None = None,
    retag: Collection[int] | None = None,
) -> None:
    """Keep the features current where a sale was linked to a customer, moved from one to another, or
    corrected: those customers' rows in every store, recomputed from their sales (indexed by customer),
    in the caller's transaction, and their tags re-applied (only `retag`'s where the caller knows whose
    can have changed: ingest, whose new sales may hold nothing of a rule's category). Ingest, claims,
    merges and corrections call it; the nightly refresh recomputes everyone."""
    wanted = sorted({c for c in customer_ids if c is not None})
    if wanted:
        session.flush()  # (the change that called for it, which the recomputation must see)
        refresh(session, now or datetime.now(UTC), customer_ids=wanted)
        tagged = wanted if retag is None else sorted(set(retag) & set(wanted))
        if tagged:
            apply_for(session, tagged)


def _insert_select(
    session: Session, now: datetime, store_ids: Collection[int] | None, customer_ids: Collection[int] | None
) -> int:
    local = "(t.started_at AT TIME ZONE s.timezone)"
    weekdays = ", ".join(f"count(*) FILTER (WHERE extract(isodow FROM {local}) = {d})" for d in range(1, 8))
    hours = ", ".join(f"count(*) FILTER (WHERE extract(hour FROM {local}) = {h})" for h in range(24))
    where = ["t.kind = 'sale'", "t.customer_id IS NOT NULL"]
    params: dict[str, Any] = {"now": now}
    if store_ids is not None:
        where.append("t.store_id = ANY(:stores)")
        params["stores"] = list(store_ids)
    if customer_ids is not None:
        where.append("t.customer_id = ANY(:customers)")
        params["customers"] = list(customer_ids)
    # A line's discount and amount are decimal strings on the wire; one stored before ingest checked them
    # may not be, and is left out rather than stopping the refresh.
    number = r"'^-?[0-9]+(\.[0-9]+)?$'"
    statement = f"""
        INSERT INTO customer_features (customer_id, store_id, currency, purchases, spend, spend_squares,
            discounted_spend, first_purchase_at, last_purchase_at, weekdays, hours, refreshed_at)
        SELECT t.customer_id, t.store_id, coalesce(t.currency, ''), count(*), coalesce(sum(t.total), 0),
            coalesce(sum(t.total * t.total), 0), coalesce(sum(d.amount), 0), min(t.started_at),
            max(t.started_at), jsonb_build_array({weekdays}), jsonb_build_array({hours}), :now
        FROM transactions t
        JOIN stores s ON s.id = t.store_id
        LEFT JOIN LATERAL (
            SELECT sum(CASE WHEN i ->> 'amount' ~ {number} THEN (i ->> 'amount')::numeric END) AS amount
            FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(t.record -> 'transaction' -> 'items') = 'array'
                THEN t.record -> 'transaction' -> 'items' ELSE '[]'::jsonb END
            ) AS i
            -- (CASE, not AND: PostgreSQL may cast before it tests the pattern.)
            WHERE jsonb_typeof(i) = 'object'
                AND CASE WHEN i ->> 'discount' ~ {number} THEN (i ->> 'discount')::numeric <> 0 END
        ) d ON true
        WHERE {" AND ".join(where)}
        GROUP BY t.customer_id, t.store_id, coalesce(t.currency, '')
    """
    result = session.execute(text(statement), params)
    return int(getattr(result, "rowcount", 0) or 0)  # (a CursorResult's, for an INSERT ... SELECT)


@dataclass
class _Row:
    purchases: int = 0
    spend: Decimal = Decimal(0)
    squares: Decimal = Decimal(0)
    discounted: Decimal = Decimal(0)
    first: datetime | None = None
    last: datetime | None = None
    weekdays: list[int] = field(default_factory=lambda: [0] * 7)
    hours: list[int] = field(default_factory=lambda: [0] * 24)


def _fold(
    session: Session, now: datetime, store_ids: Collection[int] | None, customer_ids: Collection[int] | None
) -> int:
    q = select(
        Transaction.customer_id,
        Transaction.store_id,
        Transaction.currency,
        Transaction.total,
        Transaction.started_at,
        Transaction.record,
    ).where(Transaction.kind == "sale", Transaction.customer_id.is_not(None))
    if store_ids is not None:
        q = q.where(Transaction.store_id.in_(list(store_ids)))
    if customer_ids is not None:
        q = q.where(Transaction.customer_id.in_(list(customer_ids)))
    zones = {s.id: ZoneInfo(s.timezone) for s in session.scalars(select(Store))}
    rows: dict[tuple[int, int, str], _Row] = {}
    for customer_id, store_id, currency, total, started, record in session.execute(q):
        row = rows.setdefault((customer_id, store_id, currency or ""), _Row())
        amount = total or Decimal(0)
        row.purchases += 1
        row.spend += amount
        row.squares += amount * amount
        row.discounted += _discounted(record)
        row.first = started if row.first is None else min(row.first, started)
        row.last = started if row.last is None else max(row.last, started)
        local = started.astimezone(zones.get(store_id, UTC))
        row.weekdays[local.weekday()] += 1
        row.hours[local.hour] += 1
    session.add_all(
        CustomerFeature(
            customer_id=customer_id,
            store_id=store_id,
            currency=currency,
            purchases=row.purchases,
            spend=row.spend,
            spend_squares=row.squares,
            discounted_spend=row.discounted,
            first_purchase_at=row.first,
            last_purchase_at=row.last,
            weekdays=row.weekdays,
            hours=row.hours,
            refreshed_at=now,
        )
        for (customer_id, store_id, currency), row in rows.items()
    )
    session.flush()
    return len(rows)


def _discounted(record: object) -> Decimal:
    """The amounts of a stored record's lines that carry a discount (not nothing off)."""
    tx = record.get("transaction") if isinstance(record, dict) else None
    items = tx.get("items") if isinstance(tx, dict) else None
    out = Decimal(0)
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        amount, discount = _text(item.get("amount")), _text(item.get("discount"))
        if amount and discount and Decimal(discount) != 0:
            out += Decimal(amount)
    return out


def _text(value: object) -> str | None:
    """A JSON value as PostgreSQL's ->> gives it, where that is a plain decimal number."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value)
    return text if _NUMBER.fullmatch(text) else None
