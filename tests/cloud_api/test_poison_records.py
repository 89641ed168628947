"""Records a database cannot hold, in validly signed envelopes, sent through a real Mosquitto to two real
ingest workers on SQLite and PostgreSQL: each is quarantined with its reason and acknowledged to its box,
the box's later records are stored, and another box's receipts keep arriving. Before this, any one of
them ended paho's network thread in both workers and the chain's ingest stopped, silently."""

from __future__ import annotations

import json
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.config import BrokerSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import enroll
from cloud_api.crud.reports import daily_report
from cloud_api.ingest import serve, subscriber
from cloud_api.migrate import upgrade
from cloud_api.models import Store, Transaction
from edge.parsing.pipeline import parse_bytes
from sync.canonical import loads_strict
from sync.envelope import Envelope, encode_message
from sync.keys import public_key_text
from sync.ledger import Mark, Quarantined, Received
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics
from tests.helpers import corpus, wait_for
from tests.mqtt_broker import Broker, running_broker

A = DeviceTopics("acme", "s12", "s12-t1")
B = DeviceTopics("acme", "s13", "s13-t1")
TX = parse_bytes(corpus("en-grocery-00")).to_json()


def record(job: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "job_id": job,
        "revision": 1,
        "started_at": datetime.now(UTC).isoformat(),
        "transaction": dict(TX),
        "tags": {},
    }
    body.update(changes)
    return body


def with_item_name(job: str, name: str) -> dict[str, Any]:
    items = [dict(i) for i in TX["items"]]
    items[0]["name"] = name
    return record(job, transaction={**TX, "items": items})


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"x": value}
    return value


@dataclass
class Box:
    topics: DeviceTopics
    key: Ed25519PrivateKey
    client: mqtt.Client
    acks: queue.Queue[dict[str, Any]]
    seq: int = 0

    def send(self, *bodies: dict[str, Any], seq: int | None = None) -> list[int]:
        envelopes = []
        for body in bodies:
            if seq is None:
                self.seq += 1
            n = seq if seq is not None else self.seq
            envelopes.append(
                Envelope(self.topics.device, n, "transaction", datetime.now(UTC), body).signed_by(self.key)
            )
        self.client.publish(self.topics.tx, encode_message(envelopes), qos=1)
        return [e.seq or 0 for e in envelopes]

    def heartbeat(self, body: dict[str, Any]) -> None:
        e = Envelope(self.topics.device, None, "heartbeat", datetime.now(UTC), body).signed_by(self.key)
        self.client.publish(self.topics.hb, encode_message([e]), qos=1)

    def acknowledged(self, seqs: list[int], timeout: float = 20) -> None:
        """Wait for an ack from the cloud that covers every one of `seqs`."""
        want = set(seqs)

        def covered() -> bool:
            while True:
                try:
                    ack = self.acks.get_nowait()
                except queue.Empty:
                    return not want
                want.difference_update({s for s in want if s <= ack["contiguous"] or s in ack["beyond"]})

        wait_for(covered, timeout, f"{self.topics.device}'s ack for {sorted(want)}")


def connect(c: mqtt.Client, port: int) -> None:
    done: queue.Queue[Any] = queue.Queue()
    c.on_connect = lambda client, userdata, flags, rc, props: done.put(rc)
    c.connect("127.0.0.1", port)
    c.loop_start()
    assert not done.get(timeout=10).is_failure


@contextmanager
def boxes_and_workers(
    tmp_path: Path, url: str
) -> Iterator[tuple[Box, Box, list[Subscriber], sessionmaker[Session]]]:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    workers = ["cloud-ingest-1", "cloud-ingest-2"]
    with running_broker(tmp_path / "broker", boxes=[A, B], workers=workers) as broker:
        boxes = [_box(broker, sessions, t) for t in (A, B)]
        stop = threading.Event()
        subs = [subscriber(sessions, ServiceSecret(os.urandom(32))) for _ in workers]
        threads = []
        for name, sub in zip(workers, subs, strict=True):  # two workers share the subscription
            key, cert = broker.files.client(name)
            settings = BrokerSettings(f"mqtts://localhost:{broker.port}", broker.files.ca_path, cert, key)
            t = threading.Thread(target=serve, args=(sub, settings, stop), daemon=True)
            t.start()
            threads.append(t)
        # The workers are subscribed once a first message of each box, sent again as a box does until
        # it is acknowledged, is stored.
        for box in boxes:
            first = Envelope(box.topics.device, 1, "transaction", datetime.now(UTC), record("first"))
            payload = encode_message([first.signed_by(box.key)])
            box.seq = 1

            def acked(box: Box = box, payload: bytes = payload) -> bool:
                box.client.publish(box.topics.tx, payload, qos=1)
                try:
                    box.acknowledged([1], timeout=1)
                    return True
                except AssertionError:
                    return False

            wait_for(acked, 30, "the workers to subscribe")
        try:
            yield boxes[0], boxes[1], subs, sessions
        finally:
            stop.set()
            for t in threads:
                t.join(10)
            for box in boxes:
                box.client.loop_stop()


