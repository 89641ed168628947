from __future__ import annotations

import pytest

from edge.escpos.decoder import decode
from edge.escpos.document import Barcode, Code2D, Cut, Feed, Image, NvImage, Opaque, TextLine
from edge.escpos.printer_profile import CHINESE_80MM, JAPANESE_80MM, KOREAN_80MM, PrinterProfile

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


def lines(data: bytes, profile: PrinterProfile | None = None) -> list[str]:
    doc = decode(data, profile) if profile else decode(data)
    return [b.text for b in doc.blocks if isinstance(b, TextLine)]


@pytest.mark.parametrize(
    ("n", "raw", "text"),
    [
        (0, b"\x9c", "£"),  # CP437
        (2, b"\x9c", "£"),  # CP850
        (16, b"\x80", "€"),  # WPC1252
        (19, b"\xd5", "€"),  # CP858: the euro where CP850 had a dotless i
        (17, b"\x80", "А"),  # CP866 Cyrillic
        (18, b"\xa5", "ą"),  # CP852
        (1, b"\xb1", "ｱ"),  # Katakana (JIS X 0201)
        (3, b"\x86", "Á"),  # CP860
        (4, b"\x86", "¶"),  # CP863
        (5, b"\x9b", "ø"),  # CP865
    ],
)
def test_code_pages(n: int, raw: bytes, text: str) -> None:
    assert lines(ESC + b"t" + bytes([n]) + raw + b"\n") == [text]


def test_international_sets_and_the_yen_sign() -> None:
    assert lines(ESC + b"R\x02" + b"[\\]{|}~\n") == ["ÄÖÜäöüß"]
    assert lines(ESC + b"R\x08" + b"\\500\n") == ["¥500"]


def test_double_byte_modes() -> None:
    assert lines(FS + b"&" + "合计 12.00".encode("gb18030") + FS + b".\n") == ["合计 12.00"]
    # A Chinese printer in Chinese mode from power-up needs no FS &.
    assert lines("找零 0.50\n".encode("gb18030"), CHINESE_80MM) == ["找零 0.50"]
    assert lines("합계 9,700\n".encode("cp949"), KOREAN_80MM) == ["합계 9,700"]
    sjis = FS + b"C\x01" + FS + b"&" + "お釣り".encode("shift_jis") + b"\n"
    assert lines(sjis, JAPANESE_80MM) == ["お釣り"]
    jis = FS + b"C\x00" + FS + b"&" + bytes(b & 0x7F for b in "合計".encode("euc_jp")) + b"\n"
    assert lines(jis, JAPANESE_80MM) == ["合計"]
    big5 = PrinterProfile("tw", multibyte="big5", multibyte_default_on=True)
    assert lines("總計\n".encode("big5"), big5) == ["總計"]
    # Shift JIS code system (FS C 1): double-byte by lead byte, no FS & needed, on any profile.
    assert lines(FS + b"C\x01" + "合計 ｺﾝﾋﾞﾆ\n".encode("cp932")) == ["合計 ｺﾝﾋﾞﾆ"]
    # Thai character code 11 (ESC t 21): TIS-620, the tone mark after its consonant.
    assert lines(ESC + b"t\x15" + "น้ำ 15.00\n".encode("tis_620")) == ["น้ำ 15.00"]
    # Epson page 1's line drawing, as receipt encoders draw rules.
    assert lines(ESC + b"t\x01" + b"\x98\x95\x95\x99\n") == ["┌──┐"]


def test_styles_and_alignment() -> None:
    doc = decode(
        ESC
        + b"a\x01"
        + ESC
        + b"!\x38"
        + b"BIG"
        + ESC
        + b"!\x00"
        + GS
        + b"B\x01"
        + b"inv\n"
        + ESC
        + b"a\x02"
        + ESC
        + b"E\x01"
        + ESC
        + b"-\x02"
        + GS
        + b"!\x23"
        + b"R\n"
    )
    first, second = (b for b in doc.blocks if isinstance(b, TextLine))
    assert first.align == "center" and second.align == "right"
    big, inv = first.runs
    assert (big.style.bold, big.style.width, big.style.height, inv.style.inverse) == (True, 2, 2, True)
    r = second.runs[0].style
    assert (r.bold, r.underline, r.width, r.height) == (True, 2, 3, 4)


def test_text_not_printed_before_esc_at_is_dropped() -> None:
    assert lines(b";0;1\x18" + ESC + b"=\x01" + ESC + b"@" + b"real\n") == ["real"]


