"""A file of random bytes kept secret (0600): the box's sealing and signing keys, the cloud's service
secret. One helper for both sides, the crash-safe way: the bytes are written and fsync'd aside, then linked
into place, so a process that starts beside another (the cloud's `serve` and `ingest`) or after a power
cut mid-write never finds a half-written key; of two that race, the first link wins and both read it."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


class SecretFileError(RuntimeError):
    """The secret file is unusable: readable by others, of the wrong size, or unreadable."""


def secret_file(path: Path, size: int) -> bytes:
    """The ``size`` random bytes kept in ``path``, made when absent."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(size))
                f.flush()
                os.fsync(f.fileno())
            with contextlib.suppress(FileExistsError):  # another process made it first: theirs it is
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        _sync_dir(path.parent)
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except OSError as e:
        raise SecretFileError(f"{path}: {e.strerror}") from e
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretFileError(f"{path} is readable by others (mode {stat.filemode(mode)}); chmod 600 it")
    if len(data) != size:
        raise SecretFileError(f"{path} holds {len(data)} bytes, not {size}: damaged or not this secret")
    return data


def _sync_dir(directory: Path) -> None:
    # The link itself survives a power cut only once its directory is on disk.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
