"""The cloud service's ingest, on SQLite and on PostgreSQL: the schema made by its migrations, a box
enrolled with `tillbox-cloud devices enroll` (which issues the broker certificate the box then connects
with), the box's outbox drained through a real Mosquitto (TLS, ACL) into transactions rows — money as
Decimal, the till's time as printed — corrections replacing older revisions and never the reverse, a
record the service cannot read kept and acknowledged, heartbeats and the last will on the device, and a
revoked box refused."""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.cli import main as cloud
from cloud_api.core.config import BrokerSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.ingest import run_ingest
from cloud_api.migrate import alembic_config
from cloud_api.models import Base, Device, Store, Transaction
from edge.signing import load_or_create_signing_key, public_key_text
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Counter, OutboxEntry, TransactionRow
from edge.store.outbox_port import StoreOutbox
from sync.ledger import LedgerBase, Quarantined
from sync.publisher import Publisher, PublisherSettings
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics
from tests.helpers import corpus, spool_jobs, wait_for
from tests.mqtt_broker import operator_config, running_broker

BOX = DeviceTopics("acme", "s12", "s12-t1")
NAMES = ["en-grocery-00", "de-baeckerei-00", "zh-supermarket-00", "ja-conbini-00"]


def test_migrations_make_exactly_the_models_and_go_back(
    cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TILLBOX_CLOUD_DATABASE_URL", cloud_db)
    assert cloud(["migrate"]) == 0
    engine = make_engine(cloud_db)
    with engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), [Base.metadata, LedgerBase.metadata])
        assert diff == []
        assert {"stores", "devices", "transactions", "sync_received"} <= set(inspect(c).get_table_names())
    from alembic import command

    command.downgrade(alembic_config(cloud_db), "base")
    with engine.connect() as c:
        assert set(inspect(c).get_table_names()) <= {"alembic_version"}
    assert cloud(["migrate"]) == 0  # and up again
    engine.dispose()


def add_outbox_row(box: sessionmaker[Session], kind: str, body: dict[str, Any]) -> int:
    with box.begin() as s:
        seq = s.scalar(select(Counter.value).where(Counter.name == "outbox_seq"))
        assert seq is not None
        seq += 1
        s.execute(update(Counter).where(Counter.name == "outbox_seq").values(value=seq))
        tx_id = s.scalars(select(TransactionRow.id)).first()
        s.add(
            OutboxEntry(
                seq=seq, kind=kind, transaction_id=tx_id, body=json.dumps(body), created_at=datetime.now(UTC)
            )
        )
    return seq


