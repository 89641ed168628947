"""Bytes -> transaction in one call: decode with a printer profile, parse with an optional POS profile."""

from __future__ import annotations

from dataclasses import replace

from edge.escpos.decoder import decode
from edge.escpos.document import Document
from edge.escpos.printer_profile import GENERIC, PrinterProfile
from edge.parsing.dates import DateOrder
from edge.parsing.generic import ParseOptions, parse_document
from edge.parsing.model import Transaction
from edge.parsing.profiles import PosProfile, bundled_profiles, detect_profile


def parse_bytes(
    data: bytes, printer: PrinterProfile = GENERIC, options: ParseOptions | None = None
) -> Transaction:
    """Parse one job. Without options, a bundled POS profile whose signature is in the header is used."""
    return parse_decoded(decode(data, printer), options)


def parse_decoded(
    doc: Document,
    options: ParseOptions | None = None,
    date_order: DateOrder | None = None,
    store_currency: str | None = None,
) -> Transaction:
    """`parse_bytes` for a job already decoded (the box renders the same document as the paper). The box's
    own settings: `date_order` where the POS profile names none, `store_currency` as evidence of it."""
    if options is None:
        found = detect_profile(header_lines(doc), bundled_profiles())
        options = found.options if found else ParseOptions()
    if (date_order and options.date_order is None) or store_currency:
        options = replace(options, date_order=options.date_order or date_order, store_currency=store_currency)
    return parse_document(doc, options)


def header_lines(doc: Document) -> list[str]:
    """The lines a POS profile's `detect` pattern is searched in."""
    return [b.text for b in doc.text_lines()[:40]]


def applies(profile: PosProfile, doc: Document) -> bool:
    """Whether a profile HQ pushed reads this receipt: one with a header pattern, only where it is found."""
    return profile.detect is None or profile.matches(header_lines(doc))


def decode_bytes(data: bytes, printer: PrinterProfile = GENERIC) -> Document:
    return decode(data, printer)
