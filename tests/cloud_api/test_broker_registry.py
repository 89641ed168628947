"""The broker's identities kept by the cloud's commands, against a real Mosquitto: `devices enroll`
registers the box before it records it (nothing recorded when the broker cannot be reached),
`broker sync` repairs a broker that lost a box or missed a revocation, `broker add-worker` admits an
ingest worker, `broker init` writes a new broker's file once, and a missing control identity is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from cloud_api.cli import main as cloud
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import revoke
from cloud_api.models import Device
from edge.signing import public_key_text
from hardware_tests.ports import free_port
from sync.topics import DeviceTopics, cloud_subscription
from tests.invariants.test_6_nobody_gets_in import connect, publish_reason, subscribe_reasons
from tests.mqtt_broker import Broker, operator_config, running_broker

A = DeviceTopics("acme", "s12", "s12-t1")
B = DeviceTopics("acme", "s12", "s12-t2")


def cloud_toml(
    tmp_path: Path, broker: Broker, db: str, port: int | None = None, control: bool = True
) -> list[str]:
    path = tmp_path / f"cloud-{port or broker.port}-{control}.toml"
    return operator_config(broker, path, db, tmp_path / "certs", port, control)


def enroll(cfg: list[str], where: DeviceTopics) -> int:
    key = public_key_text(Ed25519PrivateKey.generate())
    return cloud(
        [*cfg, "devices", "enroll", "--store", where.store, "--device", where.device, "--public-key", key]
    )


def can_publish(broker: Broker, where: DeviceTopics) -> bool:
    c = broker.client(where.device)
    connect(c, broker.port)
    try:
        return publish_reason(c, where.tx, b"x") < 0x80
    finally:
        c.loop_stop()
        c.disconnect()


def test_enrolment_revocation_and_sync_keep_the_broker_in_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'cloud.db'}"
    with running_broker(tmp_path / "broker") as broker:
        cfg = cloud_toml(tmp_path, broker, db)
        assert cloud([*cfg, "migrate"]) == 0
        assert not can_publish(broker, A)  # unknown to the broker until enrolled

        # The broker unreachable: the enrolment is refused in one line and nothing is recorded.
        down = cloud_toml(tmp_path, broker, db, port=free_port())
        capsys.readouterr()
        assert enroll(down, A) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err and "broker" in err
        sessions = make_sessions(make_engine(db))
        with sessions() as s:
            assert s.scalars(select(Device)).all() == []
        # A TLS broker without the control identity configured: said before anything changes.
        assert enroll(cloud_toml(tmp_path, broker, db, control=False), A) == 2
        assert "control_cert" in capsys.readouterr().err

        assert enroll(cfg, A) == 0 and enroll(cfg, B) == 0
        assert can_publish(broker, A) and can_publish(broker, B)
        assert cloud([*cfg, "devices", "revoke", B.device]) == 0
        assert not can_publish(broker, B)

        # The broker forgets A and lets B in again (say, restored from an old backup of its file):
        # `broker sync` puts both right.
        broker.forget_box(A)
        broker.admit_box(B)
        assert not can_publish(broker, A) and can_publish(broker, B)
        capsys.readouterr()
        assert cloud([*cfg, "broker", "sync"]) == 0
        assert "1 box(es) registered, 1 revoked one(s) removed" in capsys.readouterr().out
        assert can_publish(broker, A) and not can_publish(broker, B)

        # A new ingest worker: registered, its certificate issued; it may join the workers' group.
        assert cloud([*cfg, "broker", "add-worker", "cloud-ingest-7"]) == 0
        assert (tmp_path / "certs" / "cloud-ingest-7.crt").exists()
        worker = broker.client("cloud-ingest-7")
        connect(worker, broker.port)
        assert subscribe_reasons(worker, [cloud_subscription("tx"), "#"]) == [False, True]
        worker.loop_stop()
        worker.disconnect()
        assert cloud([*cfg, "broker", "add-worker", "bad/name"]) == 2
        with sessions.begin() as s:  # revoked twice: nothing more to do, not an error
            revoke(s, B.device)
        assert cloud([*cfg, "devices", "revoke", B.device]) == 0
        sessions.kw["bind"].dispose()


def test_broker_init_writes_the_file_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dynamic-security.json"
    assert cloud(["broker", "init", "--out", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert [c["username"] for c in doc["clients"]] == ["cloud-control"]
    assert {r["rolename"] for r in doc["roles"]} == {"tillbox-control", "tillbox-ingest"}
    assert out.stat().st_mode & 0o077 == 0
    before = out.read_bytes()
    capsys.readouterr()
    assert cloud(["broker", "init", "--out", str(out)]) == 2
    assert "not overwritten" in capsys.readouterr().err and out.read_bytes() == before
    assert cloud(["broker", "init", "--out", str(tmp_path / "missing" / "x.json")]) == 2