def test_a_box_enrolled_delivers_into_the_cloud_database(
    tmp_path: Path,
    cloud_db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    spool_jobs(tmp_path / "spool", [corpus(NAMES[i % 4]) for i in range(12)])
    box = open_store(tmp_path / "box.db")
    assert ingest_spool(tmp_path / "spool", box).stored == 12
    signing = load_or_create_signing_key(tmp_path / "signing.key")

    with running_broker(tmp_path / "broker") as broker:
        d = broker.files.directory
        cfg = operator_config(broker, tmp_path / "cloud.toml", cloud_db, tmp_path / "certs")
        assert cloud([*cfg, "migrate"]) == 0
        key = public_key_text(signing)
        assert (
            cloud([*cfg, "devices", "enroll", "--store", "s12", "--device", "s12-t1", "--public-key", key])
            == 0
        )
        # Enrolling it again elsewhere is refused with a reason, not overwritten.
        assert (
            cloud([*cfg, "devices", "enroll", "--store", "s99", "--device", "s12-t1", "--public-key", key])
            == 2
        )
        assert "enrolled already" in capsys.readouterr().err

        assert cloud([*cfg, "broker", "add-worker", "cloud-ingest-1"]) == 0
        worker_key, worker_cert = (
            tmp_path / "certs" / "cloud-ingest-1.key",
            tmp_path / "certs" / "cloud-ingest-1.crt",
        )
        settings = BrokerSettings(f"mqtts://localhost:{broker.port}", d / "ca.crt", worker_cert, worker_key)
        sessions = make_sessions(make_engine(cloud_db))
        stop = threading.Event()
        subs: list[Subscriber] = []
        worker = threading.Thread(
            target=lambda: subs.append(run_ingest(sessions, ServiceSecret(os.urandom(32)), settings, stop)),
            daemon=True,
        )
        worker.start()
        time.sleep(1.0)  # subscribed

        # The box connects with the certificate enrolment issued.
        outbox = StoreOutbox(box, None)

        def start_box() -> tuple[Publisher, threading.Thread, threading.Event]:
            client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="s12-t1", protocol=mqtt.MQTTv5)
            client.tls_set(
                ca_certs=str(d / "ca.crt"),
                certfile=str(tmp_path / "certs" / "s12-t1.crt"),
                keyfile=str(tmp_path / "certs" / "s12-t1.key"),
            )
            pub = Publisher(client, BOX, signing, outbox, PublisherSettings(resend_after_s=2.0))
            pub.connect("127.0.0.1", broker.port)
            pub_stop = threading.Event()
            runner = threading.Thread(target=pub.run, args=(pub_stop,))
            runner.start()
            return pub, runner, pub_stop

        pub, runner, pub_stop = start_box()

        def undelivered() -> int:
            with box() as s:
                return s.scalar(select(func.count()).where(OutboxEntry.delivered_at.is_(None))) or 0

        try:
            wait_for(lambda: undelivered() == 0, 60, "the outbox to drain into the cloud")
            with sessions() as s, box() as b:
                rows = {t.job_id: t for t in s.scalars(select(Transaction))}
                on_box = {r.capture.job_id: r for r in b.scalars(select(TransactionRow))}
                assert set(rows) == set(on_box) and len(rows) == 12
                for job, t in rows.items():
                    assert t.total == (Decimal(on_box[job].total) if on_box[job].total else None)
                    assert isinstance(t.total, Decimal | None) and t.revision == 1
                    assert t.printed_at == json.loads(on_box[job].body).get("datetime")
                    assert t.started_at.tzinfo is not None
                store = s.scalars(select(Store)).one()
                # HQ names its stores (`tillbox-cloud stores set`): a receipt's first line does not.
                assert (store.retailer, store.code, store.name) == ("acme", "s12", None)

            # A correction replaces the row; an older revision arriving later never goes back over it.
            first = next(iter(rows.values()))
            reviewed = {**first.record["transaction"], "status": "needs_review"}
            corrected = {**first.record, "revision": 2, "transaction": reviewed}
            add_outbox_row(box, "correction", corrected)
            add_outbox_row(box, "transaction", first.record)  # revision 1 again, under a new seq
            add_outbox_row(box, "transaction", {"job_id": None, "garbled": True})  # unreadable
            wait_for(lambda: undelivered() == 0, 30, "the correction and the rest")
            with sessions() as s:
                t = s.scalars(select(Transaction).where(Transaction.job_id == first.job_id)).one()
                assert (t.revision, t.status) == (2, "needs_review")
                assert s.scalar(select(func.count(Transaction.id))) == 12
                bad = s.scalars(select(Quarantined)).one()
                assert json.loads(bad.raw)["body"] == {"job_id": None, "garbled": True}
                assert (bad.reason, bad.times) == ("unreadable", 1) and "job_id" in bad.detail

            # Heartbeats keep the device's health; the last will marks it offline.
            pub.heartbeat({"outbox_depth": 0, "version": "test"})

            def device() -> Device:
                with sessions() as s:
                    found = s.get(Device, "s12-t1")
                    assert found is not None
                    return found

            wait_for(
                lambda: device().online and (device().health or {}).get("version") == "test", 10, "heartbeat"
            )
            # The box stops: it leaves with its will, and the cloud marks it offline.
            pub_stop.set()
            runner.join(5)
            pub.close()
            wait_for(lambda: not device().online, 20, "the last will")

            # Back, then revoked: the broker drops it and refuses what it sends; its next sale stays
            # undelivered on the box, and the cloud stores nothing more of it.
            pub, runner, pub_stop = start_box()
            wait_for(lambda: pub.connected, 20, "the box back")
            assert cloud([*cfg, "devices", "revoke", "s12-t1"]) == 0
            assert not device().online and device().revoked_at is not None
            add_outbox_row(box, "transaction", {**first.record, "job_id": "after-revoke"})
            wait_for(
                lambda: "not authorized" in caplog.text.lower(), 20, "the broker's refusal, in the box's log"
            )
            assert undelivered() == 1
            with sessions() as s:
                assert s.scalar(select(func.count(Transaction.id))) == 12
        finally:
            pub_stop.set()
            runner.join(5)
            pub.close()
            stop.set()
            worker.join(10)
    assert subs and subs[0].counts["offline"] >= 1
    assert cloud([*cfg, "devices", "list"]) == 0
    assert "s12-t1\tacme/s12\trevoked" in capsys.readouterr().out


