"""The bounded hand-off from the pump to the framer: the pump never waits on it.

If the framer falls behind by more than the bound, the pump drops its copy (the printer still gets every
byte) and counts what it dropped; the count travels with the next chunk so the job is flagged.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Chunk:
    data: bytes
    at: datetime  # when the pump read it
    lost_before: int = 0  # bytes dropped from the copy just before this chunk


@dataclass(frozen=True, slots=True)
class EndOfStream:
    """The POS connection ended (``eof``) or the bridge is stopping (``shutdown``)."""

    reason: str
    at: datetime
    lost_before: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """A label for the job that holds ``stream_offset`` (the injected QR block's token)."""

    label: str
    stream_offset: int
    lost_before: int = 0


Item = Chunk | EndOfStream | Note


class Handoff:
    """Bounded by bytes (the copy's memory) and by items (their overhead). A count of reads alone was
    no bound at all on a fast TCP till: its reads are a few hundred bytes, so a framer that lost the CPU
    for a moment dropped the copy after ~100 kB while megabytes were allowed."""

    def __init__(self, max_items: int = 16384, max_bytes: int = 4 * 1024 * 1024) -> None:
        self._q: queue.Queue[Item] = queue.Queue(max_items)
        self.max_bytes = max_bytes
        self._bytes = 0  # bytes of the chunks waiting
        self._lock = threading.Lock()
        self._pending_loss = 0
        self.dropped_bytes = 0
        self.dropped_chunks = 0
        self.dropped_notes = 0

    def offer(self, data: bytes, at: datetime) -> None:
        """Never blocks."""
        item = Chunk(data, at, self._pending_loss)
        with self._lock:
            fits = self._bytes + len(data) <= self.max_bytes
            if fits:
                self._bytes += len(data)
        if fits:
            try:
                self._q.put_nowait(item)
            except queue.Full:
                fits = False
                with self._lock:
                    self._bytes -= len(data)
        if not fits:
            with self._lock:
                self._pending_loss += len(data)
                self.dropped_bytes += len(data)
                self.dropped_chunks += 1
            return
        if item.lost_before:
            with self._lock:
                self._pending_loss -= item.lost_before

    def note(self, label: str, stream_offset: int) -> None:
        """Never blocks; a note that does not fit is counted like a dropped copy."""
        try:
            self._q.put_nowait(Note(label, stream_offset))
        except queue.Full:
            with self._lock:
                self.dropped_notes += 1

    def end(self, reason: str, at: datetime) -> None:
        # An end marker matters more than a copy: if full, it waits for room (the pump is between sessions
        # then, not forwarding). Bounded, so a hung framer cannot hang the pump.
        with self._lock:
            lost, self._pending_loss = self._pending_loss, 0
        try:
            self._q.put(EndOfStream(reason, at, lost), timeout=5.0)
        except queue.Full:
            with self._lock:
                self._pending_loss += lost

    def take(self, timeout: float | None) -> Item | None:
        try:
            item = self._q.get(timeout=timeout)
        except queue.Empty:
            return None
        if isinstance(item, Chunk):
            with self._lock:
                self._bytes -= len(item.data)
        return item

    def depth(self) -> int:
        return self._q.qsize()
