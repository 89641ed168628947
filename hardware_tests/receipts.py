"""Varied receipts for the line tests: Chinese GB18030 text, raster logos whose bytes contain command
look-alikes (a GS V cut, an ESC @) inside the image data, barcodes, QR codes, partial and full cuts."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
FULL_CUT = GS + b"V\x00"
PARTIAL_CUT = GS + b"V\x01"
FEED_CUT = GS + b"VB\x03"  # form B: feed 3 then cut
LOOKALIKES = (FULL_CUT, PARTIAL_CUT, INIT, b"\x10\x04\x01", ESC + b"i", ESC + b"m")


def raster_logo(rng: random.Random, width_bytes: int = 24, rows: int = 40) -> bytes:
    """GS v 0 with data that deliberately contains cut and init look-alikes."""
    data = bytearray(rng.getrandbits(8) for _ in range(width_bytes * rows))
    for i in range(0, len(data) - 4, max(8, len(data) // 6)):
        pick = LOOKALIKES[rng.randrange(len(LOOKALIKES))]
        data[i : i + len(pick)] = pick
    return GS + b"v0\x00" + bytes([width_bytes, 0, rows & 0xFF, rows >> 8]) + bytes(data)


def barcode(code: str) -> bytes:
    data = code.encode()
    return GS + b"h\x50" + GS + b"H\x02" + GS + b"kE" + bytes([len(data)]) + data  # CODE39, form 2, HRI below


def qr(text: str) -> bytes:
    data = text.encode()
    n = len(data) + 3
    return (
        GS
        + b"(k\x04\x001A2\x00"  # model 2
        + GS
        + b"(k\x03\x001C\x06"  # module size
        + GS
        + b"(k\x03\x001E1"  # error correction M
        + GS
        + b"(k"
        + bytes([n & 0xFF, n >> 8])
        + b"1P0"
        + data
        + GS
        + b"(k\x03\x001Q0"
    )


ZH_ITEMS = [
    "可口可乐 330ml",
    "康师傅红烧牛肉面",
    "农夫山泉 550ml",
    "旺旺雪饼",
    "金龙鱼食用油 5L",
    "蒙牛纯牛奶",
]
EN_ITEMS = ["Milk 1L", "Bread wholemeal", "Bananas 1kg", "Coffee beans", "Eggs x12", "Apples Gala"]
KO_ITEMS = ["아메리카노", "카페 라떼", "카페 모카", "바닐라 라떼", "녹차 라떼", "치즈 케이크"]
DE_ITEMS = [
    "Schnitzel Wiener Art",
    "Apfelschorle 0,4l",
    "Kartoffelsalat",
    "Weißbier 0,5l",
    "Currywurst",
    "Kaffee",
]


@dataclass(frozen=True)
class Till:
    """One store's till: its language, how it writes money, the words it prints."""

    header: str
    items: list[str]
    encoding: str  # of its text
    total: str
    cash: str
    change: str
    receipt_no: str = "No."  # the label of its receipt number
    date_format: str = "%Y-%m-%d %H:%M:%S"  # how it prints the date and time
    whole: bool = False  # a currency without cents: 4,600 (won), not 46.00
    comma: bool = False  # decimal comma: 12,50
    select: bytes = b""  # what selects its characters: FS & for double-byte, ESC t n for a code page

    def money(self, cents: int) -> str:
        if self.whole:
            return f"{cents:,}"
        text = f"{Decimal(cents).scaleb(-2)}"  # cents always printed, as tills do: 44.00, 16.80
        return text.replace(".", ",") if self.comma else text


TILLS = {
    "zh": Till(
        "好又多超市 第12店",
        ZH_ITEMS,
        "gb18030",
        "合计",
        "现金",
        "找零",
        "单号:",
        "日期:%Y-%m-%d %H:%M:%S",
        select=FS + b"&",
    ),
    "en": Till(
        "CORNER GROCER #12", EN_ITEMS, "cp437", "TOTAL", "CASH", "CHANGE", "RECEIPT #", "%m/%d/%Y %H:%M"
    ),
    "ko": Till(
        "G카페 강남점",
        KO_ITEMS,
        "cp949",
        "합계",
        "현금",
        "거스름돈",
        "영수증번호:",
        "%Y-%m-%d %H:%M:%S",
        whole=True,
        select=FS + b"&",
    ),
    "de": Till(
        "Gasthaus zur Post",
        DE_ITEMS,
        "cp858",
        "SUMME EUR",
        "BAR",
        "Rückgeld",
        comma=True,
        select=ESC + b"t\x13",
    ),
}


def receipt(
    rng: random.Random, n: int, language: str | None = None, printed: datetime | None = None
) -> bytes:
    till = TILLS[language or ("zh" if n % 2 == 0 else "en")]
    out = bytearray(INIT + till.select)
    if n % 3 == 0:
        out += ESC + b"a\x01" + raster_logo(rng) + ESC + b"a\x00"
    out += ESC + b"!\x30" + till.header.encode(till.encoding) + b"\n" + ESC + b"!\x00"
    if printed is not None:  # the tills of the demo print when and which receipt, as real ones do
        head = f"{till.receipt_no} {10000 + n}\n{printed.strftime(till.date_format)}\n{'-' * 32}\n"
        out += head.encode(till.encoding)
    total = 0
    for _ in range(rng.randint(1, 12)):
        name = rng.choice(till.items)
        price = rng.randint(5, 99) * 100 if till.whole else rng.randint(50, 9999)  # won, or cents
        qty = rng.randint(1, 3)
        total += price * qty
        line = f"{name}  {qty} x {till.money(price)}  {till.money(price * qty)}\n"
        out += line.encode(till.encoding, "replace")
    out += ESC + b"E\x01" + f"{till.total}  {till.money(total)}\n".encode(till.encoding) + ESC + b"E\x00"
    if printed is not None:  # and how they were paid
        note = 10_000 if till.whole else 1_000  # paid in round notes: 10,000 won, or 10.00
        paid = -(-total // note) * note
        out += f"{till.cash}  {till.money(paid)}\n{till.change}  {till.money(paid - total)}\n".encode(
            till.encoding
        )
    if till.select == FS + b"&":
        out += FS + b"."
    if n % 4 == 1:
        out += barcode(f"R{n:08d}")
    if n % 5 == 2:
        out += qr(f"https://example.com/r/{n:06d}")
    out += ESC + b"d\x04"
    out += (FULL_CUT, PARTIAL_CUT, FEED_CUT)[n % 3]
    return bytes(out)


def receipts(
    count: int, seed: int = 7, language: str | None = None, start: datetime | None = None
) -> list[bytes]:
    """`count` receipts: Chinese and English in turn, or all of one till's `language` (zh, en, ko, de);
    from `start` (the till's local time) on, each a few minutes after the last, with its number, date and
    payment printed."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        printed = start + timedelta(minutes=3 * i, seconds=rng.randint(0, 59)) if start else None
        out.append(receipt(rng, i, language, printed))
    return out
