"""Marketing consent, per customer and channel, apart from saving receipts: saving a receipt proves a
phone and files a purchase, and says nothing about wanting offers. Nobody has consented until they say
so (no event: no consent).

Every change is an event kept for good (who, which channel, granted or withdrawn, when, where it was
said), so that HQ can show when and how a customer agreed; the state now is each channel's latest event.
Events hold no address or number: what a channel reaches is the customer's identity, sealed there.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from cloud_api.models import ConsentEvent, Transaction
from cloud_api.schemas import ConsentCount, ConsentOut

CHANNELS = ("sms", "email", "wechat", "push")
SOURCES = ("me-page", "receipt-claim")


class ConsentError(ValueError):
    pass


def _latest(customer_ids: Select[Any] | Collection[int]) -> Select[Any]:
    """Each (customer, channel)'s latest event among these customers."""
    ranked = (
        select(
            ConsentEvent.customer_id,
            ConsentEvent.channel,
            ConsentEvent.granted,
            ConsentEvent.at,
            ConsentEvent.source,
            func.row_number()
            .over(
                partition_by=(ConsentEvent.customer_id, ConsentEvent.channel),
                order_by=(ConsentEvent.at.desc(), ConsentEvent.id.desc()),
            )
            .label("n"),
        )
        .where(ConsentEvent.customer_id.in_(customer_ids))
        .subquery()
    )
    return select(
        ranked.c.customer_id, ranked.c.channel, ranked.c.granted, ranked.c.at, ranked.c.source
    ).where(ranked.c.n == 1)


def consents_of(session: Session, customer_id: int) -> list[ConsentOut]:
    """The customer's consent as it stands on each channel they ever answered, in CHANNELS' order."""
    found = {
        row.channel: ConsentOut(channel=row.channel, granted=row.granted, at=row.at, source=row.source)
        for row in session.execute(_latest([customer_id]))
    }
    order = {c: i for i, c in enumerate(CHANNELS)}
    return [found[c] for c in sorted(found, key=lambda c: (order.get(c, len(order)), c))]


def set_consent(
    session: Session, customer_id: int, channel: str, granted: bool, source: str, now: datetime
) -> ConsentEvent | None:
    """Record the customer's word on a channel; None (and nothing recorded) when it is what stands
    already, so the history holds changes only."""
    if channel not in CHANNELS:
        raise ConsentError(f"channel {channel!r}: one of {', '.join(CHANNELS)}")
    if source not in SOURCES:
        raise ConsentError(f"source {source!r}: one of {', '.join(SOURCES)}")
    now_granted = {c.channel: c.granted for c in consents_of(session, customer_id)}
    if now_granted.get(channel, False) == granted:
        return None
    event = ConsentEvent(customer_id=customer_id, channel=channel, granted=granted, at=now, source=source)
    session.add(event)
    session.flush()
    return event


def summary(session: Session, store_ids: Collection[int]) -> list[ConsentCount]:
    """How many customers consent now on each channel, among those who bought in these stores: whom a
    campaign of these stores may reach, channel by channel (every channel listed, 0 where nobody)."""
    counts: dict[str, int] = {}
    if store_ids:
        buyers = (
            select(Transaction.customer_id)
            .where(Transaction.store_id.in_(store_ids), Transaction.customer_id.is_not(None))
            .distinct()
        )
        latest = _latest(buyers).subquery()
        counts = {
            channel: int(n)
            for channel, n in session.execute(
                select(latest.c.channel, func.count())
                .where(latest.c.granted.is_(True))
                .group_by(latest.c.channel)
            )
        }
    return [ConsentCount(channel=c, customers=counts.get(c, 0)) for c in CHANNELS]
