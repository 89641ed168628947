"""Bytes -> transaction in one call: decode with a printer profile, parse with an optional POS profile."""

from __future__ import annotations

from edge.escpos.decoder import decode
from edge.escpos.document import Document
from edge.escpos.printer_profile import GENERIC, PrinterProfile
from edge.parsing.generic import ParseOptions, parse_document
from edge.parsing.model import Transaction
from edge.parsing.profiles import bundled_profiles, detect_profile


def parse_bytes(
    data: bytes, printer: PrinterProfile = GENERIC, options: ParseOptions | None = None
) -> Transaction:
    """Parse one job. Without options, a bundled POS profile whose signature is in the header is used."""
    return parse_decoded(decode(data, printer), options)


def parse_decoded(doc: Document, options: ParseOptions | None = None) -> Transaction:
    """`parse_bytes` for a job already decoded (the box renders the same document as the paper)."""
    if options is None:
        found = detect_profile([b.text for b in doc.text_lines()[:40]], bundled_profiles())
        options = found.options if found else None
    return parse_document(doc, options)


def decode_bytes(data: bytes, printer: PrinterProfile = GENERIC) -> Document:
    return decode(data, printer)
