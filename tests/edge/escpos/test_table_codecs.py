"""The code pages Python has no codec for, read by tables of our own: the Thai character codes of receipt
printers (Epson's ESC t 20-26, Star's ESC GS t 96-102), not as TIS-620 (Thai Character Code 42 has the Thai
digits at 0x90 and its consonants two to three places off TIS-620's), Star's Thai code page 874 (ESC GS t 21),
which is not Windows-874, and Vietnamese TCVN-3 (ESC t 30/31).
The characters are checked by their Unicode names, the receipts by bytes spelled here by hand, never
against the data file the codecs are built from."""

from __future__ import annotations

import json
import unicodedata

import pytest

from edge.escpos.charsets import CODE_PAGES, STAR_CODE_PAGES, decode_text, known_encoding
from edge.escpos.code_tables import code_pages_of
from edge.escpos.decoder import decode
from edge.escpos.document import TextLine
from edge.escpos.printer_profile import PROFILES
from edge.escpos.table_codecs import read_code_tables
from edge.parsing.pipeline import parse_bytes
from edge.parsing.plausibility import mojibake_reason

ESC, GS = b"\x1b", b"\x1d"

# (codec, byte, the Unicode name of the character the printer prints for it)
NAMED = [
    ("thai42", 0x90, "THAI DIGIT ZERO"),
    ("thai42", 0x99, "THAI DIGIT NINE"),
    ("thai42", 0xA1, "THAI CHARACTER KO KAI"),
    ("thai42", 0xA3, "THAI CHARACTER KHO KHWAI"),
    ("thai42", 0xB7, "THAI CHARACTER NO NU"),
    ("thai42", 0xCE, "THAI CHARACTER SARA AA"),
    ("thai42", 0xE1, "THAI CHARACTER MAI THO"),
    ("thai11", 0xA1, "THAI CHARACTER KO KAI"),
    ("thai11", 0xE9, "THAI CHARACTER MAI THO"),
    ("thai11", 0x9D, "BOX DRAWINGS LIGHT VERTICAL"),
    ("thai11", 0xFC, "THAI CHARACTER SARA O"),
    ("thai13", 0xB9, "THAI CHARACTER NO NU"),
    ("thai13", 0xDF, "THAI CURRENCY SYMBOL BAHT"),
    ("thai13", 0xFC, "LEFTWARDS ARROW"),
    ("thai14", 0x8B, "FULL BLOCK"),
    ("thai14", 0x90, "THAI CHARACTER RO RUA"),
    ("thai14", 0xF0, "THAI DIGIT ZERO"),
    ("thai16", 0x90, "THAI CHARACTER SARA O"),
    ("thai16", 0xEE, "THAI CHARACTER SARA AI MAIMALAI"),
    ("thai18", 0x8C, "LEFTWARDS ARROW"),
    ("thai18", 0x91, "THAI CHARACTER SARA AA"),
    ("star_thai", 0xA1, "THAI CHARACTER KO KAI"),
    ("star_thai", 0x95, "BOX DRAWINGS LIGHT VERTICAL"),
    ("star_thai", 0xDB, "THAI CHARACTER MAI THO"),
    ("star_thai", 0xDC, "THAI CHARACTER MAI TRI"),
    ("star_thai", 0xDD, "THAI CHARACTER MAI CHATTAWA"),
    ("star_thai", 0xDE, "THAI CHARACTER THANTHAKHAT"),
    ("star_thai", 0xE9, "THAI CHARACTER MAI THO"),
    ("star_thai", 0xFC, "CENT SIGN"),
]


@pytest.mark.parametrize(("codec", "byte", "name"), NAMED)
def test_each_table_prints_the_character_its_code_has_there(codec: str, byte: int, name: str) -> None:
    text, bad = decode_text(bytes([byte]), codec)
    assert not bad and unicodedata.name(text) == name


