"""Invariant 1's proof from here is in tests/invariants/test_1_till_never_waits.py:
`test_late_injector_costs_one_deadline_then_nothing`, `test_failing_injector_fails_open`,
`test_absent_agent_fails_open`."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from firmware_bridge.injection import (
    CutRequest,
    Injection,
    InjectionPoint,
    StaticInjector,
    UnixSocketInjector,
    encode_reply,
)

REQ = CutRequest(100, b"\x1dV\x00")


def test_block_in_time_is_returned() -> None:
    point = InjectionPoint(StaticInjector(b"QR"), deadline_s=0.5)
    assert point.ask(REQ) == Injection(b"QR")
    assert point.stats.injected == 1


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
