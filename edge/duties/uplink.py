"""The link to the cloud: the uplink (edge/uplink.py: sync's publisher draining the outbox in a thread of
its own, so storing never waits on the network) started and stopped with the agent, and the heartbeat,
every `heartbeat_s`: the status duty's latest status as the wire's Heartbeat, what HQ's device view shows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from edge.duties.shared import Shared
from edge.uplink import Uplink
from sync.wire.model import to_wire

log = logging.getLogger("tillbox.agent")


class UplinkService:
    def __init__(self, make: Callable[[], Uplink]) -> None:
        # Made at start, not here: making it reads the signing key and the TLS files, which may fail, and
        # the agent's services start (and fail) in their order.
        self.make = make
        self._uplink: Uplink | None = None

    def start(self) -> None:
        uplink = self.make()
        uplink.start()  # connects in the background: a broker away does not hold the agent up
        self._uplink = uplink

    def stop(self) -> None:
        if self._uplink is not None:
            self._uplink.stop()
            self._uplink = None

    def connected(self) -> bool | None:
        """None: not running."""
        return self._uplink.publisher.connected if self._uplink is not None else None

    def send_heartbeat(self, body: dict[str, Any]) -> None:
        if self._uplink is not None:
            self._uplink.publisher.heartbeat(body)


class HeartbeatDuty:
    def __init__(self, shared: Shared, send: Callable[[dict[str, Any]], None]) -> None:
        self.shared, self.send = shared, send

    def run(self) -> None:
        if self.shared.status is None:  # (none before the status duty's first readings)
            return
        try:
            self.send(to_wire(self.shared.status.heartbeat()))
        except ValueError:  # a heartbeat that cannot be sent must not stop the store
            log.exception("heartbeat not sent")
