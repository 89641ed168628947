from __future__ import annotations

import pytest

from firmware_bridge.escpos_commands import Role
from firmware_bridge.tokenizer import Token, Tokenizer
from hardware_tests.receipts import raster_logo


def tokens(data: bytes, chunk: int | None = None) -> list[Token]:
    t = Tokenizer()
    out: list[Token] = []
    step = chunk or max(1, len(data))
    for i in range(0, len(data), step):
        out += t.feed(data[i : i + step])
    return out + t.flush()


def merged(toks: list[Token]) -> list[Token]:
    """Text runs may be split where chunks end; merge them to compare tokenizations."""
    out: list[Token] = []
    for t in toks:
        if out and t.role == Role.TEXT and out[-1].role == Role.TEXT and out[-1].end == t.start:
            out[-1] = out[-1]._replace(end=t.end)
        else:
            out.append(t)
    return out


def assert_covers(toks: list[Token], n: int) -> None:
    pos = 0
    for tok in toks:
        assert tok.start == pos, f"gap or overlap at {pos}: {tok}"
        assert tok.end > tok.start
        pos = tok.end
    assert pos == n


@pytest.mark.parametrize(
    ("data", "name", "length"),
    [
        (b"\x1b@", "ESC @", 2),
        (b"\x1b!\x30", "ESC !", 3),
        (b"\x1bt\x13", "ESC t", 3),
        (b"\x1bR\x08", "ESC R", 3),
        (b"\x1bi", "ESC i", 2),
        (b"\x1bm", "ESC m", 2),
        (b"\x1dV\x00", "GS V", 3),
        (b"\x1dV1", "GS V", 3),
        (b"\x1dVB\x05", "GS V", 4),
        (b"\x1dVa\x05", "GS V", 4),
        (b"\x1dVg\x05", "GS V", 4),
        (b"\x1dVh\x05", "GS V", 4),
        (b"\x1dv0\x00\x02\x00\x03\x00" + b"\x1dV\x00\x1b@\x1b", "GS v", 14),  # 2x3 raster with look-alikes
        (b"\x1b*\x00\x03\x00abc", "ESC *", 8),
        (b"\x1b*\x21\x02\x00abcdef", "ESC *", 11),  # 24-dot: 3 bytes a column
        (b"\x1d(L\x04\x000p\x1dV", "GS ( L", 9),
        (b"\x1d8L\x03\x00\x00\x000pE", "GS 8", 10),
        (b"\x1d(k\x03\x001Q0", "GS ( k", 8),
        (b"\x1dkE\x03ABC", "GS k", 7),
        (b"\x1dk\x04AB\x1dV\x00", "GS k", 8),  # form 1: up to NUL, a cut look-alike inside
        (b"\x1c&", "FS &", 2),
        (b"\x1c.", "FS .", 2),
        (b"\x1cC\x01", "FS C", 3),
        (b"\x1cp\x01\x00", "FS p", 4),
        (b"\x10\x04\x01", "DLE EOT", 3),
        (b"\x10\x05\x02", "DLE ENQ", 3),
        (b"\x10\x14\x01\x00\x03", "DLE DC4", 5),
        (b"\x1b&\x03\x41\x42\x02abcdef\x01xyz", "ESC &", 16),  # two characters, y=3
        (b"\x1cq\x01\x01\x00\x01\x00" + bytes(8), "FS q", 15),
        (b"\x1dkQ\x02\x08\x00\x01\x03\x00abc", "GS k", 12),  # Bematech QR dialect
        (b"\x1b\x81\x02\x00ab", "ESC 0x81", 6),  # Daruma QR dialect
    ],
)
def test_command_lengths(data: bytes, name: str, length: int) -> None:
    for chunk in (None, 1, 2, 3):
        toks = merged(tokens(data + b"X", chunk))
        assert toks[0].name.startswith(name), toks
        assert toks[0].end == length, (chunk, toks)
        assert toks[-1] == Token(Role.TEXT, "text", length, length + 1)


