"""Taking a job from the spool: capture, transaction and outbox row in one database transaction, and only
then is the spool file removed. A crash before the commit leaves the file (taken again next time); a
crash after it leaves a file whose job id is already stored (the file is removed, nothing is added). So
every job is stored exactly once, whenever the power goes.

A full disk never corrupts the store (SQLite rolls the transaction back) and never loses a job: it
stays in the spool and is taken when there is room again, first without its raster images.

A file that is not a job, or a job the store refuses, is set aside (`<id>.bad`, with the reason in
`<id>.why`; `tillbox status` counts them) and the next jobs are stored: no file can stop the agent. Only
the database itself failing (locked, unreadable) stops it, since then no job could be stored."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from edge.store.date_order import note_order, with_learned_order
from edge.store.images import without_images
from edge.store.models import Capture, Counter, OutboxEntry, TransactionRow
from edge.store.records import (
    Parsed,
    ParseSettings,
    fill_row,
    parse_capture,
    parse_time,
    record,
)
from firmware_bridge.spool import SpoolError, SpoolJob, list_jobs, read_job
from sync.canonical import canonical_text

log = logging.getLogger("tillbox.store.ingest")
OUTBOX_SEQ = "outbox_seq"
BATCH = 20


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0  # jobs that printed nothing (status polls between receipts)
    bad: int = 0  # spool files that are not jobs (kept aside, never deleted silently)
    images_dropped: int = 0  # stored without raster images because the disk is low
    disk_full: bool = False  # the store refused a write; the job waits in the spool


def is_disk_full(e: OperationalError) -> bool:
    return "full" in str(e.orig).lower()  # SQLITE_FULL: "database or disk is full"


def next_seq(session: Session) -> int:
    """The next outbox sequence number; the counter outlives pruned rows, so a number is never reused."""
    counter = session.get(Counter, OUTBOX_SEQ)
    if counter is None:
        counter = Counter(name=OUTBOX_SEQ, value=0)
        session.add(counter)
    counter.value += 1
    return counter.value


def add_outbox(
    session: Session, kind: str, capture: Capture, row: TransactionRow, parsed: Parsed, now: datetime
) -> None:
    session.add(
        OutboxEntry(
            seq=next_seq(session),
            kind=kind,
            transaction=row,
            body=canonical_text(record(capture, row, parsed)),
            created_at=now,
            delivered_at=None,
        )
    )


def store_job(
    session: Session, job: SpoolJob, settings: ParseSettings | None = None, lean: bool = False
) -> Capture | None:
    """Add one job; None when its id is already stored. The caller commits. `lean` stores the capture
    without raster images (the transaction is parsed from the whole job either way)."""
    settings = settings or ParseSettings()
    token = job.meta.label or None
    with session.no_autoflush:  # one flush per batch, not per job
        if session.scalar(select(Capture.id).where(Capture.job_id == job.meta.id)) is not None:
            return None
        if token is not None and _token_taken(session, token):
            # The token on paper is the first receipt's: this one is kept, without a QR of its own.
            log.warning(
                "spool job %s: QR token %s is another receipt's; stored without it", job.meta.id, token
            )
            token = None
    now = datetime.now(UTC)
    m = job.meta
    raw = job.data
    dropped = 0
    if lean:
        raw, dropped = without_images(raw)
    capture = Capture(
        job_id=m.id,
        started_at=m.started_at,
        ended_at=m.ended_at,
        boundary=m.boundary,
        has_content=m.has_content,
        lost_bytes=m.lost_bytes,
        size=m.size,
        raw=settings.key.seal(raw, "capture") if settings.key else raw,
        sealed=settings.key is not None,
        images_dropped=dropped > 0,
        stored_at=now,
        qr_token=token,
    )
    session.add(capture)
    if not m.has_content:
        return capture
    # The paper's picture is for the shopper's page, so only a receipt with a QR gets one; and none when
    # the disk is low (the capture then goes without its images too).
    picture = bool(m.label) and not lean
    settings = with_learned_order(session, settings)
    parsed = parse_capture(job.data, settings, parse_time(m.started_at), m.lost_bytes, picture=picture)
    note_order(session, parsed.date_order_seen)
    row = TransactionRow(capture=capture, revision=1)
    fill_row(row, parsed, now)
    session.add(row)
    add_outbox(session, "transaction", capture, row, parsed, now)
    return capture


def _token_taken(session: Session, token: str) -> bool:
    pending = any(isinstance(o, Capture) and o.qr_token == token for o in session.new)
    return pending or session.scalar(select(Capture.id).where(Capture.qr_token == token)) is not None


def _checkpoint(sessions: sessionmaker[Session]) -> bool:
    """Fold the WAL into the database and truncate it: on a nearly full disk the WAL, which only
    checkpoints itself every 4 MB, holds the space a receipt needs."""
    try:
        with sessions() as session:
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return True
    except OperationalError:
        return False


# What the agent needs of a stored job once it is committed: None for a job already stored, else
# whether its capture went without its raster images.
Outcome = bool | None


def _let_go(session: Session, captures: list[Capture | None]) -> list[Outcome]:
    """The outcomes of a batch, then its objects emptied before the commit. A capture and its transaction
    refer to each other (a reference cycle), so without this they and their bodies and pictures (tens
    of kB a receipt) waited for the garbage collector's rare full collection: MBs of the agent's peak."""
    session.flush()
    outcomes = [None if c is None else c.images_dropped for c in captures]
    session.expire_all()  # written already: nothing reads these objects again
    return outcomes


def _try_store(
    sessions: sessionmaker[Session], job: SpoolJob, settings: ParseSettings | None, lean: bool
) -> tuple[bool, Outcome]:
    """(committed, outcome); not committed only on SQLITE_FULL (rolled back, nothing written)."""
    try:
        with sessions.begin() as session:
            return True, _let_go(session, [store_job(session, job, settings, lean=lean)])[0]
    except OperationalError as e:
        if not is_disk_full(e):
            raise
        return False, None


def _store_with_room(
    sessions: sessionmaker[Session], job: SpoolJob, settings: ParseSettings | None, lean: bool
) -> tuple[bool, Outcome]:
    """On SQLITE_FULL: once more after folding the WAL back, then without the images."""
    committed, outcome = _try_store(sessions, job, settings, lean)
    if not committed and _checkpoint(sessions):
        committed, outcome = _try_store(sessions, job, settings, lean)
    if not committed and not lean:
        committed, outcome = _try_store(sessions, job, settings, lean=True)
    return committed, outcome


def ingest_spool(
    spool: Path,
    sessions: sessionmaker[Session],
    settings: ParseSettings | None = None,
    limit: int | None = None,
    lean: bool = False,
    batch: int = BATCH,
) -> IngestResult:
    """Store the finished jobs in the spool, oldest first. Jobs waiting together share one database
    transaction (one fsync) of up to `batch`; a job that prints alone is committed alone, at once."""
    result = IngestResult()
    paths = list_jobs(spool)[:limit]
    for start in range(0, len(paths), batch):
        chunk: list[tuple[Path, SpoolJob]] = []
        for path in paths[start : start + batch]:
            try:
                chunk.append((path, read_job(path)))
            except FileNotFoundError:
                continue
            except SpoolError as e:
                set_aside(path, str(e), result)
        added: list[Outcome] | None
        try:
            with sessions.begin() as session:
                added = _let_go(session, [store_job(session, job, settings, lean=lean) for _, job in chunk])
        except OperationalError as e:
            if not is_disk_full(e):
                raise
            added = None  # no room for them all: one at a time, each with the full-disk fallbacks
        except Exception:  # one job the store refuses: find it, one at a time
            added = None
        if added is not None:
            for (path, job), outcome in zip(chunk, added, strict=True):
                _taken(path, job, outcome, result)
            continue
        for path, job in chunk:
            try:
                committed, outcome = _store_with_room(sessions, job, settings, lean)
            except OperationalError:
                raise  # the database itself: no job could be stored, the agent must say so and stop
            except Exception as e:  # this job's content: a parser's or a constraint's refusal
                log.warning("spool job %s refused by the store: %s", path.name, e, exc_info=True)
                set_aside(path, f"{path}: the store refused it: {type(e).__name__}: {str(e)[:300]}", result)
                continue
            if not committed:
                result.disk_full = True  # even without images there is no room: the job waits
                return result
            _taken(path, job, outcome, result)
    return result


def set_aside(path: Path, reason: str, result: IngestResult) -> None:
    """Keep the file (never deleted silently) where it is no longer taken, with why beside it."""
    result.bad += 1
    log.warning("spool file set aside: %s", reason)
    try:
        path.rename(path.with_suffix(".bad"))
    except FileNotFoundError:
        return  # taken by another consumer meanwhile
    with contextlib.suppress(OSError):  # the reason is in the log too
        path.with_suffix(".why").write_text(reason + "\n", encoding="utf-8")


def _taken(path: Path, job: SpoolJob, outcome: Outcome, result: IngestResult) -> None:
    # Committed (synchronous=FULL): only now may the bridge's copy go.
    path.unlink(missing_ok=True)
    if outcome is None:
        result.duplicates += 1
    elif job.meta.has_content:
        result.stored += 1
        result.images_dropped += outcome
    else:
        result.skipped += 1
