"""A store's daily report: the day's sales, tickets, average basket, sales by hour, top products, core
customers, and new vs. returning customers. "The day" is the store's local calendar day (its timezone);
hours are local hours. Sales are sale receipts; refunds are reported beside them, not netted.

Money is never added across currencies: the figures are in the store's currency, and receipts in any
other (or in none the box could read) are listed apart. Top products come from receipts that add up
only: a receipt the box flagged may have misread its item names."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.assortment import assortment_gap
from cloud_api.crud.churn import warnings
from cloud_api.crud.funnel import funnel
from cloud_api.crud.records import item_lines
from cloud_api.models import Store, Transaction
from cloud_api.money import average
from cloud_api.schemas import (
    ChurnWarningOut,
    CoreCustomer,
    CurrencySales,
    DailyReport,
    HourSales,
    ProductSales,
)

GONE_QUIET = 10  # the report lists the most valuable; the API gives them all
GAP_ITEMS = 10

CORE_WINDOW = timedelta(days=90)


def local_day(store: Store, day: date) -> tuple[datetime, datetime]:
    zone = ZoneInfo(store.timezone)
    start = datetime.combine(day, time(0), zone)
    return start.astimezone(UTC), datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)


def _most_common(values: list[str | None]) -> str | None:
    counted = Counter(values)
    return min(counted, key=lambda c: (-counted[c], c or "")) if counted else None


def daily_report(
    session: Session, store: Store, day: date, secret: ServiceSecret | None = None
) -> DailyReport:
    start, end = local_day(store, day)
    as_of = min(end, datetime.now(UTC))  # a past day's report as it stood that night, a day's so far now
    zone = ZoneInfo(store.timezone)
    rows = list(
        session.scalars(
            select(Transaction).where(
                Transaction.store_id == store.id,
                Transaction.started_at >= start,
                Transaction.started_at < end,
            )
        )
    )
    currency = store.currency or _most_common([t.currency for t in rows if t.kind == "sale" and t.currency])
    others: dict[str | None, CurrencySales] = {}
    for t in rows:
        if t.currency != currency and t.kind in ("sale", "refund"):
            o = others.setdefault(
                t.currency,
                CurrencySales(currency=t.currency, sales=Decimal(0), refunds=Decimal(0), tickets=0),
            )
            if t.kind == "sale":
                o.sales += t.total or Decimal(0)
                o.tickets += 1
            else:
                o.refunds += abs(t.total or Decimal(0))
    sales = [t for t in rows if t.kind == "sale" and t.currency == currency]
    total = sum((t.total or Decimal(0) for t in sales), Decimal(0))
    refunds = sum(
        (abs(t.total or Decimal(0)) for t in rows if t.kind == "refund" and t.currency == currency),
        Decimal(0),
    )
    by_hour: dict[int, list[Any]] = {h: [Decimal(0), 0] for h in range(24)}
    products: dict[str, list[Decimal]] = {}
    spend_today: Counter[int] = Counter()
    for t in sales:
        h = by_hour[t.started_at.astimezone(zone).hour]
        h[0] += t.total or Decimal(0)
        h[1] += 1
        if t.status == "ok":
            for name, qty, amount in item_lines(t.record):
                p = products.setdefault(name, [Decimal(0), Decimal(0)])
                p[0] += qty
                p[1] += amount
        if t.customer_id is not None:
            spend_today[t.customer_id] += 1
    customers_today = set(spend_today)
    first_seen: dict[int, datetime] = {}
    core: list[CoreCustomer] = []
    if customers_today:
        retailer_stores = select(Store.id).where(Store.retailer == store.retailer)
        for cid, first in session.execute(  # first purchase at any of the retailer's stores
            select(Transaction.customer_id, func.min(Transaction.started_at))
            .where(Transaction.customer_id.in_(customers_today), Transaction.store_id.in_(retailer_stores))
            .group_by(Transaction.customer_id)
        ):
            if cid is not None:
                first_seen[cid] = first  # min() keeps the column's type: aware, as every time here
        window: dict[int, list[Any]] = {}
        for owner, paid in session.execute(
            select(Transaction.customer_id, Transaction.total).where(
                Transaction.customer_id.in_(customers_today),
                Transaction.store_id == store.id,
                Transaction.kind == "sale",
                Transaction.currency == currency if currency else Transaction.currency.is_(None),
                Transaction.started_at >= end - CORE_WINDOW,
                Transaction.started_at < end,
            )
        ):
            if owner is None:
                continue
            w = window.setdefault(owner, [Decimal(0), 0])
            w[0] += paid or Decimal(0)
            w[1] += 1
        core = [
            CoreCustomer(customer_id=cid, spend=spend, tickets=n)
            for cid, (spend, n) in sorted(window.items(), key=lambda kv: (-kv[1][0], kv[0]))[:10]
        ]
    new = sum(1 for cid in customers_today if first_seen.get(cid, start) >= start)
    day_funnel = next(iter(funnel(session, [store.id], start, end)), None)
    return DailyReport(
        store_id=store.id,
        store=store.name or store.code,
        date=day,
        currency=currency,
        sales=total,
        refunds=refunds,
        tickets=len(sales),
        average_basket=average(total, len(sales), currency),
        other_currencies=sorted(others.values(), key=lambda o: o.currency or ""),
        by_hour=[HourSales(hour=h, sales=v[0], tickets=v[1]) for h, v in by_hour.items()],
        top_products=[
            ProductSales(name=n, quantity=q, sales=a)
            for n, (q, a) in sorted(products.items(), key=lambda kv: (-kv[1][1], kv[0]))[:10]
        ],
        core_customers=core,
        gone_quiet=[
            ChurnWarningOut(**{**vars(w), "currency": w.currency or None})
            for w in warnings(session, [store.id], as_of, secret)[:GONE_QUIET]
        ],
        assortment_gap=assortment_gap(session, store, as_of, GAP_ITEMS),
        funnel=day_funnel.totals if day_funnel else None,
        funnel_by_cashier=day_funnel.by_cashier if day_funnel else [],
        new_customers=new,
        returning_customers=len(customers_today) - new,
        needs_review=sum(1 for t in rows if t.status != "ok"),
    )