@pytest.mark.parametrize("codec", ["thai11", "thai13", "thai14", "thai16", "thai18", "thai42", "star_thai"])
def test_ascii_reads_as_ascii_and_a_byte_the_table_lacks_as_a_replacement(codec: str) -> None:
    assert known_encoding(codec)
    assert decode_text(b"TOTAL 15.00", codec) == ("TOTAL 15.00", False)
    # 0x92 is defined in none of the seven codes (CP874 has a quotation mark there, Thai 42 a digit); Star's
    # 874 keeps CP874's quotation mark there and has nothing at 0xFF.
    lacks = {"thai42": 0xE5, "star_thai": 0xFF}.get(codec, 0x92)
    assert decode_text(bytes([0x41, lacks]), codec) == ("A\ufffd", True)


def test_epsons_and_stars_numbers_name_the_seven_thai_codes() -> None:
    # Thai 17: no public table; it stays TIS-620, as before.
    codes = ["thai42", "thai11", "thai13", "thai14", "thai16", "tis_620", "thai18"]
    assert [CODE_PAGES[n] for n in range(20, 27)] == codes
    assert [STAR_CODE_PAGES[n] for n in range(96, 103)] == codes


def test_makers_tables_name_their_thai_pages_by_code() -> None:
    bixolon = code_pages_of("SRP-350III")
    assert [bixolon[n] for n in (23, 31, 34, 35, 39)] == ["thai42", "thai14", "thai11", "thai18", "thai16"]
    assert code_pages_of("FP-1000")[26] == "thai13"


# กาแฟ น้ำ ๑๕ in Thai Character Code 42: ก า แ ฟ, space, น ้ ำ (the tone before the vowel, as typed and as
# Unicode stores it), space, ๑ ๕.
THAI42_WORDS = b"\xa1\xce\xd1\xbd \xb7\xe1\xcf \x91\x95"
WORDS = "กาแฟ น\u0e49\u0e33 ๑๕"


def text_lines(data: bytes, profile: str) -> list[str]:
    doc = decode(data, PROFILES[profile])
    assert not doc.warnings, doc.warnings
    return [b.text for b in doc.blocks if isinstance(b, TextLine)]


def test_an_epson_job_in_thai_42_reads_its_words() -> None:
    assert text_lines(ESC + b"@" + ESC + b"t\x14" + THAI42_WORDS + b"\n", "generic-80mm") == [WORDS]


def test_a_star_job_in_thai_42_reads_its_words() -> None:
    assert text_lines(ESC + b"@" + ESC + GS + b"t\x60" + THAI42_WORDS + b"\n", "star-80mm") == [WORDS]


def test_a_star_job_in_thai_11_reads_tis_620_text() -> None:
    # Thai 11 is TIS-620 where Thai letters are; receiptline sends TIS-620 after ESC GS t 97.
    data = ESC + b"@" + ESC + GS + b"ta" + "ร้านค้า 105.00\n".encode("tis_620")
    assert text_lines(data, "star-80mm") == ["ร้านค้า 105.00"]


# Star's code page 874 (ESC GS t 21), spelled by hand: Thai letters where TIS-620 has them, the tone marks
# mai tho, mai tri, mai chattawa and thanthakhat at 0xDB-0xDE, where receipt-printer-encoder puts them.
# (bytes, the word, its price)
STAR_874_ITEMS = [
    # ไ ส ้ ก ร อ ก (sausage; mai tho 0xDB)
    (b"\xe4\xca\xdb\xa1\xc3\xcd\xa1", "ไส\u0e49กรอก", "45.00"),
    # ก ๋ ว ย เ ต ี ๋ ย ว (noodles; mai chattawa 0xDD)
    (b"\xa1\xdd\xc7\xc2\xe0\xb5\xd5\xdd\xc2\xc7", "ก\u0e4bวยเตี\u0e4bยว", "50.00"),
    # เ ก ๊ ก ฮ ว ย (chrysanthemum tea; mai tri 0xDC)
    (b"\xe0\xa1\xdc\xa1\xce\xc7\xc2", "เก\u0e4aกฮวย", "25.00"),
    # เ บ ี ย ร ์ (beer; thanthakhat 0xDE)
    (b"\xe0\xba\xd5\xc2\xc3\xde", "เบียร\u0e4c", "80.00"),
]


def test_star_page_21_is_stars_874_and_epsons_21_stays_thai_11() -> None:
    assert STAR_CODE_PAGES[21] == "star_thai"
    assert CODE_PAGES[21] == "thai11"


