"""MQTT topics: tillbox/{retailer}/{store}/{device}/{leaf}.

    .../tx       box -> cloud  transactions and corrections (signed envelopes, QoS 1)
    .../hb       box -> cloud  heartbeats; the connection's last will puts "offline" here (retained)
    .../ack      cloud -> box  what the cloud has *stored*: the highest contiguous seq, plus any beyond a gap
    .../config   cloud -> box  settings pushed to the box (retained)

The broker's ACL lets a box publish only under its own device id and read only its own
ack and config; the cloud's workers read every tx and hb through a shared subscription.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROOT = "tillbox"
LEAVES = ("tx", "hb", "ack", "config")
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


@dataclass(frozen=True)
class DeviceTopics:
    retailer: str
    store: str
    device: str

    def __post_init__(self) -> None:
        for name in ("retailer", "store", "device"):
            value = getattr(self, name)
            if not _SEGMENT.fullmatch(value):
                raise ValueError(f"{name} {value!r}: letters, digits, '-' or '_' (up to 64), for a topic")

    def _t(self, leaf: str) -> str:
        return f"{ROOT}/{self.retailer}/{self.store}/{self.device}/{leaf}"

    @property
    def tx(self) -> str:
        return self._t("tx")

    @property
    def hb(self) -> str:
        return self._t("hb")

    @property
    def ack(self) -> str:
        return self._t("ack")

    @property
    def config(self) -> str:
        return self._t("config")


def parse_topic(topic: str) -> tuple[DeviceTopics, str] | None:
    """The device and leaf of a topic, or None for anything that is not one of ours."""
    parts = topic.split("/")
    if len(parts) != 5 or parts[0] != ROOT or parts[4] not in LEAVES:
        return None
    try:
        return DeviceTopics(parts[1], parts[2], parts[3]), parts[4]
    except ValueError:
        return None


def cloud_subscription(leaf: str, group: str = "tillbox-ingest") -> str:
    """The shared subscription several cloud workers split a leaf's messages through."""
    return f"$share/{group}/{ROOT}/+/+/+/{leaf}"
