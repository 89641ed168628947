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

from sqlalchemy import (
    BigInteger,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from sync.aware_time import Aware
from sync.canonical import canonical_bytes
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
    received_at: Mapped[datetime] = mapped_column(Aware)


class Mark(LedgerBase):
    """Each device's contiguous high-water mark: every seq up to it is stored."""

    __tablename__ = "sync_marks"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    contiguous: Mapped[int] = mapped_column(Integer, default=0)


class Quarantined(LedgerBase):
    """A verified envelope the cloud could not store as it is (out of bounds, unreadable, refused by the
    database): kept whole — its canonical bytes still carry the box's signature — with the reason, once
    per distinct envelope and device however often it is sent again."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (UniqueConstraint("device_id", "digest", name="uq_sync_quarantine_device_digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    seq: Mapped[int | None] = mapped_column(BigInteger)  # None for a heartbeat, or past BigInteger
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(500))
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of `raw`
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    first_seen: Mapped[datetime] = mapped_column(Aware)
    last_seen: Mapped[datetime] = mapped_column(Aware)
    times: Mapped[int] = mapped_column(Integer, default=1)


BIGINT_MAX = 2**63 - 1


def quarantine(session: Session, e: Envelope, reason: str, detail: str) -> None:
    """Keep `e` aside in the caller's transaction (counted again if it is there already)."""
    raw = canonical_bytes(e.to_json())
    d = hashlib.sha256(raw).hexdigest()
    now = datetime.now(UTC)
    found = session.scalar(
        update(Quarantined)
        .where(Quarantined.device_id == e.device_id, Quarantined.digest == d)
        .values(times=Quarantined.times + 1, last_seen=now)
        .returning(Quarantined.id)
    )
    if found is None:
        seq = e.seq if e.seq is not None and e.seq <= BIGINT_MAX else None
        session.execute(
            insert(Quarantined).values(
                device_id=e.device_id,
                seq=seq,
                kind=e.kind,
                reason=reason[:40],
                detail=detail[:500],
                digest=d,
                raw=raw,
                first_seen=now,
                last_seen=now,
                times=1,
            )
        )


def quarantine_apart(sessions: sessionmaker[Session], e: Envelope, reason: str, detail: str) -> None:
    """`quarantine` in a transaction of its own; two workers quarantining one envelope at once is no
    error (the second counts it)."""
    for attempt in (1, 2):
        try:
            with sessions.begin() as session:
                quarantine(session, e, reason, detail)
            return
        except IntegrityError:
            if attempt == 2:
                raise


def quarantined_counts(session: Session, device_ids: list[str]) -> dict[str, dict[str, int]]:
    """Per device, how many distinct envelopes are quarantined under each reason."""
    counts: dict[str, dict[str, int]] = {}
    rows = session.execute(
        select(Quarantined.device_id, Quarantined.reason, func.count())
        .where(Quarantined.device_id.in_(device_ids))
        .group_by(Quarantined.device_id, Quarantined.reason)
    )
    for device, reason, n in rows:
        counts.setdefault(device, {})[reason] = int(n)
    return counts


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


def contiguous_mark(session: Session, device_id: str) -> int:
    mark = session.get(Mark, device_id)
    return mark.contiguous if mark else 0


def gaps(session: Session, device_id: str) -> list[tuple[int, int]]:
    """The runs of sequence numbers missing below the highest one stored, as (first, last): what HQ must
    hear about if they stay. Found by the database, one row per run, however many numbers are missing."""
    return gaps_of(session, [device_id]).get(device_id, [])


def gaps_of(session: Session, device_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """`gaps` of many devices in one query (HQ's device view of a whole fleet)."""
    if not device_ids:
        return {}
    low = func.coalesce(Mark.contiguous, 0)
    seqs = (
        select(
            Received.device_id.label("device_id"),
            Received.seq.label("seq"),
            func.lag(Received.seq, 1, low)
            .over(partition_by=Received.device_id, order_by=Received.seq)
            .label("prev"),
        )
        .outerjoin(Mark, Mark.device_id == Received.device_id)
        .where(Received.device_id.in_(device_ids), Received.seq > low)
        .subquery()
    )
    rows = session.execute(
        select(seqs.c.device_id, seqs.c.prev + 1, seqs.c.seq - 1)
        .where(seqs.c.seq > seqs.c.prev + 1)
        .order_by(seqs.c.device_id, seqs.c.seq)
    )
    out: dict[str, list[tuple[int, int]]] = {}
    for device, first, last in rows:
        out.setdefault(device, []).append((int(first), int(last)))
    return out


def missing_count(ranges: list[tuple[int, int]]) -> int:
    return sum(last - first + 1 for first, last in ranges)


@dataclass(frozen=True)
class Gap:
    device_id: str
    missing: tuple[tuple[int, int], ...]  # runs (first, last)
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
