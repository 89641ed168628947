"""A customer's purchases, newest first, as their /me page lists them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.models import Store, Transaction


@dataclass(frozen=True)
class Purchase:
    store: str
    printed_at: str | None
    total: Decimal | None
    currency: str | None
    token: str | None
    kind: str


def purchase_history(session: Session, customer_id: int, limit: int = 200) -> list[Purchase]:
    rows = session.execute(
        select(Transaction, Store)
        .join(Store, Store.id == Transaction.store_id)
        .where(Transaction.customer_id == customer_id)
        .order_by(Transaction.started_at.desc())
        .limit(limit)
    )
    return [
        Purchase(store.name or store.code, t.printed_at, t.total, t.currency, t.qr_token, t.kind)
        for t, store in rows
    ]
