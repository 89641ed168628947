"""The shipped broker configuration, for real: TLS with client certificates, and an ACL under which a box
speaks only for itself."""

from __future__ import annotations

import queue
import ssl
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from sync.topics import DeviceTopics, cloud_subscription
from tests.mqtt_broker import running_broker

A = DeviceTopics("acme", "s12", "s12-t1")
B = DeviceTopics("acme", "s13", "s13-t1")


def connect(c: mqtt.Client, port: int) -> None:
    done: queue.Queue[Any] = queue.Queue()
    c.on_connect = lambda client, userdata, flags, rc, props: done.put(rc)
    c.connect("127.0.0.1", port)
    c.loop_start()
    rc = done.get(timeout=10)
    assert not rc.is_failure, rc


def publish_reason(c: mqtt.Client, topic: str, payload: bytes) -> int:
    got: queue.Queue[int] = queue.Queue()
    c.on_publish = lambda client, userdata, mid, rc, props: got.put(rc.value)
    c.publish(topic, payload, qos=1)
    return got.get(timeout=10)


def test_a_box_publishes_only_as_itself(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        cloud = broker.client("cloud-ingest")
        received: queue.Queue[tuple[str, bytes]] = queue.Queue()
        cloud.on_message = lambda client, userdata, msg: received.put((msg.topic, msg.payload))
        connect(cloud, broker.port)
        subscribed: queue.Queue[Any] = queue.Queue()
        cloud.on_subscribe = lambda client, userdata, mid, rcs, props: subscribed.put(rcs)
        cloud.subscribe(cloud_subscription("tx"), qos=1)
        assert not subscribed.get(timeout=10)[0].is_failure

        box_a = broker.client("s12-t1")
        connect(box_a, broker.port)
        assert publish_reason(box_a, A.tx, b"from A") == 0
        assert received.get(timeout=10) == (A.tx, b"from A")
        # Box A on box B's topic: the broker refuses (MQTT 5 "not authorized"), the cloud sees nothing.
        assert publish_reason(box_a, B.tx, b"A pretending to be B") == 0x87
        with pytest.raises(queue.Empty):
            received.get(timeout=1)
        # A box never reads another box's acknowledgements (Mosquitto grants the subscription and
        # withholds the messages): B gets its ack, A, subscribed to B's, gets nothing.
        box_b = broker.client("s13-t1")
        connect(box_b, broker.port)
        seen: dict[str, queue.Queue[bytes]] = {"a": queue.Queue(), "b": queue.Queue()}
        box_a.on_message = lambda client, userdata, msg: seen["a"].put(msg.payload)
        box_b.on_message = lambda client, userdata, msg: seen["b"].put(msg.payload)
        for box in (box_a, box_b):
            box.on_subscribe = lambda client, userdata, mid, rcs, props: subscribed.put(rcs)
            box.subscribe(B.ack, qos=1)
            subscribed.get(timeout=10)
        assert publish_reason(cloud, B.ack, b"stored up to 7") == 0
        assert seen["b"].get(timeout=10) == b"stored up to 7"
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        # Nor does a box publish acknowledgements (only the cloud says what it stored).
        assert publish_reason(box_a, A.ack, b"forged ack") == 0x87
        # Configuration: the cloud's push reaches its box only, and no box writes configuration.
        for box in (box_a, box_b):
            box.subscribe(B.config, qos=1)
            subscribed.get(timeout=10)
        assert publish_reason(cloud, B.config, b'{"profile":"x"}') == 0
        assert seen["b"].get(timeout=10) == b'{"profile":"x"}'
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        assert publish_reason(box_a, A.config, b'{"profile":"mine"}') == 0x87
        for c in (box_a, box_b, cloud):
            c.loop_stop()
            c.disconnect()


def test_a_client_without_a_certificate_is_refused(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        anon = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
        anon.tls_set(ca_certs=str(broker.files.ca_path), tls_version=ssl.PROTOCOL_TLS_CLIENT)
        with pytest.raises((ssl.SSLError, OSError)):
            anon.connect("127.0.0.1", broker.port)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # the handshake may fail on the first read
                if anon.loop(timeout=0.2) != mqtt.MQTT_ERR_SUCCESS:
                    raise OSError("refused")
            pytest.fail("connected without a certificate")
