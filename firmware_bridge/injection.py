"""The injection point: just before a cut reaches the printer, someone may add bytes (the QR block).

The bridge asks through ``InjectionPoint.ask``, which waits at most the deadline. A slow, failing or hung
injector costs at most one deadline per cut, and while it is still busy with an old request the next cut
does not wait at all: the cut goes out alone (fail open), and the receipt still prints.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

MAX_BLOCK_BYTES = 256 * 1024  # a QR block is a few KB; anything near this is a bug on the other side


@dataclass(frozen=True, slots=True)
class CutRequest:
    stream_offset: int  # where the cut starts in the POS stream of this bridge run
    cut: bytes  # the cut command itself, e.g. GS V 66 0


class Injector(Protocol):
    def block_before_cut(self, request: CutRequest) -> bytes: ...


@dataclass
class InjectionStats:
    asked: int = 0
    injected: int = 0
    timeouts: int = 0
    errors: int = 0
    skipped_busy: int = 0


class InjectionPoint:
    def __init__(self, injector: Injector, deadline_s: float = 0.030) -> None:
        self.injector = injector
        self.deadline_s = deadline_s
        self.stats = InjectionStats()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="injector")
        self._busy: Future[bytes] | None = None

    def ask(self, request: CutRequest) -> bytes:
        """The bytes to print before the cut; b"" when there are none in time."""
        self.stats.asked += 1
        if self._busy is not None and not self._busy.done():
            self.stats.skipped_busy += 1
            return b""
        fut = self._pool.submit(self.injector.block_before_cut, request)
        self._busy = fut
        try:
            block = fut.result(timeout=self.deadline_s)
        except FutureTimeout:
            self.stats.timeouts += 1
            return b""
        except Exception as e:  # an injector bug must never stop a receipt
            self.stats.errors += 1
            log.warning("injector failed, cut forwarded alone: %s", e)
            return b""
        if len(block) > MAX_BLOCK_BYTES:
            self.stats.errors += 1
            log.warning("injector returned %d bytes, more than %d; ignored", len(block), MAX_BLOCK_BYTES)
            return b""
        if block:
            self.stats.injected += 1
        return block

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class StaticInjector:
    """The same bytes before every cut (tests, and a fixed "thank you" line)."""

    def __init__(self, block: bytes) -> None:
        self.block = block

    def block_before_cut(self, request: CutRequest) -> bytes:
        return self.block


class UnixSocketInjector:
    """Asks the agent over a Unix socket: one JSON line out, a 4-byte length and the block back.

    A new connection per cut keeps the protocol stateless; the agent may restart at any time.
    """

    _LEN = struct.Struct(">I")

    def __init__(self, path: str, timeout_s: float = 0.5) -> None:
        self.path = path
        self.timeout_s = timeout_s

    def block_before_cut(self, request: CutRequest) -> bytes:
        msg = {"stream_offset": request.stream_offset, "cut": request.cut.hex()}
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(self.timeout_s)
            s.connect(self.path)
            s.sendall(json.dumps(msg).encode() + b"\n")
            head = _recv_exact(s, self._LEN.size)
            (n,) = self._LEN.unpack(head)
            if n > MAX_BLOCK_BYTES:
                raise ValueError(f"injector announced {n} bytes")
            return _recv_exact(s, n)


def _recv_exact(s: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        part = s.recv(n - len(buf))
        if not part:
            raise ConnectionError("injector closed the connection early")
        buf += part
    return bytes(buf)
