"""Draining a backlog through a real Mosquitto (TLS, ACL) into the cloud's subscriber helper, end-to-end
acknowledgements included, against a bare paho QoS 1 loop of the same payloads (the ceiling).

    .venv/bin/python -m bench.sync_drain [--rows 50000]

- The box: a process of its own running sync's publisher over a box store whose outbox holds `rows`
  undelivered transaction records (copies of a real one); its peak RSS is read from /proc when done.
- While the backlog drains, a live sale is added to the box's outbox every 200 ms; its latency is from
  the insert to the cloud's commit.
- Timed: from the box's connection to the moment its last backlog row is marked delivered (the cloud
  stored it and said so). The bare loop: one message per transaction, QoS 1, the same bodies, counted by a
  bare shared subscriber; timed from the first publish to the last message received.
Targets (issue 5): at least 50 % of the bare loop and 1,000 transactions/s; box RSS under 80 MB; live
sales within 5 s (p99).
"""

from __future__ import annotations

import argparse
import json
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import create_engine, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Counter, OutboxEntry
from edge.store.outbox_port import StoreOutbox
from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolWriter
from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess
from sync.envelope import Envelope
from sync.ledger import LedgerBase
from sync.publisher import Publisher, PublisherSettings
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics, cloud_subscription

REPO = Path(__file__).resolve().parents[1]
BOX = DeviceTopics("bench", "s1", "s1-t1")
SIGNING = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # a bench key, never a box's


def fill_box(directory: Path, rows: int) -> tuple[sessionmaker[Session], str]:
    """A box store whose outbox holds `rows` undelivered copies of one real transaction record."""
    receipt = (REPO / "tests" / "corpus" / "generated" / "zh-supermarket-00.bin").read_bytes()
    w = SpoolWriter(directory / "spool")
    w.append(receipt, 0, datetime.now(UTC))
    w.finish(Boundary.CUT, True, datetime.now(UTC))
    sessions = open_store(directory / "box.db")
    ingest_spool(directory / "spool", sessions)
    with sessions.begin() as s:
        first = s.scalars(select(OutboxEntry)).one()
        template = json.loads(first.body)
        now = datetime.now(UTC)
        s.execute(
            insert(OutboxEntry),
            [
                {
                    "seq": seq,
                    "kind": "transaction",
                    "transaction_id": first.transaction_id,
                    "body": json.dumps({**template, "job_id": f"bench-{seq}"}),
                    "created_at": now,
                    "delivered_at": None,
                }
                for seq in range(2, rows + 1)
            ],
        )
        s.execute(update(Counter).values(value=rows))
    return sessions, json.dumps(template)