def test_cut_inside_image_is_data_not_a_cut() -> None:
    import random

    logo = raster_logo(random.Random(1))
    assert b"\x1dV\x00" in logo[8:] or b"\x1dV\x01" in logo[8:]
    toks = tokens(logo + b"\x1dV\x00")
    assert [t.role for t in toks] == [Role.CONTENT, Role.CUT]


def test_unknown_commands_resynchronise() -> None:
    data = b"\x1b\xffAB\x1d\xfeC\x1c\xfdD\x10ZE"
    toks = tokens(data)
    assert_covers(toks, len(data))
    assert [t.role for t in merged(toks)] == [
        Role.UNKNOWN,
        Role.TEXT,
        Role.UNKNOWN,
        Role.TEXT,
        Role.UNKNOWN,
        Role.TEXT,
        Role.CONTROL,
        Role.TEXT,
    ]


@pytest.mark.parametrize("chunk", [None, 1])
def test_seikos_dc2_q_is_one_command_and_a_lone_dc2_one_control(chunk: int | None) -> None:
    # receiptline's SII jobs end with DC2 q NUL; its q was printed as a stray "q" on the next receipt.
    data = b"Thanks\x1dVB\x00\x12q\x00\x12AB"
    toks = tokens(data, chunk)
    assert_covers(toks, len(data))
    assert [(t.role, t.name) for t in merged(toks)] == [
        (Role.TEXT, "text"),
        (Role.CUT, "GS V"),
        (Role.SETTING, "DC2 q"),
        (Role.CONTROL, "DC2"),
        (Role.TEXT, "text"),
    ]
    assert data[merged(toks)[-1].start : merged(toks)[-1].end] == b"AB"


def test_truncated_command_is_closed_on_flush() -> None:
    t = Tokenizer()
    assert t.feed(b"ok\x1dv0\x00\x10\x00\x10\x00partial") == [Token(Role.TEXT, "text", 0, 2)]
    assert t.flush() == [Token(Role.TRUNCATED, "GS v", 2, 17)]
    assert t.feed(b"\x1dV\x00") == [Token(Role.CUT, "GS V", 17, 20)]


def test_memory_stays_bounded_for_absurd_declared_sizes() -> None:
    t = Tokenizer()
    t.feed(b"\x1d8L\xff\xff\xff\x7f")  # declares ~2 GB
    for _ in range(100):
        t.feed(bytes(65536))
        assert len(t._header) <= 10
    assert t.pending_start == 0


def test_pending_cut_prefixes() -> None:
    for prefix in (b"\x1d", b"\x1b", b"\x1dV", b"\x1dVB"):
        t = Tokenizer()
        t.feed(b"abc" + prefix)
        assert t.pending_may_be_cut(), prefix
        assert t.pending_start == 3
    t = Tokenizer()
    t.feed(b"\x1d!")
    assert not t.pending_may_be_cut()
    t = Tokenizer()
    t.feed(b"\x1dv0\x00\x01\x00\x05\x00\x1d")
    assert not t.pending_may_be_cut()  # inside image data


def test_every_capture_is_covered_and_chunking_does_not_matter(captures: dict[str, bytes]) -> None:
    for name, data in captures.items():
        whole = tokens(data)
        assert_covers(whole, len(data))
        for chunk in (1, 7, 4096):
            assert merged(tokens(data, chunk)) == merged(whole), (name, chunk)


def test_real_captures_have_their_cuts(captures: dict[str, bytes]) -> None:
    def cuts(name: str) -> int:
        return sum(1 for t in tokens(captures[name]) if t.role == Role.CUT)

    assert cuts("real/eckPosEmulator__SERIAL-COM2_pos-input-original.bin") == 1
    assert cuts("real/thermal__corrupt_start_of_binary.bin") == 1
    # The Chinese store's receipt is all raster bands; any cut bytes in it are pixels.
    assert cuts("real/npos__raster-2.bin") == 0
