"""What to offer a customer: the one ranking behind HQ's recommendations (GET /api/v1/customers/{id}/
recommendations), the shopper's /me and the suggestions under an e-receipt.

Two kinds, the due ones first:
- "again": an item the customer bought at least twice, by their own rhythm (the mean gap between their
  purchases of it) due again; scored by how many rhythms have passed since the last time.
- "together": an item bought with one of theirs more than chance has it (basket_rules, refreshed nightly by
  cloud_api/crud/baskets.py), ranked by the rule's lift — an item everyone buys anyway ranks low — never an
  item they have bought already.

Each request's work is bounded: the customer's own last HISTORY sales (by the customer index), the products
of those items only (by the catalogue's indexes), and at most RULES rules of one scope (by the rules'
retailer-and-scope index). Nothing here reads another customer's receipts.

The reasons are data (the rhythm, the item it goes with, the confidence): HQ's API words them for HQ, the
shopper's pages in the shopper's language, with nothing about other customers in them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.crud.products import catalogue
from cloud_api.crud.records import coded_items
from cloud_api.models import BasketRule, Store, Transaction

HISTORY = 500  # the customer's most recent sales read
ANTECEDENTS = 500  # of their distinct items, the most recently bought, that rules are looked up by
RULES = 500  # rules read per lookup (a scope keeps at most baskets.KEEP, 500, of them)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Suggestion:
    item: str
    kind: Literal["again", "together"]
    score: Decimal  # "again": rhythms passed since the last purchase; "together": the rule's lift
    because: str  # "again": the item itself; "together": the customer's item it goes with
    every_days: int = 0  # "again": the customer's rhythm
    since_days: int = 0  # "again": days since they last bought it
    confidence: float = 0.0  # "together": of the baskets holding `because`, the share that hold `item`


def rank(
    session: Session,
    retailer: str,
    bought: Mapping[str, Sequence[datetime]],
    now: datetime,
    limit: int,
    scopes: Sequence[str] = ("",),
) -> list[Suggestion]:
    """The best ``limit`` suggestions for a customer who bought these items (catalogue names) at these
    times. ``scopes``: the rule sets to try in turn (a store's code, "" the chain's); the first with any
    rule for these items is used, so a store's own habits win over the chain's where it has any."""
    out = sorted(_due(bought, now), key=lambda r: (-r.score, r.item))[:limit]
    antecedents = list(bought)[:ANTECEDENTS]
    # Of the strongest rules, enough to find `limit` new items if there are any: a rule is passed over
    # only for an item bought already or one found by a stronger rule, and an item is the consequent of
    # at most one rule per antecedent.
    wanted = min(RULES, (limit + len(bought)) * len(antecedents))
    best: dict[str, tuple[str, float, float]] = {}  # item -> (antecedent, lift, confidence)
    # Strongest first, so the first rule seen for an item is its best.
    for antecedent, consequent, lift, confidence in _rules(session, retailer, antecedents, scopes, wanted):
        if consequent not in bought:
            best.setdefault(consequent, (antecedent, lift, confidence))
    out += sorted(
        (
            Suggestion(
                item=item,
                kind="together",
                score=Decimal(repr(lift)).quantize(CENT),
                because=antecedent,
                confidence=confidence,
            )
            for item, (antecedent, lift, confidence) in best.items()
        ),
        key=lambda r: (-r.score, -r.confidence, r.item),
    )
    return out[:limit]


def _due(bought: Mapping[str, Sequence[datetime]], now: datetime) -> Iterable[Suggestion]:
    for item, when in bought.items():
        if len(when) < 2:
            continue
        times = sorted(when)
        rhythm = (times[-1] - times[0]) / (len(times) - 1)
        since = now - times[-1]
        if rhythm.total_seconds() <= 0 or since < rhythm:
            continue
        yield Suggestion(
            item=item,
            kind="again",
            score=Decimal(since / rhythm).quantize(CENT),
            because=item,
            every_days=rhythm.days or 1,
            since_days=since.days,
        )


def _rules(
    session: Session, retailer: str, items: list[str], scopes: Sequence[str], limit: int
) -> list[tuple[str, str, float, float]]:
    """(antecedent, consequent, lift, confidence) of the strongest rules from these items, ties broken by
    name so that the same rules always give the same list."""
    if not items:
        return []
    for scope in scopes:
        # Columns, not ORM objects: building 500 of those took longer than the query.
        found: list[tuple[str, str, float, float]] = [
            (a, c, lift, confidence)
            for a, c, lift, confidence in session.execute(
                select(BasketRule.antecedent, BasketRule.consequent, BasketRule.lift, BasketRule.confidence)
                .where(
                    BasketRule.retailer == retailer,
                    BasketRule.scope == scope,
                    BasketRule.antecedent.in_(items),
                )
                .order_by(
                    BasketRule.lift.desc(),
                    BasketRule.confidence.desc(),
                    BasketRule.consequent,
                    BasketRule.antecedent,
                )
                .limit(limit)
            )
        ]
        if found:
            return found
    return []


def for_customer(
    session: Session,
    customer_id: int,
    limit: int,
    now: datetime | None = None,
    store_ids: Collection[int] | None = None,
) -> list[Suggestion]:
    """The best ``limit`` from the customer's own recent sales (in these stores only, where given: HQ
    sees its own), each retailer's items ranked by that retailer's chain rules."""
    now = now or datetime.now(UTC)
    q = (
        select(Transaction.started_at, Transaction.record, Store.retailer)
        .join(Store, Store.id == Transaction.store_id)
        .where(Transaction.customer_id == customer_id, Transaction.kind == "sale")
        .order_by(Transaction.started_at.desc(), Transaction.id.desc())
        .limit(HISTORY)
    )
    if store_ids is not None:
        q = q.where(Transaction.store_id.in_(list(store_ids)))
    sales: dict[str, list[tuple[datetime, list[tuple[str, str | None]]]]] = {}
    for started, record, retailer in session.execute(q):
        items = [(name, code) for name, code, _ in coded_items(record)]
        sales.setdefault(retailer, []).append((started, items))
    out: list[Suggestion] = []
    for retailer, of_retailer in sorted(sales.items()):
        known = catalogue(session, retailer, items=[i for _, items in of_retailer for i in items])
        bought: dict[str, list[datetime]] = {}  # in the order last bought, newest first
        for started, items in of_retailer:
            for name in {known.name_of(n, code) for n, code in items}:
                bought.setdefault(name, []).append(started)
        out += rank(session, retailer, bought, now, limit)
    # Across retailers (a phone shops at more than one chain) the same order as within one.
    return sorted(out, key=lambda r: (r.kind != "again", -r.score, -r.confidence, r.item))[:limit]


def for_receipt(
    session: Session, retailer: str, store_code: str, items: Iterable[tuple[str, str | None]], limit: int
) -> list[Suggestion]:
    """What goes with this receipt's items, by its store's rules, else the chain's: nothing of who bought it
    (the page is open to anyone holding its link)."""
    items = list(items)
    known = catalogue(session, retailer, items=items)
    bought: dict[str, list[datetime]] = {known.name_of(n, code): [] for n, code in items}
    return rank(session, retailer, bought, datetime.now(UTC), limit, scopes=(store_code, ""))
