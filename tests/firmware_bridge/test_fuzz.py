"""Arbitrary bytes: the tokenizer and framer never raise, never lose or add a byte, and stay bounded; the
pump delivers exactly what it was given, with injected blocks only before real cuts.

Invariant 1's proof from here is in tests/invariants/test_1_till_never_waits.py:
`test_pump_delivers_exactly_and_injects_only_before_cuts`."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from firmware_bridge.escpos_commands import MAX_HEADER
from firmware_bridge.framer import Boundary, JobFramer
from firmware_bridge.tokenizer import Tokenizer

# Bytes biased towards ESC/POS: introducers and command letters turn up often, so the fuzzer walks into
# headers, lengths and cuts rather than plain text.
escpos_bytes = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.sampled_from(
            [b"\x1b", b"\x1d", b"\x1c", b"\x10", b"\x1dV", b"\x1d(", b"\x1dv0", b"\x1b@", b"\x00"]
        ),
    ),
    max_size=60,
).map(b"".join)
cut_points = st.lists(st.integers(min_value=0, max_value=2000), max_size=12)


def chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in itertools.pairwise(points)]


@given(escpos_bytes, cut_points)
@settings(max_examples=400, deadline=None)
def test_tokenizer_covers_every_byte_in_any_chunking(data: bytes, cuts: list[int]) -> None:
    t = Tokenizer()
    toks = []
    for c in chunks(data, cuts):
        toks += t.feed(c)
        assert len(t._header) <= MAX_HEADER
    toks += t.flush()
    pos = 0
    for tok in toks:
        assert tok.start == pos and tok.end > tok.start
        pos = tok.end
    assert pos == len(data)


@given(escpos_bytes, cut_points, st.integers(min_value=1, max_value=300))
@settings(max_examples=400, deadline=None)
def test_framer_loses_and_adds_nothing_and_respects_the_cap(data: bytes, cuts: list[int], cap: int) -> None:
    f = JobFramer(max_job_bytes=cap)
    pieces = []
    for c in chunks(data, cuts):
        pieces += f.feed(c)
    pieces += f.idle() + f.end(Boundary.EOF)
    assert b"".join(p.data for p in pieces) == data
    job = 0
    for p in pieces:
        job += len(p.data)
        assert job <= cap
        if p.ends is not None:
            job = 0
