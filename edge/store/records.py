"""From a capture's bytes to what the box stores and sends: the parsed transaction, its tags, and the
record the outbox holds for the cloud (one shape for first sends and for corrections)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from edge.escpos.printer_profile import GENERIC, PrinterProfile
from edge.parsing.pipeline import decode_bytes, parse_decoded
from edge.parsing.profiles import PosProfile
from edge.render.text import render_text
from edge.store.models import Capture, TransactionRow
from edge.store.sealing import TAGS_FIELDS, TRANSACTION_FIELDS, BoxKey, seal_fields
from edge.tags.rules import TagRule
from edge.tags.tagger import BoxIds, tags_for

PARSER_VERSION = "tillbox-parser/1"
# 2: the record carries `paper`, the receipt as printed (the text rendering), for the shopper's page.
RECORD_VERSION = 2
UNSET_BOX = BoxIds("unset", "unset", "unset")


@dataclass(frozen=True)
class ParseSettings:
    """Everything that decides how a capture is read; the same for ingest and for re-parse."""

    printer: PrinterProfile = GENERIC
    pos_profile: PosProfile | None = None  # None: a bundled profile found by its header, or generic
    box: BoxIds = UNSET_BOX
    rules: tuple[TagRule, ...] = ()
    key: BoxKey | None = None  # None only in tools and tests: customer fields then stay in the clear


@dataclass(frozen=True)
class Parsed:
    body: dict[str, Any]  # the transaction JSON, customer fields sealed when there is a key
    tags: dict[str, Any]
    parser: str
    # The paper as it reads (column-faithful text), sealed when there is a key: it prints the member
    # number and the phone, which the box keeps only sealed. The cloud renders it, escaped, as the receipt.
    paper: str


def canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def parse_time(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def parse_capture(
    raw: bytes, settings: ParseSettings, started_at: datetime | None, lost_bytes: int = 0
) -> Parsed:
    options = settings.pos_profile.options if settings.pos_profile is not None else None
    doc = decode_bytes(raw, settings.printer)
    tx = parse_decoded(doc, options)
    paper = render_text(doc, settings.printer.columns)
    body = tx.to_json()
    if lost_bytes:
        body["issues"].append(f"{lost_bytes} bytes of this job never reached the box; the paper has them")
        body["status"] = "needs_review"
    tags = tags_for(body, settings.box, settings.rules, started_at)
    if settings.key is not None:
        seal_fields(body, settings.key, TRANSACTION_FIELDS)
        seal_fields(tags, settings.key, TAGS_FIELDS)
        paper = settings.key.seal_text(paper, "paper")
    return Parsed(body, tags, tx.profile or PARSER_VERSION, paper)


def fill_row(row: TransactionRow, parsed: Parsed, now: datetime) -> None:
    """Write a parse into a transaction row (a new one, or one being re-parsed)."""
    row.kind = parsed.body["kind"]
    row.status = parsed.body["status"]
    row.total = parsed.body["total"]
    row.body = canonical(parsed.body)
    row.tags = canonical(parsed.tags)
    row.parser = parsed.parser
    row.parsed_at = now


def record(capture: Capture, row: TransactionRow, paper: str) -> dict[str, Any]:
    """What sync delivers for a transaction: ids the cloud keys on, times, the transaction and its tags,
    the paper. A correction is the same record with a higher revision."""
    return {
        "record_version": RECORD_VERSION,
        "job_id": capture.job_id,
        "revision": row.revision,
        "qr_token": capture.qr_token,
        "started_at": capture.started_at,
        "ended_at": capture.ended_at,
        "boundary": capture.boundary,
        "parser": row.parser,
        "transaction": json.loads(row.body),
        "tags": json.loads(row.tags),
        "paper": paper,
    }
