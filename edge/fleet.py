"""What HQ pushes to this box (sync/config_doc.py): verified with HQ's public key, applied by the agent.

The network thread hands over each payload (`receive`); a configuration that is not signed by HQ, is not
newer than the one applied, or carries a POS profile or item-name tag rules that do not load is refused
with a log line and changes nothing (the profile and the rules running stay). An accepted one is kept (the
signed payload, as received) beside the store, so a restart applies it again without the broker; the
agent's loop `take`s it between receipts: the profile replaces the configured one for every receipt from
then on, its tag rules replace the box's own file's (edge/duties/fleet.py says why), and a re-parse
request runs once per id.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from edge.parsing.profiles import PosProfile, ProfileError, parse_profile
from edge.parsing.tag_rules import TagRule, TagRulesError, rules_from_text
from firmware_bridge.atomic_file import write_atomically
from firmware_bridge.tomlfile import TomlError, parse_toml
from sync.config_doc import BadConfig, verify_config
from sync.keys import parse_public_key
from sync.wire.config import FleetConfig

log = logging.getLogger("tillbox.fleet")


def parse_hq_key(text: str) -> Ed25519PublicKey:
    """HQ's config-signing key as `tillbox-cloud config key` prints it."""
    return parse_public_key(text)


@dataclass(frozen=True)
class Update:
    config: FleetConfig
    profile: PosProfile | None
    rules: tuple[TagRule, ...] | None  # None: HQ pushed none, the box's own file's apply


def _profile(config: FleetConfig) -> PosProfile | None:
    if config.pos_profile is None:
        return None
    name = config.pos_profile.name
    try:
        data = parse_toml(config.pos_profile.toml, f"pushed profile {name!r}")
    except TomlError as e:
        raise ProfileError(str(e)) from None
    return parse_profile(data, f"pushed profile {name!r}")


def _rules(config: FleetConfig) -> tuple[TagRule, ...] | None:
    if config.item_rules is None:
        return None
    return rules_from_text(config.item_rules, "pushed item rules")


class FleetApplier:
    def __init__(self, hq_key: Ed25519PublicKey | None, directory: Path) -> None:
        self.hq_key = hq_key
        self.kept = directory / "cloud-config.json"  # the last accepted signed payload
        self.done = directory / "cloud-reparse-done.json"  # re-parse ids already run
        self.refused = 0
        self._lock = threading.Lock()
        self._pending: Update | None = None
        self.version = 0
        self.profile_name: str | None = None
        if self.kept.exists() and hq_key is not None:
            try:
                update = self._check(self.kept.read_bytes())
            except (BadConfig, ProfileError, TagRulesError) as e:
                log.error("the kept configuration %s no longer verifies (%s); ignoring it", self.kept, e)
            else:
                self._pending = update

    def _check(self, payload: bytes) -> Update:
        assert self.hq_key is not None
        config = verify_config(payload, self.hq_key)
        return Update(config, _profile(config), _rules(config))

    def receive(self, payload: bytes) -> None:
        """From the network thread: a payload on this box's config topic."""
        if self.hq_key is None:
            self.refused += 1
            log.warning("configuration pushed, but this box has no [cloud] hq_key to verify it: refused")
            return
        try:
            update = self._check(payload)
        except (BadConfig, ProfileError, TagRulesError) as e:
            self.refused += 1
            # Every problem of a rules set on the one line, as the refusal of a profile is one line.
            log.warning("pushed configuration refused: %s", str(e).replace("\n", "; "))
            return
        with self._lock:
            newest = max(self.version, self._pending.config.version if self._pending else 0)
            if update.config.version <= newest:
                return  # the retained copy of what is applied, seen again at each reconnect
            write_atomically(self.kept, payload)
            self._pending = update
        log.info("configuration version %d from HQ accepted", update.config.version)

    def take(self) -> Update | None:
        """From the agent's loop: the configuration to apply now, if a new one came."""
        with self._lock:
            update, self._pending = self._pending, None
            if update is not None:
                self.version = update.config.version
                if update.profile is not None:
                    self.profile_name = update.profile.name
            return update

    def reparse_due(self, update: Update) -> str | None:
        """The re-parse this configuration asks for, unless it already ran."""
        request = update.config.reparse
        if request is None:
            return None
        done = json.loads(self.done.read_text()) if self.done.exists() else []
        return None if request.id in done else request.status

    def reparse_ran(self, update: Update) -> None:
        assert update.config.reparse is not None
        done = json.loads(self.done.read_text()) if self.done.exists() else []
        write_atomically(self.done, json.dumps([*done, update.config.reparse.id][-100:]).encode())
