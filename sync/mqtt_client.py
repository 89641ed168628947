"""The one way tillbox makes an MQTT client: the box's uplink, the cloud's ingest workers, HQ's
configuration push and the broker's control client all speak MQTT 5 with paho's second callback API,
and over TLS trust the retailer's CA alone and show their own certificate (mutual TLS)."""

from __future__ import annotations

import ssl
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

Tls = tuple[Path, Path, Path]  # (the retailer's CA, this client's certificate, its key)


def mqtt_client(client_id: str, tls: Tls | None, manual_ack: bool = False) -> mqtt.Client:
    """A client not yet connected. ``manual_ack``: the caller acknowledges each message itself (the
    cloud's workers, once their database commit is done)."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5, manual_ack=manual_ack
    )
    if tls is not None:
        ca, cert, key = tls
        # The retailer's CA only: a broker with any other certificate is not ours.
        client.tls_set(
            ca_certs=str(ca), certfile=str(cert), keyfile=str(key), tls_version=ssl.PROTOCOL_TLS_CLIENT
        )
    return client
