"""Taking the bridge's finished jobs from the spool into the store, a hundred at a time, each pass; with
an eye on the store's disk, since a full one is where storing stops (the jobs then wait in the spool).
This duty sets the loop's pace: no wait while jobs come, `poll_s` when the spool is empty, longer when
the disk is full."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from edge.duties.shared import Shared
from edge.metrics import AgentMetrics
from edge.store.ingest import ingest_spool

log = logging.getLogger("tillbox.agent")

DISK_ALARM_SHARE = 0.8  # used share of the store's disk at which HQ hears about it
JOBS_PER_PASS = 100  # so the periodic duties (and the watchdog) get their turn in a long backlog
DISK_FULL_WAIT_S = 5.0  # the spool holds the jobs; try again when there may be room


class SpoolDuty:
    def __init__(
        self,
        spool: Path,
        sessions: sessionmaker[Session],
        shared: Shared,
        metrics: AgentMetrics,
        disk: Path,
        min_free_bytes: int,
        poll_s: float,
    ) -> None:
        self.spool, self.sessions, self.shared, self.metrics = spool, sessions, shared, metrics
        self.disk, self.min_free_bytes, self.poll_s = disk, min_free_bytes, poll_s

    def run(self) -> float:
        conditions = self.shared.conditions
        usage = shutil.disk_usage(self.disk)
        conditions.report(
            "disk_alarm",
            usage.used >= DISK_ALARM_SHARE * usage.total,
            f"{usage.used / usage.total:.0%} of the store's disk used",
        )
        conditions.report(
            "disk_low",
            usage.free < self.min_free_bytes,
            f"{usage.free // 2**20} MB free: captures are stored without raster images",
        )
        result = ingest_spool(
            self.spool, self.sessions, self.shared.parse, limit=JOBS_PER_PASS, lean=conditions.now.disk_low
        )
        conditions.report(
            "disk_full", result.disk_full, "the store cannot write: receipts print and wait in the spool"
        )
        for name in ("stored", "duplicates", "skipped", "bad", "images_dropped"):
            if getattr(result, name):
                self.metrics.jobs.labels(name).inc(getattr(result, name))
        if result.stored or result.bad:
            log.info(
                "stored %d, duplicates %d, empty %d, bad %d",
                result.stored,
                result.duplicates,
                result.skipped,
                result.bad,
                extra={"stored": result.stored, "bad": result.bad},
            )
        if result.disk_full:
            return DISK_FULL_WAIT_S
        return 0.0 if result.stored or result.duplicates or result.skipped else self.poll_s
