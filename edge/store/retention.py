"""Retention: what the box may forget. A capture goes once it is older than the retention period *and*
everything made from it has reached the cloud; delivered outbox rows go after a short grace period.
Nothing unsynced is ever removed, however full the disk: the outbox is the buffer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, sessionmaker

from edge.store.models import Capture, OutboxEntry, TransactionRow


@dataclass
class Pruned:
    captures: int = 0
    outbox_rows: int = 0


def prune(
    sessions: sessionmaker[Session],
    days: int,
    now: datetime | None = None,
    delivered_grace: timedelta = timedelta(days=1),
    batch: int = 500,
) -> Pruned:
    """One pass of retention, in small transactions so the agent's writes are never held up for long."""
    now = now or datetime.now(UTC)
    result = Pruned()
    cutoff = now - timedelta(days=days)
    unsent = exists().where(
        OutboxEntry.transaction_id == TransactionRow.id, OutboxEntry.delivered_at.is_(None)
    )
    while True:
        with sessions.begin() as s:
            old = s.scalars(
                select(Capture.id)
                .outerjoin(TransactionRow, TransactionRow.capture_id == Capture.id)
                .where(Capture.stored_at < cutoff, ~unsent)
                .limit(batch)
            ).all()
            if not old:
                break
            tx_ids = select(TransactionRow.id).where(TransactionRow.capture_id.in_(old))
            s.execute(delete(OutboxEntry).where(OutboxEntry.transaction_id.in_(tx_ids)))
            s.execute(delete(TransactionRow).where(TransactionRow.capture_id.in_(old)))
            s.execute(delete(Capture).where(Capture.id.in_(old)))
            result.captures += len(old)
    with sessions.begin() as s:
        gone = s.execute(delete(OutboxEntry).where(OutboxEntry.delivered_at < now - delivered_grace))
        result.outbox_rows = gone.rowcount  # type: ignore[attr-defined]
    return result
