"""ESC/POS page mode (ESC L … FF) laid out where it prints: a program that writes a column at a time (all
names at their heights, then all prices) reads as name and price on one line, as the paper shows."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from edge.escpos.decoder import decode
from edge.escpos.printer_profile import GENERIC
from edge.parsing.pipeline import parse_bytes
from edge.render.text import render_text
from firmware_bridge.escpos_commands import Role
from firmware_bridge.tokenizer import Tokenizer


def u16(n: int) -> bytes:
    return bytes([n & 0xFF, n >> 8])


def area(x: int, y: int, width: int, height: int) -> bytes:
    return b"\x1bW" + u16(x) + u16(y) + u16(width) + u16(height)


def at(x: int, y: int) -> bytes:
    return b"\x1d$" + u16(y) + b"\x1b$" + u16(x)


ITEMS = [("Latte", "3.50"), ("Bagel", "2.80"), ("TOTAL", "6.30")]


def column_wise() -> bytes:
    body = b"\x1bL" + area(0, 0, 576, 400)
    body += b"".join(at(0, i * 30) + name.encode() for i, (name, _) in enumerate(ITEMS))
    body += b"".join(at(400, i * 30) + price.encode() for i, (_, price) in enumerate(ITEMS))
    return b"\x1b@CORNER CAFE\n26/11/2026 14:03\n" + body + b"\x0cThank you\n\x1dV\x00"


def lines(data: bytes) -> list[list[str]]:
    return [ln.split() for ln in render_text(decode(data, GENERIC)).splitlines() if ln.strip()]


def test_a_page_written_a_column_at_a_time_reads_line_by_line() -> None:
    got = lines(column_wise())
    assert got[:6] == [
        ["CORNER", "CAFE"],
        ["26/11/2026", "14:03"],
        ["Latte", "3.50"],
        ["Bagel", "2.80"],
        ["TOTAL", "6.30"],
        ["Thank", "you"],
    ]
    tx = parse_bytes(column_wise(), GENERIC).to_json()
    assert tx["status"] == "ok" and tx["total"] == "6.30"
    assert [(i["name"], i["amount"]) for i in tx["items"]] == [("Latte", "3.50"), ("Bagel", "2.80")]


def test_two_areas_side_by_side_share_their_lines() -> None:
    left = area(0, 0, 288, 200) + b"Latte\nBagel\n"
    right = area(300, 0, 276, 200) + b"3.50\n2.80\n"
    got = lines(b"\x1b@\x1bL" + left + right + b"\x0c")
    assert got == [["Latte", "3.50"], ["Bagel", "2.80"]]


def test_esc_ff_prints_the_page_and_stays_can_cancels_it() -> None:
    data = (
        b"\x1b@\x1bL"
        + at(0, 0)
        + b"first"
        + b"\x1b\x0c"
        + at(0, 0)
        + b"gone"
        + b"\x18"
        + at(0, 0)
        + b"second\x0c"
    )
    assert lines(data) == [["first"], ["second"]]


def test_a_page_never_printed_is_shown_with_a_warning_and_esc_at_drops_it() -> None:
    doc = decode(b"\x1b@\x1bL" + at(0, 30) + b"pending", GENERIC)
    assert "pending" in render_text(doc) and any("page mode not printed" in w for w in doc.warnings)
    assert "dropped" not in render_text(decode(b"\x1b@\x1bL" + at(0, 0) + b"dropped\x1b@after\n", GENERIC))


fragments = st.lists(
    st.one_of(
        st.builds(at, st.integers(0, 600), st.integers(0, 600)),
        st.builds(area, st.integers(0, 600), st.integers(0, 600), st.integers(0, 600), st.integers(0, 600)),
        st.sampled_from([b"\n", b"\r", b"\x1b3\x18", b"\x1b2", b"\x1bT\x01", b"\x1b\x0c", b"\x1b\\\x10\x00"]),
        st.text(alphabet="ABCxyz019 ", min_size=1, max_size=12).map(str.encode),
    ),
    max_size=40,
).map(b"".join)


@given(fragments)
@settings(max_examples=300, deadline=None)
def test_every_character_written_on_a_page_prints_once(page: bytes) -> None:
    """Whatever the positions, areas and feeds: no character lost, none doubled, no exception."""
    tok = Tokenizer()
    text = b"".join(page[t.start : t.end] for t in tok.feed(page) + tok.flush() if t.role == Role.TEXT)
    written = Counter(c for c in text.decode("latin-1") if c.isalnum())
    printed = render_text(decode(b"\x1b@\x1bL" + page + b"\x0c", GENERIC))
    assert Counter(c for c in printed if c.isalnum()) == written


def test_a_page_printed_in_another_direction_reads_as_the_paper_turned_the_right_way() -> None:
    # ESC T turns the page (1: bottom to top, 2: upside down, 3: top to bottom); whoever reads it turns the
    # paper, and then the lines are those the program wrote, in its order: the text is the same.
    upright = render_text(decode(column_wise()))
    for direction in (1, 2, 3):
        turned = column_wise().replace(b"\x1bL", b"\x1bL\x1bT" + bytes([direction]), 1)
        assert render_text(decode(turned)) == upright, direction
    assert "Latte" in upright and "3.50" in upright.split("Latte")[1].splitlines()[0]