def _box(broker: Broker, sessions: sessionmaker[Session], topics: DeviceTopics) -> Box:
    key = Ed25519PrivateKey.generate()
    with sessions.begin() as s:
        enroll(s, topics.retailer, topics.store, topics.device, public_key_text(key))
    acks: queue.Queue[dict[str, Any]] = queue.Queue()
    client = broker.client(topics.device)
    client.on_message = lambda c, u, msg: acks.put(json.loads(msg.payload))
    connect(client, broker.port)
    client.subscribe(topics.ack, qos=1)
    return Box(topics, key, client, acks)


def stored_jobs(sessions: sessionmaker[Session], device: str) -> set[str]:
    with sessions() as s:
        return set(s.scalars(select(Transaction.job_id).where(Transaction.device_id == device)))


POISON: list[tuple[str, Callable[[Box], list[int]], str]] = [
    ("NUL in an item name", lambda a: a.send(with_item_name("p-nul-item", "Mi\x00lk")), "nul_character"),
    ("NUL in a job id", lambda a: a.send(record("p-\x00job")), "nul_character"),
    (
        "started_at in year 1",
        lambda a: a.send(record("p-y1", started_at="0001-01-01T00:00:00+00:00")),
        "unreadable",
    ),
    (
        "started_at in 9999",
        lambda a: a.send(record("p-y9999", started_at="9999-12-31T00:00:00+00:00")),
        "unreadable",
    ),
    (
        "a total of 9E+999999",
        lambda a: a.send(record("p-total", transaction={**TX, "total": "9E+999999"})),
        "unreadable",
    ),
    ("JSON 40 deep", lambda a: a.send(record("p-deep", tags=nested(40))), "too_deep"),
    ("a huge whole number", lambda a: a.send(record("p-int", revision=2**70)), "number_out_of_range"),
]


@pytest.mark.parametrize("case", POISON, ids=[c[0] for c in POISON])
def test_a_poison_record_is_quarantined_and_the_chain_goes_on(
    tmp_path: Path, cloud_db: str, case: tuple[str, Callable[[Box], list[int]], str]
) -> None:
    _, send_poison, reason = case
    with boxes_and_workers(tmp_path, cloud_db) as (a, b, subs, sessions):
        poisoned = send_poison(a)
        a.acknowledged(poisoned)  # the box hears it is dealt with: it stops resending
        later = a.send(*(record(f"a-after-{i}") for i in range(3)))
        others = b.send(*(record(f"b-{i}") for i in range(10)))
        a.acknowledged(later)
        b.acknowledged(others)
        assert {f"a-after-{i}" for i in range(3)} <= stored_jobs(sessions, A.device)
        assert {f"b-{i}" for i in range(10)} <= stored_jobs(sessions, B.device)
        with sessions() as s:
            kept = s.scalars(select(Quarantined)).one()
            assert (kept.device_id, kept.seq, kept.reason) == (A.device, poisoned[0], reason)
            # What the box sent is kept whole, with its signature.
            raw = loads_strict(kept.raw)
            assert raw["seq"] == poisoned[0] and raw["sig"]
            mark = s.get(Mark, A.device)
            assert mark is not None and mark.contiguous == later[-1]  # no gap where the poison was
        assert all(sub.stopped_by is None and sub.connected_at is not None for sub in subs)
        assert sum(sub.counts["quarantined"] for sub in subs) == 1


def test_seq_beyond_any_column_or_far_ahead_is_kept_aside_unclaimed(tmp_path: Path, cloud_db: str) -> None:
    with boxes_and_workers(tmp_path, cloud_db) as (a, b, _, sessions):
        for seq in (2**31, 2**63 + 5, a.seq + 3_000_000):
            a.acknowledged(a.send(record(f"far-{seq}"), seq=seq))
        a.acknowledged(a.send(record("a-next")))
        b.acknowledged(b.send(record("b-next")))
        assert "a-next" in stored_jobs(sessions, A.device) and "b-next" in stored_jobs(sessions, B.device)
        with sessions() as s:
            kept = sorted((q.reason, q.seq or 0) for q in s.scalars(select(Quarantined)))
            # 2^63+5 is kept too, its seq in its raw bytes only (no column holds it)
            assert kept == [
                ("seq_out_of_range", 0),
                ("seq_out_of_range", 2**31),
                ("seq_too_far_ahead", 3_000_001),
            ]
            mark = s.get(Mark, A.device)
            assert mark is not None and mark.contiguous == a.seq  # no gap of millions opened


