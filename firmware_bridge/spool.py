"""The spool: a directory of finished jobs, the hand-over from the bridge to the agent.

While a job is being received its bytes are appended to ``<id>.part`` (no fsync: this is only for a crash
of the bridge itself). When it ends, ``<id>.job`` is written whole (temporary file, fsync, rename, fsync of
the directory) and the part file removed. A ``.job`` file is therefore complete or absent. Consumers take
``.job`` files in name order (ids sort by start time) and delete one only after they have stored it.

File format of a ``.job``: ``TBJ1``, a 4-byte big-endian length, that many bytes of JSON metadata, then the
job's raw bytes exactly as the POS sent them.

`read_job` trusts nothing in a file: whatever put it there (a full disk, a restore from backup, a person
with a shell), anything that is not a job the bridge could have written is a SpoolError with the reason,
never another exception, so the consumer sets it aside and goes on with the next.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
import struct
import typing
from collections.abc import Iterator
from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from firmware_bridge.atomic_file import write_atomically
from firmware_bridge.framer import MAX_JOB_BYTES_LIMIT, Boundary

MAGIC = b"TBJ1"
BRIDGE_STATUS_FILE = "bridge-status.json"  # the bridge's counters, beside the jobs (firmware_bridge.cli)
JOB_SUFFIX = ".job"
PART_SUFFIX = ".part"
_HEAD = struct.Struct(">4sI")


class SpoolError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class JobMeta:
    id: str
    started_at: str  # ISO 8601, UTC
    ended_at: str
    boundary: str
    size: int
    has_content: bool
    stream_start: int  # offset of the job's first byte in the bridge's POS stream (this bridge run)
    split_part: int = 0  # >0: part N of a job split at the size cap
    continues: str | None = None  # id of the previous part of a split job
    lost_bytes: int = 0  # bytes that reached the printer but not the spool (hand-off overflow)
    source: str = ""
    run: str = ""  # the bridge run that wrote it: stream offsets count from 0 in each run
    label: str = ""  # what the injector printed before the cut (the QR token), if anything


@dataclass(frozen=True, slots=True)
class SpoolJob:
    meta: JobMeta
    data: bytes
    path: Path = field(compare=False)


def new_job_id(now: datetime, seq: int) -> str:
    # Sorts by start time across restarts, and by ``seq`` among jobs that began in the same read (they
    # share a timestamp); the random tail keeps two bridges apart. Within one writer, `now` never goes
    # back (SpoolWriter._begin), so names sort in the order jobs began.
    return f"{now.astimezone(UTC).strftime('%Y%m%dT%H%M%S.%fZ')}-{seq:08d}-{secrets.token_hex(3)}"


def write_job_file(directory: Path, meta: JobMeta, data: bytes) -> Path:
    """Atomically publish one job: complete on disk, or not there at all."""
    body = json.dumps(asdict(meta), sort_keys=True, separators=(",", ":")).encode()
    final = directory / f"{meta.id}{JOB_SUFFIX}"
    write_atomically(final, _HEAD.pack(MAGIC, len(body)) + body + data)
    return final


_MAX_META = 64 * 1024  # the bridge writes a few hundred bytes
_MAX_FILE = MAX_JOB_BYTES_LIMIT + _HEAD.size + _MAX_META
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_LABEL = re.compile(r"[A-Za-z0-9_-]{0,64}")
_BOUNDARIES = frozenset(b.value for b in Boundary)


def _field_types() -> tuple[dict[str, tuple[type, ...]], tuple[str, ...]]:
    """Each JobMeta field's types, exactly (a bool is not a count, a count is not a bool), and the
    fields without a default: read off the dataclass, so the two never disagree."""
    hints = typing.get_type_hints(JobMeta)
    types = {f.name: typing.get_args(hints[f.name]) or (hints[f.name],) for f in fields(JobMeta)}
    required = tuple(f.name for f in fields(JobMeta) if f.default is MISSING)
    return types, required


_FIELDS, _REQUIRED = _field_types()


def _meta(doc: object) -> JobMeta:
    """The metadata, if it is what the bridge writes; ValueError saying what is wrong otherwise."""
    if not isinstance(doc, dict):
        raise ValueError("not a JSON object")
    unknown = set(doc) - set(_FIELDS)
    missing = [k for k in _REQUIRED if k not in doc]
    if unknown or missing:
        raise ValueError(f"unknown fields {sorted(unknown)}, missing {missing}")
    for name, value in doc.items():
        types = _FIELDS[name]
        if type(value) not in types:
            raise ValueError(f"{name}: {type(value).__name__}, not {'/'.join(t.__name__ for t in types)}")
        # stream_start is -1 for a job recovered after a crash of the bridge (its offset unknown)
        if type(value) is int and not (-1 if name == "stream_start" else 0) <= value < 2**62:
            raise ValueError(f"{name}: {value} is out of range")
        if type(value) is str and len(value) > 1000:
            raise ValueError(f"{name}: {len(value)} characters")
    if not _ID.fullmatch(doc["id"]) or (doc.get("continues") and not _ID.fullmatch(doc["continues"])):
        raise ValueError("id: not a job id")
    if doc["boundary"] not in _BOUNDARIES:
        raise ValueError(f"boundary: {doc['boundary']!r} is none of {sorted(_BOUNDARIES)}")
    if not _LABEL.fullmatch(doc.get("label", "")):
        raise ValueError("label: not a QR token")
    for name in ("started_at", "ended_at"):
        try:
            when = datetime.fromisoformat(doc[name])
        except ValueError:
            raise ValueError(f"{name}: {doc[name]!r} is not an ISO 8601 time") from None
        if when.tzinfo is None:
            raise ValueError(f"{name}: {doc[name]!r} has no time zone")
    return JobMeta(**doc)


def read_job(path: Path) -> SpoolJob:
    try:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode):  # a directory, a link (to /dev/zero, say), a device
            raise SpoolError(f"{path}: not a regular file")
        if st.st_size > _MAX_FILE:
            raise SpoolError(f"{path}: {st.st_size} bytes, more than any job")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise  # taken by another consumer meanwhile: not a bad file
    except OSError as e:
        raise SpoolError(f"{path}: unreadable: {e.strerror}") from e
    if len(raw) < _HEAD.size:
        raise SpoolError(f"{path}: too short to be a spool job")
    magic, n = _HEAD.unpack_from(raw)
    if magic != MAGIC or n > _MAX_META or _HEAD.size + n > len(raw):
        raise SpoolError(f"{path}: not a tillbox spool job")
    try:
        meta = _meta(json.loads(raw[_HEAD.size : _HEAD.size + n]))
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError is a ValueError
        raise SpoolError(f"{path}: bad metadata: {str(e)[:200]}") from e
    data = raw[_HEAD.size + n :]
    if len(data) != meta.size:
        raise SpoolError(f"{path}: {len(data)} bytes, metadata says {meta.size}")
    return SpoolJob(meta, data, path)


def list_jobs(directory: Path) -> list[Path]:
    """Finished jobs, oldest first."""
    return sorted(p for p in directory.glob(f"*{JOB_SUFFIX}") if not p.name.startswith("."))


def iter_jobs(directory: Path) -> Iterator[SpoolJob]:
    for p in list_jobs(directory):
        with contextlib.suppress(FileNotFoundError):  # taken by another consumer meanwhile
            yield read_job(p)


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="microseconds")


class SpoolWriter:
    """Writes the framer's pieces as jobs. Used by one thread (the bridge's framer thread)."""

    def __init__(self, directory: Path, source: str = "", run: str = "") -> None:
        self.directory = directory
        self.source = source
        self.run = run
        directory.mkdir(parents=True, exist_ok=True)
        if not os.access(directory, os.W_OK):
            raise SpoolError(f"spool directory {directory} is not writable")
        self._part: Path | None = None
        self._fh: BinaryIO | None = None
        self._job_id = ""
        self._started = datetime.now(UTC)
        self._stream_start = 0
        self._size = 0
        self._split_part = 0
        self._continues: str | None = None
        self._lost = 0
        self.jobs_written = 0
        self._seq = 0
        self._last_stamp = datetime.min.replace(tzinfo=UTC)  # no job id may sort before the last one
        self._labels: list[tuple[int, str]] = []  # (stream offset of the cut, label), not yet placed

    def recover(self) -> list[Path]:
        """Publish part files a crashed bridge left behind, so no printed byte is lost."""
        done: list[Path] = []
        for part in sorted(self.directory.glob(f"*{PART_SUFFIX}")):
            data = part.read_bytes()
            job_id = part.name[: -len(PART_SUFFIX)]
            started = _parse_id_time(job_id) or datetime.fromtimestamp(part.stat().st_mtime, UTC)
            ended = datetime.fromtimestamp(part.stat().st_mtime, UTC)
            if data:
                meta = JobMeta(
                    id=job_id,
                    started_at=_iso(started),
                    ended_at=_iso(ended),
                    boundary=Boundary.RECOVERED,
                    size=len(data),
                    has_content=True,
                    stream_start=-1,
                    source=self.source,
                )
                done.append(write_job_file(self.directory, meta, data))
            part.unlink()
        return done

    @property
    def in_job(self) -> bool:
        return self._part is not None

    def append(self, data: bytes, stream_offset: int, now: datetime) -> None:
        if self._part is None:
            self._begin(stream_offset, now)
        assert self._fh is not None
        if data:
            # Unbuffered: if the bridge dies, what it received is in the page cache for recover().
            self._fh.write(data)
            self._size += len(data)

    def note_label(self, label: str, stream_offset: int) -> None:
        self._labels.append((stream_offset, label))

    def note_lost(self, n: int) -> None:
        self._lost += n

    def finish(self, boundary: Boundary, has_content: bool, now: datetime) -> Path | None:
        if self._part is None or self._fh is None:
            return None
        self._fh.close()
        self._fh = None
        data = self._part.read_bytes() if self._size else b""
        end = self._stream_start + len(data)
        mine = [lab for off, lab in self._labels if self._stream_start <= off < end]
        self._labels = [(off, lab) for off, lab in self._labels if off >= end]
        meta = JobMeta(
            id=self._job_id,
            started_at=_iso(self._started),
            ended_at=_iso(now),
            boundary=boundary,
            size=len(data),
            has_content=has_content,
            stream_start=self._stream_start,
            split_part=self._split_part,
            continues=self._continues,
            lost_bytes=self._lost,
            source=self.source,
            run=self.run,
            label=mine[-1] if mine else "",
        )
        path = write_job_file(self.directory, meta, data)
        self._part.unlink()
        self.jobs_written += 1
        if boundary == Boundary.SIZE_CAP:
            self._split_part += 1
            self._continues = self._job_id
        else:
            self._split_part = 0
            self._continues = None
        self._part = None
        self._size = 0
        self._lost = 0
        return path

    def abandon(self) -> None:
        """Give up the current job after a write error (the printer has its bytes; the capture does not)."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
        if self._part is not None:
            with contextlib.suppress(OSError):
                self._part.unlink()
        self._fh = None
        self._part = None
        self._size = 0
        self._lost = 0

    def _begin(self, stream_offset: int, now: datetime) -> None:
        self._seq += 1
        # A job begun at an idle gap is stamped when the gap was noticed, one begun by a read when the
        # read was made (earlier, if the framer lags); the clock may also step back. Only the name is
        # held back, so consumers still take jobs in the order they began; started_at stays true.
        self._last_stamp = max(now, self._last_stamp)
        self._job_id = new_job_id(self._last_stamp, self._seq)
        self._started = now
        self._stream_start = stream_offset
        self._part = self.directory / f"{self._job_id}{PART_SUFFIX}"
        self._fh = open(self._part, "wb", buffering=0)  # noqa: SIM115 (held open for the job's life)


def _parse_id_time(job_id: str) -> datetime | None:
    try:
        return datetime.strptime(job_id.split("-")[0], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None
