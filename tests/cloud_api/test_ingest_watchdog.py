"""An ingest worker that can no longer consume stops, and says so, instead of living on idle: one whose
message callback hangs (its probes stop coming back), one whose database is gone (the message stays
unacknowledged, and is stored once a worker can), and `tillbox-cloud ingest` exiting 1 for systemd to
restart it. Real Mosquitto, real threads and processes; the conditions are made, not waited for."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from cloud_api.core.config import BrokerSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import enroll
from cloud_api.ingest import WorkerStopped, serve, subscriber
from cloud_api.migrate import upgrade
from hardware_tests.ports import free_port
from sync.envelope import Envelope, encode_message
from sync.keys import public_key_text
from sync.topics import DeviceTopics
from tests.helpers import wait_for
from tests.mqtt_broker import Broker, running_broker

BOX = DeviceTopics("acme", "s12", "s12-t1")
KEY = Ed25519PrivateKey.generate()
CLOUD = str(Path(sys.executable).with_name("tillbox-cloud"))


def settings(broker: Broker, **kw: Any) -> BrokerSettings:
    key, cert = broker.files.client("cloud-ingest-1")
    return BrokerSettings(f"mqtts://localhost:{broker.port}", broker.files.ca_path, cert, key, **kw)


def message(seq: int) -> bytes:
    body = {"job_id": f"j{seq}", "started_at": datetime.now(UTC).isoformat(), "transaction": {}}
    return encode_message([Envelope(BOX.device, seq, "transaction", datetime.now(UTC), body).signed_by(KEY)])


def enrolled_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    upgrade(url)
    with make_sessions(make_engine(url)).begin() as s:
        enroll(s, BOX.retailer, BOX.store, BOX.device, public_key_text(KEY))
    return url


def serve_in_thread(*args: Any) -> tuple[threading.Thread, queue.Queue[BaseException | None]]:
    result: queue.Queue[BaseException | None] = queue.Queue()

    def run() -> None:
        try:
            serve(*args)
            result.put(None)
        except BaseException as e:
            result.put(e)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, result


def test_a_worker_whose_callback_hangs_stops(tmp_path: Path) -> None:
    url = enrolled_db(tmp_path)
    release = threading.Event()
    entered = threading.Event()
    sub = subscriber(make_sessions(make_engine(url)), ServiceSecret(os.urandom(32)))

    def hanging_store(session: Session, envelopes: list[Envelope]) -> None:
        entered.set()
        release.wait(60)  # a lock never granted, a query that never returns

    sub.store = hanging_store
    with running_broker(tmp_path / "broker", boxes=[BOX], workers=["cloud-ingest-1"]) as broker:
        stop = threading.Event()
        _, result = serve_in_thread(sub, settings(broker, probe_seconds=0.2, watchdog_seconds=2.0), stop)
        wait_for(lambda: sub.last_probe is not None, 20, "a first probe back")
        box = broker.client(BOX.device)
        box.connect("127.0.0.1", broker.port)
        box.loop_start()
        box.publish(BOX.tx, message(1), qos=1)
        assert entered.wait(20)
        stopped = result.get(timeout=20)  # within watchdog_seconds of the hang, not never
        release.set()
        stop.set()
        box.loop_stop()
    assert isinstance(stopped, WorkerStopped) and "no probe back" in str(stopped)


def test_a_worker_without_its_database_stops_and_the_message_waits(tmp_path: Path) -> None:
    url = enrolled_db(tmp_path)
    gone = f"postgresql+psycopg://tillbox@127.0.0.1:{free_port()}/nothing?connect_timeout=2"
    broken = subscriber(make_sessions(make_engine(gone)), ServiceSecret(os.urandom(32)))
    broken.unavailable_retries = (0.1, 0.1)
    acks: queue.Queue[bytes] = queue.Queue()
    with running_broker(tmp_path / "broker", boxes=[BOX], workers=["cloud-ingest-1"]) as broker:
        stop = threading.Event()
        _, result = serve_in_thread(broken, settings(broker, client_id="broken"), stop)
        box = broker.client(BOX.device)
        box.on_message = lambda c, u, msg: acks.put(msg.payload)
        box.connect("127.0.0.1", broker.port)
        box.loop_start()
        box.subscribe(BOX.ack, qos=1)

        def worker_stopped() -> bool:
            box.publish(BOX.tx, message(1), qos=1)  # as a box does until acknowledged
            return not result.empty()

        wait_for(worker_stopped, 60, "the worker to stop")
        stopped = result.get()
        assert isinstance(stopped, WorkerStopped) and "could not be handled" in str(stopped)
        assert acks.empty()  # nothing acknowledged that was not stored
        # systemd starts a fresh worker, with the database back; the box sends again what is unacked.
        fresh = subscriber(make_sessions(make_engine(url)), ServiceSecret(os.urandom(32)))
        serve_in_thread(fresh, settings(broker, client_id="fresh"), stop)

        def acknowledged() -> bool:
            box.publish(BOX.tx, message(1), qos=1)
            try:
                return b'"contiguous":1' in acks.get(timeout=1)
            except queue.Empty:
                return False

        wait_for(acknowledged, 30, "the message stored by the fresh worker")
        stop.set()
        box.loop_stop()
    assert fresh.counts["new"] == 1


def test_the_ingest_command_exits_1_for_systemd_to_restart_it(tmp_path: Path) -> None:
    url = enrolled_db(tmp_path)
    # The database opens and is migrated, but cannot store anything: the ledger's table is gone.
    with make_engine(url).begin() as c:
        c.exec_driver_sql("DROP TABLE sync_received")
    with running_broker(tmp_path / "broker", boxes=[BOX], workers=["cloud-ingest-1"]) as broker:
        s = settings(broker)
        (tmp_path / "cloud.toml").write_text(
            f'retailer = "acme"\n[database]\nurl = "{url}"\n'
            f'[broker]\nurl = "{s.url}"\nca = "{s.ca}"\ncert = "{s.cert}"\nkey = "{s.key}"\n'
            f"probe_seconds = 0.2\nwatchdog_seconds = 30\n"
        )
        proc = subprocess.Popen(
            [CLOUD, "--config", str(tmp_path / "cloud.toml"), "ingest"],
            stderr=subprocess.PIPE,
            text=True,
        )
        box = broker.client(BOX.device)
        box.connect("127.0.0.1", broker.port)
        box.loop_start()
        try:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                box.publish(BOX.tx, message(1), qos=1)  # as a box does until acknowledged
                time.sleep(0.5)
        finally:
            box.loop_stop()
            if proc.poll() is None:
                proc.kill()
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 1, err
    assert "ingest worker stopped: a message could not be handled" in err


@pytest.mark.parametrize(
    "broker_toml, says",
    [
        ("probe_seconds = 0", "broker.probe_seconds"),
        ('watchdog_seconds = "soon"', "broker.watchdog_seconds"),
        ("probe_seconds = 30\nwatchdog_seconds = 10", "longer than broker.probe_seconds"),
    ],
)
def test_bad_watchdog_settings_are_one_line(tmp_path: Path, broker_toml: str, says: str) -> None:
    (tmp_path / "cloud.toml").write_text(f"[broker]\n{broker_toml}\n")
    r = subprocess.run(
        [CLOUD, "--config", str(tmp_path / "cloud.toml"), "ingest"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr
