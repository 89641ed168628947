"""The agent's status file as a typed model: written and read back whole, the same fields its heartbeat
carries to HQ, and `tillbox status` names a file that is not an agent's instead of failing on a key."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cloud_api.crud.hq import device_out
from cloud_api.models import Device
from edge.cli import main
from edge.status_file import AgentStatus, BrokerLink, StatusFileError, read_status, write_status
from edge.store.database import open_store
from sync.wire.heartbeat import BridgeCounters, Conditions, Heartbeat, Readings
from sync.wire.model import from_wire, to_wire
from tests.box_config import write_box_toml

STATUS = AgentStatus(
    version="0.1.0",
    config_version=3,
    pos_profile="huaxin-pos",
    conditions=Conditions(disk_alarm=True),
    pid=os.getpid(),
    started_at=datetime(2026, 12, 7, 9, 0, tzinfo=UTC),
    updated_at=datetime(2026, 12, 7, 9, 41, 5, tzinfo=UTC),
    broker=BrokerLink("mqtts://broker:8883", True),
    health=Readings(
        receipts_stored=12,
        outbox_depth=2,
        parse_failure_rate=Decimal("0.083"),
        bridge=BridgeCounters(injection_timeouts=2, printer_connected=True),
    ),
)


def test_the_status_file_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "run" / "agent-status.json"
    assert read_status(path) is None  # no agent has written one yet
    write_status(path, STATUS)
    assert read_status(path) == STATUS
    # The layout its readers know: the facts at the top, the readings under "health".
    body = json.loads(path.read_text())
    assert body["conditions"] == {"disk_alarm": True, "disk_low": False, "disk_full": False}
    assert (body["config_version"], body["health"]["receipts_stored"]) == (3, 12)


def test_the_status_carries_every_fact_it_is_made_of() -> None:
    made = AgentStatus.of(
        STATUS,
        STATUS.health,
        pid=STATUS.pid,
        started_at=STATUS.started_at,
        updated_at=STATUS.updated_at,
        broker=STATUS.broker,
    )
    assert made == STATUS


def test_the_status_and_the_heartbeat_say_the_same(tmp_path: Path) -> None:
    heartbeat = from_wire(Heartbeat, json.loads(json.dumps(to_wire(STATUS.heartbeat()))))
    assert (heartbeat.config_version, heartbeat.pos_profile, heartbeat.conditions) == (
        3,
        "huaxin-pos",
        Conditions(disk_alarm=True),
    )
    assert heartbeat.bridge == STATUS.health.bridge and heartbeat.parse_failure_rate == Decimal("0.083")
    view = device_out(
        Device(device_id="s12-t1", store_id=1, online=True, revoked_at=None, health=to_wire(heartbeat)),
        [],
        {},
    )
    assert (view.disk_alarm, view.outbox_depth, view.bridge) == (True, 2, STATUS.health.bridge)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{not json", "not JSON"),
        ("[]", "AgentStatus: an object expected"),
        ('{"pid": 7}', "AgentStatus.started_at: missing"),  # somebody else's file
        (json.dumps({**to_wire(STATUS), "pid": 0}), "AgentStatus.pid: 0 is out of range"),
        (json.dumps({**to_wire(STATUS), "pid": 2**31}), "AgentStatus.pid: 2147483648 is out of range"),
        # An older agent's: its readings were floats.
        (
            json.dumps({**to_wire(STATUS), "health": {"oldest_unsent_age_s": 1.5}}),
            "AgentStatus.health.oldest_unsent_age_s: a whole number expected",
        ),
        (json.dumps({**to_wire(STATUS), "broker": None}), "AgentStatus.broker: an object expected"),
    ],
)
def test_a_file_that_is_not_an_agents_status_is_named(tmp_path: Path, text: str, named: str) -> None:
    path = tmp_path / "agent-status.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StatusFileError) as err:
        read_status(path)
    assert str(err.value).startswith(f"{path} is not an agent's status file") and named in str(err.value)


def test_tillbox_status_reports_a_foreign_status_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = write_box_toml(tmp_path)
    open_store(tmp_path / "box.db")
    (tmp_path / "agent-status.json").write_text('{"pid": 7, "broker": {"connected": "yes"}}')
    assert main(["status", "--config", str(cfg)]) == 2
    out = capsys.readouterr().out
    # Said on the agent's line, and everything else the box knows still shown (an older agent's file
    # reads so until that agent restarts).
    assert "agent          unknown: " in out and "is not an agent's status file" in out
    assert "device         " in out and "outbox         0 unsent" in out
    write_status(tmp_path / "agent-status.json", STATUS)
    assert main(["status", "--config", str(cfg), "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["agent"]["running"] and st["agent"]["updated_at"] == "2026-12-07T09:41:05+00:00"
    assert st["agent"]["conditions"] == {"disk_alarm": True, "disk_low": False, "disk_full": False}
    assert st["broker"]["connected"] is True and (st["config_version"], st["pos_profile"]) == (
        3,
        "huaxin-pos",
    )
