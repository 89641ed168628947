"""The cloud's record of what each box has delivered: one row per (device id, seq), under a unique
constraint, written in the same database transaction as whatever the message stored. So a message sent
again (after a reconnect, a restart, a lost acknowledgement) is stored once, and a sequence number seen
again with *different* content is flagged instead of overwriting the first.

Tables live in their own SQLAlchemy metadata; the cloud service creates them with its own (Alembic).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

from sqlalchemy import DateTime, Integer, MetaData, String, UniqueConstraint, func, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sync.envelope import Envelope

BEYOND_LIMIT = 1000  # stored seqs past a gap reported in one acknowledgement


class LedgerBase(DeclarativeBase):
    metadata = MetaData()


class Received(LedgerBase):
    __tablename__ = "sync_received"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_sync_received_device_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int]
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the envelope's signature
    kind: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Mark(LedgerBase):
    """Each device's contiguous high-water mark: every seq up to it is stored."""

    __tablename__ = "sync_marks"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    contiguous: Mapped[int] = mapped_column(Integer, default=0)


class Outcome(Enum):
    NEW = "new"
    DUPLICATE = "duplicate"  # same seq, same content: already stored
    CONFLICT = "conflict"  # same seq, different content: flagged, the first one stands


def digest(e: Envelope) -> str:
    # Ed25519 signatures are deterministic: under one device key, same content <=> same signature.
    return hashlib.sha256(e.sig.encode()).hexdigest()


def record(session: Session, envelopes: list[Envelope]) -> list[Outcome]:
    """Claim (device, seq) for each envelope of one device's message, in the caller's transaction: one
    query for what is already there, one insert for the rest."""
    seqs = [e.seq for e in envelopes if e.seq is not None]
    if len(seqs) != len(envelopes):
        raise ValueError("only sequenced envelopes (transactions, corrections) go in the ledger")
    device = envelopes[0].device_id
    rows = session.execute(
        select(Received.seq, Received.digest).where(Received.device_id == device, Received.seq.in_(seqs))
    )
    known: dict[int, str] = {seq: d for seq, d in rows}
    outcomes = []
    new: list[dict[str, object]] = []
    now = datetime.now(UTC)
    for e, seq in zip(envelopes, seqs, strict=True):
        d = digest(e)
        if seq in known:
            outcomes.append(Outcome.DUPLICATE if known[seq] == d else Outcome.CONFLICT)
            continue
        known[seq] = d  # the same seq twice in one message counts once
        new.append({"device_id": e.device_id, "seq": seq, "digest": d, "kind": e.kind, "received_at": now})
        outcomes.append(Outcome.NEW)
    if new:
        # Inserted now, inside the transaction: the unique constraint speaks here if another worker won.
        session.execute(insert(Received), new)
    return outcomes


@dataclass(frozen=True)
class Ack:
    contiguous: int  # every seq up to here is stored
    beyond: tuple[int, ...]  # stored seqs past the first gap

    def to_json(self) -> dict[str, object]:
        return {"contiguous": self.contiguous, "beyond": list(self.beyond)}


def advance(session: Session, device_id: str) -> Ack:
    """Move the device's contiguous mark over what is stored and say where it stands."""
    mark = session.get(Mark, device_id)
    if mark is None:
        mark = Mark(device_id=device_id, contiguous=0)
        session.add(mark)
    later = session.scalars(
        select(Received.seq)
        .where(Received.device_id == device_id, Received.seq > mark.contiguous)
        .order_by(Received.seq)
        .limit(BEYOND_LIMIT * 10)
    ).all()
    beyond: list[int] = []
    for seq in later:
        if seq == mark.contiguous + 1 and not beyond:
            mark.contiguous = seq
        else:
            beyond.append(seq)
    return Ack(mark.contiguous, tuple(beyond[:BEYOND_LIMIT]))


def gaps(session: Session, device_id: str) -> list[int]:
    """Sequence numbers missing below the highest one stored (what HQ must hear about if they stay)."""
    mark = session.get(Mark, device_id)
    low = mark.contiguous if mark else 0
    stored = session.scalars(
        select(Received.seq).where(Received.device_id == device_id, Received.seq > low).order_by(Received.seq)
    ).all()
    have = set(stored)
    return [s for s in range(low + 1, max(stored, default=low)) if s not in have]


@dataclass(frozen=True)
class Gap:
    device_id: str
    missing: tuple[int, ...]
    since: datetime  # when the first sequence number past the gap was stored


def _utc(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)  # SQLite hands times back naive


def overdue_gaps(session: Session, older_than: timedelta, now: datetime | None = None) -> list[Gap]:
    """Devices with sequence numbers missing for longer than `older_than`.

    A gap is normal for a moment (messages overtake each other, a live sale goes before the backlog);
    one that stays means a box lost something, and HQ must hear of it. Its age is that of the oldest
    sequence number stored past the device's contiguous mark."""
    now = now or datetime.now(UTC)
    low = func.coalesce(Mark.contiguous, 0)
    rows = session.execute(
        select(Received.device_id, func.min(Received.received_at))
        .outerjoin(Mark, Mark.device_id == Received.device_id)
        .where(Received.seq > low)
        .group_by(Received.device_id)
        .order_by(Received.device_id)
    ).all()
    overdue = []
    for device_id, since in rows:
        if now - _utc(since) >= older_than:
            missing = gaps(session, device_id)
            if missing:
                overdue.append(Gap(device_id, tuple(missing), _utc(since)))
    return overdue
