"""Publishing a file so that a reader sees the old one or the whole new one, never half of it.

The bridge's spool, the status files that `tillbox status` reads, the fleet's pushed profile and the
printer simulator's paper all go through here. `durable` adds the fsyncs that make the file survive a
power cut once this returns (the spool's promise: a job acknowledged is a job kept); status files that are
rewritten every few seconds skip them, since the next write replaces them anyway.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    # A dot name: directory listings of finished files (the spool's `*.job`) never see the partial one.
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        if durable:
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, path)
    if durable:
        fsync_directory(path.parent)


def fsync_directory(path: Path) -> None:
    """Makes a rename or a new name in `path` survive a power cut."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
