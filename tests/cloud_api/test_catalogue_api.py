"""The catalogue and the tag rules edited over HQ's API (issue 18): the owner imports products, every bad
row refused with its reason and the rest imported, and adds and removes life-stage rules (a rule that
does not read is refused with why); other roles read the rules and change nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Customer, Store
from tests.cloud_api.chain import add_sale
from tests.cloud_app import app_for


def _set_up(url: str) -> tuple[dict[str, dict[str, str]], int]:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    now = datetime.now(UTC)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        enroll(s, "rival", "r1", "r1-t1", "A" * 43)
        store = s.scalars(select(Store).where(Store.code == "s1")).one()
        parent = Customer(created_at=now)
        s.add(parent)
        s.flush()
        for days in (20, 5):
            add_sale(s, store, now - timedelta(days=days), [("Nappies M", "99.00")], parent.id)
        refresh(s, now)
        tokens = {}
        for email, role, stores, retailer in (
            ("owner@acme.test", "owner", [], "acme"),
            ("area@acme.test", "manager", ["s1"], "acme"),
            ("shop@acme.test", "store_manager", ["s1"], "acme"),
            ("owner@rival.test", "owner", [], "rival"),
        ):
            user = add_user(s, email, email, role, retailer, stores, None, now)
            tokens[email] = {"Authorization": f"Bearer {issue_token(s, user, 'api', 't', now)}"}
    return tokens, parent.id


def test_the_owner_imports_products_row_by_row(cloud_db: str) -> None:
    tokens, _ = _set_up(cloud_db)
    body = {
        "products": [
            {"code": "P1", "name": "Nappies M", "category": "baby"},
            {"code": "P2", "barcode": "12ab", "name": "Milk Powder", "category": "baby"},
            {"code": "P3", "name": "Bread", "category": "bakery"},
            {"code": "P1", "name": "Nappies M again", "category": "baby"},
        ]
    }
    with TestClient(app_for(cloud_db)) as c:
        for email in ("area@acme.test", "shop@acme.test"):
            assert c.post("/api/v1/products", json=body, headers=tokens[email]).status_code == 403
        r = c.post("/api/v1/products", json=body, headers=tokens["owner@acme.test"])
        assert r.status_code == 200, r.text
        got = r.json()
        assert got["added"] == 2 and got["replaced"] == 0
        assert [x["row"] for x in got["refused"]] == [2, 4]
        assert "barcode" in got["refused"][0]["reason"] and "twice" in got["refused"][1]["reason"]
        unmapped = c.get("/api/v1/products/unmapped", headers=tokens["owner@acme.test"]).json()
        assert "Nappies M" not in {u["name"] for u in unmapped}  # the receipts' item is now known


def test_tag_rules_are_the_owners_to_edit_and_everyones_to_read(cloud_db: str) -> None:
    tokens, parent = _set_up(cloud_db)
    owner = tokens["owner@acme.test"]
    with TestClient(app_for(cloud_db)) as c:
        catalogue = {"products": [{"code": "P1", "name": "Nappies M", "category": "baby"}]}
        assert c.post("/api/v1/products", json=catalogue, headers=owner).status_code == 200
        bad = c.post("/api/v1/tag-rules", json={"rule": "babies twice -> parent"}, headers=owner)
        assert bad.status_code == 422 and "does not read as a rule" in bad.text
        unknown = c.post(
            "/api/v1/tag-rules",
            json={"rule": "2 or more wine purchases in 30 days -> wine_lover"},
            headers=owner,
        )
        assert unknown.status_code == 422 and "no product of category 'wine'" in unknown.text
        text = "2 or more baby purchases in 60 days -> new_parent"
        for email in ("area@acme.test", "shop@acme.test"):
            assert c.post("/api/v1/tag-rules", json={"rule": text}, headers=tokens[email]).status_code == 403
        added = c.post("/api/v1/tag-rules", json={"rule": text}, headers=owner)
        assert added.status_code == 201, added.text
        rule: dict[str, Any] = added.json()
        assert (rule["tag"], rule["category"], rule["min_count"], rule["window_days"], rule["customers"]) == (
            "new_parent",
            "baby",
            2,
            60,
            1,
        )
        detail = c.get(f"/api/v1/customers/{parent}", headers=tokens["shop@acme.test"]).json()
        assert "new_parent" in str(detail)
        assert c.get("/api/v1/tag-rules", headers=tokens["shop@acme.test"]).json() == [rule]
        assert c.get("/api/v1/tag-rules", headers=tokens["owner@rival.test"]).json() == []
        rid = rule["id"]
        assert c.delete(f"/api/v1/tag-rules/{rid}", headers=tokens["area@acme.test"]).status_code == 403
        assert c.delete(f"/api/v1/tag-rules/{rid}", headers=tokens["owner@rival.test"]).status_code == 404
        assert c.delete(f"/api/v1/tag-rules/{rid}", headers=owner).status_code == 204
        assert c.get("/api/v1/tag-rules", headers=owner).json() == []
        assert c.delete(f"/api/v1/tag-rules/{rid}", headers=owner).status_code == 404
        detail = c.get(f"/api/v1/customers/{parent}", headers=owner).json()
        assert "new_parent" not in str(detail)
