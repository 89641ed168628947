"""Each of the agent's duties (edge/duties/) run alone, on a real store and a real spool: what it does
when the loop calls it, and what it hands the others (edge/duties/shared.py)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from edge.duties.fleet import FleetDuty
from edge.duties.metrics import MetricsDuty, MetricsEndpoint
from edge.duties.qr import QrService
from edge.duties.retention import RetentionDuty
from edge.duties.shared import Shared
from edge.duties.spool import DISK_FULL_WAIT_S, SpoolDuty
from edge.duties.status import StatusDuty
from edge.duties.uplink import HeartbeatDuty, UplinkService
from edge.escpos.printer_profile import CHINESE_80MM
from edge.fleet import FleetApplier
from edge.health import collect
from edge.metrics import AgentMetrics
from edge.parsing.profiles import load_profile
from edge.status_file import BrokerLink, read_status
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from edge.store.records import ParseSettings
from edge.store.sealing import load_or_create_key
from edge.uplink import Uplink, UplinkSettings
from firmware_bridge.injection import CutRequest, UnixSocketInjector
from firmware_bridge.spool import list_jobs
from hardware_tests.ports import free_port
from hardware_tests.receipts import receipts
from sync.config_doc import FleetConfig, sign_config
from sync.topics import DeviceTopics
from sync.wire.heartbeat import BridgeCounters, Conditions, Heartbeat
from sync.wire.model import from_wire
from tests.helpers import corpus, spool_jobs

REPO = Path(__file__).resolve().parents[2]
SALE = "好又多超市\n可口可乐  2 x 3.50  7.00\n合计  7.00\n".encode("gb18030")


def store(tmp_path: Path, n: int = 0) -> sessionmaker[Session]:
    sessions = open_store(tmp_path / "box.db")
    if n:
        spool_jobs(tmp_path / "filled", receipts(n))
        ingest_spool(tmp_path / "filled", sessions)
    return sessions


def sample(metrics: AgentMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_the_spool_duty_stores_jobs_and_sets_the_pace(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool, sessions, metrics = tmp_path / "spool", store(tmp_path), AgentMetrics()
    spool_jobs(spool, receipts(3))
    (spool / "junk.job").write_bytes(b"garbage")
    shared = Shared(ParseSettings())
    duty = SpoolDuty(spool, sessions, shared, metrics, tmp_path, min_free_bytes=0, poll_s=0.2)
    with caplog.at_level(logging.INFO, logger="tillbox.agent"):
        assert duty.run() == 0.0  # jobs came: the next pass at once
    assert list_jobs(spool) == [] and sample(metrics, "tillbox_jobs_total", result="stored") == 3
    assert sample(metrics, "tillbox_jobs_total", result="bad") == 1
    said = [r.getMessage() for r in caplog.records if r.name == "tillbox.agent"]
    assert said == ["stored 3, duplicates 0, empty 0, bad 1"]
    assert duty.run() == 0.2  # nothing waiting: the poll interval
    with sessions() as s:
        assert s.scalar(select(func.count(Capture.id))) == 3


def test_the_spool_duty_stores_lean_on_a_low_disk_and_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool, shared = tmp_path / "spool", Shared(ParseSettings())
    duty = SpoolDuty(spool, store(tmp_path), shared, AgentMetrics(), tmp_path, 2**62, poll_s=0.2)
    spool.mkdir()
    with caplog.at_level(logging.INFO, logger="tillbox.agent"):
        duty.run()
        duty.run()
    assert shared.conditions.now == Conditions(disk_low=True, disk_alarm=shared.conditions.now.disk_alarm)
    said = [r.getMessage() for r in caplog.records if r.name == "tillbox.agent"]
    assert [m for m in said if m.startswith("disk_low")] == [said[-1]] and said[-1].startswith("disk_low: ")
    duty.min_free_bytes = 0
    with caplog.at_level(logging.INFO, logger="tillbox.agent"):
        duty.run()
    assert not shared.conditions.now.disk_low and caplog.records[-1].getMessage() == "disk_low cleared"


def test_the_spool_duty_waits_longer_when_the_disk_is_full(tmp_path: Path, small_disk: Any) -> None:
    disk = small_disk("store", 4096)
    spool, shared = tmp_path / "spool", Shared(ParseSettings())
    sessions = open_store(disk / "box.db")
    spool_jobs(spool, receipts(200))
    (disk / "ballast").write_bytes(b"\0" * (shutil.disk_usage(disk).free - 32 * 1024))
    duty = SpoolDuty(spool, sessions, shared, AgentMetrics(), disk, min_free_bytes=0, poll_s=0.2)
    assert duty.run() == DISK_FULL_WAIT_S and shared.conditions.now.disk_full
    assert list_jobs(spool)  # they wait there
    (disk / "ballast").unlink()
    duty.run()
    assert not shared.conditions.now.disk_full


def test_the_retention_duty_removes_old_synced_captures(tmp_path: Path) -> None:
    sessions, metrics = store(tmp_path, 3), AgentMetrics()
    long_ago = datetime.now(UTC) - timedelta(days=90)
    with sessions.begin() as s:
        s.execute(update(OutboxEntry).values(delivered_at=long_ago))
        s.execute(update(Capture).values(stored_at=long_ago))
    RetentionDuty(sessions, 30, metrics).run()
    with sessions() as s:
        assert s.scalar(select(func.count(Capture.id))) == 0
    assert sample(metrics, "tillbox_pruned_captures_total") == 3


def test_the_fleet_duty_applies_hqs_profile_and_its_reparse_once(tmp_path: Path) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text('name = "bare"\n')  # the generic parser only: misreads this POS's receipts
    shared = Shared(ParseSettings(pos_profile=load_profile(str(bare))))
    sessions = open_store(tmp_path / "box.db")
    spool_jobs(tmp_path / "spool", [corpus(f"zh-huaxin-{i:02d}") for i in range(2)])
    ingest_spool(tmp_path / "spool", sessions, shared.parse)

    def statuses() -> set[str]:
        with sessions() as s:
            return set(s.scalars(select(TransactionRow.status)))

    assert statuses() == {"needs_review"}
    hq = Ed25519PrivateKey.generate()
    fleet = FleetApplier(hq.public_key(), tmp_path)
    duty = FleetDuty(fleet, sessions, shared)
    duty.run()
    assert shared.config_version == 0 and shared.parse.pos_profile is not None
    assert shared.parse.pos_profile.name == "bare"
    profile = {"name": "huaxin-pos", "toml": (REPO / "edge/parsing/profiles/huaxin-pos.toml").read_text()}
    reparse = {"id": "r1", "status": "needs_review"}
    fleet.receive(sign_config(FleetConfig(3, "2026-12-07T09:00:00+00:00", profile, reparse), hq))
    duty.run()
    assert shared.parse.pushed_profile is not None
    assert shared.config_version == 3 and shared.parse.pushed_profile.name == "huaxin-pos"
    assert shared.facts().pos_profile == "huaxin-pos"
    assert "ok" in statuses()
    assert json.loads((tmp_path / "cloud-reparse-done.json").read_text()) == ["r1"]
    # A configuration without a profile withdraws HQ's (a rollback); box.toml's own stays.
    fleet.receive(sign_config(FleetConfig(4, "2026-12-07T10:00:00+00:00"), hq))
    duty.run()
    assert shared.parse.pushed_profile is None and shared.parse.pos_profile.name == "bare"
    assert shared.facts().pos_profile == "bare"


def test_the_status_duty_writes_what_the_box_reads(tmp_path: Path) -> None:
    spool, sessions = tmp_path / "spool", store(tmp_path, 2)
    spool.mkdir()
    said = {"injection_timeouts": 2, "printer_connected": True}
    (spool / "bridge-status.json").write_text(json.dumps(said))
    shared = Shared(ParseSettings(), version="0.1.0", config_version=4)
    shared.conditions.report("disk_alarm", True, "85 % of the store's disk used")
    path = tmp_path / "run" / "agent-status.json"
    duty = StatusDuty(sessions, spool, tmp_path, shared, path, "mqtts://broker:8883", lambda: False)
    duty.run()
    status = read_status(path)
    assert status is not None and status == shared.status
    assert (status.pid, status.version, status.config_version) == (os.getpid(), "0.1.0", 4)
    assert status.conditions == Conditions(disk_alarm=True)
    assert status.broker == BrokerLink("mqtts://broker:8883", False)
    assert status.health.receipts_stored == 2 and status.health.outbox_depth == 2
    assert status.health.bridge == BridgeCounters(injection_timeouts=2, printer_connected=True)
    assert shared.health is not None and shared.health.receipts_stored == 2  # for the metrics
    first = status.updated_at
    StatusDuty(sessions, spool, tmp_path, shared, None).run()  # no file configured: the readings still
    assert shared.status is not None and shared.status.updated_at > first and read_status(path) == status


def test_the_metrics_duty_sets_the_gauges_from_the_latest_readings(tmp_path: Path) -> None:
    spool, sessions, metrics = tmp_path / "spool", store(tmp_path, 2), AgentMetrics()
    spool.mkdir()
    shared = Shared(ParseSettings())
    duty = MetricsDuty(metrics, shared)
    duty.run()  # before any readings: the conditions only
    assert sample(metrics, "tillbox_receipts_stored") == 0 and sample(metrics, "tillbox_disk_low") == 0
    shared.health = collect(sessions, spool, tmp_path)
    shared.conditions.report("disk_low", True, "1 MB free")
    duty.run()
    assert sample(metrics, "tillbox_receipts_stored") == 2 and sample(metrics, "tillbox_outbox_depth") == 2
    assert sample(metrics, "tillbox_disk_low") == 1


def test_the_metrics_endpoint_serves_until_stopped() -> None:
    metrics, port = AgentMetrics(), free_port()
    endpoint = MetricsEndpoint(metrics, port)
    endpoint.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            assert "tillbox_spool_depth" in r.read().decode()
    finally:
        endpoint.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5)


def test_the_heartbeat_duty_sends_the_latest_status(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    spool, sessions = tmp_path / "spool", store(tmp_path, 1)
    spool.mkdir()
    (spool / "bridge-status.json").write_text(json.dumps({"copy_dropped_bytes": 512}))
    shared = Shared(ParseSettings(), version="0.1.0", config_version=2)
    sent: list[dict[str, Any]] = []
    heartbeat = HeartbeatDuty(shared, sent.append)
    heartbeat.run()
    assert sent == []  # no readings yet: nothing to say
    StatusDuty(sessions, spool, tmp_path, shared, None).run()
    heartbeat.run()
    body = from_wire(Heartbeat, json.loads(json.dumps(sent[0])))
    assert shared.status is not None and body == shared.status.heartbeat()
    assert (body.version, body.config_version, body.receipts_stored) == ("0.1.0", 2, 1)
    assert body.bridge is not None and body.bridge.copy_dropped_bytes == 512

    def refused(body: dict[str, Any]) -> None:
        raise ValueError("too large")

    with caplog.at_level(logging.ERROR, logger="tillbox.agent"):
        HeartbeatDuty(shared, refused).run()  # the store goes on
    assert caplog.records[-1].getMessage() == "heartbeat not sent"


def test_the_qr_service_answers_the_bridge_until_stopped(tmp_path: Path) -> None:
    spool, sock = tmp_path / "spool", tmp_path / "inject.sock"
    spool.mkdir()
    qr = QrService(spool, CHINESE_80MM, "https://r.example.com/r/{token}", frozenset({"non_sale"}), sock)
    qr.start()
    try:
        answer = UnixSocketInjector(str(sock), timeout_s=10).block_before_cut(
            CutRequest(0, b"\x1dV\x00", head=b"\x1b@" + SALE)
        )
        assert answer.label and "扫码获取电子小票".encode("gb18030") in answer.block
        second = QrService(spool, CHINESE_80MM, "https://r.example.com/r/{token}", frozenset(), sock)
        with pytest.raises(RuntimeError, match="another agent is answering"):
            second.start()
    finally:
        qr.stop()
    assert not sock.exists()
    qr.start()  # the socket is free again
    qr.stop()


def test_the_uplink_service_starts_without_a_broker_and_stops(tmp_path: Path) -> None:
    settings = UplinkSettings(
        f"mqtt://127.0.0.1:{free_port()}", DeviceTopics("acme", "s12", "s12-t1"), tmp_path / "signing.key"
    )
    key = load_or_create_key(tmp_path / "box.key")
    uplink = UplinkService(partial(Uplink, settings, store(tmp_path), key))
    assert uplink.connected() is None  # not running
    uplink.start()  # connects in the background: nobody listens there, and the agent goes on
    try:
        assert uplink.connected() is False and (tmp_path / "signing.key").exists()
    finally:
        uplink.stop()
    assert uplink.connected() is None
