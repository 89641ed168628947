"""What an envelope may hold before the cloud lets any database see it, whoever signed it: a box's decoder
can put odd bytes into a receipt, and a box can be taken over. Every limit here is one a database column,
a page or a report would otherwise fail on — in a way that stopped the whole chain's ingest.

The checks are about the wire (sequence numbers, times, the shape of any JSON body); what a field of a
record means is checked by whoever reads the record (cloud_api/crud/ingest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sync.envelope import Envelope

MAX_SEQ = 2**31 - 1  # the ledger's column is a PostgreSQL INTEGER
# How far past what a box has delivered its next sequence number may jump. A box sends in order, with a
# bounded window in flight, so a jump this large is a broken or hostile box; its envelope is quarantined
# instead of opening a gap of millions of numbers.
MAX_AHEAD = 100_000
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE = timedelta(days=2)  # a box's clock may be wrong by a little, not by years
MAX_TEXT = 400_000  # characters in one JSON string (the paper's picture, base64, is the longest)
MAX_DEPTH = 16  # nesting of a body (a record is four deep)
MAX_INT = 2**53  # whole numbers a JSON reader anywhere keeps exactly
# Reasons whose envelope is not claimed in the ledger: its seq is one no column holds, or one that would
# open a gap of millions of numbers.
UNCLAIMABLE = frozenset({"seq_out_of_range", "seq_too_far_ahead"})


class OutOfBounds(ValueError):
    """An envelope, or a part of a record, the cloud cannot store as it is. `reason` is the counter it is
    quarantined under; the message says where."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def check_json(value: Any, where: str = "body", depth: int = 0) -> None:
    """Text without NUL (PostgreSQL text cannot hold it) and within MAX_TEXT, whole numbers a JSON reader
    keeps, no deeper than MAX_DEPTH."""
    if depth > MAX_DEPTH:
        raise OutOfBounds("too_deep", f"{where}: nested more than {MAX_DEPTH} deep")
    if isinstance(value, str):
        check_text(value, where)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) > MAX_INT:
            raise OutOfBounds("number_out_of_range", f"{where}: {str(value)[:20]}… is out of range")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(str(key), f"{where}: a key")
            check_json(item, f"{where}.{str(key)[:40]}", depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_json(item, f"{where}[{i}]", depth + 1)


def check_text(text: str, where: str, limit: int = MAX_TEXT) -> None:
    if "\x00" in text:
        raise OutOfBounds("nul_character", f"{where}: holds a NUL character")
    if len(text) > limit:
        raise OutOfBounds("text_too_long", f"{where}: {len(text):,} characters, at most {limit:,}")


def check_time(t: datetime, where: str, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    if not EARLIEST <= t <= now + FUTURE:
        raise OutOfBounds("time_out_of_range", f"{where}: {t.isoformat()} is not a time a box prints at")


def check_envelope(e: Envelope, contiguous: int, now: datetime | None = None) -> None:
    """Everything about a verified envelope that does not depend on what its body means. `contiguous` is
    the device's mark: every seq up to it is stored."""
    if e.seq is not None:
        if e.seq > MAX_SEQ:
            raise OutOfBounds("seq_out_of_range", f"seq {e.seq} is past {MAX_SEQ}")
        if e.seq > contiguous + MAX_AHEAD:
            raise OutOfBounds("seq_too_far_ahead", f"seq {e.seq}, {e.seq - contiguous:,} past what is stored")
    check_time(e.created_at, "created_at", now)
    check_json(e.body)
