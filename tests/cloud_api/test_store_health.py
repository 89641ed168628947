"""Store health at HQ: a box without heartbeats is offline, a backlog or an old unsent receipt raises an
alert, and so does a POS program whose receipts mostly need review — per store and per parser, against
the thresholds of `[alerts]`; on the API and the dashboard, scoped by role. SQLite and PostgreSQL."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from cloud_api.core.config import ConfigError, load_settings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import record_heartbeat, store_envelope
from cloud_api.crud.store_health import Thresholds
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Device, Transaction
from sync.envelope import Envelope
from tests.cloud_app import app_for


def _receipts(
    s: Any, device: str, first_seq: int, parser: str, ok: int, review: int, now: datetime, ago: float = 1
) -> None:
    for i in range(ok + review):
        body = {
            "job_id": f"{device}-{parser}-{first_seq}-{i}",
            "revision": 1,
            "started_at": (now - timedelta(hours=ago)).isoformat(),
            "parser": parser,
            "transaction": {"kind": "sale", "status": "ok" if i < ok else "needs_review", "total": "1.00"},
            "tags": {},
        }
        store_envelope(s, Envelope(device, first_seq + i, "transaction", now, body))


def test_alerts_per_store_and_pos_program(tmp_path: Path, cloud_db: str) -> None:
    now = datetime.now(UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    with sessions.begin() as s:
        for store, device in [("s1", "s1-t1"), ("s1", "s1-t2"), ("s2", "s2-t1")]:
            enroll(s, "acme", store, device, "A" * 43)
            record_heartbeat(
                s, Envelope(device, None, "heartbeat", now, {"outbox_depth": 300, "oldest_unsent_age_s": 30})
            )
        # s1-t2 fell silent 20 minutes ago; s2's box holds a big, old backlog.
        s.execute(
            update(Device).where(Device.device_id == "s1-t2").values(last_seen_at=now - timedelta(minutes=20))
        )
        bridge = {"injection_timeouts": 2, "injection_errors": 1, "printer_connected": True}
        body = {"outbox_depth": 900, "oldest_unsent_age_s": 7200, "bridge": bridge}
        record_heartbeat(s, Envelope("s2-t1", None, "heartbeat", now, body))
        # 40 % need review: a profile gone wrong.
        _receipts(s, "s1-t1", 1, "huaxin-pos", ok=18, review=12, now=now)
        _receipts(s, "s1-t1", 100, "tillbox-parser/1", ok=29, review=1, now=now)
        _receipts(s, "s2-t1", 1, "tillbox-parser/1", ok=3, review=3, now=now)  # too few receipts to judge by
        owner = add_user(s, "owner@acme.test", "O", "owner", "acme", [], "correct horse battery", now)
        shop2 = add_user(s, "shop2@acme.test", "S", "store_manager", "acme", ["s2"], None, now)
        tokens = {u.email: issue_token(s, u, "api", "t", now) for u in (owner, shop2)}
    app = app_for(cloud_db, secret=ServiceSecret(os.urandom(32)), thresholds=Thresholds())
    with TestClient(app) as client:
        owner_view = client.get(
            "/api/v1/health", headers={"Authorization": f"Bearer {tokens['owner@acme.test']}"}
        ).json()
        shop_view = client.get(
            "/api/v1/health", headers={"Authorization": f"Bearer {tokens['shop2@acme.test']}"}
        ).json()
        client.post("/hq/login", data={"email": "owner@acme.test", "password": "correct horse battery"})
        board = client.get("/hq").text
    s1, s2 = owner_view
    assert s1["offline"] == ["s1-t2"] and s1["outbox_depth"] == 600 and s1["receipts"] == 60
    parsers = {p["parser"]: p for p in s1["by_parser"]}
    assert parsers["huaxin-pos"]["rate"] == "0.400" and parsers["tillbox-parser/1"]["rate"] == "0.033"
    assert s1["alerts"] == [
        "s1-t2 offline",
        "600 receipts unsent on the store's boxes",
        "40% of 30 receipts read by profile huaxin-pos need review",
    ]
    assert s2["alerts"] == ["900 receipts unsent on the store's boxes", "a receipt unsent for 120 minutes"]
    assert [h["store_id"] for h in shop_view] == [s2["store_id"]]  # a store manager: their store only
    assert "40% of 30 receipts read by profile huaxin-pos need review" in board and "s1-t2 offline" in board
    assert "3 cuts without QR" in board  # the bridge's counters, as s2-t1's heartbeat said them


def test_a_profile_that_drifts_raises_an_alert_and_hq_corrections_count_apart(cloud_db: str) -> None:
    """A POS program updated under its profile: the share needing review jumps against the days before,
    while the share alone stays under the 10 % of the plain alert; receipts HQ corrected count as the
    reader left them (to review) and, apart, as corrected."""
    now = datetime.now(UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        _receipts(s, "s1-t1", 1, "learned-duka-1", ok=40, review=0, now=now, ago=72)  # 3 days ago: 0 %
        _receipts(s, "s1-t1", 100, "learned-duka-1", ok=36, review=4, now=now, ago=2)  # today: 10 %
        _receipts(s, "s1-t1", 200, "tillbox-parser/1", ok=40, review=0, now=now, ago=2)
        s.flush()
        s.execute(
            update(Transaction)
            .where(Transaction.job_id == "s1-t1-learned-duka-1-100-39")
            .values(status="ok", corrected_at=now, corrected_by="owner@acme.test")
        )
        owner = add_user(s, "owner@acme.test", "O", "owner", "acme", [], "correct horse battery", now)
        token = issue_token(s, owner, "api", "t", now)
    app = app_for(cloud_db, secret=ServiceSecret(os.urandom(32)), thresholds=Thresholds())
    with TestClient(app) as client:
        [s1] = client.get("/api/v1/health", headers={"Authorization": f"Bearer {token}"}).json()
        client.post("/hq/login", data={"email": "owner@acme.test", "password": "correct horse battery"})
        board = client.get("/hq").text
    learned = {p["parser"]: p for p in s1["by_parser"]}["learned-duka-1"]
    assert (learned["receipts"], learned["needs_review"], learned["corrected"]) == (40, 4, 1)
    assert (learned["rate"], learned["baseline_rate"], learned["baseline_receipts"]) == ("0.100", "0.000", 40)
    assert learned["corrected_rate"] == "0.025" and learned["ok_rate"] == "0.900"
    assert [(d["receipts"], d["needs_review"], d["corrected"]) for d in learned["days"]] == [
        (40, 0, 0),
        (40, 4, 1),
    ]
    drift = "profile learned-duka-1 drifting: 10% need review against 0% the days before"
    assert any(a.startswith(drift) for a in s1["alerts"]) and drift in board
    assert not any("tillbox-parser" in a or "built-in" in a for a in s1["alerts"])  # steady: no alert


def test_alert_thresholds_come_from_cloud_toml(tmp_path: Path) -> None:
    path = tmp_path / "cloud.toml"
    path.write_text('[alerts]\noffline_minutes = 15\nparse_failure_rate = "0.25"\n')
    a = load_settings(path, env={}).alerts
    assert (a.offline_minutes, a.parse_failure_rate, a.outbox_depth) == (15, "0.25", 500)
    for bad in ("parse_failure_rate = 0.25", 'parse_failure_rate = "2"', "outbox_depth = -1", "nonsense = 1"):
        path.write_text(f"[alerts]\n{bad}\n")
        try:
            load_settings(path, env={})
        except ConfigError as e:
            assert "alerts" in str(e)
        else:
            raise AssertionError(f"{bad} was accepted")
