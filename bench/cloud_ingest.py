"""The cloud's ingest rate into PostgreSQL: `tillbox-cloud ingest` worker processes (one, then two on the
shared subscription) storing a backlog of signed transactions from a real Mosquitto (TLS, ACL).

    .venv/bin/python -m bench.cloud_ingest [--transactions 20000] [--batch 100]

The box side is a bare paho client publishing pre-signed messages of `batch` envelopes each (as a box's
backlog goes out), as fast as the broker takes them, after the workers have subscribed. Timed: from the
first publish to the moment the last transaction row is committed in PostgreSQL (counted there).
Every transaction carries a copy of a real parsed receipt. Target (issue 6): 1,000 transactions/s with
one worker.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from bench.common import scratch_postgres
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.migrate import upgrade
from cloud_api.models import Transaction
from edge.parsing.pipeline import parse_bytes
from edge.signing import public_key_text
from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess
from sync.envelope import Envelope, encode_message
from sync.topics import DeviceTopics

REPO = Path(__file__).resolve().parents[1]
BOX = DeviceTopics("bench", "s1", "s1-t1")
SIGNING = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # a bench key, never a box's


def messages(count: int, batch: int) -> list[bytes]:
    tx = parse_bytes(
        (REPO / "tests" / "corpus" / "generated" / "zh-supermarket-00.bin").read_bytes()
    ).to_json()
    now = datetime.now(UTC)
    out = []
    for first in range(1, count + 1, batch):
        envelopes = []
        for seq in range(first, min(first + batch, count + 1)):
            record = {
                "record_version": 2,
                "job_id": f"bench-{seq}",
                "revision": 1,
                "qr_token": f"bench{seq:011d}",
                "started_at": now.isoformat(),
                "transaction": tx,
                "tags": {},
                "paper": "bench",
            }
            envelopes.append(Envelope(BOX.device, seq, "transaction", now, record).signed_by(SIGNING))
        out.append(encode_message(envelopes))
    return out


def run(workers: int, count: int, batch: int, directory: Path, broker: MosquittoProcess) -> float:
    with scratch_postgres("tillbox_bench_ingest") as url:
        upgrade(url)
        sessions = make_sessions(make_engine(url))
        with sessions.begin() as s:
            enroll(s, BOX.retailer, BOX.store, BOX.device, public_key_text(SIGNING))
        broker.admit_box(BOX)
        config = directory / f"cloud-{workers}.toml"
        config.write_text(
            f'retailer = "{BOX.retailer}"\n[database]\nurl = "{url}"\n'
            f'[secrets]\nfile = "{directory / "key"}"\n'
            f'[broker]\nurl = "mqtts://localhost:{broker.port}"\nca = "{broker.files.ca_path}"\n'
        )
        procs = []
        for n in range(workers):  # each worker its own certificate, as its systemd unit gives it
            name = f"cloud-ingest-{n + 1}"
            broker.admit_worker(name)
            key, cert = broker.files.client(name)
            env = {**os.environ, "TILLBOX_CLOUD_BROKER_CERT": str(cert), "TILLBOX_CLOUD_BROKER_KEY": str(key)}
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "cloud_api.cli", "--config", str(config), "ingest"],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        payloads = messages(count, batch)
        try:
            time.sleep(3)  # connected and subscribed (a shared subscription keeps nothing for absent workers)
            pub = broker.client(BOX.device)
            pub.connect("127.0.0.1", broker.port)
            pub.loop_start()
            time.sleep(0.5)
            t0 = time.monotonic()
            for payload in payloads:
                while (
                    pub.publish(BOX.tx, payload, qos=1).rc == 15
                ):  # the client's queue is full: let it drain
                    time.sleep(0.001)
            stored = 0
            deadline = time.monotonic() + 600
            while stored < count and time.monotonic() < deadline:
                time.sleep(0.2)
                with sessions() as s:
                    stored = s.scalar(select(func.count(Transaction.id))) or 0
            elapsed = time.monotonic() - t0
            pub.loop_stop()
            pub.disconnect()
            if stored < count:
                raise RuntimeError(f"only {stored} of {count} transactions stored")
            return count / elapsed
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                proc.wait(30)
            sessions.kw["bind"].dispose()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--transactions", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        directory = Path(d)
        port = free_port()
        broker = MosquittoProcess(write_broker(directory / "broker", port), port).start()
        try:
            rates = {w: run(w, args.transactions, args.batch, directory, broker) for w in (1, 2)}
        finally:
            broker.kill(signal.SIGTERM)
    print(f"{args.transactions:,} transactions in messages of {args.batch} envelopes, into PostgreSQL")
    print("| ingest workers | transactions/s |")
    print("|---|---|")
    for w, rate in rates.items():
        print(f"| {w} | {rate:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
