"""The heartbeat as the wire's typed model (sync/wire/heartbeat.py): the box builds it, the cloud reads it
field by field (a field of the wrong type is named and the heartbeat kept aside), its JSON Schema is
generated from the same definition, and HQ's device view shows the box's own disk alarm."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cloud_api.crud.hq import device_out
from cloud_api.crud.ingest import record_heartbeat
from cloud_api.models import Device
from edge.health import collect
from edge.store.database import open_store
from sync.bounds import OutOfBounds
from sync.envelope import Envelope
from sync.wire.heartbeat import AgentFacts, Conditions, Heartbeat
from sync.wire.model import WireError, from_wire, to_wire
from sync.wire.schemas import DOCUMENTS, schema_text

REPO = Path(__file__).resolve().parents[2]
FULL = Heartbeat(
    version="0.1.0",
    config_version=3,
    pos_profile="huaxin-pos",
    receipts_stored=1204,
    spool_depth=0,
    spool_bad=1,
    outbox_depth=12,
    oldest_unsent_age_s=40,
    parse_failure_rate=Decimal("0.031"),
    disk_used_share=Decimal("0.812"),
    disk_free_bytes=3 * 2**30,
    disk_total_bytes=16 * 2**30,
    conditions=Conditions(disk_alarm=True),
    last_receipt_at=datetime(2026, 12, 7, 9, 41, 5, tzinfo=UTC),
    last_receipt_status="ok",
    last_receipt_total=Decimal("96.50"),
    printer_commands="escpos",
)


def test_a_heartbeat_goes_over_json_and_back_unchanged() -> None:
    body = json.loads(json.dumps(to_wire(FULL)))
    assert body["parse_failure_rate"] == "0.031" and body["conditions"]["disk_alarm"] is True
    assert from_wire(Heartbeat, body) == FULL


def test_a_box_that_sends_fewer_fields_or_more_is_read() -> None:
    # A fleet runs boxes of several versions: a field not sent is unknown, a field not known is left out.
    assert from_wire(Heartbeat, {"outbox_depth": 3, "sent_by_a_newer_box": [1, 2]}) == Heartbeat(
        outbox_depth=3
    )


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"outbox_depth": -1}, "Heartbeat.outbox_depth: -1 is out of range"),
        ({"outbox_depth": True}, "Heartbeat.outbox_depth: a whole number expected"),
        ({"outbox_depth": "12"}, "Heartbeat.outbox_depth: a whole number expected"),
        ({"parse_failure_rate": 0.031}, "Heartbeat.parse_failure_rate: a decimal string expected"),
        ({"disk_used_share": "NaN"}, "Heartbeat.disk_used_share: a decimal string expected, not 'NaN'"),
        # Only the form the wire writes (format(d, "f")): an exponent could stall arithmetic ("1e999999").
        (
            {"disk_used_share": "1e999999"},
            "Heartbeat.disk_used_share: a decimal string expected, not '1e999999'",
        ),
        (
            {"disk_used_share": "0." + "0" * 30 + "1"},
            "Heartbeat.disk_used_share: '0.0000000000000000000000000000001' is out",
        ),
        ({"conditions": {"disk_alarm": "yes"}}, "Heartbeat.conditions.disk_alarm: true or false expected"),
        ({"conditions": [True]}, "Heartbeat.conditions: an object expected"),
        (
            {"last_receipt_at": "2026-12-07T09:41:05"},
            "Heartbeat.last_receipt_at: '2026-12-07T09:41:05' has no",
        ),
        ({"version": "x" * 65}, "Heartbeat.version: longer than 64 characters"),
        ([], "Heartbeat: an object expected"),
    ],
)
def test_a_field_of_the_wrong_type_is_named(body: Any, named: str) -> None:
    with pytest.raises(WireError) as err:
        from_wire(Heartbeat, body)
    assert str(err.value).startswith(named)


def test_the_published_schemas_are_the_models() -> None:
    # docs/schemas/ is what `python -m sync.wire docs/schemas` writes; a model changed without it fails here.
    for name, doc in DOCUMENTS.items():
        published = (REPO / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert published == schema_text(doc), f"run: python -m sync.wire docs/schemas ({name})"


def test_the_schema_says_what_the_reader_checks() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_text(Heartbeat))
    jsonschema.validate(to_wire(FULL), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"outbox_depth": -1}, schema)


def _device(health: dict[str, Any]) -> Device:
    return Device(device_id="s12-t1", store_id=1, online=True, revoked_at=None, health=health)


def test_hq_sees_the_boxs_own_disk_alarm() -> None:
    # The box sends its alarm under "conditions"; the cloud read a top-level "disk_alarm" that no box
    # sends, and recomputed the alarm from a copy of the box's threshold, which hid the mistake.
    raised = to_wire(Heartbeat(disk_used_share=Decimal("0.500"), conditions=Conditions(disk_alarm=True)))
    assert device_out(_device(raised), [], {}).disk_alarm is True
    quiet = to_wire(Heartbeat(disk_used_share=Decimal("0.900"), conditions=Conditions(disk_alarm=False)))
    assert device_out(_device(quiet), [], {}).disk_alarm is False
    view = device_out(_device(to_wire(FULL)), [], {})
    assert (view.outbox_depth, view.parse_failure_rate, view.pos_profile) == (
        12,
        Decimal("0.031"),
        "huaxin-pos",
    )


def test_a_stored_health_that_does_not_read_shows_as_unknown() -> None:
    view = device_out(_device({"outbox_depth": "lots"}), [], {})  # written before the model, say
    assert view.outbox_depth is None and view.disk_alarm is False


def test_an_unreadable_heartbeat_is_kept_aside_with_the_field_named() -> None:
    e = Envelope("s12-t1", None, "heartbeat", datetime.now(UTC), {"conditions": {"disk_alarm": 1}})
    with pytest.raises(OutOfBounds) as err:
        record_heartbeat(None, e)  # type: ignore[arg-type]  # refused before any database is asked
    assert err.value.reason == "unreadable" and "conditions.disk_alarm" in str(err.value)


def test_the_box_builds_the_heartbeat_from_its_store(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    health = collect(open_store(tmp_path / "box.db"), spool, tmp_path)
    hb = Heartbeat.of(AgentFacts("0.1.0", 2, None, Conditions(disk_low=True)), health.readings())
    assert from_wire(Heartbeat, json.loads(json.dumps(to_wire(hb)))) == hb
    assert hb.receipts_stored == 0 and hb.conditions.disk_low and hb.disk_total_bytes


def test_the_bridges_counters_reach_hq(tmp_path: Path) -> None:
    # Nothing read bridge-status.json but the printer language: the cuts printed without the QR block,
    # the copy bytes dropped and the spool's errors now go through health and the heartbeat to HQ.
    spool = tmp_path / "spool"
    spool.mkdir()
    said = {
        "injection_timeouts": 3,
        "copy_dropped_bytes": 512,
        "printer_connected": True,
        "pid": 7,
        "updated": 1.5,
    }
    (spool / "bridge-status.json").write_text(json.dumps(said), encoding="utf-8")
    hb = Heartbeat.of(AgentFacts(), collect(open_store(tmp_path / "box.db"), spool, tmp_path).readings())
    assert hb.bridge is not None and (hb.bridge.injection_timeouts, hb.bridge.copy_dropped_bytes) == (3, 512)
    view = device_out(_device(to_wire(hb)), [], {})
    assert view.bridge == hb.bridge
    (spool / "bridge-status.json").write_text('{"injection_timeouts": "three"}', encoding="utf-8")
    assert (
        Heartbeat.of(
            AgentFacts(), collect(open_store(tmp_path / "box.db"), spool, tmp_path).readings()
        ).bridge
        is None
    )
