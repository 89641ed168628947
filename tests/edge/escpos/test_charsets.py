"""The text decoder's own tables: JIS X 0201 (Epson's page 1) byte by byte, ESC R's national sets."""

from __future__ import annotations

import unicodedata

from edge.escpos.charsets import decode_text


def test_jis_x_0201_reads_ascii_graphics_and_half_width_katakana_byte_by_byte() -> None:
    text, bad = decode_text(bytes(range(0x20, 0x100)), "katakana")
    assert len(text) == 0xE0 and bad  # one character a byte; 0xA0 and 0xE0-0xFF are not in the set
    assert text[: 0x80 - 0x20] == bytes(range(0x20, 0x80)).decode("ascii")
    graphics = text[0x80 - 0x20 : 0xA0 - 0x20]
    assert all(
        unicodedata.name(ch).startswith(("BOX DRAWINGS", "LOWER", "UPPER", "LEFT", "RIGHT", "FULL"))
        for ch in graphics
    )
    assert text[0xA0 - 0x20] == "\ufffd" and set(text[0xE0 - 0x20 :]) == {"\ufffd"}
    kana = text[0xA1 - 0x20 : 0xE0 - 0x20]
    assert kana[0] == "｡" and kana[0xB1 - 0xA1] == "ｱ" and kana[-1] == "ﾟ"
    assert all(unicodedata.east_asian_width(ch) == "H" for ch in kana)


def test_a_rule_of_line_characters_reads_as_a_rule() -> None:
    assert decode_text(b"\x95" * 4, "katakana") == ("────", False)


def test_a_national_set_replaces_its_characters_only() -> None:
    assert decode_text(b"[\\]abc", "cp437", international=2) == ("ÄÖÜabc", False)  # Germany
