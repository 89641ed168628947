"""How the box is doing, read from the store, the spool and the disk: what `tillbox status` prints, what
the metrics endpoint exports and what the heartbeat will carry."""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from edge.store.models import Capture, OutboxEntry, TransactionRow
from firmware_bridge.spool import BRIDGE_STATUS_FILE, list_jobs
from sync.wire.heartbeat import BridgeCounters, Readings
from sync.wire.model import WireError, from_wire

FAILURE_WINDOW = timedelta(hours=24)


@dataclass
class Health:
    last_receipt_at: str | None  # when the box stored it (UTC)
    last_receipt_status: str | None  # ok | needs_review
    last_receipt_total: str | None
    receipts_stored: int
    spool_depth: int  # finished jobs the agent has not taken yet
    spool_bad: int  # files set aside as not jobs
    outbox_depth: int  # not yet confirmed stored by the cloud
    oldest_unsent_age_s: float | None
    parse_failure_rate: float | None  # needs_review share of the last 24 h; None without receipts
    disk_free_bytes: int
    disk_total_bytes: int
    # The printer language the bridge found the POS speaking ("escpos", "star"; None before its first
    # job), and that language again when the printer profile names another: then no QR is printed (the
    # agent answers no block at a cut in a language its profile does not speak).
    printer_commands: str | None = None
    foreign_printer_commands: str | None = None
    bridge: BridgeCounters | None = (
        None  # the bridge's counters (bridge-status.json); None before it wrote any
    )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def readings(self) -> Readings:
        """As the wire carries them, which has no floats: whole seconds, the rates as decimal strings."""
        age, rate = self.oldest_unsent_age_s, self.parse_failure_rate
        return Readings(
            receipts_stored=self.receipts_stored,
            spool_depth=self.spool_depth,
            spool_bad=self.spool_bad,
            outbox_depth=self.outbox_depth,
            oldest_unsent_age_s=None if age is None else int(age),
            parse_failure_rate=None if rate is None else Decimal(f"{rate:.3f}"),
            disk_used_share=Decimal(f"{self.disk_used_share:.3f}"),
            disk_free_bytes=self.disk_free_bytes,
            disk_total_bytes=self.disk_total_bytes,
            last_receipt_at=datetime.fromisoformat(self.last_receipt_at) if self.last_receipt_at else None,
            last_receipt_status=self.last_receipt_status,
            last_receipt_total=Decimal(self.last_receipt_total) if self.last_receipt_total else None,
            printer_commands=self.printer_commands,
            foreign_printer_commands=self.foreign_printer_commands,
            bridge=self.bridge,
        )

    @property
    def disk_used_share(self) -> float:
        return 1 - self.disk_free_bytes / self.disk_total_bytes if self.disk_total_bytes else 0.0


def collect(
    sessions: sessionmaker[Session],
    spool: Path,
    disk: Path,
    profile_commands: str = "escpos",
    now: datetime | None = None,
) -> Health:
    """``profile_commands``: the language of the configured printer profile
    (``PrinterProfile.command_language``), to compare with what the bridge found."""
    now = now or datetime.now(UTC)
    with sessions() as s:
        last = s.execute(
            select(Capture.stored_at, TransactionRow.status, TransactionRow.total)
            .join(TransactionRow, TransactionRow.capture_id == Capture.id)
            .order_by(Capture.id.desc())
            .limit(1)
        ).first()
        stored = s.scalar(select(func.count(TransactionRow.id))) or 0
        depth = s.scalar(select(func.count(OutboxEntry.seq)).where(OutboxEntry.delivered_at.is_(None)))
        oldest = s.scalar(select(func.min(OutboxEntry.created_at)).where(OutboxEntry.delivered_at.is_(None)))
        since = now - FAILURE_WINDOW
        recent = s.scalar(select(func.count(TransactionRow.id)).where(TransactionRow.parsed_at >= since))
        failed = s.scalar(
            select(func.count(TransactionRow.id)).where(
                TransactionRow.parsed_at >= since, TransactionRow.status != "ok"
            )
        )
    usage = shutil.disk_usage(disk)
    said = _bridge_says(spool)
    seen = said.get("printer_commands")
    if not (isinstance(seen, str) and len(seen) < 40):
        seen = None
    return Health(
        last_receipt_at=last[0].isoformat() if last else None,
        last_receipt_status=last[1] if last else None,
        last_receipt_total=last[2] if last else None,
        receipts_stored=stored,
        spool_depth=len(list_jobs(spool)) if spool.is_dir() else 0,
        spool_bad=len(list(spool.glob("*.bad"))) if spool.is_dir() else 0,
        outbox_depth=depth or 0,
        oldest_unsent_age_s=(now - oldest).total_seconds() if oldest else None,
        parse_failure_rate=(failed or 0) / recent if recent else None,
        disk_free_bytes=usage.free,
        disk_total_bytes=usage.total,
        printer_commands=seen,
        foreign_printer_commands=seen if seen is not None and seen != profile_commands else None,
        bridge=_counters(said),
    )


def _bridge_says(spool: Path) -> dict[str, Any]:
    """The bridge's counters (bridge-status.json), as far as they can be read; nothing otherwise."""
    try:
        said = json.loads((spool / BRIDGE_STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return said if isinstance(said, dict) else {}


def _counters(said: dict[str, Any]) -> BridgeCounters | None:
    """The counters the wire carries, read as its model; a file that does not read (half-written by an
    older bridge, or by hand) gives none rather than stopping the heartbeat."""
    if not said:
        return None
    try:
        return from_wire(BridgeCounters, said)
    except WireError:
        return None