def test_images_of_every_kind() -> None:
    raster = GS + b"v0\x00\x02\x00\x02\x00" + b"\x80\x01\xff\x00"
    column8 = ESC + b"*\x00\x02\x00" + b"\x80\x01"
    column24 = ESC + b"*\x21\x01\x00" + b"\x80\x00\x01"
    stored = (
        GS
        + b"(L"
        + bytes([12, 0])
        + b"0p0\x01\x011"
        + bytes([16, 0, 1, 0])
        + b"\xaa\x55"
        + GS
        + b"(L\x02\x0002"
    )
    big = (
        GS
        + b"8L"
        + (10 + 2).to_bytes(4, "little")
        + b"0p0\x01\x011"
        + bytes([9, 0, 1, 0])
        + b"\xff\x80"
        + GS
        + b"(L\x02\x0002"
    )
    nv = FS + b"p\x01\x00" + GS + b"(L\x06\x000EAB\x01\x01"
    doc = decode(raster + column8 + column24 + stored + big + nv)
    images = [b for b in doc.blocks if isinstance(b, Image)]
    assert [(i.width, i.height, i.source) for i in images] == [
        (16, 2, "GS v 0"),
        (8, 8, "ESC *"),
        (8, 24, "ESC *"),
        (16, 1, "GS ( L"),
        (16, 1, "GS ( L"),
    ]
    assert images[0].data == b"\x80\x01\xff\x00"
    # column format: column 0 has its top dot, column 1 its bottom dot
    assert images[1].data[0] == 0x80 and images[1].data[7] == 0x40
    assert [b.key for b in doc.blocks if isinstance(b, NvImage)] == ["fs-p:1", "AB"]


def test_absurd_image_is_rejected_without_allocating() -> None:
    doc = decode(GS + b"v0\x00\xff\xff\xff\xff" + b"\x00" * 64)
    assert not [b for b in doc.blocks if isinstance(b, Image)]
    assert any(isinstance(b, Opaque) for b in doc.blocks)
    doc = decode(GS + b"v0\x00\x10\x00\xff\xff" + b"\xff" * 32)  # 65535 rows claimed, 2 present
    (img,) = [b for b in doc.blocks if isinstance(b, Image)]
    assert img.height == 2 and len(img.data) == 32


def test_barcodes_and_2d_codes() -> None:
    data = (
        GS
        + b"H\x02"
        + GS
        + b"k\x04R0001\x00"
        + GS
        + b"kI\x06{BAB12"
        + GS
        + b"(k\x03\x001C\x05"
        + GS
        + b"(k\x0c\x001P0https://x"
        + GS
        + b"(k\x03\x001Q0"
        + GS
        + b"(k\x06\x000P0PDF"
        + GS
        + b"(k\x03\x000Q0"
        + GS
        + b"kQ\x02\x08\x00\x01\x03\x00abc"
        + ESC
        + b"\x81\x05\x00\x04Mxyz"
        + GS
        + b"k\x0b"
        + b"MA,elgin\x00"
    )
    doc = decode(data)
    assert [(b.symbology, b.data, b.hri) for b in doc.blocks if isinstance(b, Barcode)] == [
        ("CODE39", "R0001", True),
        ("CODE128", "AB12", True),
    ]
    assert [(b.kind, b.data) for b in doc.blocks if isinstance(b, Code2D)] == [
        ("qr", "https://x"),
        ("pdf417", "PDF"),
        ("qr", "abc"),
        ("qr", "xyz"),
        ("qr", "elgin"),
    ]


def test_feeds_cuts_and_unknowns_are_kept() -> None:
    doc = decode(b"a\n" + ESC + b"d\x03" + ESC + b"J\x18" + GS + b"V\x01" + ESC + b"\xfe" + GS + b"VB\x00")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["TextLine", "Feed", "Feed", "Cut", "Opaque", "Cut"]
    assert [b.partial for b in doc.blocks if isinstance(b, Cut)] == [True, True]
    assert [(b.lines, b.dots) for b in doc.blocks if isinstance(b, Feed)] == [(3, 0), (0, 24)]


def test_lying_image_length_does_not_swallow_the_end(captures: dict[str, bytes]) -> None:
    doc = decode(captures["real/thermal__retail.bin"])
    assert any("declares more data" in w for w in doc.warnings)
    assert [b.data for b in doc.blocks if isinstance(b, Barcode)] == ["0188025014655200"]
    assert isinstance(doc.blocks[-1], Cut)


def test_every_capture_decodes(captures: dict[str, bytes]) -> None:
    texts = 0
    for data in captures.values():
        doc = decode(data)
        texts += bool(doc.text_lines())
    assert texts >= 100  # most captures carry text; the rest are images, barcodes, drawer kicks


def test_linear_time_in_the_input() -> None:
    import time

    unit = ESC + b"!\x08" + b"ITEM 1.00\n" + GS + b"v0\x00\x02\x00\x02\x00\x00\x00\x00\x00"

    def cost(data: bytes) -> float:
        t0 = time.perf_counter()
        decode(data)
        return time.perf_counter() - t0

    # The best of several runs: a busy machine (CI's other jobs) only ever makes a run slower.
    t_small = min(cost(unit * 500) for _ in range(5))
    t_large = min(cost(unit * 5000) for _ in range(3))
    assert t_large < t_small * 30  # 10x the input: far from quadratic (100x)


def test_code128_in_code_set_c_reads_its_digit_pairs() -> None:
    """receiptline prints digit runs in code set C: each byte is two digits."""
    data = b"{B12{C\x22\x38"  # "12" in set B, then 34 and 56 in set C
    doc = decode(b"\x1b@\x1dkI" + bytes([len(data)]) + data)
    assert [b.data for b in doc.blocks if isinstance(b, Barcode)] == ["123456"]
