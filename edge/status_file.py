"""The agent's status file (/run/tillbox/agent-status.json): what the running agent last said of itself,
for `tillbox status`. The same definitions as its heartbeat to HQ (sync/wire/heartbeat.py): the facts
at the top, the readings under "health", so the three read the same fields; to them it adds what only
the box's own operator needs (its process, the broker link).

It stays on the box and is not a wire document: it lives in edge, and only reuses the wire's model."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Annotated

from firmware_bridge.atomic_file import write_atomically
from sync.wire.heartbeat import AgentFacts, Heartbeat, Readings
from sync.wire.model import Limit, WireError, from_wire, to_wire


class StatusFileError(ValueError):
    """A status file that does not read as the agent's: the message names the file and the field."""


@dataclass(frozen=True)
class BrokerLink:
    url: str | None = None
    connected: bool | None = None  # None: no publisher running in the agent


@dataclass(frozen=True, kw_only=True)
class AgentStatus(AgentFacts):
    pid: Annotated[int, Limit(ge=1, le=2**22)]  # Linux's PID_MAX_LIMIT: kill() takes no larger
    started_at: datetime
    updated_at: datetime
    broker: BrokerLink = BrokerLink()
    health: Readings

    @classmethod
    def of(
        cls,
        facts: AgentFacts,
        health: Readings,
        pid: int,
        started_at: datetime,
        updated_at: datetime,
        broker: BrokerLink,
    ) -> AgentStatus:
        # Every fact, field by field as Heartbeat.of takes them: one added to AgentFacts comes along.
        said = {f.name: getattr(facts, f.name) for f in fields(AgentFacts)}
        return cls(
            **said, pid=pid, started_at=started_at, updated_at=updated_at, broker=broker, health=health
        )

    def heartbeat(self) -> Heartbeat:
        return Heartbeat.of(self, self.health)


def write_status(path: Path, status: AgentStatus) -> None:
    # Atomic, so `tillbox status` never reads half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(to_wire(status), indent=1).encode(), durable=False)


def read_status(path: Path) -> AgentStatus | None:
    """The agent's status, or None where no agent has written one yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise StatusFileError(f"{path}: {e.strerror or e}") from None
    try:
        return from_wire(AgentStatus, json.loads(text))
    except (ValueError, RecursionError) as e:  # (WireError is a ValueError, as is bad JSON)
        what = e if isinstance(e, WireError) else "not JSON"
        raise StatusFileError(f"{path} is not an agent's status file ({what})") from None
