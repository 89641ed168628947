"""The agent as systemd runs it, with a broker in its box.toml: receipts spooled by the bridge reach the
cloud's subscriber over TLS, signed with the box's key, are acknowledged, and the box's outbox empties;
`tillbox status` shows the broker connected and heartbeats arrive."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from edge.cli import main
from edge.signing import load_or_create_signing_key, public_key_text
from hardware_tests.receipts import receipts
from sync.config_doc import sign_config
from sync.envelope import Envelope
from sync.ledger import LedgerBase
from sync.subscriber import Subscriber
from sync.topics import DeviceTopics
from sync.wire.config import FleetConfig, PushedProfile
from tests.box_config import write_box_toml
from tests.helpers import spool_jobs
from tests.mqtt_broker import running_broker

REPO = Path(__file__).resolve().parents[2]
HUAXIN_TOML = REPO / "edge" / "parsing" / "profiles" / "huaxin-pos.toml"
BOX = DeviceTopics("acme", "s12", "s12-t1")


def test_agent_delivers_its_outbox_to_the_cloud(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signing = load_or_create_signing_key(tmp_path / "signing.key")  # as enrolment would read it
    engine = create_engine(f"sqlite:///{tmp_path / 'cloud.db'}", connect_args={"check_same_thread": False})
    LedgerBase.metadata.create_all(engine)
    stored: list[Envelope] = []
    beats: list[Envelope] = []

    def registry(d: DeviceTopics) -> Ed25519PublicKey | None:
        return signing.public_key() if d == BOX else None

    sub = Subscriber(sessionmaker(engine), registry, lambda s, new: stored.extend(new), beats.append)
    with running_broker(tmp_path / "broker", boxes=[BOX], workers=["cloud-ingest-1"]) as broker:
        worker = broker.client("cloud-ingest-1", manual_ack=True)
        sub.attach(worker)
        subscribed: queue.Queue[Any] = queue.Queue()
        worker.on_subscribe = lambda c, u, mid, rcs, props: subscribed.put(rcs)
        worker.connect("127.0.0.1", broker.port)
        worker.loop_start()
        subscribed.get(timeout=10)
        # Configuration pushed (retained, signed by HQ) before the box is even up: it reads it when it
        # connects, verifies it and keeps it.
        hq = Ed25519PrivateKey.generate()
        profile = PushedProfile("huaxin-pos", HUAXIN_TOML.read_text(encoding="utf-8"))
        pushed = sign_config(FleetConfig(3, datetime(2026, 11, 29, tzinfo=UTC), pos_profile=profile), hq)
        control = broker.client("cloud-control")  # the identity fleet pushes go out under
        control.connect("127.0.0.1", broker.port)
        control.loop_start()
        info = control.publish(BOX.config, pushed, qos=1, retain=True)
        info.wait_for_publish(10)
        assert info.is_published()
        control.loop_stop()
        control.disconnect()

        tls_key, cert = broker.files.client("s12-t1")
        cloud = (
            f'[cloud]\nbroker = "mqtts://localhost:{broker.port}"\nretailer = "acme"\n'
            f'ca = "{broker.files.ca_path}"\ncert = "{cert}"\ntls_key = "{tls_key}"\n'
            f'hq_key = "{public_key_text(hq)}"\n'
        )
        cfg = write_box_toml(tmp_path, extra=cloud)
        cfg.write_text(
            cfg.read_text().replace("[paths]\n", f'[paths]\nsigning_key = "{tmp_path / "signing.key"}"\n')
        )
        spool_jobs(tmp_path / "spool", receipts(20))
        log = tmp_path / "agent.out"
        with open(log, "wb") as out:
            agent = subprocess.Popen(
                [sys.executable, "-m", "edge", "agent", "--config", str(cfg)],
                stdout=out,
                stderr=out,
                cwd=REPO,
            )
        try:
            deadline = time.monotonic() + 30
            status: dict[str, Any] = {}
            while time.monotonic() < deadline:
                capsys.readouterr()
                if main(["status", "--config", str(cfg), "--json"]) == 0:
                    status = json.loads(capsys.readouterr().out)
                    if (
                        status["receipts_stored"] == 20
                        and status["outbox_depth"] == 0
                        and beats
                        and status["broker"]["connected"]  # the status file is rewritten every 2 s
                        and (tmp_path / "cloud-config.json").exists()
                        and status["config_version"] == 3
                    ):
                        break
                time.sleep(0.2)
            else:
                raise AssertionError(f"{status}\n{log.read_text()}")
        finally:
            agent.send_signal(signal.SIGTERM)
            agent.wait(15)
            worker.loop_stop()
            worker.disconnect()
    assert agent.returncode == 0, log.read_text()
    assert status["broker"]["connected"] is True
    assert sorted(e.seq for e in stored if e.seq is not None) == list(range(1, 21))
    assert all(e.device_id == "s12-t1" for e in stored) and sub.counts["new"] == 20
    assert beats and "outbox_depth" in beats[0].body
    assert (tmp_path / "cloud-config.json").read_bytes() == pushed
    assert status["config_version"] == 3 and status["pos_profile"] == "huaxin-pos"
    assert "config_version" in beats[0].body and "pos_profile" in beats[0].body  # HQ sees what runs
