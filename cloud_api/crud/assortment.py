"""The assortment gap of a store: what its high-value customers bought at the chain's other stores in
the last 30 days that this store has not sold in those 30 days — goods they may be leaving to buy.

A store's high-value customers are the top fifth (at most HIGH_VALUE) of those who bought there, by the
value model's 90-day value, else by what they spent there. Items are named as the catalogue names them
where it knows them (so a code printed differently at two tills is one item), else as printed; only
receipts that add up (status ok) count, as elsewhere for item names."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.core.kept import kept
from cloud_api.crud.products import catalogue
from cloud_api.crud.records import coded_items
from cloud_api.models import CustomerFeature, CustomerValue, Store, Transaction
from cloud_api.schemas import GapItem

WINDOW = timedelta(days=30)
HIGH_VALUE = 200
SHARE = 5  # the top fifth


def high_value_customers(session: Session, store: Store) -> list[int]:
    spend: dict[int, Decimal] = defaultdict(Decimal)
    for customer_id, spent in session.execute(
        select(CustomerFeature.customer_id, CustomerFeature.spend).where(CustomerFeature.store_id == store.id)
    ):
        spend[customer_id] += spent  # across currencies only to rank: never shown as a sum
    if not spend:
        return []
    value: dict[int, Decimal] = {}
    for customer_id, clv in session.execute(
        select(CustomerValue.customer_id, CustomerValue.clv_90).where(
            CustomerValue.customer_id.in_(list(spend)), CustomerValue.retailer == store.retailer
        )
    ):
        if clv is not None:
            value[customer_id] = max(value.get(customer_id, Decimal(0)), clv)
    ranked = sorted(spend, key=lambda c: (c not in value, -value.get(c, Decimal(0)), -spend[c], c))
    return ranked[: min(HIGH_VALUE, max(1, len(ranked) // SHARE))]


def assortment_gap(session: Session, store: Store, now: datetime, limit: int = 20) -> list[GapItem]:
    """Kept a few minutes by the service (it reads the store's month of receipts): as of the first ask in
    each five minutes."""
    key = ("gap", str(session.get_bind().engine.url), store.id, limit, int(now.timestamp()) // 300)
    return kept(key, lambda: _gap(session, store, now, limit))


def _gap(session: Session, store: Store, now: datetime, limit: int) -> list[GapItem]:
    customers = high_value_customers(session, store)
    if not customers:
        return []
    since = now - WINDOW
    known = catalogue(session, store.retailer)
    codes: dict[int, str] = {
        sid: code
        for sid, code in session.execute(select(Store.id, Store.code).where(Store.retailer == store.retailer))
    }
    sold_here = {
        known.name_of(name, code)
        for record in session.scalars(
            select(Transaction.record).where(
                Transaction.store_id == store.id,
                Transaction.kind == "sale",
                Transaction.started_at >= since,
                Transaction.started_at < now,
            )
        )
        for name, code, _ in coded_items(record)
    }
    buyers: dict[str, set[int]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for customer_id, store_id, record in session.execute(
        select(Transaction.customer_id, Transaction.store_id, Transaction.record).where(
            Transaction.customer_id.in_(customers),
            Transaction.store_id.in_(list(codes)),
            Transaction.store_id != store.id,
            Transaction.kind == "sale",
            Transaction.status == "ok",
            Transaction.started_at >= since,
            Transaction.started_at < now,
        )
    ):
        for name, code, _ in coded_items(record):
            item = known.name_of(name, code)
            if item not in sold_here and customer_id is not None:
                buyers[item].add(customer_id)
                where[item].add(codes[store_id])
    ranked = sorted(buyers, key=lambda i: (-len(buyers[i]), i))[:limit]
    out = []
    for item in ranked:
        product = known.product_for(item, None)
        out.append(
            GapItem(
                name=item,
                category=product.category if product is not None else None,
                buyers=len(buyers[item]),
                bought_at=sorted(where[item]),
            )
        )
    return out
