"""Tables of the box's store (SQLAlchemy 2.x typed ORM).

captures      the raw bytes of every job the bridge spooled, kept for re-parsing (invariant 3)
transactions  what the parser read from a capture, as the transaction JSON, with its status
outbox        what sync must deliver, numbered per device by a strictly increasing sequence
counters      the outbox's last sequence number, kept apart so pruning delivered rows never reuses one
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sync.aware_time import UtcDateTime


class Base(DeclarativeBase):
    # Times aware in and out (SQLite keeps no zone): every datetime column is UTC, marked so when read.
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


class Capture(Base):
    __tablename__ = "captures"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(
        String(64), unique=True
    )  # the spool's id: taking a job twice is a no-op
    started_at: Mapped[str] = mapped_column(String(40))
    ended_at: Mapped[str] = mapped_column(String(40))
    boundary: Mapped[str] = mapped_column(String(16))
    has_content: Mapped[bool]
    lost_bytes: Mapped[int] = mapped_column(default=0)
    size: Mapped[int]
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    sealed: Mapped[bool] = mapped_column(default=False)  # raw is AES-GCM sealed with the box's key
    images_dropped: Mapped[bool] = mapped_column(default=False)  # stored without raster images (low disk)
    qr_token: Mapped[str | None] = mapped_column(String(32), unique=True)  # the token printed on it
    stored_at: Mapped[datetime]

    transaction: Mapped[TransactionRow | None] = relationship(back_populates="capture", uselist=False)


class TransactionRow(Base):
    __tablename__ = "transactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    capture_id: Mapped[int] = mapped_column(ForeignKey("captures.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    total: Mapped[str | None] = mapped_column(String(32))  # decimal string, as on the wire
    body: Mapped[str] = mapped_column(Text)  # the transaction JSON
    parsed_at: Mapped[datetime]
    parser: Mapped[str] = mapped_column(String(64))  # parser version / profile that read it
    tags: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    revision: Mapped[int] = mapped_column(default=1)  # 2, 3, ... after each re-parse that changed it

    capture: Mapped[Capture] = relationship(back_populates="transaction")


class OutboxEntry(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_undelivered", "delivered_at", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # per device, strictly increasing
    kind: Mapped[str] = mapped_column(String(16))  # transaction | correction
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"), index=True)
    transaction: Mapped[TransactionRow] = relationship()
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]


class Counter(Base):
    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int]
