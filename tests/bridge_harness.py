"""A bridge between two TCP peers: in-process, for tests that need to poke at its insides (`tcp_rig`), or
as the `tillbox bridge` process started from a box.toml (`bridge_process`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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


@dataclass
class ProcessRig:
    pos_port: int  # where the till connects
    printer_server: socket.socket  # where the bridge connects to print
    proc: subprocess.Popen[bytes]


@contextmanager
def bridge_process(tmp_path: Path, box_toml_rest: str = "") -> Iterator[ProcessRig]:
    """`tillbox bridge --config box.toml` with TCP links, a spool in ``tmp_path / "spool"``, no QR and
    ``box_toml_rest`` appended to box.toml; yielded once it has told systemd (NOTIFY_SOCKET) it is ready."""
    printer = socket.create_server(("127.0.0.1", 0))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        pos_port = probe.getsockname()[1]
    cfg = tmp_path / "box.toml"
    cfg.write_text(
        f'[links]\npos = "tcp-listen://127.0.0.1:{pos_port}"\n'
        f'printer = "tcp://127.0.0.1:{printer.getsockname()[1]}"\n'
        f'[paths]\nspool = "{tmp_path / "spool"}"\n[qr]\nenabled = false\n' + box_toml_rest
    )
    notify = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(notify))
    sock.settimeout(15)
    proc = subprocess.Popen(
        [sys.executable, "-m", "edge", "bridge", "--config", str(cfg), "--idle-gap", "0.3"],
        env={**os.environ, "NOTIFY_SOCKET": str(notify)},
        cwd=Path(__file__).resolve().parents[1],
        stderr=subprocess.PIPE,
    )
    try:
        while b"READY=1" not in sock.recv(4096):
            pass
        printer.settimeout(10)
        yield ProcessRig(pos_port, printer, proc)
    finally:
        proc.terminate()
        proc.wait(15)
        printer.close()
        sock.close()
