"""Re-parse: stored captures read again after a parser or profile upgrade. A transaction whose JSON or
tags come out different gets a new revision and a `correction` in the outbox; the rest stay as they are,
so running it twice sends nothing the second time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from edge.store.date_order import with_learned_order
from edge.store.ingest import add_outbox
from edge.store.models import Capture, TransactionRow
from edge.store.records import ParseSettings, fill_row, parse_capture, parse_time
from edge.store.sealing import TAGS_FIELDS, TRANSACTION_FIELDS, BoxKey, open_fields
from sync.canonical import canonical_text


@dataclass
class ReparseResult:
    read: int = 0
    corrected: int = 0
    unchanged: int = 0
    unavailable: int = 0  # captures whose bytes retention removed or whose images were dropped


def _held(body: str, tags: str, key: BoxKey | None) -> tuple[Any, Any]:
    """What a transaction's JSON and tags say. Sealed values differ on every sealing (a fresh nonce),
    so two parses are compared by what their sealed fields hold."""
    b, t = json.loads(body), json.loads(tags)
    if key is None:
        return b, t
    return open_fields(b, key, TRANSACTION_FIELDS), open_fields(t, key, TAGS_FIELDS)


def reparse(
    sessions: sessionmaker[Session],
    since: datetime,
    settings: ParseSettings,
    batch: int = 200,
    only_status: str | None = None,
    alive: Callable[[], None] = lambda: None,
) -> ReparseResult:
    """`only_status` limits it to transactions in that state (HQ asks for `needs_review` after a profile
    update: what was read right stays as it is). `alive` is called after each batch: a re-parse of
    thousands of receipts runs in one duty of the agent's loop, longer than systemd's watchdog waits, and
    killed it would start again from the first."""
    result = ReparseResult()
    last_id = 0
    while True:
        with sessions.begin() as s:
            q = select(Capture).where(Capture.id > last_id, Capture.stored_at >= since, Capture.has_content)
            if only_status is not None:
                q = q.join(TransactionRow, TransactionRow.capture_id == Capture.id).where(
                    TransactionRow.status == only_status
                )
            captures = s.scalars(q.order_by(Capture.id).limit(batch)).all()
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
                parsed = parse_capture(
                    raw, with_learned_order(s, settings), parse_time(capture.started_at), capture.lost_bytes
                )
                if _held(row.body, row.tags, settings.key) == _held(
                    canonical_text(parsed.body), canonical_text(parsed.tags), settings.key
                ):
                    result.unchanged += 1
                    continue
                now = datetime.now(UTC)
                fill_row(row, parsed, now)
                row.revision += 1
                add_outbox(s, "correction", capture, row, parsed, now)
                result.corrected += 1
        alive()
