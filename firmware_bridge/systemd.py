"""The two bits of systemd the bridge speaks: the notify protocol (READY, WATCHDOG, STATUS: one datagram
to $NOTIFY_SOCKET) and socket activation (listening sockets handed over as fds 3.. with $LISTEN_FDS).

Written out here rather than taken from a library: each is a dozen lines, and the bridge is meant to stay
small with pyserial as its only dependency.
"""

from __future__ import annotations

import contextlib
import os
import socket


class Notifier:
    def __init__(self) -> None:
        addr = os.environ.get("NOTIFY_SOCKET", "")
        if addr.startswith("@"):
            addr = "\0" + addr[1:]  # abstract namespace
        self._addr = addr
        self._sock: socket.socket | None = None
        if addr:
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            # Never wait on systemd: a listener that stops reading must not stall the print path.
            self._sock.setblocking(False)

    @property
    def enabled(self) -> bool:
        return self._sock is not None

    def watchdog_interval(self) -> float | None:
        """Half the WatchdogSec systemd set for us, or None without a watchdog."""
        usec = os.environ.get("WATCHDOG_USEC")
        pid = os.environ.get("WATCHDOG_PID")
        if not usec or (pid and pid != str(os.getpid())):
            return None
        return int(usec) / 2_000_000

    def notify(self, *fields: str) -> None:
        if self._sock is None:
            return
        with contextlib.suppress(OSError):  # systemd gone or not listening: nothing to do from here
            self._sock.sendto("\n".join(fields).encode(), self._addr)


SD_LISTEN_FDS_START = 3


def inherited_listener(port: int) -> socket.socket | None:
    """The listening TCP socket systemd passed us for ``port``, if any.

    With socket activation systemd owns the listening socket, so while the bridge restarts a POS that
    connects waits in the backlog instead of being refused, and the new bridge accepts it.
    """
    pid = os.environ.get("LISTEN_PID")
    if pid and pid != str(os.getpid()):
        return None
    try:
        count = int(os.environ.get("LISTEN_FDS", "0"))
    except ValueError:
        return None
    for fd in range(SD_LISTEN_FDS_START, SD_LISTEN_FDS_START + count):
        try:
            sock = socket.socket(fileno=fd)
        except OSError:
            continue
        try:
            listening = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            bound = sock.getsockname()[1] if sock.family in (socket.AF_INET, socket.AF_INET6) else None
        except OSError:
            sock.detach()
            continue
        if listening and bound == port:
            return sock
        sock.detach()  # not ours to close
    return None
