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
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

from sync.backoff import Backoff
from sync.canonical import loads_strict
from sync.envelope import Envelope, Kind, MessageTooLarge, encode_message
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
    reconnect_floor_s: float = 1.0
    reconnect_cap_s: float = 60.0


@dataclass
class PublisherStats:
    messages: int = 0
    envelopes: int = 0
    acks: int = 0
    delivered: int = 0
    connects: int = 0
    connect_failures: int = 0
    configs: int = 0
    too_large: int = 0  # rows whose envelope alone is over the message limit: never sent, kept


@dataclass
class Publisher:
    client: mqtt.Client
    topics: DeviceTopics
    key: Ed25519PrivateKey
    outbox: Outbox
    settings: PublisherSettings = field(default_factory=PublisherSettings)
    stats: PublisherStats = field(default_factory=PublisherStats)
    # Called (on the network thread) with each payload the cloud pushes to this box's config topic, as
    # received: its signature is checked by whoever applies it (sync/config_doc.py).
    on_config: Callable[[bytes], None] | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._connected = threading.Event()
        self._sent: dict[int, float] = {}  # seq -> when it last went out
        self._inflight: set[int] = set()  # mids awaiting PUBACK
        self._too_large: set[int] = set()  # seqs no message can carry (kept in the outbox, reported)
        self._cursor = 0  # backlog: everything up to here has gone out since the last rescan
        self._rescan_at = 0.0
        c = self.client
        c.on_connect = self._on_connect
        c.on_disconnect = self._on_disconnect
        c.on_publish = self._on_publish
        c.on_subscribe = self._on_subscribe
        self._refused_said = False
        c.on_message = self._on_message
        c.will_set(self.topics.hb, b"offline", qos=1, retain=True)
        # Only the network thread may write to the socket. Without `loop_start`, paho's `publish` writes
        # straight to it from whichever thread calls (the uplink's, the agent's heartbeat), and two threads
        # inside one TLS connection crash OpenSSL (CI saw a segfault). With a write-registration callback
        # paho only queues the packet and wakes the network thread's select, which does the writing.
        c.on_socket_register_write = _network_thread_writes
        self._closing = threading.Event()
        self._network: threading.Thread | None = None
        self.backoff = Backoff(self.settings.reconnect_floor_s, self.settings.reconnect_cap_s)

    # -- connection ------------------------------------------------------------------------------------

    def connect(self, host: str, port: int) -> None:
        """Connect in the background and stay connected until `close`, retrying with jittered backoff.

        The network loop is ours rather than paho's `loop_start`: paho's reconnect delay has no jitter,
        and a fleet that lost its broker together must not return in lockstep."""
        self._network = threading.Thread(
            target=self._stay_connected, args=(host, port), name="mqtt-network", daemon=True
        )
        self._network.start()

    def _stay_connected(self, host: str, port: int) -> None:
        props = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
        props.SessionExpiryInterval = self.settings.session_expiry_s
        while not self._closing.is_set():
            try:
                self.client.connect(host, port, clean_start=False, properties=props)
            except (OSError, ssl.SSLError) as e:
                self.stats.connect_failures += 1
                delay = self.backoff.next()
                log.warning("broker %s:%s unreachable (%s); next try in %.1f s", host, port, e, delay)
                self._closing.wait(delay)
                continue
            while not self._closing.is_set():
                if self.client.loop(timeout=0.5) != mqtt.MQTT_ERR_SUCCESS:
                    break
            self._connected.clear()
            if not self._closing.is_set():
                delay = self.backoff.next()
                log.warning("lost the broker; reconnecting in %.1f s", delay)
                self._closing.wait(delay)

    def close(self) -> None:
        """Leave with the last will ("offline"): a box that stops is offline for HQ as much as one that
        lost its link (MQTT 5 reason 0x04; a plain DISCONNECT would discard the will)."""
        self._closing.set()
        if self._network is not None:
            self._network.join(5)
        # The network thread has stopped, so this one may write: what is queued, then the DISCONNECT.
        self.client.disconnect(reasoncode=ReasonCode(PacketTypes.DISCONNECT, "Disconnect with will message"))
        self.client.loop_write()

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
        c.subscribe([(self.topics.ack, 1), (self.topics.config, 1)])
        self.stats.connects += 1
        self.backoff.reset()
        self._connected.set()

    def _on_disconnect(self, c: mqtt.Client, userdata: object, flags: object, rc: Any, props: object) -> None:
        self._connected.clear()

    def _on_publish(self, c: mqtt.Client, userdata: object, mid: int, rc: Any, props: object) -> None:
        if rc.is_failure and not self._refused_said:
            # Kept in the outbox and sent again: what the broker refuses is never marked delivered.
            log.warning(
                "broker refused our message (%s): is this box enrolled? (tillbox-cloud devices enroll; "
                "a revoked box is refused for good)",
                rc,
            )
            self._refused_said = True
        elif not rc.is_failure:
            self._refused_said = False
        with self._lock:
            self._inflight.discard(mid)

    def _on_subscribe(
        self, c: mqtt.Client, userdata: object, mid: int, rcs: list[Any], props: object
    ) -> None:
        if any(r.is_failure for r in rcs):
            log.warning(
                "broker refused our subscription to %s and %s: %s", self.topics.ack, self.topics.config, rcs
            )

    def _on_message(self, c: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        if msg.topic == self.topics.config:
            self._config(bytes(msg.payload))
            return
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

    def _config(self, payload: bytes) -> None:
        if not payload:  # a retained config cleared by the cloud
            return
        self.stats.configs += 1
        if self.on_config is not None:
            self.on_config(payload)

    # -- sending ---------------------------------------------------------------------------------------

    def _send(self, rows: list[Pending]) -> bool:
        rows = [r for r in rows if r.seq not in self._too_large]
        if not rows:
            return True
        envelopes = [
            Envelope(self.topics.device, r.seq, r.kind, r.created_at, r.body).signed_by(self.key)
            for r in rows
        ]
        try:
            payload = encode_message(envelopes)
        except MessageTooLarge as e:
            # Receipts with pictures of their paper vary in size: a batch that is too big goes in halves.
            if len(rows) > 1:
                half = len(rows) // 2
                return self._send(rows[:half]) and self._send(rows[half:])
            log.error("seq %s cannot be sent: %s; it stays in the outbox", rows[0].seq, e)
            self._too_large.add(rows[0].seq)
            self.stats.too_large += 1
            return True
        info = self.client.publish(self.topics.tx, payload, qos=1)
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


def _network_thread_writes(client: mqtt.Client, userdata: object, sock: object) -> None:
    """paho's write-registration hook, left empty: the network thread's `loop` already selects on the
    socket for writing whenever packets are queued, and its wake-up pipe interrupts the wait."""
