"""Each role's own closing report: the manager's stores side by side, the owner's chain by region.

A store's figures for a day are its sales in its local calendar day and in its reporting currency (HQ's
setting, else the one most of the day's sales carry — as its own daily report decides); receipts in any
other currency are counted apart (`other_currency_tickets`), never added in. Totals are per currency,
each the sum of the stores' figures in it: the owner's chain total is exactly the sum of the stores'.

"Change against last week" compares the day with the same weekday a week before, in the same currency.
The identified share is the share of the day's sales linked to a known customer.

Stores that share a time zone share their day's window, so the figures take two grouped queries per time
zone (the day and the week before), not two per store. PostgreSQL sums in SQL (NUMERIC is exact); SQLite
keeps money as text, so there the rows are summed here in Decimal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.crud.reports import local_day
from cloud_api.models import Store, Transaction
from cloud_api.money import average
from cloud_api.schemas import ChainReport, CurrencyTotal, RegionTotal, StoreDay, StoresReport

Sums = dict[tuple[int, str | None], list[Decimal | int]]  # (store, currency) -> [sales, tickets, identified]
RATIO = Decimal("0.0001")
TOP = 3  # the owner's report names the best and the worst few stores of each currency
NO_REGION = "(no region)"


def _sums(session: Session, store_ids: Collection[int], day: date, zone_stores: list[Store]) -> Sums:
    """The day's sales of these stores (all in one time zone), by store and currency."""
    start, end = local_day(zone_stores[0], day)
    where = (
        Transaction.store_id.in_(list(store_ids)),
        Transaction.kind == "sale",
        Transaction.started_at >= start,
        Transaction.started_at < end,
    )
    out: Sums = {}
    if session.get_bind().dialect.name == "postgresql":
        q = (
            select(
                Transaction.store_id,
                Transaction.currency,
                func.coalesce(func.sum(Transaction.total), 0),
                func.count(),
                func.count(Transaction.customer_id),
            )
            .where(*where)
            .group_by(Transaction.store_id, Transaction.currency)
        )
        for store_id, currency, sales, tickets, identified in session.execute(q):
            out[(store_id, currency)] = [Decimal(str(sales)), int(tickets), int(identified)]
        return out
    rows = session.execute(
        select(Transaction.store_id, Transaction.currency, Transaction.total, Transaction.customer_id).where(
            *where
        )
    )
    for store_id, currency, total, customer_id in rows:
        s = out.setdefault((store_id, currency), [Decimal(0), 0, 0])
        s[0] = Decimal(s[0]) + (total or Decimal(0))
        s[1] = int(s[1]) + 1
        s[2] = int(s[2]) + (customer_id is not None)
    return out


def _currency_of(store: Store, of_store: dict[str | None, list[Decimal | int]]) -> str | None:
    """HQ's setting, else the currency most of the day's sales carry (ties: the first by name), as the
    store's daily report picks it."""
    if store.currency:
        return store.currency
    counted = {c: int(v[1]) for c, v in of_store.items() if c}
    return min(counted, key=lambda c: (-counted[c], c)) if counted else None


def ratio(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    return (Decimal(part) / Decimal(whole)).quantize(RATIO) if whole else None


def change(now: Decimal, before: Decimal) -> Decimal | None:
    return ((now - before) / before).quantize(RATIO) if before else None


def store_days(session: Session, stores: Iterable[Store], day: date) -> list[StoreDay]:
    """Each store's figures for its local `day`, ranked by sales within its currency."""
    by_zone: dict[str, list[Store]] = defaultdict(list)
    for store in stores:
        by_zone[store.timezone].append(store)
    rows: list[StoreDay] = []
    for zone_stores in by_zone.values():
        ids = [s.id for s in zone_stores]
        today = _sums(session, ids, day, zone_stores)
        week_before = _sums(session, ids, day - timedelta(days=7), zone_stores)
        by_store: dict[int, dict[str | None, list[Decimal | int]]] = defaultdict(dict)
        for (sid, c), v in today.items():
            by_store[sid][c] = v
        for store in zone_stores:
            of_store = by_store.get(store.id, {})
            currency = _currency_of(store, of_store)
            got: list[Decimal | int] = of_store.get(currency) or [Decimal(0), 0, 0]
            sales, tickets, identified = got
            before = week_before.get((store.id, currency), [Decimal(0), 0, 0])[0]
            other = sum(int(v[1]) for c, v in of_store.items() if c != currency)
            rows.append(
                StoreDay(
                    store_id=store.id,
                    store=store.name or store.code,
                    code=store.code,
                    region=store.region,
                    currency=currency,
                    sales=Decimal(sales),
                    tickets=int(tickets),
                    average_basket=average(Decimal(sales), int(tickets), currency),
                    identified=int(identified),
                    identified_share=ratio(identified, tickets),
                    sales_week_before=Decimal(before),
                    change=change(Decimal(sales), Decimal(before)),
                    other_currency_tickets=other,
                    rank=0,
                )
            )
    rows.sort(key=lambda r: (r.currency or "", -r.sales, r.code))
    n, last = 0, object()
    for r in rows:
        n = 1 if r.currency != last else n + 1
        last = r.currency
        r.rank = n
    return rows


def totals(rows: Iterable[StoreDay]) -> list[CurrencyTotal]:
    """Per currency, the sum of the stores' figures in it."""
    acc: dict[str | None, list[Decimal]] = {}
    for r in rows:
        a = acc.setdefault(r.currency, [Decimal(0)] * 5)
        a[0] += r.sales
        a[1] += r.tickets
        a[2] += r.identified
        a[3] += r.sales_week_before
        a[4] += 1
    return [
        CurrencyTotal(
            currency=c,
            stores=int(a[4]),
            sales=a[0],
            tickets=int(a[1]),
            average_basket=average(a[0], int(a[1]), c),
            identified_share=ratio(a[2], a[1]),
            sales_week_before=a[3],
            change=change(a[0], a[3]),
        )
        for c, a in sorted(acc.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    ]


def stores_report(session: Session, store_ids: Collection[int], day: date) -> StoresReport:
    """A manager's report: their stores side by side."""
    stores = list(session.scalars(select(Store).where(Store.id.in_(list(store_ids)))))
    rows = store_days(session, stores, day)
    return StoresReport(date=day, stores=rows, totals=totals(rows))


def chain_report(session: Session, retailer: str, store_ids: Collection[int], day: date) -> ChainReport:
    """The owner's report: the chain's totals, its regions, its best and worst stores."""
    stores = list(session.scalars(select(Store).where(Store.id.in_(list(store_ids)))))
    rows = store_days(session, stores, day)
    by_region: dict[tuple[str, str | None], list[StoreDay]] = defaultdict(list)
    for r in rows:
        by_region[(r.region or NO_REGION, r.currency)].append(r)
    regions = [
        RegionTotal(region=region, **totals(members)[0].model_dump())
        for (region, _), members in sorted(by_region.items(), key=lambda kv: (kv[0][1] or "", kv[0][0]))
    ]
    top: list[StoreDay] = []
    bottom: list[StoreDay] = []
    for currency in {r.currency for r in rows}:
        ranked = [r for r in rows if r.currency == currency]  # rows come ranked
        top += ranked[:TOP]
        bottom += ranked[max(TOP, len(ranked) - TOP) :][::-1]  # never a store of the top as well
    return ChainReport(
        retailer=retailer,
        date=day,
        totals=totals(rows),
        regions=regions,
        top=sorted(top, key=lambda r: (r.currency or "", r.rank)),
        bottom=sorted(bottom, key=lambda r: (r.currency or "", -r.rank)),
        stores=rows,
    )
