"""An in-process bridge between two TCP peers, for tests that need to poke at its insides."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from firmware_bridge.bridge import Bridge, BridgeConfig
from firmware_bridge.injection import Injector
from firmware_bridge.links import TcpConnectEndpoint, TcpListenEndpoint


@dataclass
class Rig:
    bridge: Bridge
    pos: socket.socket  # the till's end
    printer: socket.socket  # the printer's end (accepted)
    printer_server: socket.socket


def recv_exactly(sock: socket.socket, n: int, timeout: float = 10.0) -> bytes:
    sock.settimeout(timeout)
    buf = bytearray()
    while len(buf) < n:
        part = sock.recv(n - len(buf))
        if not part:
            break
        buf += part
    return bytes(buf)


@contextmanager
def tcp_rig(config: BridgeConfig | None = None, injector: Injector | None = None) -> Iterator[Rig]:
    printer_server = socket.create_server(("127.0.0.1", 0))
    pport = printer_server.getsockname()[1]
    pos_ep = TcpListenEndpoint("tcp-listen://127.0.0.1:0", "127.0.0.1", 0)
    pos_ep.bind()
    bridge = Bridge(
        pos_ep, TcpConnectEndpoint(f"tcp://127.0.0.1:{pport}", "127.0.0.1", pport), config, injector
    )
    t = threading.Thread(target=bridge.run, daemon=True)
    t.start()
    pos = socket.create_connection(("127.0.0.1", pos_ep.bound_port))
    printer_server.settimeout(10)
    printer, _ = printer_server.accept()
    try:
        yield Rig(bridge, pos, printer, printer_server)
    finally:
        pos.close()
        bridge.shutdown()
        t.join(timeout=10)
        assert not t.is_alive(), "the bridge did not stop"
        printer.close()
        printer_server.close()
