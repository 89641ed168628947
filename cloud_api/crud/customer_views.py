"""HQ's view of customers, computed over the purchases in the asking user's stores only: history, RFM
(recency, frequency, monetary) and segment, average basket, favourite items and tags, preferred hours,
and recommendations from what other baskets bought together.

RFM: recency and frequency on fixed bands (days since the last purchase: 7/30/90/180; purchases: 2/5/10/20),
monetary by quintile of spend among the customers in the same scope, so it means the same in every
currency. Everything here is computed on request from the stored records; a fleet with millions of
receipts would keep these in a table refreshed by ingest (not built).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.crud.hq import transactions_query
from cloud_api.crud.records import item_names
from cloud_api.crud.users import Scope
from cloud_api.models import Store, Transaction
from cloud_api.schemas import CountedName, CustomerDetail, CustomerSummary, Recommendation, TransactionOut

RECENCY_DAYS = (7, 30, 90, 180)  # at most this many days since the last purchase: 5, 4, 3, 2; else 1
FREQUENCY = (20, 10, 5, 2)  # at least this many purchases: 5, 4, 3, 2; else 1
CENT = Decimal("0.01")
BASKETS_SCANNED = 20_000  # the most recent baskets a recommendation looks through


@dataclass(frozen=True)
class _Totals:
    customer_id: int
    purchases: int
    spend: Decimal
    first: datetime
    last: datetime


def _totals(session: Session, scope: Scope, customer_id: int | None = None) -> list[_Totals]:
    # Folded here rather than with SQL SUM: SQLite would sum the money as floating point.
    q = select(Transaction.customer_id, Transaction.total, Transaction.started_at).where(
        Transaction.store_id.in_(scope.store_ids),
        Transaction.customer_id.is_not(None),
        Transaction.kind == "sale",
    )
    if customer_id is not None:
        q = q.where(Transaction.customer_id == customer_id)
    acc: dict[int, list[Any]] = {}
    for cid, total, started in session.execute(q):
        if cid is None:
            continue
        a = acc.setdefault(cid, [0, Decimal(0), started, started])
        a[0] += 1
        a[1] += total or Decimal(0)
        a[2], a[3] = min(a[2], started), max(a[3], started)
    return [_Totals(cid, n, spend, first, last) for cid, (n, spend, first, last) in acc.items()]


def _band(value: int, bands: tuple[int, ...], descending: bool) -> int:
    for i, edge in enumerate(bands):
        if (value <= edge) if descending else (value >= edge):
            return 5 - i
    return 1


def _quintile(spend: Decimal, all_spend: list[Decimal]) -> int:
    if not all_spend:
        return 1
    # Spread over 1–5 by how many spend less: the least spender 1, the most 5, whatever the count.
    below = sum(1 for s in all_spend if s < spend)
    return min(5, 1 + below * 5 // max(len(all_spend) - 1, 1))


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


def _summary(t: _Totals, all_spend: list[Decimal], now: datetime) -> CustomerSummary:
    days = max((now - t.last).days, 0)
    r = _band(days, RECENCY_DAYS, descending=True)
    f = _band(t.purchases, FREQUENCY, descending=False)
    m = _quintile(t.spend, all_spend)
    return CustomerSummary(
        id=t.customer_id,
        first_purchase_at=t.first,
        last_purchase_at=t.last,
        purchases=t.purchases,
        spend=t.spend,
        average_basket=(t.spend / t.purchases).quantize(CENT) if t.purchases else None,
        recency_days=days,
        rfm=f"{r}{f}{m}",
        segment=segment(r, f, m),
    )


def customers(
    session: Session, scope: Scope, limit: int, offset: int, segment_filter: str | None, now: datetime
) -> tuple[int, list[CustomerSummary]]:
    totals = _totals(session, scope)
    spends = [t.spend for t in totals]
    rows = [_summary(t, spends, now) for t in totals]
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
    spends = [t.spend for t in _totals(session, scope)]
    summary = _summary(mine[0], spends, now)
    history = list(
        session.scalars(
            transactions_query(scope, customer_id=customer_id)
            .order_by(Transaction.started_at.desc())
            .limit(500)
        )
    )
    zones = {
        s.id: ZoneInfo(s.timezone)
        for s in session.scalars(select(Store).where(Store.id.in_(scope.store_ids)))
    }
    items: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    hours: Counter[int] = Counter()
    for t in history:
        items.update(item_names(t.record))
        labels.update(_labels(t.record))
        hours[t.started_at.astimezone(zones.get(t.store_id, UTC)).hour] += 1
    return CustomerDetail(
        **summary.model_dump(),
        favourite_items=[CountedName(name=n, count=c) for n, c in items.most_common(10)],
        tags=[CountedName(name=n, count=c) for n, c in labels.most_common(10)],
        preferred_hours=[h for h, _ in hours.most_common(3)],
        history=[TransactionOut.model_validate(t) for t in history],
    )


def recommendations(
    session: Session, scope: Scope, customer_id: int, limit: int = 10
) -> list[Recommendation] | None:
    """Items other baskets bought together with this customer's items, which this customer never bought:
    score = the share of baskets holding one of their items that also held it."""
    if not _totals(session, scope, customer_id):
        return None
    records = session.execute(
        select(Transaction.customer_id, Transaction.record)
        .where(Transaction.store_id.in_(scope.store_ids), Transaction.kind == "sale")
        .order_by(Transaction.started_at.desc())
        .limit(BASKETS_SCANNED)
    )
    baskets = [(cid, set(item_names(record))) for cid, record in records]
    bought = set().union(*(b for cid, b in baskets if cid == customer_id))
    together: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = {}
    related = 0
    for cid, basket in baskets:
        if cid == customer_id:
            continue
        shared = basket & bought
        if not shared:
            continue
        related += 1
        for item in basket - bought:
            together[item] += 1
            reasons.setdefault(item, Counter()).update(shared)
    if not related:
        return []
    return [
        Recommendation(
            item=item,
            score=(Decimal(n) / related).quantize(Decimal("0.001")),
            because_of=[name for name, _ in reasons[item].most_common(3)],
        )
        for item, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ]
