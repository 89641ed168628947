"""From a capture's bytes to what the box stores and sends: the parsed transaction, its tags, and the
record the outbox holds for the cloud (one shape for first sends and for corrections)."""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from edge.escpos.document import Document
from edge.escpos.printer_profile import GENERIC, PrinterProfile
from edge.parsing.dates import DateOrder
from edge.parsing.language import language_of
from edge.parsing.model import DayMonthOrder
from edge.parsing.pipeline import applies, decode_bytes, parse_decoded
from edge.parsing.profiles import PosProfile
from edge.parsing.tag_rules import TagRule
from edge.render.text import render_text
from edge.store.models import Capture, TransactionRow
from edge.store.sealing import TAGS_FIELDS, TRANSACTION_FIELDS, BoxKey, seal_fields
from edge.tags.tagger import BoxIds, tags_for
from sync.canonical import canonical_text
from sync.wire.model import to_wire
from sync.wire.record import MAX_JOB_BYTES, RECORD_VERSION, Record
from sync.wire.transaction import Transaction as WireTransaction

log = logging.getLogger(__name__)
PARSER_VERSION = "tillbox-parser/1"
# A picture larger than this (a long receipt printed as raster images) is left out: the text stands in.
MAX_PAPER_PNG = 192 * 1024
UNSET_BOX = BoxIds("unset", "unset", "unset")
# The record's transaction goes into the outbox as the store keeps it (parsed.body, already the wire's
# JSON with its customer fields sealed): converting the typed one again only to replace it cost 40 us.
AT_REST = WireTransaction()


@dataclass(frozen=True)
class ParseSettings:
    """Everything that decides how a capture is read; the same for ingest and for re-parse."""

    printer: PrinterProfile = GENERIC
    pos_profile: PosProfile | None = None  # None: a bundled profile found by its header, or generic
    # A profile HQ pushed (learned from its corrections): for the receipts whose header it recognises; the
    # others (a second till of another POS program in the store) read as they did before.
    pushed_profile: PosProfile | None = None
    box: BoxIds = UNSET_BOX
    rules: tuple[TagRule, ...] = ()  # box.toml [tags] rules: the box's own file's
    pushed_rules: tuple[TagRule, ...] | None = None  # HQ's (edge/duties/fleet.py): in place of `rules`
    key: BoxKey | None = None  # None only in tools and tests: customer fields then stay in the clear
    currency: str | None = None  # the store's (box.toml [box] currency): for receipts that print none
    date_order: DateOrder | None = None  # box.toml [parser] date_order: where a POS profile names none


@dataclass(frozen=True)
class Parsed:
    transaction: WireTransaction  # what the parse read, customer fields in the clear
    body: dict[str, Any]  # the same as JSON, customer fields sealed when there is a key: what is stored
    tags: dict[str, Any]
    parser: str
    # The paper as it reads (column-faithful text), sealed when there is a key: it prints the member
    # number and the phone, which the box keeps only sealed. The cloud renders it, escaped, as the receipt.
    paper: str
    paper_png: str | None  # the paper as a picture, base64 PNG; sealed like `paper`
    language: str  # BCP 47: the receipt's language, for the shopper's page
    # The job's bytes (base64; sealed like `paper`) and the printer profile's name: what the cloud needs to
    # read a corrected receipt again as the box did and learn its layout. None past MAX_JOB_BYTES.
    job_bytes: str | None = None
    printer: str | None = None
    date_order_seen: DayMonthOrder | None = None  # what this receipt's own date proves


def parse_time(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def parse_capture(
    raw: bytes,
    settings: ParseSettings,
    started_at: datetime | None,
    lost_bytes: int = 0,
    picture: bool = True,
) -> Parsed:
    """`picture`: draw the paper for the shopper's page; off when the disk is low (the text stands in)."""
    doc = decode_bytes(raw, settings.printer)
    profile = settings.pos_profile
    pushed = settings.pushed_profile
    if pushed is not None and applies(pushed, doc):
        profile = pushed
    options = profile.options if profile is not None else None
    tx = parse_decoded(doc, options, settings.date_order, settings.currency)
    if tx.currency is None:
        tx.currency = settings.currency
    paper = paper_text = render_text(doc, settings.printer.columns)
    png = paper_png(doc, settings.printer.dots) if picture else None
    if lost_bytes:
        tx.flag("lost_bytes", f"{lost_bytes} bytes of this job never reached the box; the paper has them")
        tx.status = "needs_review"
    document = tx.wire()
    body: dict[str, Any] = to_wire(document)
    rules = settings.rules if settings.pushed_rules is None else settings.pushed_rules
    tags = tags_for(body, settings.box, rules, started_at)
    if settings.key is not None:
        seal_fields(body, settings.key, TRANSACTION_FIELDS)
        seal_fields(tags, settings.key, TAGS_FIELDS)
        paper = settings.key.seal_text(paper, "paper")
        png = settings.key.seal_text(png, "paper_png") if png is not None else None
    job: str | None = base64.b64encode(raw).decode("ascii") if len(raw) <= MAX_JOB_BYTES else None
    if settings.key is not None and job is not None:
        job = settings.key.seal_text(job, "job_bytes")
    language = language_of(paper_text, tx.currency)
    parser = tx.profile or PARSER_VERSION
    return Parsed(
        document, body, tags, parser, paper, png, language, job, settings.printer.name, tx.date_order_seen
    )


def paper_png(doc: Document, dots: int) -> str | None:
    """The paper as the shopper's page shows it: 1-bit PNG, base64; None when it would be too large."""
    from edge.render.png import render_png  # Pillow's drawing and the fonts: only once a receipt comes

    out = io.BytesIO()
    try:
        # zlib's default level: optimize=True made it 4 % smaller at five times the cost (10 ms a receipt).
        render_png(doc, dots).save(out, "PNG")
    except Exception:  # a drawing bug must never keep a receipt from being stored: the text stands in
        log.exception("the paper's picture could not be drawn; sending its text only")
        return None
    data = out.getvalue()
    return base64.b64encode(data).decode("ascii") if len(data) <= MAX_PAPER_PNG else None


def fill_row(row: TransactionRow, parsed: Parsed, now: datetime) -> None:
    """Write a parse into a transaction row (a new one, or one being re-parsed)."""
    row.kind = parsed.transaction.kind
    row.status = parsed.transaction.status
    row.total = to_wire(parsed.transaction.total)
    row.body = canonical_text(parsed.body)
    row.tags = canonical_text(parsed.tags)
    row.parser = parsed.parser
    row.parsed_at = now


def record(capture: Capture, row: TransactionRow, parsed: Parsed) -> dict[str, Any]:
    """What sync delivers for a transaction: ids the cloud keys on, times, the transaction and its tags,
    the paper. A correction is the same record with a higher revision. The outbox keeps it as the store
    keeps the row: customer fields sealed (the outbox port opens them to send)."""
    typed = Record(
        record_version=RECORD_VERSION,
        job_id=capture.job_id,
        revision=row.revision,
        qr_token=capture.qr_token,
        started_at=capture.started_at,
        ended_at=capture.ended_at,
        boundary=capture.boundary,
        parser=row.parser,
        transaction=AT_REST,
        tags=parsed.tags,
        paper=parsed.paper,
        paper_png=parsed.paper_png,
        language=parsed.language,
        job_bytes=parsed.job_bytes,
        printer=parsed.printer,
    )
    body: dict[str, Any] = to_wire(typed)
    body["transaction"] = parsed.body  # parsed.transaction as stored: its customer fields sealed
    return body
