"""Invariant 3's proof from here is in tests/invariants/test_3_no_printed_receipt_lost.py:
`test_jobs_are_published_whole_with_their_metadata`,
`test_unfinished_job_of_a_crashed_bridge_is_recovered`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolError, SpoolWriter, list_jobs, read_job


def test_split_parts_are_linked(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path)
    now = datetime.now(UTC)
    w.append(b"a" * 10, 0, now)
    first = w.finish(Boundary.SIZE_CAP, True, now)
    w.append(b"b" * 3, 10, now)
    second = w.finish(Boundary.CUT, True, now)
    assert first is not None and second is not None
    m1, m2 = read_job(first).meta, read_job(second).meta
    assert (m1.boundary, m1.split_part) == ("size_cap", 0)
    assert (m2.split_part, m2.continues, m2.stream_start) == (1, m1.id, 10)


def test_corrupt_job_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "x.job"
    bad.write_bytes(b"TBJ1\x00\x00\x00\x05{}")
    with pytest.raises(SpoolError):
        read_job(bad)


def test_unwritable_spool_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("")
    with pytest.raises((SpoolError, OSError)):
        SpoolWriter(f / "spool")


def test_jobs_list_in_the_order_they_began_even_when_their_times_do_not(tmp_path: Path) -> None:
    # The framer stamps a job begun at an idle gap with the time it noticed the gap, and a job begun by
    # a read with the time of the read, which under load can be earlier; the wall clock can also step
    # back. Neither may reorder the spool: consumers take jobs in name order.
    w = SpoolWriter(tmp_path)
    later = datetime(2026, 11, 22, 10, 0, 1, tzinfo=UTC)
    earlier = datetime(2026, 11, 22, 10, 0, 0, 500000, tzinfo=UTC)
    w.append(b"\x10\x04\x01", 0, later)
    first = w.finish(Boundary.IDLE, False, later)
    w.append(b"\x1b@receipt\n\x1dV\x00", 3, earlier)
    second = w.finish(Boundary.CUT, True, earlier)
    assert list_jobs(tmp_path) == [first, second]
    assert read_job(second).meta.started_at.startswith("2026-11-22T10:00:00.5")  # the times stay true
