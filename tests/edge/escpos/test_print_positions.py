"""Columns laid out by print position rather than spaces (ESC $ absolute, ESC \\ relative, HT with ESC D
tab stops, ESC SP character spacing, double width and full-width characters): the decoder leaves the gaps
the paper shows, so the text and the parser see the columns."""

from __future__ import annotations

from edge.escpos.decoder import Decoder, decode
from edge.escpos.document import text_columns
from edge.escpos.printer_profile import PROFILES
from edge.render.text import render_text

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


def at(dots: int) -> bytes:
    return ESC + b"$" + bytes([dots & 0xFF, dots >> 8])


def by(dots: int) -> bytes:
    return ESC + b"\\" + (dots & 0xFFFF).to_bytes(2, "little")


def lines(data: bytes, profile: str = "generic-80mm") -> list[str]:
    return render_text(Decoder(PROFILES[profile]).decode(ESC + b"@" + data), 48).splitlines()


def test_absolute_positions_become_the_columns_on_paper() -> None:
    # Columns 20 and 36 (a font A character is 12 dots wide).
    assert lines(b"Milk" + at(240) + b"2" + at(432) + b"9.99\n") == [
        "Milk" + " " * 16 + "2" + " " * 15 + "9.99"
    ]


def test_relative_moves_forward_and_back() -> None:
    assert lines(b"A" + by(48) + b"B\n") == ["A    B"]  # 4 columns on from after A
    # Back over what was printed: the printer overprints; the text keeps the two apart by one space.
    assert lines(b"Total" + by(-24) + b"X\n") == ["Total X"]
    # Less than half a column forward still separates them.
    assert lines(b"Qty" + by(3) + b"3\n") == ["Qty 3"]


def test_a_line_that_starts_with_a_move_keeps_its_indent() -> None:
    assert lines(at(0) + by(120) + b"CENTRED\n") == [" " * 10 + "CENTRED"]


def test_tabs_stop_where_esc_d_says_and_every_8_columns_otherwise() -> None:
    assert lines(b"a\tb\tc\n") == ["a       b       c"]
    stops = ESC + b"D" + bytes([10, 20]) + b"\x00"
    # After the last stop a tab does nothing, as on the printer.
    assert lines(stops + b"a\tb\tc\td\n") == ["a         b         cd"]


def test_wide_characters_and_character_spacing_move_the_position_further() -> None:
    # Double width: "AB" takes 4 columns, so column 8 is 4 spaces on.
    assert lines(GS + b"!\x10" + b"AB" + GS + b"!\x00" + at(96) + b"x\n") == ["A B     x"]
    # ESC SP 12: each character takes two columns' room.
    assert lines(ESC + b" \x0c" + b"AB" + ESC + b" \x00" + at(96) + b"x\n") == ["AB      x"]
    # Chinese (GB18030 under FS &): full-width, 24 dots a character.
    zh = FS + b"&" + "单号:873573".encode("gb18030") + at(240) + "收银员:023".encode("gb18030") + b"\n"
    [line] = lines(zh, "chinese-80mm")
    assert line.startswith("单号:873573") and "收银员:023" in line
    # 单号 take 4 columns and ":873573" 7: the cashier starts at column 20, where ESC $ 240 put it.
    assert text_columns(line[: line.index("收")]) == 20


def test_kanji_spacing_and_motion_units_move_the_columns_as_on_paper() -> None:
    """FS S widens each double-byte character (here by 12 dots: a column more per character), and GS P
    makes ESC $ count in 1/x inch rather than dots; the amounts stand where the paper has them."""
    name = "苹果".encode("gb18030")
    spaced = b"\x1b@\x1c&\x1cS\x06\x06" + name + b"\x1b\\\x0c\x00" + b"9.50\n"
    # 2 wide characters: 4 columns + 2 x 12 dots of spacing = 6 columns, then 12 dots (one column) on.
    assert render_text(decode(spaced, PROFILES["chinese-80mm"])).splitlines()[0] == "苹果" + " " * 3 + "9.50"
    units = b"\x1b@\x1dP\xcb\xcb" + b"Tea" + b"\x1b$\xf0\x00" + b"4.00\n"  # 203 per inch: dots
    assert render_text(decode(units, PROFILES["generic-80mm"])).splitlines()[0] == "Tea" + " " * 17 + "4.00"
    half = b"\x1b@\x1dP\x66\x66" + b"Tea" + b"\x1b$\x78\x00" + b"4.00\n"  # 102 per inch: 120 units = 238 dots
    assert render_text(decode(half, PROFILES["generic-80mm"])).splitlines()[0] == "Tea" + " " * 17 + "4.00"


def kanji_runs(data: bytes) -> list[tuple[str, int, int]]:
    [line] = [b for b in decode(b"\x1b@" + data, PROFILES["chinese-80mm"]).text_lines() if b.text.strip()]
    return [(r.text, r.style.width, r.style.height) for r in line.runs]


