"""History from day one: `tillbox-cloud import FILE.jsonl --store S` stores a store's earlier receipts
through ingest's own path — idempotent by job id, every bad line reported with its number and reason, the
rest imported, a member's receipts linked and counted in their features at once — and `tillbox-cloud
customers show ID --json` prints what the API gives. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.customers import customer_for_phone, link_member
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import CustomerFeature, Device, Transaction
from tests.cloud_api.chain import cloud_config
from tests.cloud_app import app_for


def _record(job: str, days_ago: int, total: str, member: str | None = None) -> dict[str, Any]:
    when = datetime(2025, 6, 1, 10, 0, tzinfo=UTC) - timedelta(days=days_ago)
    tx: dict[str, Any] = {"kind": "sale", "status": "ok", "currency": "CNY", "total": total}
    tx["items"] = [{"name": "Rice", "amount": total}]
    if member:
        tx["member_id"] = member
    return {"job_id": job, "revision": 1, "started_at": when.isoformat(), "transaction": tx}


def test_a_stores_history_is_imported_line_by_line(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    now = datetime.now(UTC)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        ann = customer_for_phone(s, secret, "+8613800138001", now)
        link_member(s, secret, ann, "acme", "M-777", now)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        token = issue_token(s, owner, "api", "t", now)
        ann_id = ann.id
    good = [_record(f"h{n}", n * 7, f"{20 + n}.00", "M-777" if n % 2 == 0 else None) for n in range(6)]
    lines = [json.dumps(r) for r in good]
    lines.insert(2, "{not json")  # line 3
    lines.insert(4, json.dumps({**good[0], "job_id": "bad-total", "transaction": {"total": "lots"}}))  # 5
    lines.insert(5, "")  # line 6: nothing, no complaint
    lines.insert(6, json.dumps({**good[0], "job_id": "nul", "started_at": "1999-01-01T00:00:00+00:00"}))  # 7
    path = tmp_path / "history.jsonl"
    path.write_text("\n".join(lines) + "\n")
    config = cloud_config(tmp_path, cloud_db)

    capsys.readouterr()
    assert cloud_main(["--config", str(config), "import", str(path), "--store", "s1"]) == 1  # some refused
    out, err = capsys.readouterr()
    assert "6 receipts imported into s1, 0 already there, 3 lines refused" in out
    assert [line.split(": ", 1)[0] for line in err.splitlines()] == [f"{path}:3", f"{path}:5", f"{path}:7"]
    assert "not JSON" in err and "total" in err and "started_at" in err
    assert cloud_main(["--config", str(config), "import", str(path), "--store", "s1"]) == 1
    assert "0 receipts imported into s1, 6 already there, 3 lines refused" in capsys.readouterr().out
    with sessions() as s:
        rows = list(s.scalars(select(Transaction)))
        source = s.get(Device, "import-s1")
        features = s.scalars(select(CustomerFeature).where(CustomerFeature.customer_id == ann_id)).one()
    assert len(rows) == 6 and {r.device_id for r in rows} == {"import-s1"}
    assert source is not None and source.revoked_at is not None  # nothing can publish as it
    # The member's three receipts (lines 1, 4 and 8: h0, h2, h4) are hers and counted at once.
    assert sorted(r.job_id for r in rows if r.customer_id == ann_id) == ["h0", "h2", "h4"]
    assert (features.purchases, str(features.spend)) == (3, "66.00")
    capsys.readouterr()
    assert cloud_main(["--config", str(config), "import", str(path), "--store", "nowhere"]) == 2
    assert "no store 'nowhere'" in capsys.readouterr().err
    assert (
        cloud_main(["--config", str(config), "import", str(tmp_path / "absent.jsonl"), "--store", "s1"]) == 2
    )

    capsys.readouterr()
    assert cloud_main(["--config", str(config), "customers", "show", str(ann_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    with TestClient(app_for(cloud_db, secret=secret)) as client:
        api = client.get(f"/api/v1/customers/{ann_id}", headers={"Authorization": f"Bearer {token}"}).json()
    assert shown == api and shown["purchases"] == 3
    assert cloud_main(["--config", str(config), "customers", "show", "999999"]) == 2
