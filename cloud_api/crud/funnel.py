"""The funnel from paper to person: of a period's sale receipts, how many were tied to a known customer,
how many shoppers opened by the QR, how many they saved to their phone, and how many of those savers came
back — per store, per cashier and per local hour, so that HQ sees which tills and which hours turn paper
into customers.

Counted by the database (one GROUP BY over the period's sales, by the store and period index), never by
reading the receipts here. The local hour is the database's on PostgreSQL (AT TIME ZONE); SQLite knows no
time zones, so there the sales are grouped by their UTC quarter hour (every zone's offset is a whole
number of quarter hours) and each group's local hour is found here: a few thousand groups a month at
most, whatever the number of sales.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Integer, and_, case, cast, distinct, exists, func, select
from sqlalchemy.orm import Session, aliased

from cloud_api.models import Store, Transaction
from cloud_api.schemas import CashierFunnel, FunnelFigures, FunnelOut, HourFunnel

SHARE = Decimal("0.001")


def share(part: int, whole: int) -> Decimal:
    """part/whole as a fraction rounded to 0.001; 0 when whole is 0 (nothing to divide)."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) / Decimal(whole)).quantize(SHARE, rounding=ROUND_HALF_UP)


@dataclass
class _Counts:
    sales: int = 0
    linked: int = 0
    scanned: int = 0
    saved: int = 0
    repeat: int = 0

    def add(self, other: _Counts) -> None:
        self.sales += other.sales
        self.linked += other.linked
        self.scanned += other.scanned
        self.saved += other.saved
        self.repeat += other.repeat

    def figures(self) -> dict[str, Any]:
        return {
            "sales": self.sales,
            "linked": self.linked,
            "scanned": self.scanned,
            "saved": self.saved,
            "repeat": self.repeat,
            "linked_share": share(self.linked, self.sales),
            "scan_share": share(self.scanned, self.sales),
            "save_share": share(self.saved, self.sales),
            "repeat_share": share(self.repeat, self.saved),
        }


def _saved() -> ColumnElement[bool]:
    # Saved by a proven phone, and still someone's: a member number's link has no claimed_at.
    return and_(Transaction.claimed_at.is_not(None), Transaction.customer_id.is_not(None))


def _came_back() -> ColumnElement[bool]:
    """The receipt's customer bought again after it, in any store of the same retailer (Store is the
    outer query's, joined to the receipt)."""
    later, later_store = aliased(Transaction), aliased(Store)
    return exists(
        select(later.id)
        .join(later_store, later_store.id == later.store_id)
        .where(
            later.customer_id == Transaction.customer_id,
            later.kind == "sale",
            later.started_at > Transaction.started_at,
            later_store.retailer == Store.retailer,
        )
    )


def _window(store_ids: Collection[int], start: datetime, end: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        Transaction.store_id.in_(store_ids),
        Transaction.kind == "sale",
        Transaction.started_at >= start,
        Transaction.started_at < end,
    )


def _hour_bucket(dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return cast(func.extract("hour", func.timezone(Store.timezone, Transaction.started_at)), Integer)
    # SQLite: the UTC quarter hour, "YYYY-MM-DD HH:MM" (see the module's docstring)
    minute = cast(func.strftime("%M", Transaction.started_at), Integer) / 15 * 15
    return func.strftime("%Y-%m-%d %H:", Transaction.started_at).concat(func.printf("%02d", minute))


def _local_hour(bucket: object, zone: ZoneInfo) -> int:
    if isinstance(bucket, int | float | Decimal):
        return int(bucket)
    return datetime.fromisoformat(str(bucket)).replace(tzinfo=UTC).astimezone(zone).hour


def _cashier(value: object) -> str | None:
    text = None if value is None else str(value).strip()
    return text or None


def funnel(session: Session, store_ids: Iterable[int], start: datetime, end: datetime) -> list[FunnelOut]:
    """Each of these stores' funnel over the sale receipts started in [start, end) (aware times), ordered
    by store code; a store id that does not exist is left out, and a store without sales gets zeros.

    The caller decides whose stores these are (a `Scope`'s `store_ids`, or one store already checked
    against it). See `FunnelFigures` for what each figure counts and how the shares are taken."""
    ids = sorted(set(store_ids))
    if not ids:
        return []
    stores = list(session.scalars(select(Store).where(Store.id.in_(ids)).order_by(Store.code)))
    if not stores:
        return []
    came_back = _came_back()
    saved = _saved()
    cashier = Transaction.record[("transaction", "cashier")].as_string()
    bucket = _hour_bucket(session.get_bind().dialect.name).label("bucket")

    def counted(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    groups = session.execute(
        select(
            Transaction.store_id,
            cashier,
            bucket,
            func.count(),
            counted(Transaction.customer_id.is_not(None)),
            counted(Transaction.first_viewed_at.is_not(None)),
            counted(saved),
            counted(and_(saved, came_back)),
        )
        .join(Store, Store.id == Transaction.store_id)
        .where(*_window(ids, start, end))
        .group_by(Transaction.store_id, cashier, bucket)
    )
    zones = {st.id: ZoneInfo(st.timezone) for st in stores}
    totals: dict[int, _Counts] = defaultdict(_Counts)
    by_cashier: dict[int, dict[str | None, _Counts]] = defaultdict(lambda: defaultdict(_Counts))
    by_hour: dict[int, dict[int, _Counts]] = defaultdict(lambda: defaultdict(_Counts))
    for store_id, who, at, *numbers in groups:
        counts = _Counts(*(int(n) for n in numbers))
        totals[store_id].add(counts)
        by_cashier[store_id][_cashier(who)].add(counts)
        by_hour[store_id][_local_hour(at, zones[store_id])].add(counts)
    # Customers, not receipts: one who saved three receipts is one saver (a count the groups cannot add).
    customers = {
        store_id: (int(savers), int(returning))
        for store_id, savers, returning in session.execute(
            select(
                Transaction.store_id,
                func.count(distinct(case((saved, Transaction.customer_id)))),
                func.count(distinct(case((and_(saved, came_back), Transaction.customer_id)))),
            )
            .join(Store, Store.id == Transaction.store_id)
            .where(*_window(ids, start, end))
            .group_by(Transaction.store_id)
        )
    }
    return [
        FunnelOut(
            store_id=st.id,
            store=st.name or st.code,
            start=start,
            end=end,
            totals=FunnelFigures(**totals[st.id].figures()),
            saving_customers=customers.get(st.id, (0, 0))[0],
            returning_customers=customers.get(st.id, (0, 0))[1],
            by_cashier=[
                CashierFunnel(cashier=name, **c.figures())
                for name, c in sorted(by_cashier[st.id].items(), key=lambda kv: (-kv[1].sales, kv[0] or ""))
            ],
            by_hour=[HourFunnel(hour=h, **c.figures()) for h, c in sorted(by_hour[st.id].items())],
        )
        for st in stores
    ]