def test_qr_tokens_open_one_receipt_each(tmp_path: Path, cloud_db: str) -> None:
    with boxes_and_workers(tmp_path, cloud_db) as (a, b, _, sessions):
        b.acknowledged(b.send(record("b-holder", qr_token="tok-1")))
        # Another box's token, and one token twice in a message: the first holder keeps it.
        a.acknowledged(a.send(record("a-steals", qr_token="tok-1")))
        a.acknowledged(a.send(record("a-one", qr_token="tok-2"), record("a-two", qr_token="tok-2")))
        a.acknowledged(a.send(record("a-after")))
        assert stored_jobs(sessions, A.device) >= {"a-one", "a-after"}
        assert not {"a-steals", "a-two"} & stored_jobs(sessions, A.device)
        with sessions() as s:
            assert sorted(q.reason for q in s.scalars(select(Quarantined))) == ["qr_token_taken"] * 2
            holder = s.scalar(select(Transaction.job_id).where(Transaction.qr_token == "tok-1"))
            assert holder == "b-holder"


def test_the_same_poison_sent_again_is_kept_once(tmp_path: Path, cloud_db: str) -> None:
    """A box that lost the ack sends the same envelope again: one quarantined copy. One that was claimed
    in the ledger is a duplicate from then on; one that could not be claimed is counted each time."""
    with boxes_and_workers(tmp_path, cloud_db) as (a, _, _, sessions):
        now = datetime.now(UTC)
        claimed = Envelope(A.device, 2, "transaction", now, record("p\x00")).signed_by(a.key)
        far = Envelope(A.device, 5_000_000, "transaction", now, record("far")).signed_by(a.key)
        for _ in range(3):
            a.client.publish(A.tx, encode_message([claimed]), qos=1)
            a.acknowledged([2])
            a.client.publish(A.tx, encode_message([far]), qos=1)
            a.acknowledged([5_000_000])
        with sessions() as s:
            kept = sorted((q.reason, q.times) for q in s.scalars(select(Quarantined)))
            assert kept == [("nul_character", 1), ("seq_too_far_ahead", 3)]
            # Claimed once in the ledger: the two resends were duplicates, not new claims.
            assert (
                s.scalar(
                    select(func.count(Received.id)).where(Received.device_id == A.device, Received.seq == 2)
                )
                == 1
            )
        a.seq = 2
        a.acknowledged(a.send(record("a-after")))


def test_a_poison_heartbeat_is_quarantined_and_the_next_one_counts(tmp_path: Path, cloud_db: str) -> None:
    from cloud_api.models import Device

    with boxes_and_workers(tmp_path, cloud_db) as (a, b, _, sessions):
        a.heartbeat({"version": "bad\x00", "outbox_depth": 0})
        a.heartbeat({"version": "good", "outbox_depth": 0})

        def health() -> Any:
            with sessions() as s:
                d = s.get(Device, A.device)
                return d.health if d else None

        def quarantined() -> list[tuple[str, str]]:
            with sessions() as s:
                return [(q.kind, q.reason) for q in s.scalars(select(Quarantined))]

        # Two workers share the subscription: the good heartbeat may be stored before the bad one is
        # quarantined, so each is waited for on its own.
        wait_for(lambda: (health() or {}).get("version") == "good", 20, "the good heartbeat")
        wait_for(lambda: bool(quarantined()), 20, "the bad heartbeat quarantined")
        assert quarantined() == [("heartbeat", "nul_character")]
        assert (health() or {}).get("version") == "good"  # the bad one, later or not, changed nothing
        b.acknowledged(b.send(record("b-after")))


def test_the_daily_report_reads_a_day_poison_was_sent_on(tmp_path: Path, cloud_db: str) -> None:
    with boxes_and_workers(tmp_path, cloud_db) as (a, _, _, sessions):
        a.acknowledged(a.send(record("p-total", transaction={**TX, "total": "9E+999999"})))
        items = [{**dict(i), "amount": "1E+500", "quantity": "9" * 60} for i in TX["items"]]
        a.acknowledged(a.send(record("odd-items", transaction={**TX, "items": items})))
        with sessions() as s:
            store = s.scalars(select(Store).where(Store.code == A.store)).one()
            started = s.scalars(
                select(Transaction.started_at).where(Transaction.device_id == A.device)
            ).first()
            assert started is not None
            report = daily_report(s, store, started.date() if isinstance(started, datetime) else date.today())
            assert report is not None  # computed, not raised
