"""`tillbox-cloud ingest`: one worker of the shared subscription. Each message is verified against the
device registry, stored once (sync's ledger, in the same transaction as the rows it makes) and only
then acknowledged to its box. Run as many as the load needs; they share the subscription."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time

import paho.mqtt.client as mqtt
import sdnotify
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.config import BrokerSettings
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import signing_key
from cloud_api.crud.ingest import record_heartbeat, record_offline, store_envelopes
from sync.envelope import Envelope
from sync.mqtt_client import mqtt_client
from sync.subscriber import Refusal, Subscriber
from sync.topics import DeviceTopics

log = logging.getLogger("tillbox.cloud.ingest")
# Read and written by the worker alone (the broker's ACL gives each ingest certificate its own).
PROBE_TOPIC = "tillbox-ingest/probe/{client_id}"


def subscriber(sessions: sessionmaker[Session], secret: ServiceSecret) -> Subscriber:
    def registry(where: DeviceTopics) -> Ed25519PublicKey | None:
        with sessions() as s:
            return signing_key(s, where)

    def heartbeat(e: Envelope) -> None:
        with sessions.begin() as s:
            record_heartbeat(s, e)

    def offline(where: DeviceTopics) -> None:
        with sessions.begin() as s:
            record_offline(s, where.device)

    def store(session: Session, envelopes: list[Envelope]) -> list[Refusal]:
        return store_envelopes(session, envelopes, secret)

    return Subscriber(sessions, registry, store, heartbeat, offline)


def ingest_client(broker: BrokerSettings) -> tuple[mqtt.Client, str, int]:
    host, port = broker.address
    # The shipped broker replaces it with the certificate's name; on any other, an unguessable one
    # keeps another client from knocking this worker off by taking its id.
    client_id = broker.client_id or f"ingest-{socket.gethostname()}-{secrets.token_hex(8)}"
    return mqtt_client(client_id, broker.tls, manual_ack=True), host, port


class WorkerStopped(RuntimeError):
    """The worker can no longer consume: the process must exit non-zero, to be restarted."""


def serve(sub: Subscriber, broker: BrokerSettings, stop: threading.Event) -> None:
    """Consume until `stop` is set; raise WorkerStopped when this worker cannot go on consuming.

    Alive is not enough: every `broker.probe_seconds` the worker publishes a probe to a topic only it
    reads, which comes back through the broker, the network thread and the message callback like any
    box's message. No probe back within `broker.watchdog_seconds` while connected (a callback stuck, a
    thread gone, a broker that stopped delivering) stops the worker, as does a network thread that
    ended or a callback that gave up. systemd's watchdog is fed only while probes come back."""
    client, host, port = ingest_client(broker)
    client_id = client._client_id.decode()
    probe_topic = PROBE_TOPIC.format(client_id=client_id)
    sub.attach(client, group=broker.group, probe_topic=probe_topic)
    client.reconnect_delay_set(1, 30)
    client.connect_async(host, port)
    client.loop_start()
    notify = sdnotify.SystemdNotifier()
    notify.notify("READY=1")
    log.info("ingest worker %s on %s:%s, group %s", client_id, host, port, broker.group)
    try:
        _watch(sub, client, broker, probe_topic, stop, notify)
    except WorkerStopped:
        # The network thread may be stuck in a callback: it is a daemon thread, left to end with the
        # process rather than joined.
        client.disconnect()
        raise
    client.disconnect()
    client.loop_stop()


def _watch(
    sub: Subscriber,
    client: mqtt.Client,
    broker: BrokerSettings,
    probe_topic: str,
    stop: threading.Event,
    notify: sdnotify.SystemdNotifier,
) -> None:
    last_sent = 0.0
    while not stop.wait(0.5):
        now = time.monotonic()
        thread = client._thread  # paho keeps its loop_start thread private; nothing public says it ended
        if sub.stopped_by is not None:
            raise WorkerStopped(f"a message could not be handled: {sub.stopped_by}")
        if thread is None or not thread.is_alive():
            raise WorkerStopped("the MQTT network thread ended")
        if sub.connected_at is None:
            notify.notify("WATCHDOG=1\nSTATUS=connecting to the broker")  # reconnecting is alive
            continue
        if now - last_sent >= broker.probe_seconds:
            client.publish(probe_topic, b"probe", qos=0)
            last_sent = now
        heard = max(sub.last_probe or 0.0, sub.connected_at)
        if now - heard > broker.watchdog_seconds:
            raise WorkerStopped(f"no probe back from the broker for {now - heard:.0f} s")
        if sub.last_probe is not None and sub.last_probe >= sub.connected_at:
            notify.notify(f"WATCHDOG=1\nSTATUS=consuming: {sum(sub.counts.values())} messages")


def run_ingest(
    sessions: sessionmaker[Session], secret: ServiceSecret, broker: BrokerSettings, stop: threading.Event
) -> Subscriber:
    sub = subscriber(sessions, secret)
    serve(sub, broker, stop)
    return sub
