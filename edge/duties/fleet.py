"""The configuration HQ pushed, taken each pass (edge/fleet.py verified and kept it on the network
thread): its POS profile for every receipt from now on whose header it recognises, its item-name tag
rules for every receipt from now on, and the re-parse it asks for, once.

Pushed tag rules replace the box's own file's (box.toml `[tags] rules`) as a whole, not merged with them:
HQ edits the retailer's one list and reports by its tags across every store, so a tag HQ dropped must
stop on every box, which a merge with a file left on one box would not do. The box's file is what a box
tags by until HQ pushes rules, and again if a configuration carries none."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from edge.duties.shared import Shared
from edge.fleet import FleetApplier, Update
from edge.store.records import ParseSettings

log = logging.getLogger("tillbox.agent")


class FleetDuty:
    def __init__(
        self,
        fleet: FleetApplier,
        sessions: sessionmaker[Session],
        shared: Shared,
        alive: Callable[[], None] = lambda: None,  # the watchdog's ping, for a long re-parse
    ) -> None:
        self.fleet, self.sessions, self.shared, self.alive = fleet, sessions, shared, alive

    def run(self) -> None:
        update = self.fleet.take()
        if update is not None:
            parse = apply_fleet_update(self.fleet, update, self.shared.parse, self.sessions, self.alive)
            self.shared.parse = parse
        self.shared.config_version = self.fleet.version


def apply_fleet_update(
    fleet: FleetApplier,
    update: Update,
    parse: ParseSettings,
    sessions: sessionmaker[Session],
    alive: Callable[[], None] = lambda: None,
) -> ParseSettings:
    """A configuration HQ pushed (verified): its profile for every receipt from now on, and the re-parse
    it asks for, once — the corrections go out through the outbox like any other."""
    from edge.store.reparse import reparse  # (only when HQ asks: the agent's memory is counted)

    # Each configuration states HQ's whole wish: no profile in it withdraws the one pushed before (a
    # rollback); box.toml's own profile is untouched either way.
    parse = replace(parse, pushed_profile=update.profile, pushed_rules=update.rules)
    if update.profile is not None:
        log.info("POS profile %s from HQ (configuration %d)", update.profile.name, update.config.version)
    if update.rules is not None:
        log.info(
            "%d item-name tag rules from HQ (configuration %d)", len(update.rules), update.config.version
        )
    status = fleet.reparse_due(update)
    if status is not None:
        since = datetime(1970, 1, 1, tzinfo=UTC)
        result = reparse(sessions, since, parse, only_status=status, alive=alive)
        fleet.reparse_ran(update)
        log.info("re-parsed %d %s receipts for HQ: %d corrected", result.read, status, result.corrected)
    return parse
