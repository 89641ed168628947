"""Box outbox -> real Mosquitto (TLS, ACL) -> cloud subscriber -> acknowledgement -> delivered, and the
same after the broker is SIGKILLed mid-drain (persistence off: it forgets everything in flight) and
after the box's publisher is thrown away mid-drain and a new one starts: the cloud ends with exactly
the box's transactions, each stored once, and the box's outbox is all delivered.

Invariant 4's proof from here is in tests/invariants/test_4_delivered_once.py:
`test_broker_sigkilled_mid_drain_loses_and_duplicates_nothing`."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import OutboxEntry
from edge.store.outbox_port import StoreOutbox
from edge.store.records import ParseSettings
from edge.store.sealing import load_or_create_key
from sync.envelope import Envelope
from sync.ledger import LedgerBase, Received
from sync.publisher import Publisher, PublisherSettings
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics
from tests.cloud_store import CLOUD, committed, store_committed
from tests.helpers import CORPUS, corpus, spool_jobs, wait_for
from tests.mqtt_broker import Broker, running_broker
from tests.tcp_proxy import Proxy

BOX = DeviceTopics("acme", "s12", "s12-t1")
SIGNING = Ed25519PrivateKey.generate()


@dataclass
class World:
    broker: Broker
    box_sessions: sessionmaker[Session]
    outbox: StoreOutbox
    cloud_sessions: sessionmaker[Session]
    stored: list[Envelope]
    subscriber: Subscriber

    def publisher(self, port: int | None = None) -> Publisher:
        client = self.broker.client("s12-t1")
        pub = Publisher(client, BOX, SIGNING, self.outbox, PublisherSettings(resend_after_s=3.0, batch=50))
        pub.connect("127.0.0.1", port or self.broker.port)
        return pub

    def worker(self, name: str = "cloud-ingest-1") -> mqtt.Client:
        """A cloud ingest worker (its own certificate) on the shared subscription, subscribed when this
        returns."""
        self.broker.admit_worker(name)
        worker = self.broker.client(name, manual_ack=True)
        self.subscriber.attach(worker)
        subscribed: queue.Queue[Any] = queue.Queue()
        worker.on_subscribe = lambda c, u, mid, rcs, props: subscribed.put(rcs)
        worker.connect("127.0.0.1", self.broker.port)
        worker.loop_start()
        subscribed.get(timeout=10)
        return worker

    def undelivered(self) -> int:
        with self.box_sessions() as s:
            return (
                s.scalar(select(func.count(OutboxEntry.seq)).where(OutboxEntry.delivered_at.is_(None))) or 0
            )

    def box_seqs(self) -> list[int]:
        with self.box_sessions() as s:
            return list(s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)))

    def committed(self) -> list[int]:
        return sorted(seq for seq, _ in committed(self.cloud_sessions))

    def cloud_seqs(self) -> list[int]:
        with self.cloud_sessions() as s:
            return list(
                s.scalars(select(Received.seq).where(Received.device_id == "s12-t1").order_by(Received.seq))
            )


@contextmanager
def world(
    tmp_path: Path, receipts: int, cloud_url: str | None = None, jobs: list[bytes] | None = None
) -> Iterator[World]:
    spool = tmp_path / "spool"
    names = ["zh-supermarket-00", "de-baeckerei-00", "en-grocery-00", "ja-conbini-00"]
    spool_jobs(spool, jobs or [corpus(names[i % len(names)]) for i in range(receipts)])
    box_sessions = open_store(tmp_path / "box.db")
    key = load_or_create_key(tmp_path / "box.key")
    assert ingest_spool(spool, box_sessions, ParseSettings(key=key)).stored == receipts

    engine = create_engine(cloud_url or f"sqlite:///{tmp_path / 'cloud.db'}")
    LedgerBase.metadata.create_all(engine)
    CLOUD.create_all(engine)
    cloud_sessions = sessionmaker(engine)
    stored: list[Envelope] = []

    def registry(d: DeviceTopics) -> Ed25519PublicKey | None:
        return SIGNING.public_key() if d == BOX else None

    def store(session: Session, new: list[Envelope]) -> None:
        stored.extend(new)
        for e in new:
            store_committed(session, e)

    sub = Subscriber(cloud_sessions, registry, store)
    with running_broker(tmp_path / "broker", boxes=[BOX]) as broker:
        w = World(broker, box_sessions, StoreOutbox(box_sessions, key), cloud_sessions, stored, sub)
        worker = w.worker()
        try:
            yield w
        finally:
            worker.loop_stop()
            worker.disconnect()
            engine.dispose()


def kill_client(client: mqtt.Client) -> None:
    """As a SIGKILL would: no DISCONNECT, whatever was in flight gone with it."""
    client.loop_stop()
    sock = client.socket()
    if sock is not None:
        sock.close()


def run(pub: Publisher) -> tuple[threading.Event, threading.Thread]:
    stop = threading.Event()
    t = threading.Thread(target=pub.run, args=(stop,), daemon=True)
    t.start()
    return stop, t


def test_the_outbox_drains_into_the_cloud_once_with_customer_fields_in_the_clear(tmp_path: Path) -> None:
    with world(tmp_path, 200) as w:
        pub = w.publisher()
        stop, t = run(pub)
        try:
            wait_for(lambda: w.undelivered() == 0, 60, "every row delivered")
        finally:
            stop.set()
            t.join(10)
            pub.close()
        assert w.cloud_seqs() == w.box_seqs() == list(range(1, 201))
        assert len(w.stored) == 200 and len({e.seq for e in w.stored}) == 200
        member = json.loads((CORPUS / "zh-supermarket-00.json").read_text())
        first = next(e for e in w.stored if e.seq == 1)
        assert first.body["transaction"]["member_id"] == member["member_id"]  # opened for the TLS link
        assert pub.stats.messages < 200  # the backlog went in batches


def test_only_the_network_thread_writes_to_the_tls_socket(tmp_path: Path) -> None:
    """Heartbeats from the agent's thread while the uplink's thread drains: paho would write to the TLS
    socket from both at once (OpenSSL segfaulted in CI), so every write must happen on the network thread."""
    with world(tmp_path, 300) as w:
        pub = w.publisher()
        writers: set[str] = set()
        write = pub.client.loop_write

        def recording_write() -> mqtt.MQTTErrorCode:
            writers.add(threading.current_thread().name)
            return write()

        pub.client.loop_write = recording_write  # type: ignore[method-assign]
        stop, t = run(pub)
        try:
            while w.undelivered():
                pub.heartbeat({"outbox_depth": w.undelivered()})
                time.sleep(0.005)
        finally:
            stop.set()
            t.join(10)
        assert writers == {"mqtt-network"}
        pub.close()
        assert writers == {"mqtt-network", threading.current_thread().name}  # the DISCONNECT, once stopped
        assert w.cloud_seqs() == w.box_seqs() == list(range(1, 301))


def test_publisher_thrown_away_mid_drain_and_started_again(tmp_path: Path) -> None:
    with world(tmp_path, 400) as w:
        first = w.publisher()
        stop, t = run(first)
        wait_for(lambda: w.undelivered() < 400, 60, "the drain to start")
        stop.set()
        t.join(10)
        kill_client(first.client)
        again = w.publisher()
        stop2, t2 = run(again)
        try:
            wait_for(lambda: w.undelivered() == 0, 120, "every row delivered by the new publisher")
        finally:
            stop2.set()
            t2.join(10)
            again.close()
        assert w.cloud_seqs() == w.box_seqs() == list(range(1, 401))
        assert w.committed() == list(range(1, 401))


def test_the_uplink_cut_and_stalled_mid_drain(tmp_path: Path) -> None:
    with world(tmp_path, 600) as w:
        proxy = Proxy(w.broker.port)
        pub = w.publisher(proxy.port)
        stop, t = run(pub)
        try:
            wait_for(lambda: w.undelivered() < 550, 60, "the drain to start")
            proxy.cut()  # the router reboots
            wait_for(lambda: w.undelivered() < 400, 60, "the drain to resume")
            proxy.stalled.set()  # bytes stop moving, the connection stays up
            time.sleep(2)
            proxy.stalled.clear()
            proxy.refusing.set()  # and then no connection at all for a while
            proxy.cut()
            time.sleep(2)
            proxy.refusing.clear()
            wait_for(lambda: w.undelivered() == 0, 120, "every row delivered after the outages")
        finally:
            stop.set()
            t.join(10)
            pub.close()
            proxy.close()
        assert w.cloud_seqs() == w.box_seqs() == list(range(1, 601))
        assert w.committed() == list(range(1, 601)) and pub.stats.connects >= 2


def test_a_cloud_worker_killed_mid_stream_loses_nothing(tmp_path: Path, cloud_db: str) -> None:
    with world(tmp_path, 600, cloud_db) as w:
        second = w.worker("cloud-ingest-2")  # two workers share the subscription
        pub = w.publisher()
        stop, t = run(pub)
        try:
            wait_for(lambda: w.undelivered() < 500, 60, "the drain to start")
            kill_client(second)
            wait_for(lambda: w.undelivered() == 0, 120, "every row delivered by the surviving worker")
        finally:
            stop.set()
            t.join(10)
            pub.close()
        assert w.cloud_seqs() == w.committed() == w.box_seqs() == list(range(1, 601))


def test_a_live_sale_overtakes_the_backlog(tmp_path: Path) -> None:
    with world(tmp_path, 3000) as w:
        pub = w.publisher()
        stop, t = run(pub)
        try:
            wait_for(lambda: w.undelivered() < 2900, 60, "the drain to start")
            with w.box_sessions.begin() as s:
                template = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).first()
                assert template is not None
                s.add(
                    OutboxEntry(
                        seq=3001,
                        kind="transaction",
                        transaction_id=template.transaction_id,
                        body=template.body,
                        created_at=template.created_at,
                    )
                )
            wait_for(lambda: 3001 in w.cloud_seqs(), 30, "the live sale to reach the cloud")
            left = w.undelivered()
            wait_for(lambda: w.undelivered() == 0, 120, "the backlog")
        finally:
            stop.set()
            t.join(10)
            pub.close()
        assert left > 1000, f"the live sale waited for the backlog ({left} rows were left)"
        assert w.cloud_seqs() == list(range(1, 3002))


def test_batches_too_big_for_one_message_go_in_parts_and_an_oversized_row_waits(
    tmp_path: Path, captures: dict[str, bytes]
) -> None:
    """Receipts printed as pictures carry pictures of their paper: 50 of them are more than one message may
    hold, so the batch goes in parts. A row no message can carry is kept, counted, and blocks nothing."""
    raster = captures["real/npos__raster.bin"]
    with world(tmp_path, 60, jobs=[raster] * 60) as w:
        with w.box_sessions.begin() as s:  # a record made too large for any message, as by a bug
            row = s.get(OutboxEntry, 30)
            assert row is not None
            row.body = json.dumps({**json.loads(row.body), "paper": "x" * 1_100_000})
        pub = w.publisher()
        stop, t = run(pub)
        try:
            wait_for(lambda: w.undelivered() == 1, 60, "every row but the oversized one delivered")
        finally:
            stop.set()
            t.join(10)
            pub.close()
        assert w.committed() == [q for q in range(1, 61) if q != 30]
        assert pub.stats.too_large == 1
        assert pub.stats.messages > 60 / 50 + 1  # the batches of 50 went in parts
