"""Star printers' streams (Star Line mode, StarPRNT, Star graphic mode) made by two encoders nobody on this
team wrote — @point-of-sale/receipt-printer-encoder and receiptline, pinned in tests/encoders — framed one
job per receipt: cut by Star's own cut (ESC d n, ESC FF NUL), never by ESC i (Star's character expansion,
ESC/POS's cut), never inside an image or a barcode, and not one byte lost or added; then read right, with
the Star printer profile or with none (the job's own commands say it is Star)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edge.escpos.printer_profile import PROFILES
from edge.parsing.pipeline import decode_bytes, parse_bytes
from edge.render.text import render_text
from firmware_bridge.escpos_commands import ESCPOS, MAX_HEADER, Role
from firmware_bridge.framer import Boundary, JobFramer, Piece
from firmware_bridge.star_commands import STAR
from firmware_bridge.stream_language import StreamReader
from firmware_bridge.tokenizer import Tokenizer
from tests.star_corpus import STAR_CUT, encoder_star_receipts


@pytest.fixture(scope="module")
def star_receipts() -> dict[str, bytes]:
    return encoder_star_receipts()


RPE_ITEMS = [("Flat white", Decimal("3.80")), ("Croissant", Decimal("2.60"))]
RECEIPTLINE_ITEMS = [("Tea", Decimal("4.00")), ("Cake", Decimal("3.50"))]


@pytest.mark.parametrize("profile", ["star-80mm", "star-58mm", "generic-80mm"])
def test_star_receipts_are_read_right(star_receipts: dict[str, bytes], profile: str) -> None:
    for name, receipt in star_receipts.items():
        tx = parse_bytes(receipt, PROFILES[profile]).to_json()
        rpe = name.startswith("rpe-")
        assert tx["status"] == "ok", (name, tx["issues"])
        assert Decimal(tx["total"]) == (Decimal("6.40") if rpe else Decimal("7.50")), name
        items = [(i["name"], Decimal(i["amount"])) for i in tx["items"]]
        assert items == (RPE_ITEMS if rpe else RECEIPTLINE_ITEMS), name


def test_star_code_pages_styles_and_codes_are_read(star_receipts: dict[str, bytes]) -> None:
    text = render_text(decode_bytes(star_receipts["rpe-star-prnt-BÄCKEREI"], PROFILES["star-80mm"]))
    assert "BÄCKEREI" in text.replace(" ", "") and "Größe: groß" in text  # ESC GS t 4: CP858
    assert "[QR https://tillbox.example/r/ZZ9]" in text  # ESC GS y D / ESC GS y P
    lines = render_text(decode_bytes(star_receipts["receiptline-starsbcs"], PROFILES["star-80mm"]))
    assert "[EAN13 4901234567894]" in lines  # ESC b, data ended by RS
    # ESC GS A / ESC GS R lay out receiptline's columns: name, quantity and amount stand apart.
    assert any(line.split() == ["Tea", "2", "4.00"] for line in lines.splitlines())
    # Star's Japanese models print their line characters out of Kanji mode (ESC $ 0): a rule, not "òòò".
    kanji = render_text(decode_bytes(star_receipts["receiptline-starmbcs"], PROFILES["star-80mm"]))
    assert "─" * 40 in kanji and "ò" not in kanji


@pytest.mark.parametrize(("n", "sign"), [(b"8", "¥"), (b"\x08", "¥"), (b"D", "₩"), (b"\x0d", "₩")])
def test_star_takes_esc_r_as_the_sets_number_or_its_hex_digit(n: bytes, sign: str) -> None:
    # receiptline's Japanese Star jobs send ESC R "8", its Korean ones ESC R "D"; 0x5C then prints ¥ / ₩.
    job = b"\x1b@\x1b\x1dt\x00\x1bR" + n + b"TOTAL \\950\n\x1bd\x02"
    text = render_text(decode_bytes(job, PROFILES["star-80mm"]))
    assert f"TOTAL {sign}950" in text


def frame(data: bytes, chunk: int, framer: JobFramer) -> list[bytes]:
    """The jobs `framer` cuts `data` into, fed `chunk` bytes at a time; only jobs that printed something."""
    pieces: list[Piece] = []
    for i in range(0, len(data), chunk):
        pieces += framer.feed(data[i : i + chunk])
    pieces += framer.end(Boundary.EOF)
    jobs, current = [], b""
    for p in pieces:
        current += p.data
        if p.ends is not None:
            if p.has_content:
                jobs.append((current, p.ends))
            current = b""
    assert b"".join(p.data for p in pieces) == data
    return [j for j, ends in jobs if ends == Boundary.CUT] + [j for j, ends in jobs if ends != Boundary.CUT]


@pytest.mark.parametrize("chunk", [1, 7, 4096])
@pytest.mark.parametrize("configured", ["auto", "star"])
def test_each_star_receipt_is_one_job_ended_by_its_cut(
    star_receipts: dict[str, bytes], chunk: int, configured: str
) -> None:
    for name, receipt in star_receipts.items():
        assert re.search(STAR_CUT.pattern[:-2], receipt), name  # made with a cut, as a till sends it
        framer = JobFramer(commands=STAR if configured == "star" else None)
        jobs = frame(receipt * 3, chunk, framer)
        assert framer.commands.name == "star", name
        cut_jobs = [j for j in jobs if STAR_CUT.search(j)]
        assert len(jobs) == 3 and len(cut_jobs) == 3, (name, len(jobs), [j[-12:] for j in jobs])


def test_read_as_escpos_the_same_streams_split_where_star_expands_its_characters(
    star_receipts: dict[str, bytes],
) -> None:
    """What the box did before it knew Star: ESC i taken for a cut splits a receipt into pieces."""
    split = [n for n, r in star_receipts.items() if len(frame(r * 3, 4096, JobFramer(commands=ESCPOS))) != 3]
    assert "receiptline-starsbcs" in split


def test_cut_bytes_inside_a_graphic_mode_raster_row_are_data() -> None:
    # ESC * r A, a raster row whose data holds ESC d 2 and ESC FF NUL, ESC * r B, then the real cut.
    row = b"\x1bd\x02\x1b\x0c\x00\xff"
    job = (
        b"\x1b@\x1b\x1ea\x00\x1b*rA\x1b*rP0\x00" + b"b" + bytes((len(row), 0)) + row + b"\x1b*rB\x1b\x0c\x00"
    )
    for chunk in (1, 3, 100):
        assert frame(job * 2, chunk, JobFramer()) == [job, job]


def test_cut_bytes_inside_a_qr_code_and_a_barcode_are_data() -> None:
    qr_data = b"https://x/\x1bd\x02\x1bi"
    job = (
        b"\x1b@\x1b\x1dt\x01Hello\n"
        + b"\x1b\x1dyD1\x00"
        + bytes((len(qr_data), 0))
        + qr_data
        + b"\x1b\x1dyP"
        + b"\x1bb\x04\x02\x02\x50"
        + b"AB\x1bd\x03"
        + b"\x1e"
        + b"\n\x1bd\x03"
    )
    tokens = Tokenizer(0, STAR).feed(job)
    assert [t.name for t in tokens if t.role == Role.CUT] == ["ESC d"]
    assert frame(job * 2, 5, JobFramer()) == [job, job]


star_bytes = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.sampled_from(
            [
                b"\x1b",
                b"\x1b\x1d",
                b"\x1b\x1e",
                b"\x1b\x1dy",
                b"\x1b\x1dyD",
                b"\x1b\x1dS",
                b"\x1b*r",
                b"\x1b*rA",
                b"b",
                b"\x1bb",
                b"\x1e",
                b"\x1bd",
                b"\x1bi",
                b"\x00",
            ]
        ),
    ),
    max_size=60,
).map(b"".join)


@pytest.mark.parametrize("reader", ["star", "learnt from the stream"])
@given(data=star_bytes, cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=12))
@settings(max_examples=300, deadline=None)
def test_star_tokenizer_covers_every_byte_in_any_chunking(reader: str, data: bytes, cuts: list[int]) -> None:
    """Read as Star, or as the stream shows (ESC/POS until a Star-only command, then Star)."""

    def new() -> StreamReader:
        return StreamReader(0, STAR if reader == "star" else None)

    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    t = new()
    whole = new().feed(data)
    toks = []
    for a, b in itertools.pairwise(points):
        toks += t.feed(data[a:b])
        assert len(t._tok._header) <= MAX_HEADER
    rest = t.flush()
    pos = 0
    for tok in toks + rest:
        assert tok.start == pos and tok.end > tok.start
        pos = tok.end
    assert pos == len(data)
    # A chunking never changes what a complete command is read as, nor where the language switches.
    assert [x for x in toks if x.role != Role.TEXT] == [x for x in whole if x.role != Role.TEXT][
        : len([x for x in toks if x.role != Role.TEXT])
    ]
    assert t.switched_at == (None if reader == "star" else new_switch(data))


def new_switch(data: bytes) -> int | None:
    r = StreamReader()
    r.feed(data)
    return r.switched_at


@given(star_bytes, st.integers(min_value=1, max_value=64))
@settings(max_examples=300, deadline=None)
def test_auto_detecting_framer_loses_and_adds_nothing(data: bytes, chunk: int) -> None:
    frame(data, chunk, JobFramer())  # frame() asserts the bytes out are the bytes in
