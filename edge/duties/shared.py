"""What the agent's duties hand each other. All of it lives on the scheduler's one thread, so it needs
no lock: the network thread's configurations reach it through the fleet applier's own hand-over."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from edge.duties.conditions import Conditions
from edge.health import Health
from edge.status_file import AgentStatus
from edge.store.records import ParseSettings
from sync.wire.heartbeat import AgentFacts


def software_version() -> str:
    try:
        return version("tillbox")
    except PackageNotFoundError:
        return "unknown"


@dataclass
class Shared:
    parse: ParseSettings  # replaced by the fleet duty; the spool and status duties read with it
    version: str | None = None  # the box's software
    config_version: int = 0  # the configuration from HQ applied (0: none)
    conditions: Conditions = field(default_factory=Conditions)
    health: Health | None = None  # the status duty's latest readings, for the metrics
    status: AgentStatus | None = None  # ... and all it said, for the heartbeat

    def facts(self) -> AgentFacts:
        profile = self.parse.pushed_profile or self.parse.pos_profile
        return AgentFacts(
            self.version, self.config_version, profile.name if profile else None, self.conditions.now
        )
