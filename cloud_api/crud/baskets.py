"""Basket rules: pairs of items bought together more than chance has it ("who buys A buys B"), per store
and for the chain, from the recent sales, refreshed nightly with the customer features.

Itemsets of two, counted directly: every pair of a basket's distinct items (a basket capped at
MAX_BASKET_ITEMS, its most expensive lines kept: a wholesale order of 300 lines would add 45,000 pairs and
say nothing of what people buy together), over the last BASKETS baskets. A library's frequent-itemset
miner (mlxtend) would want pandas and a one-hot matrix of baskets × items in memory; pairs are what the
recommendations and the reasons HQ reads ("bought with 奶粉 by 38 %") use, and a pair counter needs
memory for the pairs seen only. Kept: pairs in at least MIN_BASKETS baskets with lift above MIN_LIFT.

An item is its product's name where the catalogue knows it (cloud_api/crud/products.py), else its name
as printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import datetime
from itertools import combinations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cloud_api.crud.products import Catalogue, catalogue
from cloud_api.crud.records import coded_items
from cloud_api.models import BasketRule, Store, Transaction

BASKETS = 200_000
MAX_BASKET_ITEMS = 30
MIN_BASKETS = 3
MIN_LIFT = 1.0
KEEP = 500  # rules kept per scope, the strongest by lift, then support


def refresh_rules(session: Session, retailer: str, now: datetime) -> dict[str, int]:
    """Recompute the retailer's rules: one set per store (by its code) and one for the chain (""); the
    number kept in each."""
    stores = {s.id: s.code for s in session.scalars(select(Store).where(Store.retailer == retailer))}
    session.execute(delete(BasketRule).where(BasketRule.retailer == retailer))
    if not stores:
        return {}
    known = catalogue(session, retailer)
    rows = session.execute(
        select(Transaction.store_id, Transaction.record)
        .where(Transaction.store_id.in_(list(stores)), Transaction.kind == "sale")
        .order_by(Transaction.started_at.desc())
        .limit(BASKETS)
    )
    baskets: dict[str, list[frozenset[str]]] = {"": []}
    for store_id, record in rows:
        basket = _basket(record, known)
        if len(basket) >= 1:
            baskets[""].append(basket)
            baskets.setdefault(stores[store_id], []).append(basket)
    kept: dict[str, int] = {}
    for scope, of_scope in baskets.items():
        rules = mine(of_scope)
        session.add_all(
            BasketRule(
                retailer=retailer,
                scope=scope,
                antecedent=a[:200],
                consequent=c[:200],
                baskets=n,
                support=support,
                confidence=confidence,
                lift=lift,
                refreshed_at=now,
            )
            for a, c, n, support, confidence, lift in rules
        )
        kept[scope] = len(rules)
    session.flush()
    return kept


def mine(baskets: Collection[frozenset[str]]) -> list[tuple[str, str, int, float, float, float]]:
    """(antecedent, consequent, baskets with both, support, confidence, lift) of every pair kept, both
    directions, the strongest first."""
    total = len(baskets)
    if total == 0:
        return []
    single: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for basket in baskets:
        single.update(basket)
        pairs.update(combinations(sorted(basket), 2))
    out = []
    for (x, y), n in pairs.items():
        if n < MIN_BASKETS:
            continue
        support = n / total
        lift = support / ((single[x] / total) * (single[y] / total))
        if lift <= MIN_LIFT:
            continue
        out.append((x, y, n, support, n / single[x], lift))
        out.append((y, x, n, support, n / single[y], lift))
    out.sort(key=lambda r: (-r[5], -r[3], r[0], r[1]))
    return out[:KEEP]


def _basket(record: object, known: Catalogue) -> frozenset[str]:
    lines = sorted(
        ((amount, known.name_of(name, code)) for name, code, amount in coded_items(record)), reverse=True
    )
    return frozenset(name for _, name in lines[:MAX_BASKET_ITEMS])


def rules_for(session: Session, retailer: str, scope: str, limit: int = 100) -> list[BasketRule]:
    return list(
        session.scalars(
            select(BasketRule)
            .where(BasketRule.retailer == retailer, BasketRule.scope == scope)
            .order_by(BasketRule.lift.desc(), BasketRule.support.desc(), BasketRule.id)
            .limit(limit)
        )
    )
