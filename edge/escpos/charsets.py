"""Character tables: ESC t code pages, ESC R international variants, and the double-byte encodings of
Chinese, Japanese and Korean printers. Everything maps to Python codecs where one exists."""

from __future__ import annotations

import codecs

from edge.escpos.table_codecs import register_table_codecs

# The printers' Thai character codes ("thai11" ... "thai42"), Star's Thai page 874 ("star_thai") and
# Vietnamese TCVN-3 ("tcvn3", "tcvn3_capitals") are codecs of our own, registered before any page below is
# looked up.
register_table_codecs()

# ESC t n -> codec. Numbers per Epson's ESC/POS table; the ones Python has no codec for are absent and
# fall back to the previous page, with a warning from the decoder.
CODE_PAGES: dict[int, str] = {
    0: "cp437",
    1: "katakana",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    13: "cp857",
    14: "cp737",
    15: "iso8859_7",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    # Epson's Thai character codes 42, 11, 13, 14, 16, 17 and 18 (thai_code_tables.json). Thai 17 has no
    # public table: it stays TIS-620, which the other codes follow where Thai letters are.
    20: "thai42",
    21: "thai11",
    22: "thai13",
    23: "thai14",
    24: "thai16",
    25: "tis_620",
    26: "thai18",
    30: "tcvn3",  # Vietnamese (vietnamese_code_tables.json)
    31: "tcvn3_capitals",
    33: "cp775",
    34: "cp855",
    35: "cp861",
    36: "cp862",
    37: "cp864",
    38: "cp869",
    39: "iso8859_2",
    40: "iso8859_15",
    44: "cp1125",  # Ukrainian (cp866 with Ukrainian letters where cp866 has others)
    45: "cp1250",
    46: "cp1251",
    47: "cp1253",
    48: "cp1254",
    49: "cp1255",
    50: "cp1256",
    51: "cp1257",
    52: "cp1258",
    53: "kz1048",
}

DOUBLE_BYTE = {"gb18030", "big5", "shift_jis", "cp949", "euc_kr", "gbk", "gb2312"}

# ESC R n: the ASCII positions some countries print differently.
INTERNATIONAL: dict[int, dict[str, str]] = {
    1: dict(zip("@[\\]{|}~", "à°ç§éùè¨", strict=True)),  # France
    2: dict(zip("@[\\]{|}~", "§ÄÖÜäöüß", strict=True)),  # Germany
    3: {"#": "£"},  # UK
    4: dict(zip("[\\]{|}", "ÆØÅæøå", strict=True)),  # Denmark I
    5: dict(zip("$@[\\]^`{|}~", "¤ÉÄÖÅÜéäöåü", strict=True)),  # Sweden
    6: dict(zip("[]`{|}~", "°éùàòèì", strict=True)),  # Italy
    7: dict(zip("#[\\]{|", "₧¡Ñ¿¨ñ", strict=True)),  # Spain I
    8: {"\\": "¥"},  # Japan: the yen sign Japanese printers print for 0x5C
    9: dict(zip("$@[\\]^`{|}~", "¤ÉÆØÅÜéæøåü", strict=True)),  # Norway
    10: dict(zip("@[\\]^`{|}~", "ÉÆØÅÜéæøåü", strict=True)),  # Denmark II
    11: dict(zip("@[\\]^{|}~", "á¡Ñ¿éíñóú", strict=True)),  # Spain II
    12: dict(zip("@[\\]^`{|}~", "á¡Ñ¿éüíñóú", strict=True)),  # Latin America
    13: {"\\": "₩"},  # Korea
}


_TRANSLATE = {n: str.maketrans(t) for n, t in INTERNATIONAL.items()}


# Epson's page 1 puts block and line-drawing characters at 0x80-0x9F: receipt encoders draw rules with
# them (receiptline's horizontal rule is 0x95 repeated, its corners 0x98/0x99/0x9A/0x9B).
_KATAKANA_GRAPHICS = "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉┼┴┬┤├▔─│▕┌┐└┘╭╮╰╯"


# JIS X 0201: ASCII below 0x80, half-width katakana at 0xA1-0xDF, the graphics above at 0x80-0x9F; a byte
# read as Latin-1 maps to its character in one C call (receipt rules are 42 of them a line).
_KATAKANA = str.maketrans(
    {
        **{0x80 + i: ch for i, ch in enumerate(_KATAKANA_GRAPHICS)},
        0xA0: "\ufffd",
        **{b: chr(0xFF61 + b - 0xA1) for b in range(0xA1, 0xE0)},
        **dict.fromkeys(range(0xE0, 0x100), "\ufffd"),
    }
)


def _katakana(data: bytes) -> str:
    return data.decode("latin-1").translate(_KATAKANA)


def decode_text(data: bytes, encoding: str, international: int = 0) -> tuple[str, bool]:
    """Text bytes to str; the flag says whether any byte could not be decoded (shown as U+FFFD)."""
    text = _katakana(data) if encoding == "katakana" else data.decode(encoding, errors="replace")
    table = _TRANSLATE.get(international)
    if table:
        text = text.translate(table)
    return text, "\ufffd" in text


# Star's code pages (ESC GS t n, Line mode and StarPRNT), by Star's numbering; the ones Python has no codec
# for (Star's own 928, 772, 774, 851) are left out, so the decoder says it does not know them.
STAR_CODE_PAGES: dict[int, str] = {
    0: "cp437",
    1: "cp437",
    2: "katakana",
    3: "cp437",
    4: "cp858",
    5: "cp852",
    6: "cp860",
    7: "cp861",
    8: "cp863",
    9: "cp865",
    10: "cp866",
    11: "cp855",
    12: "cp857",
    13: "cp862",
    14: "cp864",
    15: "cp737",
    17: "cp869",
    # Star's code page 874 is not Windows-874 (Python's cp874): it has the tone marks mai tho ... thanthakhat
    # a second time at 0xDB-0xDE, where receipt-printer-encoder puts them (Python's cp874 has nothing there:
    # U+FFFD), line characters at 0x95-0x9F (Windows-874: a bullet and two dashes at 0x95-0x97) and ¢ ¬ ¦ at
    # 0xFC-0xFE. The table is codepage-encoder's "star/cp874" (thai_code_tables.json).
    21: "star_thai",
    32: "cp1252",
    33: "cp1250",
    34: "cp1251",
    # Star's numbers for the Thai character codes 42, 11, 13, 14, 16, 17 and 18, as Epson's 20-26 above;
    # Thai 17 stays TIS-620 for want of a table.
    96: "thai42",
    97: "thai11",
    98: "thai13",
    99: "thai14",
    100: "thai16",
    101: "tis_620",
    102: "thai18",
}


def known_encoding(name: str) -> bool:
    if name == "katakana":
        return True
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