def run_box(directory: Path, port: int) -> int:
    """The box process: publish until told to stop, then report peak RSS."""
    files = json.loads((directory / "files.json").read_text())
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=BOX.device, protocol=mqtt.MQTTv5)
    client.tls_set(
        ca_certs=files["ca"],
        certfile=files["cert"],
        keyfile=files["key"],
        tls_version=ssl.PROTOCOL_TLS_CLIENT,
    )
    pub = Publisher(
        client, BOX, SIGNING, StoreOutbox(open_store(directory / "box.db"), None), PublisherSettings()
    )
    pub.connect("127.0.0.1", port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    while not pub.connected:
        time.sleep(0.01)
    print("connected", flush=True)
    pub.run(stop)
    hwm = next(ln for ln in Path("/proc/self/status").read_text().splitlines() if ln.startswith("VmHWM"))
    (directory / "box-rss.txt").write_text(hwm.split()[1])
    pub.close()
    return 0


def drain(directory: Path, broker: MosquittoProcess, rows: int) -> tuple[float, float, list[float]]:
    box_sessions, _ = fill_box(directory, rows)
    engine = create_engine(f"sqlite:///{directory / 'cloud.db'}", connect_args={"check_same_thread": False})
    LedgerBase.metadata.create_all(engine)
    stored_at: dict[int, float] = {}

    def registry(d: DeviceTopics) -> Ed25519PublicKey | None:
        return SIGNING.public_key() if d == BOX else None

    def stored(session: Session, new: list[Envelope]) -> None:
        for e in new:
            stored_at.setdefault(e.seq or 0, time.monotonic())

    sub = Subscriber(sessionmaker(engine), registry, stored)
    broker.admit_box(BOX)
    broker.admit_worker("bench-worker")
    worker = broker.client("bench-worker", manual_ack=True)
    sub.attach(worker)
    worker.connect("127.0.0.1", broker.port)
    worker.loop_start()
    time.sleep(0.5)
    key, cert = broker.files.client(BOX.device)
    (directory / "files.json").write_text(
        json.dumps({"ca": str(broker.files.ca_path), "cert": str(cert), "key": str(key)})
    )
    box = subprocess.Popen(
        [sys.executable, "-m", "bench.sync_drain", "--box-run", str(directory), "--port", str(broker.port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
    )
    assert box.stdout is not None
    box.stdout.readline()  # connected
    t0 = time.monotonic()
    live: dict[int, float] = {}
    next_live = t0
    seq = rows

    def backlog_left() -> bool:
        # An index seek, not a count: this process is also the cloud, and counting 50,000 rows every
        # few milliseconds took 14 % of its CPU away from the drain it measures.
        with box_sessions() as s:
            first = s.scalar(
                select(OutboxEntry.seq)
                .where(OutboxEntry.delivered_at.is_(None), OutboxEntry.seq <= rows)
                .order_by(OutboxEntry.seq)
                .limit(1)
            )
            return first is not None

    while backlog_left():
        now = time.monotonic()
        if now >= next_live:  # a live sale at the till
            seq += 1
            with box_sessions.begin() as s:
                s.execute(
                    insert(OutboxEntry).values(
                        seq=seq,
                        kind="transaction",
                        transaction_id=1,
                        body=json.dumps({"job_id": f"live-{seq}", "transaction": {"total": "1.00"}}),
                        created_at=datetime.now(UTC),
                    )
                )
                s.execute(update(Counter).values(value=seq))
            live[seq] = time.monotonic()
            next_live = now + 0.2
        time.sleep(0.02)
    elapsed = time.monotonic() - t0
    deadline = time.monotonic() + 10
    while any(q not in stored_at for q in live) and time.monotonic() < deadline:
        time.sleep(0.05)
    box.send_signal(signal.SIGTERM)
    box.wait(30)
    worker.loop_stop()
    worker.disconnect()
    latencies = sorted(stored_at[q] - t for q, t in live.items() if q in stored_at)
    missing = [q for q in live if q not in stored_at]
    if missing:
        raise RuntimeError(f"live sales never reached the cloud: {missing}")
    rss_mb = int((directory / "box-rss.txt").read_text()) / 1024
    return rows / elapsed, rss_mb, latencies


def bare_loop(directory: Path, broker: MosquittoProcess, rows: int, body: str) -> float:
    received = 0
    done = threading.Event()

    def on_message(c: object, u: object, msg: object) -> None:
        nonlocal received
        received += 1
        if received >= rows:
            done.set()

    broker.admit_worker("bare-sub")
    sub = broker.client("bare-sub")  # the drain's worker has left the group: this one has it alone
    sub.on_message = on_message
    subscribed = threading.Event()
    sub.on_subscribe = lambda *a: subscribed.set()
    sub.on_connect = lambda c, *a: c.subscribe(cloud_subscription("tx"), qos=1)
    sub.connect("127.0.0.1", broker.port)
    sub.loop_start()
    subscribed.wait(10)
    pub = broker.client(BOX.device)
    pub.connect("127.0.0.1", broker.port)
    pub.loop_start()
    time.sleep(0.5)
    payloads = [body.replace('"job_id"', f'"n":{i},"job_id"', 1).encode() for i in range(rows)]
    t0 = time.monotonic()
    for p in payloads:
        while pub.publish(BOX.tx, p, qos=1).rc == 15:  # MQTT_ERR_QUEUE_SIZE: let the window drain
            time.sleep(0.001)
    done.wait(600)
    elapsed = time.monotonic() - t0
    for c in (pub, sub):
        c.loop_stop()
        c.disconnect()
    return received / elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--box-run", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.box_run:
        return run_box(args.box_run, args.port)
    with tempfile.TemporaryDirectory() as d:
        directory = Path(d)
        port = free_port()
        broker = MosquittoProcess(write_broker(directory / "broker", port), port).start()
        try:
            rate, rss, lat = drain(directory, broker, args.rows)
            bare = bare_loop(directory, broker, args.rows, first_body(directory))
        finally:
            broker.kill(signal.SIGTERM)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(f"{args.rows:,} transactions; {len(lat)} live sales while draining")
    print("| path | transactions/s | vs bare | box peak RSS | live sale p50 / p99 / max |")
    print("|---|---|---|---|---|")
    print(f"| bare paho QoS 1 loop | {bare:,.0f} | 1.00 | | |")
    print(
        f"| tillbox sync (signed, batched, stored, acknowledged) | {rate:,.0f} | {rate / bare:.2f} | "
        f"{rss:.1f} MB | "
        f"{statistics.median(lat):.2f} / {p99:.2f} / {lat[-1]:.2f} s |"
    )
    return 0


def first_body(directory: Path) -> str:
    with open_store(directory / "box.db")() as s:
        return s.scalars(select(OutboxEntry.body).order_by(OutboxEntry.seq)).first() or "{}"


if __name__ == "__main__":
    sys.exit(main())
