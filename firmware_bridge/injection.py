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
MAX_LABEL = 64
MAX_HEAD = 256 * 1024


@dataclass(frozen=True, slots=True)
class CutRequest:
    stream_offset: int  # where the cut starts in the POS stream of this bridge run
    cut: bytes  # the cut command itself, e.g. GS V 66 0
    run: str = ""  # the bridge run; with stream_offset it names the job (JobMeta.run, stream_start)
    # The bytes of the read that holds the cut, up to it: they are not in the spool's part file yet (the
    # copy goes to the framer after the pump has forwarded the read), and the injector needs the receipt.
    head: bytes = b""
    # The printer language the bridge reads the stream in ("escpos", "star"): the agent answers only a cut
    # of its printer profile's language.
    language: str = "escpos"


@dataclass(frozen=True, slots=True)
class Injection:
    """Bytes to print before a cut, and a label the bridge records with the job (the agent's QR token):
    whatever the paper shows, the spooled job says, with no race against a crash of either process."""

    block: bytes = b""
    label: str = ""


NOTHING = Injection()


class Injector(Protocol):
    def block_before_cut(self, request: CutRequest) -> Injection: ...


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
        self._busy: Future[Injection] | None = None

    def ask(self, request: CutRequest) -> Injection:
        """What to print before the cut; nothing when there is nothing in time."""
        self.stats.asked += 1
        if self._busy is not None and not self._busy.done():
            self.stats.skipped_busy += 1
            return NOTHING
        fut = self._pool.submit(self.injector.block_before_cut, request)
        self._busy = fut
        try:
            injection = fut.result(timeout=self.deadline_s)
        except FutureTimeout:
            self.stats.timeouts += 1
            return NOTHING
        except Exception as e:  # an injector bug must never stop a receipt
            self.stats.errors += 1
            log.warning("injector failed, cut forwarded alone: %s", e)
            return NOTHING
        if len(injection.block) > MAX_BLOCK_BYTES or len(injection.label) > MAX_LABEL:
            self.stats.errors += 1
            log.warning(
                "injector returned %d bytes, more than %d; ignored", len(injection.block), MAX_BLOCK_BYTES
            )
            return NOTHING
        if injection.block:
            self.stats.injected += 1
        return injection

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class StaticInjector:
    """The same bytes before every cut (tests, and a fixed "thank you" line)."""

    def __init__(self, block: bytes) -> None:
        self.block = block

    def block_before_cut(self, request: CutRequest) -> Injection:
        return Injection(self.block)


class UnixSocketInjector:
    """Asks the agent over a Unix socket: one JSON line out; back a 4-byte length, the block, a 1-byte
    length and the label.

    A new connection per cut keeps the protocol stateless; the agent may restart at any time.
    """

    _LEN = struct.Struct(">I")

    def __init__(self, path: str, timeout_s: float = 0.5) -> None:
        self.path = path
        self.timeout_s = timeout_s

    def block_before_cut(self, request: CutRequest) -> Injection:
        head = request.head[-MAX_HEAD:]
        msg = {
            "run": request.run,
            "stream_offset": request.stream_offset,
            "cut": request.cut.hex(),
            "language": request.language,
            "head_len": len(head),
        }
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(self.timeout_s)
            s.connect(self.path)
            s.sendall(json.dumps(msg).encode() + b"\n" + head)
            (n,) = self._LEN.unpack(_recv_exact(s, self._LEN.size))
            if n > MAX_BLOCK_BYTES:
                raise ValueError(f"injector announced {n} bytes")
            block = _recv_exact(s, n)
            label = _recv_exact(s, _recv_exact(s, 1)[0]).decode("ascii")
            return Injection(block, label)


def encode_reply(injection: Injection) -> bytes:
    """The agent's side of the protocol."""
    label = injection.label.encode("ascii")
    return struct.pack(">I", len(injection.block)) + injection.block + bytes([len(label)]) + label


def _recv_exact(s: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        part = s.recv(n - len(buf))
        if not part:
            raise ConnectionError("injector closed the connection early")
        buf += part
    return bytes(buf)
