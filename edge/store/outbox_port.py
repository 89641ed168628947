"""The box's outbox as sync's publisher sees it (sync.publisher.Outbox): rows in sequence order with the
customer fields opened for the TLS link, and the cloud's acknowledgements written back as delivered."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from edge.store.models import OutboxEntry
from edge.store.sealing import RECORD_FIELDS, BoxKey, open_fields
from sync.envelope import Kind
from sync.publisher import Pending


@dataclass
class StoreOutbox:
    sessions: sessionmaker[Session]
    key: BoxKey | None

    def pending(self, after_seq: int, limit: int, newest_first: bool = False) -> list[Pending]:
        order = OutboxEntry.seq.desc() if newest_first else OutboxEntry.seq
        with self.sessions() as s:
            rows = s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.delivered_at.is_(None), OutboxEntry.seq > after_seq)
                .order_by(order)
                .limit(limit)
            ).all()
            return [
                Pending(
                    r.seq,
                    cast(Kind, r.kind),
                    r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=UTC),
                    self._opened(r.body),
                )
                for r in rows
            ]

    def _opened(self, body: str) -> dict[str, object]:
        record = json.loads(body)
        return open_fields(record, self.key, RECORD_FIELDS) if self.key is not None else record

    def delivered(self, contiguous: int, beyond: Sequence[int]) -> int:
        with self.sessions.begin() as s:
            done = s.execute(
                update(OutboxEntry)
                .where(
                    OutboxEntry.delivered_at.is_(None),
                    or_(OutboxEntry.seq <= contiguous, OutboxEntry.seq.in_(list(beyond))),
                )
                .values(delivered_at=datetime.now(UTC))
            )
            return int(done.rowcount)  # type: ignore[attr-defined]
