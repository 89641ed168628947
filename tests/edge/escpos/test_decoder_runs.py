"""The decoder's fast paths (the tokenizer gives consecutive style and state settings as one token, and
text on through NULs; the decoder remembers what a run does, reads ASCII text without a codec) read every
job exactly as token by token."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edge.escpos import decoder as decoder_module
from edge.escpos.charsets import CODE_PAGES
from edge.escpos.decoder import _COALESCED, _RUN_SETTINGS, Decoder, _State, decode
from edge.escpos.document import Document, TextLine
from edge.escpos.printer_profile import GENERIC, PROFILES, PrinterProfile
from firmware_bridge.escpos_commands import ESCPOS, CommandSet, Role
from firmware_bridge.star_commands import STAR
from firmware_bridge.tokenizer import SETTINGS, Tokenizer, _fixed_by_three, _fixed_commands

STYLE_ARGS = [0, 1, 2, 0x11, 0x30, 0x31, 0x88, 0xFF]


def coalesced_commands(commands: CommandSet) -> Iterator[tuple[str, bytes]]:
    """Every coalesced setting of ``commands`` (print positions apart) with a spread of arguments:
    (name, bytes)."""
    names = frozenset(_RUN_SETTINGS[commands.name])
    table = [(bytes((k >> 8, k & 0xFF)), v) for k, v in _fixed_commands(commands).items()]
    table += [(bytes((k >> 16, k >> 8 & 0xFF, k & 0xFF)), v) for k, v in _fixed_by_three(commands).items()]
    for prefix, (length, name, _role) in table:
        if name in names:
            for arg in STYLE_ARGS:
                yield name, prefix + bytes([arg]) * (length - len(prefix))


@pytest.mark.parametrize("commands", [ESCPOS, STAR], ids=lambda c: c.name)
def test_a_coalesced_setting_writes_only_the_style_and_the_fields_the_table_names(
    commands: CommandSet,
) -> None:
    profile = PROFILES["star-80mm"] if commands is STAR else GENERIC
    dec = Decoder(profile)
    command = dec._star_command if commands is STAR else dec._command
    seen = set()
    for name, raw in coalesced_commands(commands):
        seen.add(name)
        st = _State.fresh(profile)
        st.style = dataclasses.replace(st.style, bold=True, width=3)
        before = dataclasses.asdict(st)
        doc = Document()
        assert command(name, raw, st, doc) is None, name  # prints nothing
        assert doc.blocks == []
        changed = {k for k, v in dataclasses.asdict(st).items() if v != before[k]}
        assert changed <= {"style", *_RUN_SETTINGS[commands.name][name]}, (name, raw, changed)
    assert seen == set(_RUN_SETTINGS[commands.name])  # every setting the tables name was tried


def receipt_parts(commands: CommandSet) -> st.SearchStrategy[bytes]:
    settings_ = [raw for _, raw in coalesced_commands(commands)]
    if commands is STAR:
        moves = [b"\x1b\x1dA\x40\x00", b"\x1b\x1dR\x10\x00", b"\x1b\x1dA\x00\x01"]
    else:
        # ... and page mode, whose first position starts a fragment of the page
        moves = [
            b"\x1b$\x40\x00",
            b"\x1b\\\x10\x00",
            b"\x1b\\\xf0\xff",
            b"\x1b$\x00\x01",
            b"\t",
            b"\x1bL",
            b"\x0c",
        ]
    text = st.sampled_from(
        [b"Latte", b"3.50", b" ", b"\xe0\xb8\x81\x00\xe0", b"9\x000\x00.", b"\x82\xa0", b"TOTAL 12,00"]
    )
    return st.one_of(
        st.sampled_from(settings_), st.sampled_from(moves), text, st.sampled_from([b"\n", b"\r", b"\x00"])
    )


def decode_command_by_command(data: bytes, profile: PrinterProfile) -> Document:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(decoder_module, "_COALESCED", {})
        return decode(data, profile)


@pytest.mark.parametrize("profile_name", ["generic-80mm", "star-80mm", "chinese-80mm", "rongta-80mm"])
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_a_job_reads_the_same_with_runs_as_command_by_command(profile_name: str, data: st.DataObject) -> None:
    profile = PROFILES[profile_name]
    commands = STAR if profile.command_language == "star" else ESCPOS
    body = b"".join(data.draw(st.lists(receipt_parts(commands), min_size=1, max_size=60)))
    job = b"\x1b@" + body + (b"\x1bd\x02" if commands is STAR else b"\x1dV\x00")
    expected = decode_command_by_command(job, profile)
    first = decode(job, profile)  # remembers its runs' effects
    again = decode(job, profile)  # reads them back
    assert first.blocks == expected.blocks and first.warnings == expected.warnings
    assert again.blocks == expected.blocks and again.warnings == expected.warnings


@pytest.mark.parametrize(
    ("after_move", "reset"),
    [
        (b"\x1ba\x01", b"\x1ba\x00"),
        (b"\x1dL\x20\x00", b"\x1dL\x00\x00"),
        (b"\x1dW\x00\x01", b"\x1dW\x40\x02"),
        (b"\x1b \x04", b"\x1b \x00"),
        (b"\x1dP\x64\x64", b"\x1dP\x00\x00"),
    ],
    ids=["ESC a", "GS L", "GS W", "ESC SP", "GS P"],
)
def test_a_run_that_sets_what_a_move_reads_after_the_move_reads_in_order(
    after_move: bytes, reset: bytes
) -> None:
    # A run's moves are replayed after its fields; a field that a move reads (the line's layout, the
    # spacing, the motion unit), set after a move in the same run, would then be seen by the move too early.
    # Each line starts from the field reset, so a run met again meets the state it met the first time.
    starts = reset + b"\x1b$\x40\x00" + after_move + b"EF\n"
    midway = reset + b"AB\x1b\\\x30\x00" + after_move + b"\x1b\\\x30\x00CD\n"
    job = b"\x1b@" + (starts + midway) * 2 + b"\x1dV\x00"
    expected = decode_command_by_command(job, GENERIC)
    for doc in (decode(job), decode(job)):
        assert doc.blocks == expected.blocks


@settings(max_examples=200, deadline=None)
@given(
    page=st.sampled_from(sorted(CODE_PAGES)),
    pieces=st.lists(
        st.binary(min_size=1, max_size=6).map(lambda b: bytes(max(x, 0x20) for x in b)), max_size=12
    ),
)
def test_text_reads_on_through_nuls_as_if_they_were_not_there(page: int, pieces: list[bytes]) -> None:
    head = b"\x1b@\x1bt" + bytes([page])
    with_nuls = decode(head + b"\x00".join(pieces) + b"\n")
    without = decode(head + b"".join(pieces) + b"\n")
    assert [b.text for b in with_nuls.text_lines()] == [b.text for b in without.text_lines()]


@pytest.mark.parametrize("profile_name", ["generic-80mm", "rongta-80mm"])
def test_a_run_met_again_after_the_state_changed_does_what_it_says_again(profile_name: str) -> None:
    centred, left = b"\x1bE\x01\x1ba\x01\x1bt\x11", b"\x1bE\x00\x1ba\x00\x1bt\x00"
    job = b"\x1b@" + centred + b"A\n" + left + b"B\n" + centred + b"C\xe4\n" + left + b"D\xe4\n\x1dV\x00"
    profile = PROFILES[profile_name]
    for doc in (decode(job, profile), decode(job, profile), decode_command_by_command(job, profile)):
        lines = [b for b in doc.blocks if isinstance(b, TextLine) and b.runs]
        assert [(ln.text, ln.align, ln.runs[0].style.bold) for ln in lines] == [
            ("A", "center", True),
            ("B", "left", False),
            (f"C{bytes([0xE4]).decode(profile.code_pages[0x11])}", "center", True),
            (f"D{bytes([0xE4]).decode(profile.code_pages[0])}", "left", False),
        ]


def test_runs_are_one_token_for_the_decoder_and_none_for_the_framer() -> None:
    job = b"\x1b-0\x1c-0\x1bE0\x1dB0\x1d!\x00\x1ba\x01Hello\x1b$\x00\x00\n\x1dV\x00"
    framer = [t.name for t in Tokenizer().feed(job)]
    assert framer[:6] == ["ESC -", "FS -", "ESC E", "GS B", "GS !", "ESC a"] and SETTINGS not in framer
    runs = [t.name for t in Tokenizer(0, ESCPOS, _COALESCED[ESCPOS.name]).feed(job)]
    assert runs == [SETTINGS, "text", SETTINGS, "LF", "GS V"]  # print positions are in runs too


def test_a_star_setting_of_three_bytes_is_framed_alike_by_table_and_by_header() -> None:
    # ESC GS a n and ESC GS A n1 n2 come by the three-byte table when whole, by the header state machine
    # when split across chunks: the same tokens either way.
    job = b"\x1b\x1da\x01\x1b\x1dA\x10\x00Hi\x1b\x1dt\x01\x1bd\x02"
    whole = Tokenizer(0, STAR).feed(job)
    split = Tokenizer(0, STAR)
    byte_by_byte = [t for i in range(len(job)) for t in split.feed(job[i : i + 1])]
    assert [t for t in whole if t.role != Role.TEXT] == [t for t in byte_by_byte if t.role != Role.TEXT]
    assert [t.name for t in whole] == ["ESC GS a", "ESC GS A", "text", "ESC GS t", "ESC d"]
