"""Retention, every `housekeeping_s`: captures older than `retention_days` go once the cloud has them
(edge/store/retention.py decides what may go)."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from edge.metrics import AgentMetrics
from edge.store.retention import prune

log = logging.getLogger("tillbox.agent")


class RetentionDuty:
    def __init__(self, sessions: sessionmaker[Session], days: int, metrics: AgentMetrics) -> None:
        self.sessions, self.days, self.metrics = sessions, days, metrics

    def run(self) -> None:
        pruned = prune(self.sessions, self.days)
        self.metrics.pruned.inc(pruned.captures)
        if pruned.captures or pruned.outbox_rows:
            log.info(
                "retention removed %d captures, %d delivered outbox rows", pruned.captures, pruned.outbox_rows
            )
