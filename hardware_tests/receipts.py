"""Varied receipts for the line tests: Chinese GB18030 text, raster logos whose bytes contain command
look-alikes (a GS V cut, an ESC @) inside the image data, barcodes, QR codes, partial and full cuts."""

from __future__ import annotations

import random
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


def receipt(rng: random.Random, n: int) -> bytes:
    chinese = n % 2 == 0
    out = bytearray(INIT)
    if n % 3 == 0:
        out += ESC + b"a\x01" + raster_logo(rng) + ESC + b"a\x00"
    out += ESC + b"!\x30"
    if chinese:
        out += FS + b"&" + "好又多超市 第12店\n".encode("gb18030") + ESC + b"!\x00"
    else:
        out += b"CORNER GROCER #12\n" + ESC + b"!\x00"
    total = Decimal(0)
    for _ in range(rng.randint(1, 12)):
        name = rng.choice(ZH_ITEMS if chinese else EN_ITEMS)
        price = Decimal(rng.randint(50, 9999)).scaleb(-2)  # cents always printed, as tills do: 44.00, 16.80
        qty = rng.randint(1, 3)
        total += price * qty
        line = f"{name}  {qty} x {price}  {price * qty}\n"
        out += line.encode("gb18030") if chinese else line.encode("cp437", "replace")
    label = "合计" if chinese else "TOTAL"
    out += ESC + b"E\x01" + f"{label}  {total}\n".encode("gb18030") + ESC + b"E\x00"
    if chinese:
        out += FS + b"."
    if n % 4 == 1:
        out += barcode(f"R{n:08d}")
    if n % 5 == 2:
        out += qr(f"https://example.com/r/{n:06d}")
    out += ESC + b"d\x04"
    out += (FULL_CUT, PARTIAL_CUT, FEED_CUT)[n % 3]
    return bytes(out)


def receipts(count: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    return [receipt(rng, i) for i in range(count)]
