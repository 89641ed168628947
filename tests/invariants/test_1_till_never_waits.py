"""A notify socket nobody reads (systemd busy, or a test harness that stopped listening) must never stall
the process that pings it."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from firmware_bridge.systemd import Notifier


def test_notify_returns_when_nobody_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notify.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(path))  # bound, never read: its queue fills
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    notifier = Notifier()
    done = threading.Event()

    def ping() -> None:
        for _ in range(5000):
            notifier.notify("WATCHDOG=1")
        done.set()

    threading.Thread(target=ping, daemon=True).start()
    assert done.wait(10), "notify blocked on a full notify socket"
    listener.close()