def test_fs_bang_and_fs_w_size_the_double_byte_characters_and_not_the_others() -> None:
    """FS ! (bit 2 double width, bit 3 double height) and FS W (quadruple) size Kanji characters only;
    the ASCII beside them keeps the style's size, and the columns after them move as far as the paper's."""
    total = "合计".encode("gb18030")
    wide = FS + b"&" + FS + b"!\x04" + b"A" + total + at(144) + b"9.50\n"
    assert kanji_runs(wide)[:2] == [("A", 1, 1), ("合计", 2, 1)]
    # A, then 2 characters of 4 columns each: 9 columns; ESC $ 144 is column 12, three spaces on (the
    # renderer spaces each double-width character out by its own width).
    [line] = lines(wide, "chinese-80mm")
    assert line == "A合  计  " + "   " + "9.50" and text_columns(line[: line.index("9")]) == 12
    assert kanji_runs(FS + b"&" + FS + b"W\x01" + total + b"\n") == [("合计", 2, 2)]
    assert kanji_runs(FS + b"&" + FS + b"!\x0c" + total + FS + b"!\x00" + total + b"\n") == [
        ("合计", 2, 2),
        ("合计", 1, 1),
    ]


def test_gs_bang_after_fs_bang_sizes_the_kanji_too_the_last_received_counts() -> None:
    total = "合计".encode("gb18030")
    assert kanji_runs(FS + b"&" + FS + b"!\x04" + GS + b"!\x00" + total + b"\n") == [("合计", 1, 1)]
    assert kanji_runs(FS + b"&" + GS + b"!\x11" + FS + b"!\x00" + total + b"\n") == [("合计", 1, 1)]


def test_fs_bang_outside_kanji_mode_changes_no_single_byte_character() -> None:
    assert kanji_runs(FS + b"." + FS + b"!\x0c" + b"Total 9.50\n") == [("Total 9.50", 1, 1)]


def test_the_kanji_font_not_esc_m_sets_how_far_a_double_byte_character_moves_the_position() -> None:
    """A double-byte character prints in the Kanji font that FS ( A selects (A 24 dots, B 20, C 16),
    whatever ESC M chose for the others: a relative move after it starts from where the paper has it."""
    name = "苹果".encode("gb18030")

    def gap(setup: bytes) -> int:
        [line] = lines(FS + b"&" + setup + name + by(48) + b"9.50\n", "chinese-80mm")
        assert line.startswith("苹果") and line.endswith("9.50"), line
        return len(line) - len("苹果") - len("9.50")  # the spaces between

    # Font A Kanji: 48 dots, then 48 on: column 8 of 12-dot cells, the text has taken 4: 4 spaces.
    assert gap(b"") == 4
    # ESC M 1 (font B, 9 dots) leaves the Kanji at 24 dots: still 4 (it read 3 when ESC M counted).
    assert gap(ESC + b"M\x01") == 4
    # Kanji font C (FS ( A fn 48 m 2): 32 dots + 48 = 80, column 7: 3 spaces.
    assert gap(FS + b"(A\x02\x000\x02") == 3


def test_fs_2_is_as_long_as_the_kanji_font_that_fs_paren_a_selected() -> None:
    """FS 2 defines a Kanji glyph of the selected font's size (72, 60 or 32 bytes): read with font A's
    72, a font C definition would swallow the text after it (and the bytes of a cut inside a glyph would
    not be one). ESC @ brings back font A."""
    from firmware_bridge.escpos_commands import Role
    from firmware_bridge.tokenizer import Tokenizer

    glyph_c = FS + b"2\x77\xa1" + b"\x1dV\x00" + bytes(29)  # 32 bytes, a cut's bytes among them
    glyph_a = FS + b"2\x77\xa1" + bytes(72)
    data = FS + b"(A\x02\x000\x02" + glyph_c + b"OK\n" + ESC + b"@" + glyph_a + b"OK\n"
    for chunk in (len(data), 1):
        t = Tokenizer()
        toks = [tok for i in range(0, len(data), chunk) for tok in t.feed(data[i : i + chunk])]
        names: list[tuple[str, int]] = []
        for tok in toks:
            if tok.role == Role.CONTROL:
                continue
            if names and tok.name == names[-1][0] == "text":  # text fed a byte at a time comes in pieces
                names[-1] = ("text", names[-1][1] + tok.end - tok.start)
            else:
                names.append((tok.name, tok.end - tok.start))
        assert names == [("FS ( A", 7), ("FS 2", 36), ("text", 2), ("ESC @", 2), ("FS 2", 76), ("text", 2)]


def test_thai_marks_take_no_column_whatever_their_combining_class() -> None:
    """ั ิ ็ ์ have combining class 0 but print over the letter before them: a column counted for each
    put the amounts after receiptline's ESC $ one space short per mark."""
    assert text_columns("เบียร์สิงห์") == 7  # เ บ ย ร ส ง ห: the marks ี ์ ิ ์ take none
    assert text_columns("ไส้กรอก") == 6
    beer = "เบียร์สิงห์".encode("tis_620")
    [line] = lines(ESC + b"t\x19" + beer + at(240) + b"380.00\n")  # ESC t 25: TIS-620; column 20
    assert text_columns(line[: line.index("3")]) == 20
