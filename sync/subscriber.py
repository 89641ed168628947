"""The cloud side of the wire: verify, bound, dedupe, store once, and only then acknowledge.

`Subscriber.handle(topic, payload)` is the whole decision, without MQTT: the topic's device must be
registered, every envelope must be that device's and carry its signature; each envelope within bounds
(sync.bounds) is claimed in the ledger, and the message's new envelopes go to `store` in the same
database transaction; after the commit the device's acknowledgement (contiguous mark plus what is stored
past a gap) is what the box waits for.

One envelope must never stop a device's stream, nor the chain's: an envelope out of bounds, one `store`
hands back as unstorable, or one the database refuses (found by storing the message's envelopes one at a
time once the whole message failed) is quarantined with its reason, claimed in the ledger and
acknowledged like a stored one, so the box moves on and nothing it sent is lost. Only a database that
refuses everything — quarantine included — raises; then the worker must stop (see `attach`).

`attach` wires it to an MQTT client: a shared subscription, manual PUBACKs sent only after the commit
(a worker killed mid-message leaves it to the broker and the box to deliver again), and the ack
published to the box's ack topic.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync.bounds import UNCLAIMABLE, OutOfBounds, check_envelope, check_json
from sync.canonical import canonical_bytes
from sync.envelope import BadEnvelope, Envelope, verify_message
from sync.ledger import Ack, Outcome, advance, contiguous_mark, quarantine, quarantine_apart, record
from sync.topics import DeviceTopics, cloud_subscription, parse_topic

log = logging.getLogger("tillbox.sync.subscriber")
# Seconds waited before trying a message again while the database is unavailable (a lock held by
# another worker, a failover); after that the worker stops and is restarted.
UNAVAILABLE_RETRIES = (0.5, 2.0, 5.0)

Registry = Callable[[DeviceTopics], Ed25519PublicKey | None]  # the device's key, if it is registered there
Refusal = tuple[Envelope, OutOfBounds]
# Stores one message's new transactions/corrections (one device's, in seq order), all at once so that
# a backlog batch of 100 costs a few statements, not 100 round trips; must not commit. Returns the
# envelopes it could not store as they are (they are quarantined in the same transaction), or None.
Store = Callable[[Session, list[Envelope]], list[Refusal] | None]
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
    stopped_by: BaseException | None = None  # why `attach`'s callback gave up (the worker must exit)
    last_probe: float | None = None  # time.monotonic() of the last probe back from the broker
    connected_at: float | None = None  # time.monotonic() of the connection `attach` serves on, if up
    unavailable_retries: tuple[float, ...] = UNAVAILABLE_RETRIES

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
            self._heartbeats(envelopes)
            return Handled()
        return Handled(self._deliver(device, envelopes), device)

    def _heartbeats(self, envelopes: list[Envelope]) -> None:
        for e in envelopes:
            try:
                check_json(e.body)
                if self.heartbeat is not None:
                    self.heartbeat(e)
                self.counts["heartbeat"] += 1
            except OutOfBounds as why:
                self._quarantine_apart(e, why.reason, str(why))
            except Exception as err:  # whatever this one heartbeat made fail, it is this one's
                if _unavailable(err):
                    raise
                self._quarantine_apart(e, "database_refused", _first_line(err))

    def _deliver(self, device: DeviceTopics, envelopes: list[Envelope]) -> Ack:
        with self.sessions() as session:
            mark = contiguous_mark(session, device.device)
        fit: list[Envelope] = []
        refused: list[Refusal] = []
        unclaimable: list[int] = []
        for e in envelopes:
            try:
                check_envelope(e, mark)
                fit.append(e)
            except OutOfBounds as why:
                if why.reason in UNCLAIMABLE:
                    # A seq the ledger cannot (or must not) hold: kept aside unclaimed, and acknowledged
                    # in this message's answer alone so that the box stops sending it.
                    self._quarantine_apart(e, why.reason, str(why))
                    unclaimable.append(e.seq or 0)
                else:
                    refused.append((e, why))
        try:
            ack = self._store_retrying(device, fit, refused)
        except Exception as err:  # found out below: which envelope it was
            if _unavailable(err):
                raise
            log.warning(
                "a message of %s failed whole (%s); storing it envelope by envelope", device.device, err
            )
            ack = self._store_one_by_one(device, fit, refused)
        if unclaimable:
            ack = Ack(ack.contiguous, tuple(sorted({*ack.beyond, *unclaimable})))
        return ack

    def _store_retrying(self, device: DeviceTopics, envelopes: list[Envelope], refused: list[Refusal]) -> Ack:
        try:
            return self._store(device, envelopes, refused)
        except IntegrityError:
            # Another worker claimed one of these seqs between our check and our insert: the second pass
            # sees them as duplicates. (A constraint of `store`'s fails again, and is isolated above.)
            return self._store(device, envelopes, refused)

    def _store_one_by_one(
        self, device: DeviceTopics, envelopes: list[Envelope], refused: list[Refusal]
    ) -> Ack:
        ack = self._store_retrying(device, [], refused)
        for e in envelopes:
            try:
                ack = self._store_retrying(device, [e], [])
            except Exception as err:  # this envelope's: quarantined (a bug in that path raises from there)
                if _unavailable(err):
                    raise
                ack = self._store_retrying(
                    device, [], [(e, OutOfBounds("database_refused", _first_line(err)))]
                )
        return ack

    def _store(self, device: DeviceTopics, envelopes: list[Envelope], refused: list[Refusal]) -> Ack:
        outcomes: Counter[str] = Counter()
        with self.sessions.begin() as session:
            # One claim for all: the refused are claimed too, so that the mark moves over them.
            claimed = record(session, [*envelopes, *(e for e, _ in refused)]) if envelopes or refused else []
            fit_claims, refused_claims = claimed[: len(envelopes)], claimed[len(envelopes) :]
            outcomes.update(o.value for o in fit_claims)
            outcomes.update(o.value for o in refused_claims if o is not Outcome.NEW)  # quarantined below
            new = [e for e, o in zip(envelopes, fit_claims, strict=True) if o is Outcome.NEW]
            unstored = [r for r, o in zip(refused, refused_claims, strict=True) if o is Outcome.NEW]
            for e, o in zip(envelopes, fit_claims, strict=True):
                if o is Outcome.CONFLICT:
                    # The first stands; this one is kept, not dropped: a box that lost its store (or a
                    # second box under one id) numbers its messages from 1 again.
                    log.error("%s seq %s seen again with different content; quarantined", e.device_id, e.seq)
                    detail = f"seq {e.seq} was stored already with other content (a box's store reset?)"
                    unstored.append((e, OutOfBounds("seq_conflict", detail)))
            if new:
                unstored += self.store(session, new) or []
            for e, why in unstored:
                quarantine(session, e, why.reason, str(why))
                outcomes["quarantined"] += 1
                outcomes[why.reason] += 1
            if unstored:
                log.warning(
                    "%s: quarantined %s",
                    device.device,
                    ", ".join(f"seq {e.seq} ({w.reason})" for e, w in unstored),
                )
            ack = advance(session, device.device)
        self.counts.update(outcomes)  # counted once committed
        return ack

    def _quarantine_apart(self, e: Envelope, reason: str, detail: str) -> None:
        quarantine_apart(self.sessions, e, reason, detail)
        self.counts["quarantined"] += 1
        self.counts[reason] += 1
        log.warning("%s: quarantined a %s (%s): %s", e.device_id, e.kind, reason, detail)

    def attach(
        self, client: mqtt.Client, group: str = "tillbox-ingest", probe_topic: str | None = None
    ) -> None:
        """Serve on `client` (made with manual_ack=True): subscribe once connected, ack after commit.

        Nothing raised while handling a message leaves this callback — it would end paho's network
        thread and leave a live process that consumes nothing. A database that stays unavailable (or a
        fault in this code) is noted in `stopped_by` instead, the message stays unacknowledged, and the
        client disconnects: the process owning it must exit so that it is restarted. Messages on
        `probe_topic` (the worker's own, see cloud_api.ingest) only mark `last_probe`."""

        def on_connect(c: mqtt.Client, userdata: object, flags: object, rc: object, props: object) -> None:
            self.connected_at = time.monotonic()
            subs = [(cloud_subscription("tx", group), 1), (cloud_subscription("hb", group), 1)]
            c.subscribe([*subs, (probe_topic, 0)] if probe_topic else subs)

        def on_message(c: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
            if probe_topic is not None and msg.topic == probe_topic:
                self.last_probe = time.monotonic()
                return
            for wait in (*self.unavailable_retries, None):
                try:
                    handled = self.handle(msg.topic, bytes(msg.payload))
                    break
                except Exception as err:  # see above: never out of a paho callback
                    if wait is not None and _unavailable(err):
                        log.warning("database unavailable (%s); trying again in %s s", _first_line(err), wait)
                        time.sleep(wait)
                        continue
                    log.exception("cannot handle a message on %s: this worker stops", msg.topic)
                    self.stopped_by = err
                    c.disconnect()
                    return
            c.ack(msg.mid, msg.qos)  # only now: stored (or refused for good)
            if handled.ack is not None and handled.device is not None:
                c.publish(handled.device.ack, canonical_bytes(handled.ack.to_json()), qos=1)

        def on_disconnect(c: mqtt.Client, *_: object) -> None:
            self.connected_at = None

        client.on_connect = on_connect
        client.on_disconnect = on_disconnect
        client.on_message = on_message


def _unavailable(err: Exception) -> bool:
    """The database cannot be reached or used at all (as opposed to refusing this one record): nothing
    is to be quarantined for it, the message stays unacknowledged."""
    return isinstance(err, OperationalError) or (isinstance(err, DBAPIError) and err.connection_invalidated)


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0][:500] if text.strip() else type(err).__name__
