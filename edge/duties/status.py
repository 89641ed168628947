"""What the box is doing, every `health_s`: read from the store, the spool, the disk and the bridge's
counters (edge/health.py), put together with what the agent says of itself, and written to the status
file `tillbox status` reads. The metrics and the heartbeat take their readings from here."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from edge.duties.shared import Shared
from edge.health import collect
from edge.status_file import AgentStatus, BrokerLink, write_status


class StatusDuty:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        spool: Path,
        disk: Path,
        shared: Shared,
        path: Path | None,  # None: no status file, the readings are still taken
        broker: str | None = None,
        connected: Callable[[], bool | None] = lambda: None,  # None: no publisher running
    ) -> None:
        self.sessions, self.spool, self.disk, self.shared, self.path = sessions, spool, disk, shared, path
        self.broker, self.connected = broker, connected
        self.started_at = datetime.now(UTC)

    def run(self) -> None:
        health = collect(self.sessions, self.spool, self.disk, self.shared.parse.printer.command_language)
        status = AgentStatus.of(
            self.shared.facts(),
            health.readings(),
            pid=os.getpid(),
            started_at=self.started_at,
            updated_at=datetime.now(UTC),
            broker=BrokerLink(self.broker, self.connected()),
        )
        self.shared.health, self.shared.status = health, status
        if self.path is not None:
            write_status(self.path, status)
