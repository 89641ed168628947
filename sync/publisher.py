"""The box side of the wire: drain the outbox to the broker, live sales first, and forget a row only when
the cloud says it has *stored* it.

The broker's PUBACK only frees a slot of the in-flight window (Mosquitto acknowledges before it persists,
and paho keeps its session in memory). Rows are marked delivered when the cloud's acknowledgement names
them (`Outbox.delivered`); anything unacknowledged is sent again after every reconnect, every restart
and, while connected, after `resend_after_s` — the cloud's dedupe makes that harmless.

`Outbox` is the one thing this module needs from the box: the agent implements it over its store.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from sync.canonical import loads_strict
from sync.envelope import Envelope, Kind, encode_message
from sync.topics import DeviceTopics

log = logging.getLogger("tillbox.sync.publisher")


@dataclass(frozen=True)
class Pending:
    seq: int
    kind: Kind
    created_at: datetime
    body: dict[str, Any]  # as the cloud must see it (customer fields opened: the link is TLS)


class Outbox(Protocol):
    def pending(self, after_seq: int, limit: int, newest_first: bool = False) -> list[Pending]:
        """Undelivered rows with seq > after_seq, oldest first (or newest first)."""
        ...

    def delivered(self, contiguous: int, beyond: Sequence[int]) -> int:
        """Mark rows the cloud has stored; returns how many were newly marked."""
        ...


@dataclass
class PublisherSettings:
    batch: int = 100  # envelopes per message while a backlog drains
    live: int = 10  # newest rows looked at first each turn
    max_inflight: int = 20  # messages published and not yet PUBACKed by the broker
    # Envelopes sent and not yet acknowledged by the cloud. The broker PUBACKs on receipt, so only this
    # keeps the backlog from queueing at the broker in front of a live sale.
    max_unacked: int = 2000
    resend_after_s: float = 30.0  # sent, not acknowledged by the cloud: send again
    session_expiry_s: int = 24 * 3600
    poll_s: float = 0.05


@dataclass
class PublisherStats:
    messages: int = 0
    envelopes: int = 0
    acks: int = 0
    delivered: int = 0
    connects: int = 0


@dataclass
class Publisher:
    client: mqtt.Client
    topics: DeviceTopics
    key: Ed25519PrivateKey
    outbox: Outbox
    settings: PublisherSettings = field(default_factory=PublisherSettings)
    stats: PublisherStats = field(default_factory=PublisherStats)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._connected = threading.Event()
        self._sent: dict[int, float] = {}  # seq -> when it last went out
        self._inflight: set[int] = set()  # mids awaiting PUBACK
        self._cursor = 0  # backlog: everything up to here has gone out since the last rescan
        self._rescan_at = 0.0
        c = self.client
        c.on_connect = self._on_connect
        c.on_disconnect = self._on_disconnect
        c.on_publish = self._on_publish
        c.on_message = self._on_message
        c.will_set(self.topics.hb, b"offline", qos=1, retain=True)
        c.reconnect_delay_set(min_delay=1, max_delay=60)

    # -- connection ------------------------------------------------------------------------------------

    def connect(self, host: str, port: int) -> None:
        props = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
        props.SessionExpiryInterval = self.settings.session_expiry_s
        self.client.connect_async(host, port, clean_start=False, properties=props)
        self.client.loop_start()

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def _on_connect(self, c: mqtt.Client, userdata: object, flags: object, rc: Any, props: object) -> None:
        if rc.is_failure:
            log.warning("broker refused the connection: %s", rc)
            return
        with self._lock:
            self._sent.clear()  # whatever the cloud has not acknowledged goes again
            self._inflight.clear()
            self._cursor = 0
        c.subscribe(self.topics.ack, qos=1)
        self.stats.connects += 1
        self._connected.set()

    def _on_disconnect(self, c: mqtt.Client, userdata: object, flags: object, rc: Any, props: object) -> None:
        self._connected.clear()

    def _on_publish(self, c: mqtt.Client, userdata: object, mid: int, rc: Any, props: object) -> None:
        with self._lock:
            self._inflight.discard(mid)

    def _on_message(self, c: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        try:
            ack = loads_strict(bytes(msg.payload))
            contiguous, beyond = int(ack["contiguous"]), [int(s) for s in ack["beyond"]]
        except (ValueError, KeyError, TypeError) as e:
            log.warning("unreadable acknowledgement: %s", e)
            return
        self.stats.acks += 1
        self.stats.delivered += self.outbox.delivered(contiguous, beyond)
        done = set(beyond)
        with self._lock:
            for seq in [s for s in self._sent if s <= contiguous or s in done]:
                del self._sent[seq]

    # -- sending ---------------------------------------------------------------------------------------

    def _send(self, rows: list[Pending]) -> bool:
        envelopes = [
            Envelope(self.topics.device, r.seq, r.kind, r.created_at, r.body).signed_by(self.key)
            for r in rows
        ]
        info = self.client.publish(self.topics.tx, encode_message(envelopes), qos=1)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            return False
        now = time.monotonic()
        with self._lock:
            self._inflight.add(info.mid)
            for r in rows:
                self._sent[r.seq] = now
        self.stats.messages += 1
        self.stats.envelopes += len(rows)
        return True

    def _room(self, backlog: bool = True) -> bool:
        with self._lock:
            if len(self._inflight) >= self.settings.max_inflight:
                return False
            return not backlog or len(self._sent) < self.settings.max_unacked

    def step(self) -> int:
        """Send what is due; returns the number of envelopes sent."""
        if not self.connected:
            return 0
        s = self.settings
        now = time.monotonic()
        if now >= self._rescan_at:
            self._rescan_at = now + s.resend_after_s
            with self._lock:
                self._cursor = 0
                for seq in [q for q, t in self._sent.items() if now - t > s.resend_after_s]:
                    del self._sent[seq]
        sent = 0
        while True:
            # Live first, before every backlog batch: the newest rows not yet sent.
            live = [
                r
                for r in self.outbox.pending(self._cursor, s.live, newest_first=True)
                if r.seq not in self._sent
            ]
            if live and self._room(backlog=False) and self._send(sorted(live, key=lambda r: r.seq)):
                sent += len(live)
            if not self._room():
                break
            rows = self.outbox.pending(self._cursor, s.batch)
            if not rows:
                break
            due = [r for r in rows if r.seq not in self._sent]
            if due and not self._send(due):
                break
            sent += len(due)
            self._cursor = rows[-1].seq
        return sent

    def heartbeat(self, body: dict[str, Any]) -> None:
        hb = Envelope(self.topics.device, None, "heartbeat", datetime.now(UTC), body).signed_by(self.key)
        self.client.publish(self.topics.hb, encode_message([hb]), qos=1)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if not self.step():
                stop.wait(self.settings.poll_s)
