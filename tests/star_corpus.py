"""Star receipts made by two encoders nobody on this team wrote — @point-of-sale/receipt-printer-encoder
(Star Line mode, StarPRNT) and receiptline (its four Star command sets) — pinned in tests/encoders."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from tests.foreign_encoder import encode

ITEMS = [["Flat white", "3.80"], ["Croissant", "2.60"], ["Total", "6.40"]]
RPE_DOCS: list[dict[str, Any]] = [
    {
        "options": {"language": "star-line", "columns": 48},
        "title": "CAFE",
        "lines": ["26/11/2026 14:03"],
        "table": ITEMS,
        "cut": "full",
    },
    {
        "options": {"language": "star-line", "columns": 48, "printerModel": "star-tsp650ii"},
        "title": "BISTRO",
        "lines": ["26/11/2026 19:42", "Table 4", "Server: Ann"],
        "table": ITEMS,
        "qr": "https://tillbox.example/r/AbC123",
        "cut": "partial",
    },
    {
        "options": {"language": "star-prnt", "columns": 32, "printerModel": "star-sm-l200"},
        "title": "KIOSK",
        "lines": ["26/11/2026 08:17"],
        "table": ITEMS,
        "barcode": "CODE39",
        "cut": "full",
    },
    {
        "options": {"language": "star-prnt", "columns": 48, "printerModel": "star-mc-print2"},
        "codepage": "cp858",
        "title": "BÄCKEREI",
        "lines": ["26.11.2026 07:05", "Brötchen x3", "Größe: groß"],
        "table": ITEMS,
        "qr": "https://tillbox.example/r/ZZ9",
        "cut": "full",
    },
]
RECEIPTLINE_DOC = (
    "^^^STAR SHOP\n26/11/2026 14:03\n{code:4901234567894;option:ean,hri}\n\nTea | 2| 4.00\nCake | 1| 3.50\n"
    "---\n^TOTAL | ^7.50\n{code:https://tillbox.example/r/Q1;option:qrcode,4,m}\n"
)
RECEIPTLINE_COMMANDS = ["starsbcs", "starlinesbcs", "emustarlinesbcs", "starmbcs"]
STAR_CUT = re.compile(rb"(\x1bd[\x00-\x03\x30-\x33]|\x1b\x0c\x00)\Z")


def encoder_star_receipts() -> dict[str, bytes]:
    """Each document's bytes, by name: rpe-<language>-<title> and receiptline-<command>."""
    made = encode("receipt_printer_encoder.js", "@point-of-sale/receipt-printer-encoder", RPE_DOCS)
    lines = encode(
        "receiptline.js",
        "receiptline",
        [
            {"doc": RECEIPTLINE_DOC, "printer": {"command": c, "cpl": 48, "cutting": True}}
            for c in RECEIPTLINE_COMMANDS
        ],
    )
    named = {f"rpe-{d['options']['language']}-{d['title']}": b for d, b in zip(RPE_DOCS, made, strict=True)}
    named |= {f"receiptline-{c}": b for c, b in zip(RECEIPTLINE_COMMANDS, lines, strict=True)}
    return named


_MENU = [("Latte", "3.50"), ("Espresso", "2.20"), ("Bagel", "2.80"), ("Scone", "2.40"), ("Juice", "3.10")]


def star_sale(number: int) -> bytes:
    """A sale as a Star Line mode driver prints it: ESC @, code page (ESC GS t), centred and expanded shop
    name (ESC GS a, ESC i), items, total, feed and partial cut (ESC d 3). The items vary with ``number``."""
    picks = [_MENU[(number + k) % len(_MENU)] for k in range(1 + number % 3)]
    lines = [f"{name:<20}{price:>8}\n".encode("ascii") for name, price in picks]
    total = sum((Decimal(p) for _, p in picks), Decimal(0))
    return (
        b"\x1b@\x1b\x1dt\x01\x1b\x1da\x01\x1bi\x01\x01CORNER CAFE\x1bi\x00\x00\n"
        + b"26/11/2026 14:03\n"
        + f"Order {1000 + number}\n".encode("ascii")
        + b"\x1b\x1da\x00"
        + b"".join(lines)
        + f"{'TOTAL':<20}{total:>8}\n".encode("ascii")
        + b"\x1bd\x03"
    )
