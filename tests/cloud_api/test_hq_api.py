"""HQ's /api/v1 with roles: owner (every store of the retailer), manager (assigned stores),
store_manager (one store). Every endpoint is tried with another store's ids and filters, by every role:
it answers 404 or leaves the other store's data out — and the same call with the user's own ids shows
their data, so the check cannot pass by returning nothing. SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import os
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import record_heartbeat, store_envelope
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Store, Transaction
from edge.parsing.pipeline import parse_bytes
from sync.envelope import Envelope
from tests.cloud_app import app_for
from tests.helpers import clear_of_window_edges, corpus

KEY = "A" * 43
STORES = {"acme": ["s1", "s2", "s3"], "rival": ["x1"]}
ROLES = {
    "owner@acme.test": ("owner", []),
    "manager@acme.test": ("manager", ["s1", "s2"]),
    "shop3@acme.test": ("store_manager", ["s3"]),
    "owner@rival.test": ("owner", []),
}
# What each user may see, and a store they may not.
MINE = {"owner@acme.test": "s1", "manager@acme.test": "s2", "shop3@acme.test": "s3", "owner@rival.test": "x1"}
NOT_MINE = {
    "owner@acme.test": "x1",
    "manager@acme.test": "s3",
    "shop3@acme.test": "s1",
    "owner@rival.test": "s2",
}


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"a picture of the paper").decode()


class Fleet:
    def __init__(self, url: str) -> None:
        upgrade(url)
        self.url = url
        self.sessions = make_sessions(make_engine(url))
        self.secret = ServiceSecret(os.urandom(32))
        self.tokens: dict[str, str] = {}
        self.store_ids: dict[str, int] = {}
        self.tx_ids: dict[str, int] = {}
        self.customer_of: dict[str, int] = {}
        now = datetime.now(UTC)
        seq = 0
        with self.sessions.begin() as s:
            for retailer, codes in STORES.items():
                for code in codes:
                    enroll(s, retailer, code, f"{code}-t1", KEY)
                    record_heartbeat(
                        s,
                        Envelope(
                            f"{code}-t1",
                            None,
                            "heartbeat",
                            now,
                            {"outbox_depth": 3, "disk_used_share": "0.412"},
                        ),
                    )
            for code in ["s1", "s2", "s3", "x1"]:
                for n, name in enumerate(["en-grocery-00", "zh-supermarket-00"]):
                    seq += 1
                    tx: dict[str, Any] = parse_bytes(corpus(name)).to_json()
                    tx["member_id"] = None  # member-number linking is test_claims.py's
                    if n == 1:
                        tx["status"] = "needs_review"
                        tx["issues"] = ["tendered 100.00 - change 0 != total 99.00"]
                        tx["reasons"] = [
                            {"check": "tenders_vs_total", "field": "payments", "text": tx["issues"][0]}
                        ]
                    record = {
                        "job_id": f"{code}-job{n}",
                        "revision": 1,
                        "qr_token": f"{code}tok{n}".ljust(16, "0"),
                        "transaction": tx,
                        "started_at": (now - timedelta(hours=n)).isoformat(),
                        "tags": {"labels": [f"label-{code}"]},
                        "paper": f"PAPER OF {code}",
                        "paper_png": PNG,
                    }
                    store_envelope(s, Envelope(f"{code}-t1", seq, "transaction", now, record), self.secret)
            s.flush()
            for store in s.scalars(select(Store)):
                self.store_ids[store.code] = store.id
            for t in s.scalars(select(Transaction)):
                self.tx_ids[t.job_id] = t.id
            # One shopper per store (only there), and one who shops at s1 and s3.
            for i, code in enumerate(["s1", "s2", "s3", "x1"]):
                c = customer_for_phone(s, self.secret, f"+861380013800{i}", now)
                claim_receipt(s, self.secret, self._tx(s, f"{code}-job0"), c, now)
                self.customer_of[code] = c.id
            both = customer_for_phone(s, self.secret, "+8613800138009", now)
            claim_receipt(s, self.secret, self._tx(s, "s1-job1"), both, now)
            claim_receipt(s, self.secret, self._tx(s, "s3-job1"), both, now)
            self.both = both.id
            for email, (role, codes) in ROLES.items():
                retailer = email.split("@")[1].split(".")[0]
                user = add_user(s, email, email, role, retailer, codes, "correct horse battery", now)
                self.tokens[email] = issue_token(s, user, "api", "test", now)

    @staticmethod
    def _tx(s: Any, job: str) -> Transaction:
        return s.scalars(select(Transaction).where(Transaction.job_id == job)).one()

    def calls(self, code: str) -> dict[str, str]:
        """Every /api/v1 path, made concrete with store `code`'s ids."""
        sid, tid, cid = self.store_ids[code], self.tx_ids[f"{code}-job0"], self.customer_of[code]
        today = date.today().isoformat()
        return {
            "/api/v1/stores": "/api/v1/stores",
            "/api/v1/stores/{store_id}": f"/api/v1/stores/{sid}",
            "/api/v1/devices": f"/api/v1/devices?store_id={sid}",
            "/api/v1/transactions": f"/api/v1/transactions?store_id={sid}",
            "/api/v1/transactions/{transaction_id}": f"/api/v1/transactions/{tid}",
            "/api/v1/review": f"/api/v1/review?store_id={sid}",
            "/api/v1/customers": "/api/v1/customers",
            "/api/v1/customers/{customer_id}": f"/api/v1/customers/{cid}",
            "/api/v1/customers/{customer_id}/recommendations": f"/api/v1/customers/{cid}/recommendations",
            "/api/v1/reports/daily": f"/api/v1/reports/daily?store_id={sid}&day={today}",
            "/api/v1/health": "/api/v1/health",
        }


