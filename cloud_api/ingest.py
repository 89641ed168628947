"""`tillbox-cloud ingest`: one worker of the shared subscription. Each message is verified against the
device registry, stored once (sync's ledger, in the same transaction as the rows it makes) and only
then acknowledged to its box. Run as many as the load needs; they share the subscription."""

from __future__ import annotations

import logging
import os
import socket
import ssl
import threading
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.config import BrokerSettings
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import signing_key
from cloud_api.crud.ingest import record_heartbeat, record_offline, store_envelopes
from sync.envelope import Envelope
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics

log = logging.getLogger("tillbox.cloud.ingest")


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

    def store(session: Session, envelopes: list[Envelope]) -> None:
        store_envelopes(session, envelopes, secret)

    return Subscriber(sessions, registry, store, heartbeat, offline)


def ingest_client(broker: BrokerSettings) -> tuple[mqtt.Client, str, int]:
    url = urlsplit(broker.url)
    if url.scheme not in ("mqtt", "mqtts"):
        raise ValueError(f"broker url {broker.url!r}: mqtt://host:port or mqtts://host:port")
    client_id = broker.client_id or f"ingest-{socket.gethostname()}-{os.getpid()}"
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5, manual_ack=True
    )
    tls = broker.tls
    if tls is not None:
        ca, cert, key = tls
        client.tls_set(
            ca_certs=str(ca), certfile=str(cert), keyfile=str(key), tls_version=ssl.PROTOCOL_TLS_CLIENT
        )
    port = url.port or (8883 if url.scheme == "mqtts" else 1883)
    return client, url.hostname or "127.0.0.1", port


def run_ingest(
    sessions: sessionmaker[Session], secret: ServiceSecret, broker: BrokerSettings, stop: threading.Event
) -> Subscriber:
    sub = subscriber(sessions, secret)
    client, host, port = ingest_client(broker)
    sub.attach(client, group=broker.group)
    client.reconnect_delay_set(1, 30)
    client.connect_async(host, port)
    client.loop_start()
    log.info("ingest worker %s on %s:%s, group %s", client._client_id.decode(), host, port, broker.group)
    try:
        stop.wait()
    finally:
        client.disconnect()
        client.loop_stop()
    return sub
