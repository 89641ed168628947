"""write_atomically: a reader finds the old file or the whole new one, and no temporary is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from firmware_bridge.atomic_file import write_atomically


@pytest.mark.parametrize("durable", [True, False])
def test_replaces_the_whole_file_and_leaves_no_temporary(tmp_path: Path, durable: bool) -> None:
    target = tmp_path / "status.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new content", durable=durable)
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["status.json"]


def test_a_write_that_fails_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "job-00001.png"
    target.write_bytes(b"the old paper")
    (
        tmp_path / ".job-00001.png.tmp"
    ).mkdir()  # the temporary cannot be opened: the write fails before the rename
    with pytest.raises(OSError):
        write_atomically(target, b"x" * 100_000)
    assert target.read_bytes() == b"the old paper"
