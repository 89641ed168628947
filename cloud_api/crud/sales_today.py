"""What HQ's dashboard opens on: each store's sales, tickets and average basket today so far, against the
same weekday last week up to the same local time — per store, in the store's own time zone and its own
currency (never added across currencies).

Sums are the database's on PostgreSQL (exact NUMERIC); SQLite keeps money as decimal strings, whose SUM
would be a float, so there the rows' totals are added here as Decimals (a trial's few stores)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cloud_api.crud.users import Scope
from cloud_api.models import Store, Transaction
from cloud_api.money import average


@dataclass
class Figures:
    sales: Decimal = Decimal(0)
    tickets: int = 0
    to_review: int = 0
    currency: str | None = None

    @property
    def average_basket(self) -> Decimal | None:
        return average(self.sales, self.tickets, self.currency)


@dataclass
class StoreToday:
    store_id: int
    name: str
    day: str  # the store's local date, ISO
    currency: str | None
    today: Figures = field(default_factory=Figures)
    last_week: Figures = field(default_factory=Figures)
    other_currencies: int = 0  # today's sales in any other currency: counted here, never added in

    def change(self, what: str) -> Decimal | None:
        """Today against last week, as a fraction (0.12 = 12 % more); None when last week had nothing."""
        now, then = getattr(self.today, what), getattr(self.last_week, what)
        if not then:
            return None
        return ((Decimal(now) - Decimal(then)) / Decimal(then)).quantize(Decimal("0.001"))


Key = tuple[int, str | None]  # (store id, currency)


def _sales(session: Session, store_ids: list[int], start: datetime, end: datetime) -> dict[Key, Figures]:
    window = (
        Transaction.store_id.in_(store_ids),
        Transaction.kind == "sale",
        Transaction.started_at >= start,
        Transaction.started_at < end,
    )
    out: dict[Key, Figures] = defaultdict(Figures)
    review = func.sum(case((Transaction.status != "ok", 1), else_=0))
    if session.get_bind().dialect.name == "postgresql":
        for store_id, currency, n, total, flagged in session.execute(
            select(
                Transaction.store_id,
                Transaction.currency,
                func.count(),
                func.sum(Transaction.total),
                review,
            )
            .where(*window)
            .group_by(Transaction.store_id, Transaction.currency)
        ):
            out[(store_id, currency)] = Figures(Decimal(total or 0), int(n), int(flagged or 0), currency)
        return out
    for store_id, currency, total, status in session.execute(
        select(Transaction.store_id, Transaction.currency, Transaction.total, Transaction.status).where(
            *window
        )
    ):
        f = out[(store_id, currency)]
        f.currency = currency
        f.sales += total or Decimal(0)
        f.tickets += 1
        f.to_review += status != "ok"
    return out


def sales_today(session: Session, scope: Scope, now: datetime) -> list[StoreToday]:
    stores = list(session.scalars(select(Store).where(Store.id.in_(scope.store_ids)).order_by(Store.code)))
    by_zone: dict[str, list[Store]] = defaultdict(list)
    for st in stores:
        by_zone[st.timezone].append(st)
    result: dict[int, StoreToday] = {}
    for zone_name, group in by_zone.items():
        zone = ZoneInfo(zone_name)
        local_now = now.astimezone(zone)
        midnight = datetime.combine(local_now.date(), time(0), zone)
        week_ago = datetime.combine(local_now.date() - timedelta(days=7), time(0), zone)
        ids = [st.id for st in group]
        today = _sales(session, ids, midnight, now)
        # Last week up to the same time of day: a morning compared with a whole day says nothing.
        before = _sales(session, ids, week_ago, week_ago + (local_now - midnight))
        for st in group:
            seen = Counter({c: f.tickets for (sid, c), f in today.items() if sid == st.id})
            currency = st.currency or (min(seen, key=lambda c: (-seen[c], c or "")) if seen else None)
            entry = StoreToday(st.id, st.name or st.code, local_now.date().isoformat(), currency)
            entry.today = today.get((st.id, currency), Figures())
            entry.last_week = before.get((st.id, currency), Figures())
            entry.other_currencies = sum(n for c, n in seen.items() if c != currency)
            result[st.id] = entry
    return [result[st.id] for st in stores]
