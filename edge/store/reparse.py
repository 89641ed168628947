"""Re-parse: stored captures read again after a parser or profile upgrade. A transaction whose JSON or
tags come out different gets a new revision and a `correction` in the outbox; the rest stay as they are,
so running it twice sends nothing the second time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from edge.store.ingest import add_outbox
from edge.store.models import Capture
from edge.store.records import ParseSettings, canonical, parse_capture, parse_time
from edge.store.sealing import TRANSACTION_FIELDS, BoxKey, open_fields


@dataclass
class ReparseResult:
    read: int = 0
    corrected: int = 0
    unchanged: int = 0
    unavailable: int = 0  # captures whose bytes retention removed or whose images were dropped


def _clear(text: str, key: BoxKey | None, fields: tuple[tuple[str, ...], ...]) -> dict[str, object]:
    # Sealed values differ on every sealing (fresh nonce), so compare what they hold.
    body = json.loads(text)
    return open_fields(body, key, fields) if key is not None else body


def reparse(
    sessions: sessionmaker[Session],
    since: datetime,
    settings: ParseSettings,
    batch: int = 200,
) -> ReparseResult:
    result = ReparseResult()
    last_id = 0
    while True:
        with sessions.begin() as s:
            captures = s.scalars(
                select(Capture)
                .where(Capture.id > last_id, Capture.stored_at >= since, Capture.has_content)
                .order_by(Capture.id)
                .limit(batch)
            ).all()
            if not captures:
                return result
            for capture in captures:
                last_id = capture.id
                result.read += 1
                row = capture.transaction
                if row is None or capture.raw is None or capture.images_dropped:
                    result.unavailable += 1
                    continue
                raw = capture.raw
                if capture.sealed:
                    if settings.key is None:
                        raise RuntimeError("the captures are sealed: re-parse needs the box's key")
                    raw = settings.key.open(raw, "capture")
                parsed = parse_capture(raw, settings, parse_time(capture.started_at), capture.lost_bytes)
                same = _clear(row.body, settings.key, TRANSACTION_FIELDS) == _clear(
                    canonical(parsed.body), settings.key, TRANSACTION_FIELDS
                ) and _clear(row.tags, settings.key, (("member_id",),)) == _clear(
                    canonical(parsed.tags), settings.key, (("member_id",),)
                )
                if same:
                    result.unchanged += 1
                    continue
                now = datetime.now(UTC)
                row.body = canonical(parsed.body)
                row.tags = canonical(parsed.tags)
                row.kind = parsed.body["kind"]
                row.status = parsed.body["status"]
                row.total = parsed.body["total"]
                row.parser = parsed.parser
                row.parsed_at = now
                row.revision += 1
                add_outbox(s, "correction", capture, row, now)
                result.corrected += 1
