"""Taking a job from the spool: capture, transaction and outbox row in one database transaction, and only
then is the spool file removed. A crash before the commit leaves the file (taken again next time); a
crash after it leaves a file whose job id is already stored (the file is removed, nothing is added). So
every job is stored exactly once, whenever the power goes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from edge.escpos.printer_profile import GENERIC, PrinterProfile
from edge.parsing.pipeline import parse_bytes
from edge.store.models import Capture, OutboxEntry, TransactionRow
from firmware_bridge.spool import SpoolError, SpoolJob, list_jobs, read_job

PARSER_VERSION = "tillbox-parser/1"


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0  # jobs that printed nothing (status polls between receipts)
    bad: int = 0  # spool files that are not jobs (kept aside, never deleted silently)


def next_seq(session: Session) -> int:
    current = session.scalar(select(func.max(OutboxEntry.seq)))
    return (current or 0) + 1


def store_job(session: Session, job: SpoolJob, printer: PrinterProfile = GENERIC) -> bool:
    """Add one job; False when its id is already stored. The caller commits."""
    if session.scalar(select(Capture.id).where(Capture.job_id == job.meta.id)) is not None:
        return False
    now = datetime.now(UTC)
    m = job.meta
    capture = Capture(
        job_id=m.id,
        started_at=m.started_at,
        ended_at=m.ended_at,
        boundary=m.boundary,
        has_content=m.has_content,
        lost_bytes=m.lost_bytes,
        size=m.size,
        raw=job.data,
        stored_at=now,
        qr_token=m.label or None,
    )
    session.add(capture)
    if not m.has_content:
        return True
    tx = parse_bytes(job.data, printer)
    body = tx.to_json()
    if m.lost_bytes:
        body["issues"].append(f"{m.lost_bytes} bytes of this job never reached the box; the paper has them")
        body["status"] = "needs_review"
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = TransactionRow(
        capture=capture,
        kind=body["kind"],
        status=body["status"],
        total=body["total"],
        body=text,
        parsed_at=now,
        parser=tx.profile or PARSER_VERSION,
    )
    session.add(row)
    session.flush()
    session.add(
        OutboxEntry(
            seq=next_seq(session),
            kind="transaction",
            transaction_id=row.id,
            body=text,
            created_at=now,
            delivered_at=None,
        )
    )
    return True


def ingest_spool(
    spool: Path, sessions: sessionmaker[Session], printer: PrinterProfile = GENERIC, limit: int | None = None
) -> IngestResult:
    """Store every finished job in the spool, oldest first, each in its own database transaction."""
    result = IngestResult()
    for path in list_jobs(spool)[:limit]:
        try:
            job = read_job(path)
        except FileNotFoundError:
            continue
        except SpoolError:
            result.bad += 1
            path.rename(path.with_suffix(".bad"))
            continue
        with sessions.begin() as session:
            added = store_job(session, job, printer)
        # Committed (synchronous=FULL): only now may the bridge's copy go.
        path.unlink(missing_ok=True)
        if not added:
            result.duplicates += 1
        elif job.meta.has_content:
            result.stored += 1
        else:
            result.skipped += 1
    return result
