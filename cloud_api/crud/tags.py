"""Life-stage and interest tags: rules HQ writes over the catalogue's categories, such as

    2 or more baby purchases in 60 days -> new_parent

(a purchase of a category: a receipt with at least one item whose product is of it), applied to every
customer: the tag holds from the purchase that met the rule. Ingest, claims and merges re-apply the
rules to the customers they touch (customer_features.renew_for); adding a rule applies it to everyone.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cloud_api.crud.products import Catalogue, catalogue
from cloud_api.crud.records import coded_items
from cloud_api.models import CustomerTag, Product, Store, TagRule, Transaction

_RULE = re.compile(
    r"^\s*(?P<count>\d{1,3})\s+or\s+more\s+(?P<category>.+?)\s+purchases?\s+in\s+(?P<days>\d{1,4})\s+days?"
    r"\s*(?:->|→)\s*(?P<tag>[a-z][a-z0-9_]{0,39})\s*$",
    re.IGNORECASE,
)


class RuleError(ValueError):
    """A rule that does not parse or names what does not exist; the message says which."""


def parse_rule(text: str) -> tuple[int, str, int, str]:
    """(min_count, category, window_days, tag) of "N or more CATEGORY purchases in D days -> TAG"."""
    m = _RULE.match(text)
    if m is None:
        raise RuleError(
            f"{text.strip()[:80]!r} does not read as a rule: write it as "
            "'2 or more baby purchases in 60 days -> new_parent'"
        )
    count, days = int(m["count"]), int(m["days"])
    if count < 1 or days < 1:
        raise RuleError("the count and the days must be at least 1")
    return count, m["category"].strip(), days, m["tag"].lower()


def add_rule(session: Session, retailer: str, text: str, now: datetime) -> TagRule:
    count, category, days, tag = parse_rule(text)
    known = session.scalars(
        select(Product.category).where(Product.retailer == retailer, Product.category == category).limit(1)
    ).first()
    if known is None:
        raise RuleError(f"no product of category {category!r} in {retailer}'s catalogue")
    if session.scalars(select(TagRule).where(TagRule.retailer == retailer, TagRule.tag == tag)).first():
        raise RuleError(f"a rule already gives {tag!r}")
    rule = TagRule(
        retailer=retailer,
        tag=tag,
        category=category,
        min_count=count,
        window_days=days,
        text=text.strip()[:300],
        created_at=now,
    )
    session.add(rule)
    session.flush()
    apply_rules(session, retailer)
    return rule


def apply_rules(session: Session, retailer: str, customer_ids: Collection[int] | None = None) -> None:
    """Re-apply the retailer's rules to these customers (every customer where None)."""
    rules = list(session.scalars(select(TagRule).where(TagRule.retailer == retailer)))
    if not rules:
        return
    known = catalogue(session, retailer, {r.category for r in rules})
    q = (
        select(Transaction.customer_id, Transaction.started_at, Transaction.record)
        .join(Store, Store.id == Transaction.store_id)
        .where(Store.retailer == retailer, Transaction.kind == "sale", Transaction.customer_id.is_not(None))
        .order_by(Transaction.customer_id, Transaction.started_at)
    )
    gone = delete(CustomerTag).where(CustomerTag.rule_id.in_([r.id for r in rules]))
    if customer_ids is not None:
        q = q.where(Transaction.customer_id.in_(list(customer_ids)))
        gone = gone.where(CustomerTag.customer_id.in_(list(customer_ids)))
    session.execute(gone)
    bought: dict[int, dict[str, list[datetime]]] = {}  # customer -> category -> purchase times
    for customer_id, started, record in session.execute(q):
        for category in _categories(record, known):
            bought.setdefault(customer_id, {}).setdefault(category, []).append(started)
    for customer_id, by_category in bought.items():
        for rule in rules:
            since = _met(by_category.get(rule.category, []), rule.min_count, timedelta(days=rule.window_days))
            if since is not None:
                session.add(CustomerTag(customer_id=customer_id, rule_id=rule.id, since=since))
    session.flush()


def apply_for(session: Session, customer_ids: Collection[int]) -> None:
    """Re-apply every retailer's rules to these customers (those whose purchases just changed)."""
    retailers = set(session.scalars(select(TagRule.retailer).distinct()))
    for retailer in sorted(retailers):
        apply_rules(session, retailer, customer_ids)


def _met(times: list[datetime], count: int, window: timedelta) -> datetime | None:
    """The first purchase at which `count` of them fall within `window` (ending at it)."""
    for i in range(count - 1, len(times)):
        if times[i] - times[i - count + 1] <= window:
            return times[i]
    return None


def touched(session: Session, retailer: str, sales: list[tuple[int | None, object]]) -> set[int]:
    """The customers among these new sales (customer, stored record) whose receipt holds an item of one of
    the retailer's rules' categories: only their tags can change with it (another purchase counts towards
    no rule, and a tag, once met, holds since its day)."""
    linked = [(c, record) for c, record in sales if c is not None]
    if not linked:
        return set()
    categories = set(session.scalars(select(TagRule.category).where(TagRule.retailer == retailer)))
    if not categories:
        return set()
    known = catalogue(session, retailer, categories)
    return {c for c, record in linked if c is not None and _categories(record, known) & categories}


def _categories(record: object, known: Catalogue) -> set[str]:
    products = (known.product_for(name, code) for name, code, _ in coded_items(record))
    return {p.category for p in products if p is not None and p.category}


def tags_of(session: Session, customer_id: int, retailer: str) -> list[tuple[str, datetime]]:
    """The customer's tags at this retailer and since when, oldest first."""
    rows = session.execute(
        select(TagRule.tag, CustomerTag.since)
        .join(TagRule, TagRule.id == CustomerTag.rule_id)
        .where(CustomerTag.customer_id == customer_id, TagRule.retailer == retailer)
        .order_by(CustomerTag.since)
    )
    return [(tag, since) for tag, since in rows]


def list_rules(session: Session, retailer: str) -> list[tuple[TagRule, int]]:
    """The retailer's rules, each with how many customers it tags now."""
    counts: dict[int, int] = {
        rule_id: n
        for rule_id, n in session.execute(
            select(CustomerTag.rule_id, func.count()).group_by(CustomerTag.rule_id)
        )
    }
    rules = session.scalars(select(TagRule).where(TagRule.retailer == retailer).order_by(TagRule.id))
    return [(r, int(counts.get(r.id, 0))) for r in rules]


def remove_rule(session: Session, retailer: str, rule_id: int) -> bool:
    """The rule and the tags it gave go; False where the retailer has no such rule."""
    rule = session.get(TagRule, rule_id)
    if rule is None or rule.retailer != retailer:
        return False
    session.execute(delete(CustomerTag).where(CustomerTag.rule_id == rule_id))
    session.delete(rule)
    session.flush()
    return True
