"""The cloud side of the wire: verify, dedupe, store once, and only then acknowledge.

`Subscriber.handle(topic, payload)` is the whole decision, without MQTT: the topic's device must be
registered, every envelope must be that device's and carry its signature; each new (device, seq) is
claimed in the ledger, and the message's new envelopes go to `store` in the same database transaction;
after the commit the device's acknowledgement (contiguous mark plus what is stored past a gap) is what
the box waits for.
`attach` wires it to an MQTT client: a shared subscription, manual PUBACKs sent only after the commit
(a worker killed mid-message leaves it to the broker and the box to deliver again), and the ack
published to the box's ack topic.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync.canonical import canonical_bytes
from sync.envelope import BadEnvelope, Envelope, verify_message
from sync.ledger import Ack, Outcome, advance, record
from sync.topics import DeviceTopics, cloud_subscription, parse_topic

log = logging.getLogger("tillbox.sync.subscriber")

Registry = Callable[[DeviceTopics], Ed25519PublicKey | None]  # the device's key, if it is registered there
# Stores one message's new transactions/corrections (one device's, in seq order), all at once so that
# a backlog batch of 100 costs a few statements, not 100 round trips; must not commit.
Store = Callable[[Session, list[Envelope]], None]
Heartbeat = Callable[[Envelope], None]
Offline = Callable[[DeviceTopics], None]  # the box's last will: its connection dropped


@dataclass
class Handled:
    ack: Ack | None = None  # to publish to the device's ack topic after the commit
    device: DeviceTopics | None = None


@dataclass
class Subscriber:
    sessions: sessionmaker[Session]
    registry: Registry
    store: Store
    heartbeat: Heartbeat | None = None
    offline: Offline | None = None
    counts: Counter[str] = field(default_factory=Counter)

    def handle(self, topic: str, payload: bytes) -> Handled:
        where = parse_topic(topic)
        if where is None or where[1] not in ("tx", "hb"):
            self.counts["bad_topic"] += 1
            return Handled()
        device, leaf = where
        if leaf == "hb" and payload == b"offline":  # the box's last will: its connection dropped
            self.counts["offline"] += 1
            if self.offline is not None:
                self.offline(device)
            return Handled()
        try:
            envelopes = verify_message(payload, device.device, self.registry(device))
            if any((e.kind == "heartbeat") != (leaf == "hb") for e in envelopes):
                raise BadEnvelope("malformed", f"{leaf} topic with the wrong kind of envelope")
        except BadEnvelope as refused:
            self.counts[refused.reason] += 1
            log.warning("refused a message on %s: %s", topic, refused)
            return Handled()
        if leaf == "hb":
            self.counts["heartbeat"] += 1
            if self.heartbeat is not None:
                for e in envelopes:
                    self.heartbeat(e)
            return Handled()
        for attempt in (1, 2):
            try:
                return Handled(self._store(device, envelopes), device)
            except IntegrityError:
                # Another worker claimed one of these seqs between our check and our insert: the
                # second pass sees them as duplicates.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _store(self, device: DeviceTopics, envelopes: list[Envelope]) -> Ack:
        outcomes: Counter[str] = Counter()
        with self.sessions.begin() as session:
            new: list[Envelope] = []
            for e, outcome in zip(envelopes, record(session, envelopes), strict=True):
                outcomes[outcome.value] += 1
                if outcome is Outcome.NEW:
                    new.append(e)
                elif outcome is Outcome.CONFLICT:
                    log.error(
                        "%s seq %s seen again with different content; the first stands", e.device_id, e.seq
                    )
            if new:
                self.store(session, new)
            ack = advance(session, device.device)
        self.counts.update(outcomes)  # counted once committed
        return ack

    def attach(self, client: mqtt.Client, group: str = "tillbox-ingest") -> None:
        """Serve on `client` (made with manual_ack=True): subscribe once connected, ack after commit."""

        def on_connect(c: mqtt.Client, userdata: object, flags: object, rc: object, props: object) -> None:
            c.subscribe([(cloud_subscription("tx", group), 1), (cloud_subscription("hb", group), 1)])

        def on_message(c: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
            handled = self.handle(msg.topic, bytes(msg.payload))
            c.ack(msg.mid, msg.qos)  # only now: stored (or refused for good)
            if handled.ack is not None and handled.device is not None:
                c.publish(handled.device.ack, canonical_bytes(handled.ack.to_json()), qos=1)

        client.on_connect = on_connect
        client.on_message = on_message
