from __future__ import annotations

import random

from firmware_bridge.framer import Boundary, JobFramer, Piece
from hardware_tests.receipts import receipts


def jobs_of(pieces: list[Piece], tail: list[Piece] | None = None) -> list[tuple[bytes, Boundary | None]]:
    jobs: list[tuple[bytes, Boundary | None]] = []
    cur = bytearray()
    for p in pieces + (tail or []):
        cur += p.data
        if p.ends is not None:
            jobs.append((bytes(cur), p.ends))
            cur.clear()
    if cur:
        jobs.append((bytes(cur), None))
    return jobs


def feed_all(framer: JobFramer, data: bytes, chunk: int) -> list[Piece]:
    out: list[Piece] = []
    for i in range(0, len(data), chunk):
        out += framer.feed(data[i : i + chunk])
    return out


def test_one_job_per_generated_receipt_whatever_the_chunking() -> None:
    rs = receipts(60)
    stream = b"".join(rs)
    for chunk in (1, 5, 64, 4096, len(stream)):
        got = jobs_of(feed_all(JobFramer(), stream, chunk))
        assert [j for j, _ in got] == rs, chunk
        assert {b for _, b in got} == {Boundary.CUT}


def test_bytes_after_a_cut_belong_to_the_next_job() -> None:
    f = JobFramer()
    got = jobs_of(f.feed(b"\x1b@one\n\x1dV\x00\x18\x1b=\x01\x1b@two\n\x1dV\x01"))
    assert got == [
        (b"\x1b@one\n\x1dV\x00", Boundary.CUT),
        (b"\x18\x1b=\x01\x1b@two\n\x1dV\x01", Boundary.CUT),
    ]


def test_init_after_content_starts_a_new_job_but_not_before_content() -> None:
    f = JobFramer()
    got = jobs_of(f.feed(b"\x1b@\x1bt\x13\x1b@first\n\x1b@second\n"), f.end(Boundary.EOF))
    assert got == [(b"\x1b@\x1bt\x13\x1b@first\n", Boundary.INIT), (b"\x1b@second\n", Boundary.EOF)]


def test_idle_ends_a_job_with_content_only() -> None:
    f = JobFramer()
    assert f.feed(b"\x10\x04\x01") == [Piece(b"\x10\x04\x01")]
    assert f.idle() == []  # status polls alone are not a receipt; they stay as the next one's start
    f.feed(b"\x1b@hello\n")
    assert f.idle() == [Piece(b"", Boundary.IDLE, True)]
    assert f.idle() == []


def test_size_cap_splits_and_flags() -> None:
    f = JobFramer(max_job_bytes=100)
    data = b"\x1b@" + b"x" * 250 + b"\x1dV\x00"
    got = jobs_of(feed_all(f, data, 37))
    assert [len(j) for j, _ in got] == [100, 100, 55]
    assert [b for _, b in got] == [Boundary.SIZE_CAP, Boundary.SIZE_CAP, Boundary.CUT]
    assert b"".join(j for j, _ in got) == data


def test_lying_length_is_capped_by_what_is_present(captures: dict[str, bytes]) -> None:
    # The US retail demo declares more image bytes than follow: its cut is swallowed as image data by a
    # length-driven reader, so the job ends at the idle gap, whole, with nothing lost.
    data = captures["real/thermal__retail.bin"]
    f = JobFramer()
    pieces = feed_all(f, data, 512)
    got = jobs_of(pieces, f.idle())
    assert b"".join(j for j, _ in got) == data
    assert got[-1][1] == Boundary.IDLE


def test_sharp_kitchen_ticket_with_junk_before_init(captures: dict[str, bytes]) -> None:
    data = captures["real/thermal__corrupt_start_of_binary.bin"]
    f = JobFramer()
    got = jobs_of(f.feed(data), f.end(Boundary.EOF))
    assert got[0][1] == Boundary.CUT
    assert b"".join(j for j, _ in got) == data


def test_gap_resynchronises() -> None:
    f = JobFramer()
    f.feed(b"\x1b@abc\x1dv0\x00\x10\x00\x10\x00")  # an image header, then its data is lost
    f.gap(256)
    got = jobs_of(f.feed(b"more\n\x1dV\x00"))
    assert got[-1] == (b"more\n\x1dV\x00", Boundary.CUT)


def test_random_streams_lose_and_add_nothing() -> None:
    rng = random.Random(3)
    for _ in range(50):
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000)))
        f = JobFramer(max_job_bytes=rng.randint(1, 500))
        pieces = feed_all(f, data, rng.randint(1, 300)) + f.end(Boundary.EOF)
        assert b"".join(p.data for p in pieces) == data
        assert all(len(j) <= f.max_job_bytes for j, _ in jobs_of(pieces))
