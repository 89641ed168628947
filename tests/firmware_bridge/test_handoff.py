"""The copy's hand-off is bounded by bytes as well as reads, and gives its budget back as the framer
takes; what does not fit is counted, never waited for."""

from __future__ import annotations

from datetime import UTC, datetime

from firmware_bridge.handoff import Chunk, Handoff


def test_bounded_by_bytes_and_by_reads() -> None:
    now = datetime.now(UTC)
    h = Handoff(max_items=1000, max_bytes=10)
    for _ in range(3):
        h.offer(b"abcd", now)  # the third would make 12 bytes
    assert (h.depth(), h.dropped_bytes, h.dropped_chunks) == (2, 4, 1)
    first = h.take(0)
    assert isinstance(first, Chunk) and first.data == b"abcd"
    h.offer(b"wxyz", now)  # room again once the framer took one; it carries the loss before it
    assert h.depth() == 2 and h.dropped_bytes == 4
    h.take(0)
    last = h.take(0)
    assert isinstance(last, Chunk) and last.data == b"wxyz" and last.lost_before == 4

    tiny = Handoff(max_items=3, max_bytes=1 << 20)
    for _ in range(5):
        tiny.offer(b"x", now)
    assert (tiny.depth(), tiny.dropped_chunks) == (3, 2)


def test_many_small_reads_fit_where_a_count_of_reads_did_not() -> None:
    # 300 kB of 600-byte TCP reads: far under the 4 MB budget, over the old 256-read bound.
    h = Handoff()
    for _ in range(500):
        h.offer(b"r" * 600, datetime.now(UTC))
    assert h.dropped_bytes == 0 and h.depth() == 500