def _marks(code: str) -> list[str]:
    return [f"{code}-job", f"{code}-t1", f'"code":"{code}"', f"label-{code}", f"PAPER OF {code}"]


@pytest.fixture
def fleet(cloud_db: str) -> Fleet:
    return Fleet(cloud_db)


def test_every_endpoint_by_every_role_shows_only_their_stores(fleet: Fleet) -> None:
    app = app_for(fleet.url, secret=fleet.secret)
    api_paths = {p for p in app.openapi()["paths"] if p.startswith("/api/v1")}
    with TestClient(app) as client:
        for email, token in fleet.tokens.items():
            auth = {"Authorization": f"Bearer {token}"}
            own, foreign = MINE[email], NOT_MINE[email]
            assert set(fleet.calls(own)) == api_paths  # a new endpoint must be added here to be checked
            own_seen = ""
            for template, url in fleet.calls(foreign).items():
                r = client.get(url, headers=auth)
                assert r.status_code in (200, 404), (email, url, r.status_code, r.text)
                if r.status_code == 200:
                    body = r.text
                    leaked = [m for m in _marks(foreign) if m in body]
                    assert not leaked, (email, template, leaked)
                    if template in ("/api/v1/customers",):
                        ids = {c["id"] for c in r.json()["items"]}
                        assert fleet.customer_of[foreign] not in ids
                    if "{" in template or "store_id" in url:
                        # a foreign id or filter: nothing of it may come back at all
                        assert r.status_code == 404 or _empty(r.json()), (email, template, body[:300])
            for url in fleet.calls(own).values():
                r = client.get(url, headers=auth)
                assert r.status_code == 200, (email, url, r.text)
                own_seen += r.text
            assert all(m in own_seen for m in _marks(own)[:4]), email


def _empty(body: Any) -> bool:
    if isinstance(body, list):
        return not body
    if isinstance(body, dict) and "items" in body:
        return not body["items"] and body["total"] == 0
    return False


def test_a_customer_seen_from_two_stores_shows_only_the_managers_part(fleet: Fleet) -> None:
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:

        def get(email: str, url: str) -> Any:
            return client.get(url, headers={"Authorization": f"Bearer {fleet.tokens[email]}"})

        owner = get("owner@acme.test", f"/api/v1/customers/{fleet.both}").json()
        manager = get("manager@acme.test", f"/api/v1/customers/{fleet.both}").json()
        shop3 = get("shop3@acme.test", f"/api/v1/customers/{fleet.both}").json()
        rival = get("owner@rival.test", f"/api/v1/customers/{fleet.both}")
    assert {t["job_id"] for t in owner["history"]} == {"s1-job1", "s3-job1"}
    assert {t["job_id"] for t in manager["history"]} == {"s1-job1"}
    assert {t["job_id"] for t in shop3["history"]} == {"s3-job1"}
    assert Decimal(owner["spend"]) == Decimal(manager["spend"]) + Decimal(shop3["spend"])
    assert rival.status_code == 404


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


def test_the_dashboard_pages_need_a_login_and_show_only_the_users_stores(fleet: Fleet) -> None:
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        assert client.get("/hq", follow_redirects=False).headers["location"] == "/hq/login"
        wrong = client.post("/hq/login", data={"email": "manager@acme.test", "password": "nope"})
        assert wrong.status_code == 401
        ok = client.post(
            "/hq/login",
            data={"email": "manager@acme.test", "password": "correct horse battery"},
            follow_redirects=False,
        )
        assert ok.status_code == 303 and "httponly" in ok.headers["set-cookie"].lower()
        board = client.get("/hq").text
        assert "s1-t1" in board and "s2-t1" in board and "s3-t1" not in board
        review = client.get("/hq/review").text
        # Each reason with the check that failed and the field it concerns, for the reviewer.
        assert 'data-check="tenders_vs_total"' in review and "(payments)" in review
        mine, theirs = fleet.tx_ids["s1-job1"], fleet.tx_ids["s3-job1"]
        assert f'src="/hq/papers/{mine}.png"' in review and f"/hq/papers/{theirs}.png" not in review
        picture = client.get(f"/hq/papers/{mine}.png")
        assert picture.status_code == 200 and picture.content == base64.b64decode(PNG)
        assert client.get(f"/hq/papers/{theirs}.png").status_code == 404  # another store's paper
        today = date.today().isoformat()
        assert client.get(f"/hq/reports/{fleet.store_ids['s1']}/{today}").status_code == 200
        assert client.get(f"/hq/reports/{fleet.store_ids['s3']}/{today}").status_code == 404
        assert client.get(f"/hq/reports/{fleet.store_ids['x1']}/{today}").status_code == 404
        client.post("/hq/logout")
        assert client.get("/hq", follow_redirects=False).status_code == 303


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
