"""The shipped broker configuration, for real: TLS with client certificates, and the dynamic-security
roles under which a box speaks only for itself: every attempt a second box's certificate could make on
another box or on the cloud's workers."""

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
        broker.admit_worker("cloud-ingest-1")
        for box in (A, B):
            broker.admit_box(box)
        cloud = broker.client("cloud-ingest-1")
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
        # A box never reads another box's acknowledgements: the subscription itself is refused.
        box_b = broker.client("s13-t1")
        connect(box_b, broker.port)
        seen: dict[str, queue.Queue[bytes]] = {"a": queue.Queue(), "b": queue.Queue()}
        box_a.on_message = lambda client, userdata, msg: seen["a"].put(msg.payload)
        box_b.on_message = lambda client, userdata, msg: seen["b"].put(msg.payload)
        for box, expected in ((box_a, True), (box_b, False)):
            box.on_subscribe = lambda client, userdata, mid, rcs, props: subscribed.put(rcs)
            box.subscribe(B.ack, qos=1)
            assert subscribed.get(timeout=10)[0].is_failure is expected
        assert publish_reason(cloud, B.ack, b"stored up to 7") == 0
        assert seen["b"].get(timeout=10) == b"stored up to 7"
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        # Nor does a box publish acknowledgements (only the cloud says what it stored).
        assert publish_reason(box_a, A.ack, b"forged ack") == 0x87
        # Configuration: the cloud's push reaches its box only, and no box writes configuration.
        control = broker.client("cloud-control")
        connect(control, broker.port)
        for box, expected in ((box_a, True), (box_b, False)):
            box.subscribe(B.config, qos=1)
            assert subscribed.get(timeout=10)[0].is_failure is expected
        assert publish_reason(cloud, B.config, b"an ingest worker pushing settings") == 0x87
        assert publish_reason(control, B.config, b'{"profile":"x"}') == 0
        assert seen["b"].get(timeout=10) == b'{"profile":"x"}'
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        assert publish_reason(box_a, A.config, b'{"profile":"mine"}') == 0x87
        for c in (box_a, box_b, cloud, control):
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


def subscribe_reasons(c: mqtt.Client, topics: list[str]) -> list[bool]:
    """For each topic, whether the broker refused the subscription."""
    got: queue.Queue[list[Any]] = queue.Queue()
    c.on_subscribe = lambda client, userdata, mid, rcs, props: got.put(rcs)
    refused = []
    for topic in topics:
        c.subscribe(topic, qos=1)
        refused.append(got.get(timeout=10)[0].is_failure)
    return refused


def test_a_second_box_cannot_read_steal_or_knock_off(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        broker.admit_worker("cloud-ingest-1")
        for box in (A, B):
            broker.admit_box(box)
        worker = broker.client("cloud-ingest-1")
        received: queue.Queue[bytes] = queue.Queue()
        worker.on_message = lambda client, userdata, msg: received.put(msg.payload)
        connect(worker, broker.port)
        assert subscribe_reasons(worker, [cloud_subscription("tx")]) == [False]

        # Box A, with its own valid certificate, tries every subscription that would let it read or
        # swallow what is not its own: each is refused at SUBSCRIBE.
        box_a = broker.client("s12-t1")
        connect(box_a, broker.port)
        hostile = [
            cloud_subscription("tx"),  # the workers' group: would take its share of every box's tx
            cloud_subscription("hb"),
            "$share/other/tillbox/+/+/+/tx",
            "#",
            "tillbox/#",
            B.tx,
            B.ack,
            B.config,
            "tillbox/acme/s13/+/ack",
            "$SYS/#",
            "$CONTROL/dynamic-security/v1/response",
            "tillbox-ingest/probe/#",
        ]
        assert subscribe_reasons(box_a, hostile) == [True] * len(hostile)
        assert subscribe_reasons(box_a, [A.ack, A.config]) == [False, False]
        # Nor may it give itself a role over the control topic.
        grant = b'{"commands":[{"command":"addClientRole","username":"s12-t1","rolename":"tillbox-ingest"}]}'
        assert publish_reason(box_a, "$CONTROL/dynamic-security/v1", grant) == 0x87
        assert subscribe_reasons(box_a, [cloud_subscription("tx")]) == [True]

        # With A still connected and subscribed as above, every one of B's messages reaches the worker.
        box_b = broker.client("s13-t1")
        b_down: queue.Queue[object] = queue.Queue()
        box_b.on_disconnect = lambda *args: b_down.put(args)
        connect(box_b, broker.port)
        for n in range(20):
            assert publish_reason(box_b, B.tx, b"B %d" % n) == 0
        assert sorted(received.get(timeout=10) for _ in range(20)) == sorted(b"B %d" % n for n in range(20))

        # A connects again, asking for B's client id and then the worker's: the broker gives it its own
        # (its certificate's name). Mosquitto handles a CONNECT before it answers the next PUBLISH, so
        # a takeover would have dropped B and the worker before these round trips come back.
        worker_down: queue.Queue[object] = queue.Queue()
        worker.on_disconnect = lambda *args: worker_down.put(args)
        for claimed in ("s13-t1", "cloud-ingest-1"):
            impostor = broker.client("s12-t1", client_id=claimed)
            connect(impostor, broker.port)
            assert publish_reason(impostor, A.tx, b"from A as " + claimed.encode()) == 0
            impostor.loop_stop()
            impostor.disconnect()
        assert publish_reason(box_b, B.tx, b"B still here") == 0
        got = [received.get(timeout=10) for _ in range(3)]
        assert sorted(got) == sorted([b"from A as s13-t1", b"from A as cloud-ingest-1", b"B still here"])
        assert b_down.empty() and worker_down.empty()
        # The broker's own record of who connected as what: A's certificate only ever as s12-t1 (its
        # first connection, dropped by the impostors who share its name, comes back on its own).
        as_a = [
            line
            for line in broker.log().splitlines()
            if "New client connected" in line and "u's12-t1'" in line
        ]
        assert len(as_a) >= 3 and all(" as s12-t1 (" in line for line in as_a), as_a
        for c in (box_a, box_b, worker):
            c.loop_stop()
            c.disconnect()


def test_a_certificate_the_cloud_never_admitted_or_revoked_can_do_nothing(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        broker.admit_box(A)
        # Signed by the retailer's CA but never enrolled (or enrolled and since revoked).
        stranger = broker.client("s99-t1")
        connect(stranger, broker.port)
        where = DeviceTopics("acme", "s99", "s99-t1")
        assert publish_reason(stranger, where.tx, b"hello") == 0x87
        assert subscribe_reasons(stranger, [where.ack, "#"]) == [True, True]

        box_a = broker.client("s12-t1")
        down: queue.Queue[object] = queue.Queue()
        box_a.on_disconnect = lambda *args: down.put(args)
        connect(box_a, broker.port)
        assert publish_reason(box_a, A.tx, b"before") < 0x80  # 0x10: allowed, nobody subscribed
        box_a.reconnect_delay_set(30, 30)  # stay down long enough to be observed down
        broker.forget_box(A)  # what revocation does: the broker drops the box's connection
        down.get(timeout=10)
        box_a.loop_stop()
        again = broker.client("s12-t1")
        connect(again, broker.port)
        assert publish_reason(again, A.tx, b"after") == 0x87
        for c in (stranger, again):
            c.loop_stop()
            c.disconnect()