def test_stars_874_is_windows_874_but_for_its_line_characters_and_second_tone_marks() -> None:
    """Where Windows-874 (Python's cp874) has a character, Star's page has the same one, except 0x95-0x97
    (a bullet and two dashes in Windows-874, line characters on Star's); Star's adds 0x98-0x9F, 0xDB-0xDE and
    0xFC-0xFE to it."""
    added = []
    for byte in range(256):
        ours, bad = decode_text(bytes([byte]), "star_thai")
        windows, undefined = decode_text(bytes([byte]), "cp874")
        if undefined:
            if not bad:
                added.append(byte)
        elif byte not in (0x95, 0x96, 0x97):
            assert ours == windows, hex(byte)
    assert added == [*range(0x98, 0xA0), *range(0xDB, 0xDF), 0xFC, 0xFD, 0xFE]


def test_a_star_job_in_page_874_reads_its_tone_marks() -> None:
    """ESC GS t 21, then Thai with its tone marks at 0xDB-0xDE: read as Windows-874 (the mapping before),
    each mark was U+FFFD and the receipt was flagged as mojibake."""
    rows = b"".join(raw + b"    " + price.encode() + b"\n" for raw, _, price in STAR_874_ITEMS)
    lines = text_lines(ESC + b"@" + ESC + GS + b"t\x15" + rows + ESC + b"d\x02", "star-80mm")
    assert lines == [f"{word}    {price}" for _, word, price in STAR_874_ITEMS]
    assert not any("\ufffd" in line for line in lines)
    marks = [unicodedata.name(ch) for line in lines for ch in line if 0x0E48 <= ord(ch) <= 0x0E4C]
    assert marks == [
        "THAI CHARACTER MAI THO",
        "THAI CHARACTER MAI CHATTAWA",
        "THAI CHARACTER MAI CHATTAWA",
        "THAI CHARACTER MAI TRI",
        "THAI CHARACTER THANTHAKHAT",
    ]
    assert mojibake_reason(lines) is None
    assert decode_text(STAR_874_ITEMS[0][0], "cp874") == ("ไส\ufffdกรอก", True)


@pytest.mark.parametrize(
    ("model", "profile"),
    [("star-tsp100iv", "star-80mm"), ("star-tsp650ii", "star-line-80mm"), ("star-mc-print2", "star-58mm")],
)
def test_a_thai_receipt_by_receipt_printer_encoder_for_a_star_reads_back(model: str, profile: str) -> None:
    """@point-of-sale/receipt-printer-encoder's own Star receipt in its "star/cp874", which it selects with
    ESC GS t 21 (it has no plain "cp874" for Star printers): every word and tone mark reads back."""
    from tests.foreign_encoder import encode

    columns = PROFILES[profile].columns
    ops: list[list[object]] = [
        ["initialize"],
        ["codepage", "star/cp874"],
        ["line", "ร\u0e49านอาหาร"],  # ร้านอาหาร, restaurant
        [
            "table",
            [{"width": columns - 12}, {"width": 12, "align": "right"}],
            [[word, price] for _, word, price in STAR_874_ITEMS],
        ],
        ["cut", "partial"],
    ]
    spec = {"options": {"printerModel": model, "columns": columns}, "ops": ops}
    (data,) = encode("receipt_printer_encoder_lines.js", "@point-of-sale/receipt-printer-encoder", [spec])
    assert ESC + GS + b"t\x15" in data and b"\xe4\xca\xdb\xa1" in data  # page 21; ไส้ with mai tho at 0xDB
    lines = [line for line in text_lines(data, profile) if line]
    assert [line.split() for line in lines] == [["ร\u0e49านอาหาร"]] + [
        [word, price] for _, word, price in STAR_874_ITEMS
    ]
    assert mojibake_reason(lines) is None


