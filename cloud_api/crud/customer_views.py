"""HQ's view of customers, computed over the purchases in the asking user's stores only: history, RFM
(recency, frequency, monetary) and segment, average basket, favourite items and tags, preferred hours,
and recommendations from what other baskets bought together.

RFM: recency and frequency on fixed bands (days since the last purchase: 7/30/90/180; purchases: 2/5/10/20),
monetary by quintile of spend among the customers in the same scope, so it means the same in every
currency. The figures come from the stored customer features (cloud_api/crud/customer_features.py, kept
current by ingest, claims and corrections), not from a fold over the receipts; a customer's spend is in
their main currency (the one most of their purchases were in), never added to another's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.core.kept import kept
from cloud_api.crud.consents import consents_of
from cloud_api.crud.hq import transactions_query
from cloud_api.crud.records import item_names
from cloud_api.crud.suggestions import for_customer
from cloud_api.crud.tags import tags_of
from cloud_api.crud.users import Scope
from cloud_api.models import CustomerFeature, CustomerValue, Transaction
from cloud_api.schemas import (
    CountedName,
    CustomerDetail,
    CustomerSummary,
    CustomerValueOut,
    LifeStage,
    Recommendation,
    TransactionOut,
)

RECENCY_DAYS = (7, 30, 90, 180)  # at most this many days since the last purchase: 5, 4, 3, 2; else 1
FREQUENCY = (20, 10, 5, 2)  # at least this many purchases: 5, 4, 3, 2; else 1
CENT = Decimal("0.01")


@dataclass
class _Totals:
    customer_id: int
    purchases: int
    first: datetime
    last: datetime
    spend_by_currency: dict[str, tuple[int, Decimal]] = field(default_factory=dict)  # purchases, spend
    hours: list[int] = field(default_factory=lambda: [0] * 24)

    @property
    def currency(self) -> str:
        """The currency most of the purchases were in."""
        return max(self.spend_by_currency, key=lambda c: (self.spend_by_currency[c][0], c))

    @property
    def spend(self) -> Decimal:
        return self.spend_by_currency[self.currency][1]


def _totals(session: Session, scope: Scope, customer_id: int | None = None) -> list[_Totals]:
    # Summed here rather than with SQL SUM: SQLite would sum the money as floating point (one row per
    # customer, store and currency: far fewer than the receipts).
    q = select(
        CustomerFeature.customer_id,
        CustomerFeature.currency,
        CustomerFeature.purchases,
        CustomerFeature.spend,
        CustomerFeature.first_purchase_at,
        CustomerFeature.last_purchase_at,
        CustomerFeature.hours,
    ).where(CustomerFeature.store_id.in_(scope.store_ids))
    if customer_id is not None:
        q = q.where(CustomerFeature.customer_id == customer_id)
    acc: dict[int, _Totals] = {}
    for cid, currency, purchases, spend, first, last, hours in session.execute(q):
        t = acc.get(cid)
        if t is None:
            t = acc[cid] = _Totals(cid, 0, first, last)
        t.purchases += purchases
        t.first, t.last = min(t.first, first), max(t.last, last)
        n, total = t.spend_by_currency.get(currency, (0, Decimal(0)))
        t.spend_by_currency[currency] = (n + purchases, total + spend)
        t.hours = [a + b for a, b in zip(t.hours, hours, strict=False)]
    return list(acc.values())


def _band(value: int, bands: tuple[int, ...], descending: bool) -> int:
    for i, edge in enumerate(bands):
        if (value <= edge) if descending else (value >= edge):
            return 5 - i
    return 1


Edges = list[Decimal | None]  # the spend a customer must exceed for an M of 2, 3, 4, 5 (None: any)


def _ranks(n: int) -> list[int]:
    """The 1-based rank of the threshold of each band 2–5 among n customers (0: no threshold)."""
    return [min(-(-(k - 1) * max(n - 1, 1) // 5), n) for k in range(2, 6)]


def _edges(sorted_spends: list[Decimal]) -> Edges:
    """RFM's M spreads the n customers of a currency over 1–5 by how many spend less ("below"): the least
    spender 1, the most 5, whatever n — M = min(5, 1 + below·5 // max(n-1, 1)). As four thresholds: M >= k
    exactly when below >= r = ceil((k-1)·max(n-1, 1)/5), that is when the spend exceeds the r-th
    smallest. Four numbers to keep per scope and currency instead of every customer's spend."""
    return [sorted_spends[r - 1] if r else None for r in _ranks(len(sorted_spends))]


def _m(spend: Decimal, edges: Edges) -> int:
    return 1 + sum(1 for e in edges if e is None or spend > e)


def _spend_edges(session: Session, scope: Scope, currency: str) -> Edges:
    """The scope's spend bands in `currency`: one aggregate on PostgreSQL (exact NUMERIC sums), a fold of
    the spend column on SQLite (money kept as text there); kept a few minutes by the service (an owner's
    scope is every customer: not a read to make on each customer's page)."""

    def make() -> Edges:
        where = (CustomerFeature.store_id.in_(scope.store_ids), CustomerFeature.currency == currency)
        if session.get_bind().dialect.name == "postgresql":
            # Only the four ranks the bands need leave the database, not every customer's sum.
            per = (
                select(func.sum(CustomerFeature.spend).label("spend"))
                .where(*where)
                .group_by(CustomerFeature.customer_id)
                .subquery()
            )
            n = session.scalar(select(func.count()).select_from(per)) or 0
            ranks = _ranks(n)
            numbered = select(
                per.c.spend, func.row_number().over(order_by=per.c.spend).label("rank")
            ).subquery()
            found = {
                int(rank): Decimal(str(v))
                for v, rank in session.execute(
                    select(numbered.c.spend, numbered.c.rank).where(
                        numbered.c.rank.in_([r for r in ranks if r])
                    )
                )
            }
            return [found.get(r) if r else None for r in ranks]
        acc: dict[int, Decimal] = {}
        for cid, spent in session.execute(
            select(CustomerFeature.customer_id, CustomerFeature.spend).where(*where)
        ):
            acc[cid] = acc.get(cid, Decimal(0)) + spent
        return _edges(sorted(acc.values()))

    key = ("spend-edges", str(session.get_bind().engine.url), tuple(sorted(scope.store_ids)), currency)
    return kept(key, make)


def segment(r: int, f: int, m: int) -> str:
    if r >= 4 and f >= 4:
        return "champion"
    if r >= 4 and f <= 2:
        return "new" if f == 1 else "promising"
    if r <= 2 and f >= 3:
        return "at_risk"
    if r <= 2:
        return "lost"
    return "loyal" if f >= 3 or m >= 4 else "regular"


def _summary(t: _Totals, m: int, now: datetime) -> CustomerSummary:
    days = max((now - t.last).days, 0)
    r = _band(days, RECENCY_DAYS, descending=True)
    f = _band(t.purchases, FREQUENCY, descending=False)
    in_currency = t.spend_by_currency[t.currency][0]
    return CustomerSummary(
        id=t.customer_id,
        first_purchase_at=t.first,
        last_purchase_at=t.last,
        purchases=t.purchases,
        currency=t.currency or None,
        spend=t.spend,
        average_basket=(t.spend / in_currency).quantize(CENT) if in_currency else None,
        recency_days=days,
        rfm=f"{r}{f}{m}",
        segment=segment(r, f, m),
    )


def customers(
    session: Session, scope: Scope, limit: int, offset: int, segment_filter: str | None, now: datetime
) -> tuple[int, list[CustomerSummary]]:
    totals = _totals(session, scope)
    by_currency: dict[str, list[Decimal]] = {}
    for t in totals:
        by_currency.setdefault(t.currency, []).append(t.spend)
    for spends in by_currency.values():
        spends.sort()
    edges = {c: _edges(spends) for c, spends in by_currency.items()}
    rows = [_summary(t, _m(t.spend, edges[t.currency]), now) for t in totals]
    if segment_filter is not None:
        rows = [r for r in rows if r.segment == segment_filter]
    rows.sort(key=lambda r: (-r.spend, r.id))
    return len(rows), rows[offset : offset + limit]


def _labels(record: Any) -> list[str]:
    tags = record.get("tags") if isinstance(record, dict) else None
    if not isinstance(tags, dict):
        return []
    out = [x for x in tags.get("labels") or [] if isinstance(x, str)]
    out += [f"pays:{m}" for m in tags.get("payment_methods") or [] if isinstance(m, str)]
    return out


def customer(session: Session, scope: Scope, customer_id: int, now: datetime) -> CustomerDetail | None:
    mine = _totals(session, scope, customer_id)
    if not mine:
        return None  # no purchase in this user's stores: not theirs to see
    summary = _summary(mine[0], _m(mine[0].spend, _spend_edges(session, scope, mine[0].currency)), now)
    history = list(
        session.scalars(
            transactions_query(scope, customer_id=customer_id)
            .order_by(Transaction.started_at.desc())
            .limit(500)
        )
    )
    items: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    for t in history:
        items.update(item_names(t.record))
        labels.update(_labels(t.record))
    hours = Counter({h: n for h, n in enumerate(mine[0].hours) if n})
    fitted = session.get(CustomerValue, (customer_id, scope.retailer, mine[0].currency))
    value = (
        CustomerValueOut(
            p_alive=fitted.p_alive,
            expected_purchases_30_days=fitted.expected_30,
            expected_purchases_90_days=fitted.expected_90,
            expected_spend=fitted.expected_spend,
            value_90_days=fitted.clv_90,
            fitted_at=fitted.fitted_at,
        )
        if fitted is not None
        else None
    )
    return CustomerDetail(
        **summary.model_dump(),
        value=value,
        life_stages=[LifeStage(tag=t, since=s) for t, s in tags_of(session, customer_id, scope.retailer)],
        favourite_items=[CountedName(name=n, count=c) for n, c in items.most_common(10)],
        tags=[CountedName(name=n, count=c) for n, c in labels.most_common(10)],
        preferred_hours=[h for h, _ in hours.most_common(3)],
        history=[TransactionOut.model_validate(t) for t in history],
        consents=consents_of(session, customer_id),
    )


def recommendations(
    session: Session, scope: Scope, customer_id: int, limit: int = 10, now: datetime | None = None
) -> list[Recommendation] | None:
    """What to offer the customer, from their purchases in this user's stores (cloud_api/crud/suggestions.py,
    the ranking the shopper's pages show too), with the reasons in HQ's words."""
    if not _totals(session, scope, customer_id):
        return None
    return [
        Recommendation(
            item=r.item,
            kind=r.kind,
            score=r.score,
            because_of=[r.because],
            reason=(
                f"bought every {r.every_days} days; {r.since_days} since the last time"
                if r.kind == "again"
                else f"bought with {r.because} by {r.confidence:.0%} of those who buy it"
            ),
        )
        for r in for_customer(session, customer_id, limit, now, store_ids=scope.store_ids)
    ]
