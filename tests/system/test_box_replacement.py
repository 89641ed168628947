"""Replacing a box, exactly as docs/install-box.md ("Replacing a box") says, on SQLite and PostgreSQL with
the real broker and an ingest worker: the old box's outbox drained, the old box revoked, the new box
enrolled under a new device id (the old id is refused, with the reason), and every receipt of both boxes
stored once, under the box that read it. A new box starts its sequence at 1, which under the old id
collided with what the old box had sent: receipts acknowledged and never stored."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.cli import main as cloud
from cloud_api.core.config import BrokerSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.ingest import run_ingest
from cloud_api.models import Transaction
from edge.signing import load_or_create_signing_key, public_key_text
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry
from edge.store.outbox_port import StoreOutbox
from sync.ledger import Received
from sync.publisher import Publisher, PublisherSettings
from sync.topics import DeviceTopics
from tests.helpers import corpus, spool_jobs, wait_for
from tests.mqtt_broker import Broker, operator_config, running_broker

OLD = DeviceTopics("acme", "s12", "s12-t1")
NEW = DeviceTopics("acme", "s12", "s12-t2")
NAMES = ["en-grocery-00", "de-baeckerei-00", "zh-supermarket-00", "ja-conbini-00"]


class Box:
    """A box's store, keys and uplink, as the agent runs them."""

    def __init__(self, directory: Path, where: DeviceTopics) -> None:
        self.directory, self.where = directory, where
        self.sessions = open_store(directory / "box.db")
        self.signing = load_or_create_signing_key(directory / "signing.key")
        self.pub: Publisher | None = None
        self.stop = threading.Event()
        self.runner: threading.Thread | None = None
        self.receipts = 0

    def sell(self, count: int) -> None:
        spool_jobs(self.directory / "spool", [corpus(NAMES[(self.receipts + i) % 4]) for i in range(count)])
        self.receipts += count
        ingest_spool(self.directory / "spool", self.sessions)

    def job_ids(self) -> set[str]:
        with self.sessions() as s:
            return set(s.scalars(select(Capture.job_id)))

    def undelivered(self) -> int:
        with self.sessions() as s:
            return s.scalar(select(func.count()).where(OutboxEntry.delivered_at.is_(None))) or 0

    def connect(self, broker: Broker, certs: Path) -> None:
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.where.device, protocol=mqtt.MQTTv5)
        client.tls_set(
            ca_certs=str(broker.files.ca_path),
            certfile=str(certs / f"{self.where.device}.crt"),
            keyfile=str(certs / f"{self.where.device}.key"),
        )
        self.pub = Publisher(
            client,
            self.where,
            self.signing,
            StoreOutbox(self.sessions, None),
            PublisherSettings(resend_after_s=2.0),
        )
        self.pub.connect("127.0.0.1", broker.port)
        self.runner = threading.Thread(target=self.pub.run, args=(self.stop,))
        self.runner.start()

    def close(self) -> None:
        self.stop.set()
        if self.runner is not None:
            self.runner.join(5)
        if self.pub is not None:
            self.pub.close()


def test_a_replaced_box_loses_nothing_and_doubles_nothing(
    tmp_path: Path, cloud_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = Box(tmp_path / "old", OLD), Box(tmp_path / "new", NEW)
    with running_broker(tmp_path / "broker", workers=["cloud-ingest-1"]) as broker:
        d = broker.files.directory
        cfg = operator_config(broker, tmp_path / "cloud.toml", cloud_db, tmp_path / "certs")

        def enroll(box: Box, device: str) -> int:
            key = public_key_text(box.signing)
            return cloud(
                [*cfg, "devices", "enroll", "--store", "s12", "--device", device, "--public-key", key]
            )

        assert cloud([*cfg, "migrate"]) == 0
        assert enroll(old, OLD.device) == 0
        key, cert = broker.files.client("cloud-ingest-1")
        settings = BrokerSettings(f"mqtts://localhost:{broker.port}", d / "ca.crt", cert, key)
        sessions = make_sessions(make_engine(cloud_db))
        stop = threading.Event()
        worker = threading.Thread(
            target=run_ingest, args=(sessions, ServiceSecret(os.urandom(32)), settings, stop), daemon=True
        )
        worker.start()
        try:
            old.sell(5)
            old.connect(broker, tmp_path / "certs")
            wait_for(lambda: old.undelivered() == 0, 60, "the old box's first receipts in the cloud")
            old.sell(3)  # sold since: the procedure's first step waits for them too

            # 1. The old box's outbox drains (`tillbox status`: outbox 0) before it is revoked.
            wait_for(lambda: old.undelivered() == 0, 60, "the old box's outbox to drain")
            old.close()
            # 2. Revoked.
            assert cloud([*cfg, "devices", "revoke", OLD.device]) == 0
            # 3. The new box under the old id: refused, saying what to do instead.
            capsys.readouterr()
            assert enroll(new, OLD.device) == 2
            err = capsys.readouterr().err
            assert "new device id" in err and "Replacing a box" in err and "Traceback" not in err
            # ... under a new id: enrolled, its certificate issued, registered with the broker.
            assert enroll(new, NEW.device) == 0
            # 4. The new box sells and delivers from its own seq 1.
            new.sell(6)
            new.connect(broker, tmp_path / "certs")
            wait_for(lambda: new.undelivered() == 0, 60, "the new box's receipts in the cloud")

            stored = stored_by_device(sessions)
            assert stored[OLD.device] == sorted(old.job_ids()) and len(stored[OLD.device]) == 8
            assert stored[NEW.device] == sorted(new.job_ids()) and len(stored[NEW.device]) == 6
            with sessions() as s:
                seqs = {
                    dev: sorted(s.scalars(select(Received.seq).where(Received.device_id == dev)))
                    for dev in (OLD.device, NEW.device)
                }
            assert seqs == {OLD.device: list(range(1, 9)), NEW.device: list(range(1, 7))}
        finally:
            for box in (old, new):
                box.close()
            stop.set()
            worker.join(10)
            sessions.kw["bind"].dispose()


def stored_by_device(sessions: sessionmaker[Session]) -> dict[str, list[str]]:
    with sessions() as s:
        rows = s.execute(select(Transaction.device_id, Transaction.job_id)).all()
    out: dict[str, list[str]] = {}
    for device, job in rows:
        out.setdefault(device, []).append(job)
    return {device: sorted(jobs) for device, jobs in out.items()}
