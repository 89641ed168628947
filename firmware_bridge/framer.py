"""Cuts the POS byte stream into jobs, one per receipt.

A job ends after a cut, before an ESC @ that follows printed content, after an idle gap (tills that never
cut), when the POS connection ends, or when it reaches the size cap (then it is split and the parts are
flagged). The framer only decides where jobs end; writing them is the spool's job.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from firmware_bridge.escpos_commands import CommandSet, Role
from firmware_bridge.stream_language import StreamReader

DEFAULT_MAX_JOB_BYTES = 8 * 1024 * 1024
MAX_JOB_BYTES_LIMIT = 128 * 1024 * 1024  # what a spool reader must hold in memory at once


class Boundary(enum.StrEnum):
    CUT = "cut"
    INIT = "init"  # ESC @ after printed content
    IDLE = "idle"
    EOF = "eof"  # the POS closed its connection
    SIZE_CAP = "size_cap"  # split: the job goes on in the next one
    SHUTDOWN = "shutdown"  # the bridge stopped
    RECOVERED = "recovered"  # found unfinished after a crash of the bridge


@dataclass(frozen=True, slots=True)
class Piece:
    """Bytes that belong to the current job; when ``ends`` is set, the job ends after them."""

    data: bytes
    ends: Boundary | None = None
    has_content: bool = False  # with ``ends``: whether the job printed anything


# Text waits in the printer's line buffer until something prints the line; ESC @ throws an unprinted
# line away. So junk before an ESC @ (the Sharp register's ";0;1") is not a receipt of its own.
_PRINTS_LINE = frozenset(("LF", "CR", "FF", "ESC d", "ESC J", "ESC e", "ESC FF"))


class JobFramer:
    def __init__(
        self, max_job_bytes: int = DEFAULT_MAX_JOB_BYTES, commands: CommandSet | None = None
    ) -> None:
        """``commands`` None: the stream says which language it is (``stream_language``)."""
        if not 1 <= max_job_bytes <= MAX_JOB_BYTES_LIMIT:
            raise ValueError(f"max_job_bytes must be from 1 to {MAX_JOB_BYTES_LIMIT} (128 MiB)")
        self.max_job_bytes = max_job_bytes
        self._tok = StreamReader(0, commands)
        self._job_bytes = 0
        self._content = False
        self._line = False  # text in the printer's line buffer, not yet printed

    @property
    def offset(self) -> int:
        return self._tok.offset

    @property
    def commands(self) -> CommandSet:
        """The language the stream is read in."""
        return self._tok.commands

    @property
    def job_bytes(self) -> int:
        return self._job_bytes

    @property
    def has_content(self) -> bool:
        return self._content or self._line

    def feed(self, chunk: bytes) -> list[Piece]:
        start = self._tok.offset
        out: list[Piece] = []
        pos = start  # absolute offset of the first byte of ``chunk`` not yet put in a piece
        for tok in self._tok.feed(chunk):
            role = tok.role
            if role == Role.TEXT:
                self._line = True
            elif role == Role.CONTENT or (self._line and tok.name in _PRINTS_LINE):
                self._content = True
                self._line = False
            elif role == Role.CUT:
                self._content = self._content or self._line
                pos = self._emit(chunk, start, pos, tok.end, Boundary.CUT, out)
            elif role == Role.INIT and self._content:
                # ESC @ starts the next receipt. If its first byte came in an earlier chunk it is already in
                # this job; the split then falls at the start of this chunk.
                pos = self._emit(chunk, start, pos, max(tok.start, pos), Boundary.INIT, out)
            if role == Role.INIT:
                self._line = False
        self._emit(chunk, start, pos, start + len(chunk), None, out)
        return out

    def idle(self) -> list[Piece]:
        """The line went quiet. A job with printed content ends; one with none (status polls, set-up
        bytes before a receipt) waits to become the start of the next receipt."""
        self._content = self._content or self._line
        if not self._content:
            return []
        return self.end(Boundary.IDLE)

    def end(self, boundary: Boundary) -> list[Piece]:
        """End the current job whatever it holds (connection closed, shutdown). A command cut short is
        closed: its declared length is capped by what was present."""
        self._tok.flush()
        if self._job_bytes == 0:
            return []
        piece = Piece(b"", boundary, self._content or self._line)
        self._job_bytes = 0
        self._content = self._line = False
        return [piece]

    def gap(self, lost_bytes: int) -> None:
        """Bytes went to the printer that we never saw: resynchronise on what comes next."""
        self._tok.gap(lost_bytes)

    def _emit(
        self, chunk: bytes, start: int, pos: int, end: int, ends: Boundary | None, out: list[Piece]
    ) -> int:
        data = chunk[pos - start : end - start]
        while self._job_bytes + len(data) > self.max_job_bytes:
            take = self.max_job_bytes - self._job_bytes
            out.append(Piece(data[:take], Boundary.SIZE_CAP, self._content))
            data = data[take:]
            self._job_bytes = 0
        if ends is None:
            if data:
                out.append(Piece(data))
                self._job_bytes += len(data)
            return end
        if self._job_bytes + len(data) > 0:
            out.append(Piece(data, ends, self._content))
        self._job_bytes = 0
        self._content = self._line = False
        return end
