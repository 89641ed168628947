"""The units pass systemd's own checks, and the bridge speaks systemd's notify and watchdog protocol.

Invariant 1's proof from here is in tests/invariants/test_1_till_never_waits.py:
`test_agent_unit_is_ordered_after_the_bridge_but_not_required_by_it`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from firmware_bridge.bridge import Bridge
from firmware_bridge.links import TcpConnectEndpoint, TcpListenEndpoint

REPO = Path(__file__).resolve().parents[2]
UNITS = REPO / "systemd"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_units_verify_clean(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    names = ("tillbox-bridge.service", "tillbox-bridge.socket", "tillbox-agent.service")
    for unit in names:
        text = (UNITS / unit).read_text()
        # verify insists the ExecStart binary exists: point it at this checkout's
        (tmp_path / unit).write_text(text.replace("/opt/tillbox/venv/bin/", f"{bin_dir}/"))
    # A template verifies as one of its instances.
    ingest = (
        (UNITS / "tillbox-cloud-ingest@.service").read_text().replace("/opt/tillbox/venv/bin/", f"{bin_dir}/")
    )
    (tmp_path / "tillbox-cloud-ingest@1.service").write_text(ingest)
    cloud = ("tillbox-cloud-features.service", "tillbox-cloud-features.timer")
    for unit in cloud:
        (tmp_path / unit).write_text(
            (UNITS / unit).read_text().replace("/opt/tillbox/venv/bin/", f"{bin_dir}/")
        )
    units = [str(tmp_path / u) for u in (*names, "tillbox-cloud-ingest@1.service", *cloud)]
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", *units], capture_output=True, text=True)
    ours = [line for line in (r.stdout + r.stderr).splitlines() if str(tmp_path) in line]
    assert r.returncode == 0 and not ours, r.stdout + r.stderr


@pytest.mark.skipif(shutil.which("systemd-sysusers") is None, reason="systemd-sysusers is not installed here")
def test_sysusers_parses() -> None:
    r = subprocess.run(
        ["systemd-sysusers", "--dry-run", str(UNITS / "tillbox.sysusers.conf")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "tillbox" in r.stdout + r.stderr


def test_unit_demands_what_the_issue_asks() -> None:
    text = (UNITS / "tillbox-bridge.service").read_text()
    for needle in (
        "Type=notify",
        "WatchdogSec=",
        "Restart=always",
        "SupplementaryGroups=dialout",
        "ProtectSystem=strict",
        "ReadWritePaths=/var/spool/tillbox",
        "DeviceAllow=char-ttyUSB rw",
        "Nice=-15",
    ):
        assert needle in text


def test_bridge_process_notifies_ready_and_pings_the_watchdog(tmp_path: Path) -> None:
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(10)
    printer = socket.create_server(("127.0.0.1", 0))
    env = {**os.environ, "NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "400000"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "edge",
            "bridge",
            "--pos",
            "tcp-listen://127.0.0.1:0",
            "--printer",
            f"tcp://127.0.0.1:{printer.getsockname()[1]}",
        ],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        messages: list[str] = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and sum("WATCHDOG=1" in m for m in messages) < 3:
            messages.append(sock.recv(4096).decode())
        assert any("READY=1" in m for m in messages)
        assert sum("WATCHDOG=1" in m for m in messages) >= 3
    finally:
        proc.terminate()
        proc.wait(10)
        printer.close()
    assert proc.returncode == 0
    sock.settimeout(2)
    rest = []
    while not rest or rest[-1] == "WATCHDOG=1":
        rest.append(sock.recv(4096).decode())
    assert rest[-1] == "STOPPING=1"


def test_health_turns_false_when_a_pump_stops_turning() -> None:
    pos = TcpListenEndpoint("tcp-listen://127.0.0.1:0", "127.0.0.1", 0)
    pos.bind()
    printer = socket.create_server(("127.0.0.1", 0))
    port = printer.getsockname()[1]
    bridge = Bridge(pos, TcpConnectEndpoint(f"tcp://127.0.0.1:{port}", "127.0.0.1", port))
    t = threading.Thread(target=bridge.run, daemon=True)
    t.start()
    till = socket.create_connection(("127.0.0.1", pos.bound_port))
    conn, _ = printer.accept()
    deadline = time.monotonic() + 5
    while "upstream" not in bridge._ticks and time.monotonic() < deadline:
        time.sleep(0.01)
    assert bridge.healthy(max_silence_s=1.0)
    bridge._ticks["upstream"] -= 5.0  # as if the upstream pump had hung five seconds ago
    assert not bridge.healthy(max_silence_s=1.0)
    till.close()
    bridge.shutdown()
    t.join(5)
    conn.close()
    printer.close()


def test_health_stays_true_while_waiting_for_a_pos_or_an_absent_printer() -> None:
    pos = TcpListenEndpoint("tcp-listen://127.0.0.1:0", "127.0.0.1", 0)
    pos.bind()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]  # nothing listens here: the printer is switched off
    bridge = Bridge(pos, TcpConnectEndpoint(f"tcp://127.0.0.1:{dead}", "127.0.0.1", dead))
    t = threading.Thread(target=bridge.run, daemon=True)
    t.start()
    time.sleep(0.8)
    assert bridge.healthy(max_silence_s=0.5)  # no POS yet
    till = socket.create_connection(("127.0.0.1", pos.bound_port))
    time.sleep(1.2)
    assert bridge.printer.connecting
    assert bridge.healthy(max_silence_s=0.5)  # reconnecting to the printer is not hung
    till.close()
    bridge.stop.set()
    bridge.shutdown()
    t.join(5)
    assert not t.is_alive()


def test_ingest_unit_is_watched_and_restarted() -> None:
    text = (UNITS / "tillbox-cloud-ingest@.service").read_text()
    for needle in ("Type=notify", "WatchdogSec=", "Restart=always", "tillbox-cloud --config"):
        assert needle in text
