"""The conditions the agent warns of (the wire's Conditions: its disk 80 % used, too low for raster
images, full), each logged once when it turns on and once when it clears."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Literal

from sync.wire import heartbeat as wire

log = logging.getLogger("tillbox.agent")

Name = Literal["disk_alarm", "disk_low", "disk_full"]


class Conditions:
    def __init__(self) -> None:
        self.now = wire.Conditions()

    def report(self, name: Name, now_on: bool, detail: str) -> None:
        if getattr(self.now, name) != now_on:
            self.now = replace(self.now, **{name: now_on})
            if now_on:
                log.warning("%s: %s", name, detail, extra={"condition": name, "on": True})
            else:
                log.info("%s cleared", name, extra={"condition": name, "on": False})
