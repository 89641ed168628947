"""The heartbeat: what a box says of itself every minute, on its `hb` topic (an envelope of kind
"heartbeat", signed, without a sequence number). The agent builds it (edge/health.py); the cloud reads it
into the device's health, which HQ's device view and store health show."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from sync.wire.model import Limit, Short

Count = Annotated[int, Limit(ge=0)]


@dataclass(frozen=True)
class Conditions:
    """What the box warns of: its store's disk 80 % used (someone should look), too full to keep raster
    images (receipts are stored without them), full (receipts print and wait in the spool)."""

    disk_alarm: bool = False
    disk_low: bool = False
    disk_full: bool = False


@dataclass(frozen=True)
class BridgeCounters:
    """The bridge's own counters since it started (its bridge-status.json beside the spool): what the line
    lost or printed without the box's help. Printing never waits on the box, so these are where a till's
    trouble shows first."""

    copy_dropped_bytes: Count = 0  # bytes of the copy to the framer dropped (the printer still got them)
    spool_errors: Count = 0  # jobs the spool could not write
    injection_timeouts: Count = 0  # cuts printed without the QR block: the agent answered late
    injection_skipped_busy: Count = 0  # ... or was still busy with the last cut
    injection_errors: Count = 0  # ... or failed
    printer_reconnects: Count = 0
    printer_connected: bool = False
    jobs_written: Count = 0


@dataclass(frozen=True)
class AgentFacts:
    """What the agent knows of itself: the software and configuration it runs, the conditions it warns
    of. Its status file (edge/status_file.py) carries these as the heartbeat does, from this one
    definition."""

    version: Short | None = None  # the box's software
    config_version: Count | None = None  # the configuration from HQ it runs (0: none yet)
    pos_profile: Short | None = None  # the POS profile it reads receipts with (None: detected per receipt)
    conditions: Conditions = Conditions()


@dataclass(frozen=True)
class Readings:
    """What the agent reads from its store, spool, disk and the bridge's counters (edge/health.py)."""

    receipts_stored: Count | None = None
    spool_depth: Count | None = None  # finished print jobs not yet taken into the store
    spool_bad: Count | None = None  # files set aside as not jobs
    outbox_depth: Count | None = None  # records not yet confirmed stored by the cloud
    oldest_unsent_age_s: Count | None = None
    parse_failure_rate: Decimal | None = None  # needs_review share of the last 24 h; None without receipts
    disk_used_share: Decimal | None = None
    disk_free_bytes: Count | None = None
    disk_total_bytes: Count | None = None
    last_receipt_at: datetime | None = None  # when the box stored it
    last_receipt_status: Short | None = None  # ok | needs_review
    last_receipt_total: Decimal | None = None
    # The printer language the bridge found the POS speaking, and that language again where the printer
    # profile names another (then no QR is printed).
    printer_commands: Short | None = None
    foreign_printer_commands: Short | None = None
    bridge: BridgeCounters | None = None  # None: the bridge has written none (not started yet)


@dataclass(frozen=True)
class Heartbeat(Readings, AgentFacts):
    """What a box says of itself every minute. Every field may be missing (None): a fleet runs boxes of
    several versions, and one that does not know a field yet sends none; a field it does send must read
    as its type, or the heartbeat is kept aside as unreadable."""

    @classmethod
    def of(cls, facts: AgentFacts, readings: Readings) -> Heartbeat:
        # Field by field (not asdict, which would turn the nested documents into dicts); ``facts`` may be
        # a document that extends AgentFacts, such as the agent's status.
        return cls(
            **{f.name: getattr(facts, f.name) for f in fields(AgentFacts)},
            **{f.name: getattr(readings, f.name) for f in fields(Readings)},
        )
