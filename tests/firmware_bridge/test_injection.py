from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from firmware_bridge.injection import (
    NOTHING,
    CutRequest,
    Injection,
    InjectionPoint,
    StaticInjector,
    UnixSocketInjector,
    encode_reply,
)


class SlowInjector:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.calls = 0

    def block_before_cut(self, request: CutRequest) -> Injection:
        self.calls += 1
        time.sleep(self.delay)
        return Injection(b"LATE")


class BrokenInjector:
    def block_before_cut(self, request: CutRequest) -> Injection:
        raise RuntimeError("agent bug")


REQ = CutRequest(100, b"\x1dV\x00")


def test_block_in_time_is_returned() -> None:
    point = InjectionPoint(StaticInjector(b"QR"), deadline_s=0.5)
    assert point.ask(REQ) == Injection(b"QR")
    assert point.stats.injected == 1


def test_late_injector_costs_one_deadline_then_nothing() -> None:
    inj = SlowInjector(0.5)
    point = InjectionPoint(inj, deadline_s=0.03)
    t0 = time.monotonic()
    assert point.ask(REQ) == NOTHING
    first = time.monotonic() - t0
    t1 = time.monotonic()
    assert point.ask(REQ) == NOTHING  # still busy with the first: no wait at all
    second = time.monotonic() - t1
    assert first < 0.3 and second < first
    assert (point.stats.timeouts, point.stats.skipped_busy, inj.calls) == (1, 1, 1)
    point.close()


def test_failing_injector_fails_open() -> None:
    point = InjectionPoint(BrokenInjector(), deadline_s=0.5)
    assert point.ask(REQ) == NOTHING
    assert point.stats.errors == 1


def test_unix_socket_injector_talks_to_a_server(tmp_path: Path) -> None:
    path = str(tmp_path / "inject.sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    seen: list[bytes] = []

    def serve() -> None:
        conn, _ = srv.accept()
        with conn:
            seen.append(conn.makefile("rb").readline())
            conn.sendall(encode_reply(Injection(b"\x1ba\x01SCAN ME\n", "tok123")))

    t = threading.Thread(target=serve)
    t.start()
    assert UnixSocketInjector(path).block_before_cut(REQ) == Injection(b"\x1ba\x01SCAN ME\n", "tok123")
    t.join()
    assert b'"stream_offset": 100' in seen[0]
    srv.close()


def test_absent_agent_fails_open(tmp_path: Path) -> None:
    point = InjectionPoint(UnixSocketInjector(str(tmp_path / "nobody.sock")), deadline_s=0.2)
    assert point.ask(REQ) == NOTHING
    assert point.stats.errors == 1
