"""The cloud's subscriber helper: verified, stored once, acknowledged only after the commit; everything
else refused and counted. First the decision alone, then through a real Mosquitto with the shipped ACL.

Invariant 4's proof from here is in tests/invariants/test_4_delivered_once.py:
`test_stored_once_acknowledged_with_gaps_and_conflicts_flagged`,
`test_a_gap_that_stays_is_reported_after_the_threshold`."""

from __future__ import annotations

import json
import queue
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from sync.envelope import Envelope, encode_message
from sync.ledger import LedgerBase, Received
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics
from tests.helpers import wait_for
from tests.mqtt_broker import running_broker

BOX = DeviceTopics("acme", "s12", "s12-t1")
KEY = Ed25519PrivateKey.generate()
# When the box made its transaction envelopes: fixed, as a box resends the very same envelope.
NOW = datetime.now(UTC)


def env(seq: int, total: str = "1.00", key: Ed25519PrivateKey = KEY, device: str = "s12-t1") -> Envelope:
    return Envelope(device, seq, "transaction", NOW, {"job_id": f"j{seq}", "total": total}).signed_by(key)


def setup(
    url: str,
) -> tuple[Subscriber, list[tuple[int | None, dict[str, Any]]], sessionmaker[Session]]:
    engine = create_engine(url)
    LedgerBase.metadata.create_all(engine)
    sessions = sessionmaker(engine)
    stored: list[tuple[int | None, dict[str, Any]]] = []

    def registry(d: DeviceTopics) -> Ed25519PublicKey | None:
        return KEY.public_key() if d == BOX else None

    return (
        Subscriber(sessions, registry, lambda s, new: stored.extend((e.seq, e.body) for e in new)),
        stored,
        sessions,
    )


def test_refusals_are_counted_and_store_nothing(tmp_path: Path) -> None:
    sub, stored, sessions = setup(f"sqlite:///{tmp_path / 'cloud.db'}")
    other = DeviceTopics("acme", "s13", "s13-t1")
    assert sub.handle(BOX.tx, encode_message([env(1, key=Ed25519PrivateKey.generate())])).ack is None
    assert sub.handle(other.tx, encode_message([env(1, device="s13-t1")])).ack is None
    assert sub.handle(BOX.tx, encode_message([env(1, device="s13-t1")])).ack is None
    assert sub.handle(BOX.tx, b"\xff\x00garbage").ack is None
    assert sub.handle(BOX.tx, encode_message([env(1)])[:40]).ack is None
    assert sub.handle("tillbox/acme/s12", b"{}").ack is None
    hb = Envelope("s12-t1", None, "heartbeat", datetime.now(UTC), {}).signed_by(KEY)  # fresh: within 10 min
    assert sub.handle(BOX.tx, encode_message([hb])).ack is None  # a heartbeat on the tx topic
    assert dict(sub.counts) == {
        "bad_signature": 1,
        "unknown_device": 1,
        "wrong_device": 1,
        "malformed": 3,
        "bad_topic": 1,
    }
    assert stored == []
    with sessions() as s:
        assert s.scalar(select(func.count(Received.id))) == 0
    sub.handle(BOX.hb, encode_message([hb]))
    assert sub.counts["heartbeat"] == 1


def test_through_mosquitto_the_box_hears_what_was_stored(tmp_path: Path) -> None:
    sub, stored, _ = setup(f"sqlite:///{tmp_path / 'cloud.db'}")
    with running_broker(tmp_path / "broker", boxes=[BOX], workers=["cloud-ingest-1"]) as broker:
        worker = broker.client("cloud-ingest-1", manual_ack=True)
        sub.attach(worker)
        subscribed: queue.Queue[Any] = queue.Queue()
        worker.on_subscribe = lambda c, u, mid, rcs, props: subscribed.put(rcs)
        worker.connect("127.0.0.1", broker.port)
        worker.loop_start()
        assert not any(rc.is_failure for rc in subscribed.get(timeout=10))

        box = broker.client("s12-t1")
        acks: queue.Queue[dict[str, Any]] = queue.Queue()
        box.on_message = lambda c, u, msg: acks.put(json.loads(msg.payload))
        connected: queue.Queue[Any] = queue.Queue()
        box.on_connect = lambda c, u, f, rc, p: connected.put(rc)
        box.connect("127.0.0.1", broker.port)
        box.loop_start()
        connected.get(timeout=10)
        box.subscribe(BOX.ack, qos=1)
        box.publish(BOX.tx, encode_message([env(1), env(2), env(3)]), qos=1).wait_for_publish(10)
        assert acks.get(timeout=10) == {"contiguous": 3, "beyond": []}
        assert [seq for seq, _ in stored] == [1, 2, 3]

        # What a broken or hostile box can put on its own topic, through the broker: each refused and
        # counted, the worker still serving; the next real message is stored and acknowledged.
        old_hb = Envelope("s12-t1", None, "heartbeat", datetime.now(UTC) - timedelta(hours=2), {}).signed_by(
            KEY
        )
        junk = [
            (BOX.tx, encode_message([env(2)])),  # replay of a stored envelope: a duplicate, not stored
            (BOX.hb, encode_message([old_hb])),  # replay of a heartbeat from two hours ago
            (BOX.tx, encode_message([env(5)])[:-7]),  # truncated
            (BOX.tx, bytes(range(256)) * 8),  # garbage
            (BOX.tx, b"[" + b" " * (1024 * 1024) + b"]"),  # over the 1 MiB message limit
        ]
        for topic, payload in junk:
            box.publish(topic, payload, qos=1).wait_for_publish(10)
        assert acks.get(timeout=10) == {"contiguous": 3, "beyond": []}  # the replay's ack
        box.publish(BOX.tx, encode_message([env(4)]), qos=1).wait_for_publish(10)
        assert acks.get(timeout=10) == {"contiguous": 4, "beyond": []}
        assert [seq for seq, _ in stored] == [1, 2, 3, 4]
        assert {k: v for k, v in sub.counts.items() if k != "new"} == {
            "duplicate": 1,
            "replayed": 1,
            "malformed": 2,
            "too_large": 1,
        }
        # Over the broker's own packet limit (max_packet_size): Mosquitto drops the sender, the cloud
        # never sees it, and the box's next connection goes on as before.
        box.publish(BOX.tx, b"x" * 1_200_000, qos=1)
        wait_for(lambda: not box.is_connected(), 10, "the broker to drop the sender")
        for c in (box, worker):
            c.loop_stop()
            c.disconnect()