def test_a_thai_42_receipt_is_read_and_its_marks_pass_the_language_check() -> None:
    def row(name: bytes, columns: int, qty: str, price: str, amount: str) -> bytes:
        return name + b" " * (16 - columns) + f"{qty} x {price:>7}{amount:>10}".encode()

    rows = [b"STORE 12", b"26/11/2026 14:03", b"", row(b"\xa1\xce\xd1\xbd", 4, "2", "45.00", "90.00")]  # กาแฟ
    rows += [row(b"\xb7\xe1\xcf", 2, "1", "15.00", "15.00"), f"{'TOTAL':<30}{'105.00':>10}".encode()]  # น้ำ
    data = ESC + b"@" + ESC + b"t\x14" + b"".join(r + b"\n" for r in rows) + GS + b"V\x00"
    assert mojibake_reason(text_lines(data, "generic-80mm")) is None
    tx = parse_bytes(data, PROFILES["generic-80mm"]).to_json()
    assert tx["status"] == "ok", tx["issues"]
    # The name as printed: sara am stays one character (NFKC would write it as nikhahit + sara aa).
    assert [(i["name"], i["amount"]) for i in tx["items"]] == [
        ("กาแฟ", "90.00"),
        ("น\u0e49\u0e33", "15.00"),
    ]


def good_table(**changes: object) -> dict[str, object]:
    source = {"package": "p", "version": "1.0.0", "licence": "MIT", "definition": "t"}
    return {"name": "Thai X", "source": source, "codePoints": [f"U+{b:04X}" for b in range(256)], **changes}


def test_a_good_table_reads_and_undefined_entries_are_none() -> None:
    points: list[str | None] = [f"U+{b:04X}" for b in range(128)] + [None] * 127 + ["U+0E50"]
    tables = read_code_tables(json.dumps({"thai99": good_table(codePoints=points)}))
    assert (
        tables["thai99"][0x41] == "A" and tables["thai99"][0xFF] == "๐" and tables["thai99"][0x80] == "\ufffe"
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (good_table(codePoints=["U+0041"] * 255), "256 entries"),
        (good_table(codePoints=["U+0041"] * 255 + ["0E50"]), "0xFF"),
        (good_table(codePoints=["U+0041"] * 255 + ["U+D800"]), "0xFF"),
        (good_table(codePoints=["U+0041"] * 255 + ["U+FFFD"]), "0xFF"),
        (good_table(source={"package": "p", "version": "1", "licence": "MIT"}), "source"),
        (good_table(source={"package": "p", "version": "1", "licence": " ", "definition": "t"}), "source"),
        ({"source": "x", "codePoints": []}, "exactly"),
    ],
)
def test_a_malformed_table_is_an_error_naming_it(entry: object, message: str) -> None:
    with pytest.raises(ValueError, match=rf"code tables: 'thai99'.*{message}"):
        read_code_tables(json.dumps({"thai99": entry}))


def test_a_table_may_not_take_a_name_python_has() -> None:
    with pytest.raises(ValueError, match=r"'cp874'.*Python's own codec"):
        read_code_tables(json.dumps({"cp874": good_table()}))
    with pytest.raises(ValueError, match="not a codec name"):
        read_code_tables(json.dumps({"Thai 42": good_table()}))


VIETNAMESE = "Cà phê sữa đá, Bánh mì thịt nướng, Trà đào cam sả: Tổng cộng 125.000đ, Tiền thối"


@pytest.mark.parametrize(("model", "profile"), [("TM-T88V", "generic-80mm"), ("TM-T20II", "generic-80mm")])
def test_vietnamese_tcvn3_printed_by_python_escpos_reads_back(model: str, profile: str) -> None:
    """python-escpos (its own TCVN-3 table, not ours) prints Vietnamese through ESC t 30; the decoder reads
    every toned letter back. Before the TCVN-3 codecs, ESC t 30 was unknown: "C╡ ph¬ s≈a «╕"."""
    from escpos.printer import Dummy

    p = Dummy(profile=model)
    p.charcode("TCVN-3-1")
    p.textln(VIETNAMESE)
    data = bytes(p.output)
    assert b"\x1bt\x1e" in data  # ESC t 30
    text = " ".join(b.text for b in decode(data, PROFILES[profile]).blocks if isinstance(b, TextLine))
    assert VIETNAMESE in text


def test_tcvn3_capitals_give_the_vietnamese_d_with_stroke_not_the_icelandic_eth() -> None:
    assert b"\xa7\xa1\xa2".decode("tcvn3_capitals") == "ĐĂÂ"
    assert "\u00d0" not in bytes(range(0x80, 0x100)).decode("tcvn3_capitals", errors="replace")
    assert b"\xae\xa8\xa9".decode("tcvn3") == "đăâ"