def test_bad_cloud_configuration_is_refused_with_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "[database]\nurl = 'mysql://x'\n": "database.url",
        "[broker]\ncert = '/x'\n": "cert and key go together",
        "[web]\ntrusted_proxies = ['10.0.0.300']\n": "'10.0.0.300' is not an IP address or network",
        "[web]\ntrusted_proxies = '10.0.0.1'\n": "web.trusted_proxies: a list",
        "[broker]\ncontrol_key = '/x'\n": "control_cert and control_key go together",
        "[broker]\ncert = '/x'\nkey = '/y'\n": "cert needs [broker] ca",
        "[brokr]\nurl = 'x'\n": "unknown setting 'brokr'",
        "[database]\nurll = 'x'\n": "urll",
        "retailer = \n": "cloud.toml",
    }
    for text, expected in cases.items():
        (tmp_path / "cloud.toml").write_text(text)
        assert cloud(["--config", str(tmp_path / "cloud.toml"), "migrate"]) == 2
        assert expected in capsys.readouterr().err


def test_one_message_with_a_job_twice_keeps_the_highest_revision(tmp_path: Path, cloud_db: str) -> None:
    """A backlog message may carry a correction ahead of its original, or both: one row, the highest
    revision, whatever the order; an unreadable record beside them is handed back
    (to be quarantined), not fatal."""
    from cloud_api.crud.devices import enroll
    from cloud_api.crud.ingest import store_envelopes
    from cloud_api.migrate import upgrade
    from edge.parsing.pipeline import parse_bytes
    from sync.envelope import Envelope
    from tests.helpers import corpus

    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    tx = parse_bytes(corpus("en-grocery-00")).to_json()
    now = datetime.now(UTC)

    def rec(job: str, revision: int, status: str) -> dict[str, Any]:
        return {
            "job_id": job,
            "revision": revision,
            "started_at": now.isoformat(),
            "transaction": {**tx, "status": status},
            "tags": {},
        }

    bodies = [
        rec("a", 2, "needs_review"),
        rec("a", 1, "ok"),
        rec("b", 1, "ok"),
        {"garbled": 1},
        rec("b", 3, "needs_review"),
    ]
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
    with sessions.begin() as s:
        envelopes = [Envelope("s1-t1", i + 1, "transaction", now, b) for i, b in enumerate(bodies)]
        refused = store_envelopes(s, envelopes)
        assert [(e.seq, why.reason) for e, why in refused] == [(4, "unreadable")]
    with sessions.begin() as s:  # later: an older revision of b again
        store_envelopes(s, [Envelope("s1-t1", 9, "transaction", now, rec("b", 2, "ok"))])
    with sessions() as s:
        rows = {t.job_id: (t.revision, t.status, t.seq) for t in s.scalars(select(Transaction))}
        assert rows == {"a": (2, "needs_review", 1), "b": (3, "needs_review", 5)}
        assert "job_id" in str(refused[0][1])
