"""HQ's /api/v1 with roles: owner (every store of the retailer), manager (assigned stores),
store_manager (one store). Every endpoint is tried with another store's ids and filters, by every role:
it answers 404 or leaves the other store's data out — and the same call with the user's own ids shows
their data, so the check cannot pass by returning nothing. SQLite and PostgreSQL.

Invariant 6's proof from here is in tests/invariants/test_6_nobody_gets_in.py:
`test_every_endpoint_by_every_role_shows_only_their_stores`,
`test_a_customer_seen_from_two_stores_shows_only_the_managers_part`,
`test_the_dashboard_pages_need_a_login_and_show_only_the_users_stores`."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.cloud_app import app_for
from tests.helpers import clear_of_window_edges
from tests.hq_fleet import Fleet


def test_tokens_are_needed_and_revoked_or_unknown_ones_refused(fleet: Fleet) -> None:
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        assert client.get("/api/v1/stores").status_code == 401
        assert client.get("/api/v1/stores", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert client.get("/api/v1/stores", headers={"Authorization": "Basic eDp5"}).status_code == 401
        token = fleet.tokens["owner@acme.test"]
        ok = client.get("/api/v1/stores", headers={"Authorization": f"Bearer {token}"})
        assert {s["code"] for s in ok.json()} == {"s1", "s2", "s3"}
        from cloud_api.crud.users import revoke_token

        with fleet.sessions.begin() as s:
            revoke_token(s, token, datetime.now(UTC))
        assert client.get("/api/v1/stores", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_what_hq_reads_money_health_review_and_filters(fleet: Fleet) -> None:
    auth = {"Authorization": f"Bearer {fleet.tokens['owner@acme.test']}"}
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        devices = client.get("/api/v1/devices", headers=auth).json()
        assert {d["device_id"] for d in devices} == {"s1-t1", "s2-t1", "s3-t1"}
        assert all(
            d["online"] and d["outbox_depth"] == 3 and d["disk_used_share"] == "0.412" for d in devices
        )
        review = client.get("/api/v1/review", headers=auth).json()
        assert review["total"] == 3 and all(i["status"] == "needs_review" for i in review["items"])
        assert all(i["paper"].startswith("PAPER OF") and i["transaction"]["items"] for i in review["items"])
        page = client.get("/api/v1/transactions?status=ok&limit=2", headers=auth).json()
        assert page["total"] == 3 and len(page["items"]) == 2
        assert all(re.fullmatch(r"\d+\.\d{2}", t["total"]) for t in page["items"])  # decimal strings
        since = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
        recent = client.get("/api/v1/transactions", params={"since": since}, headers=auth).json()
        assert recent["total"] == 3 and {t["job_id"][-4:] for t in recent["items"]} == {"job0"}
        naive = client.get("/api/v1/transactions", params={"since": "2026-11-29T00:00:00"}, headers=auth)
        assert naive.status_code == 422 and "timezone" in naive.text
        mine = client.get(f"/api/v1/transactions?customer_id={fleet.both}", headers=auth).json()
        assert {t["job_id"] for t in mine["items"]} == {"s1-job1", "s3-job1"}
        assert client.get("/api/v1/transactions?limit=100000", headers=auth).status_code == 422
        spec = client.get("/openapi.json").json()
        assert {"/api/v1/customers/{customer_id}/recommendations", "/api/v1/reports/daily"} <= set(
            spec["paths"]
        )
        assert all(
            "401" in op["responses"]
            for p, ops in spec["paths"].items()
            if p.startswith("/api")
            for op in ops.values()
        )


def test_hq_logins_are_limited_per_account_and_address_without_locking_out_others(fleet: Fleet) -> None:
    clear_of_window_edges([600, 3600])
    app = app_for(fleet.url, secret=fleet.secret)
    owner, right = "owner@acme.test", "correct horse battery"

    def login(client: TestClient, email: str, password: str) -> int:
        sent = client.post("/hq/login", data={"email": email, "password": password}, follow_redirects=False)
        return sent.status_code

    with TestClient(app, client=("203.0.113.7", 5000)) as guesser:
        codes = [login(guesser, owner, f"guess {i}") for i in range(11)]
        assert codes[:10] == [401] * 10 and codes[10] == 429
        assert login(guesser, owner.upper(), right) == 429  # the same account, however it is typed
        # Another account from the same address (a colleague behind the same proxy) is not locked out.
        assert login(guesser, "manager@acme.test", "nope") == 401
    # The owner, from another address, signs in: one address cannot lock an account out.
    with TestClient(app, client=("198.51.100.2", 5000)) as owner_elsewhere:
        assert login(owner_elsewhere, owner, right) == 303
