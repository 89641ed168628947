"""HQ's view of a customer from known purchases: RFM bands and segment, average basket, favourite items
and tags, preferred hours (store's local time), and recommendations from other baskets; and a device's
missing sequence numbers from sync's ledger. SQLite and PostgreSQL."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customer_views import segment
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Store, Transaction
from sync.envelope import Envelope
from sync.ledger import record
from tests.cloud_app import app_for


def _sale(
    s: Any, seq: int, when: datetime, total: str, items: list[str], labels: list[str], now: datetime
) -> None:
    tx = {
        "kind": "sale",
        "status": "ok",
        "currency": "CNY",
        "total": total,
        "items": [{"name": n, "amount": "1.00"} for n in items],
    }
    body = {"job_id": f"j{seq}", "revision": 1, "started_at": when.isoformat(), "transaction": tx}
    store_envelope(s, Envelope("s1-t1", seq, "transaction", now, {**body, "tags": {"labels": labels}}))


def test_a_customers_figures_and_recommendations(tmp_path: Path, cloud_db: str) -> None:
    now = datetime.now(UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        s.execute(update(Store).values(timezone="Asia/Shanghai"))
        # Ann: 5 purchases in the last 20 days, mostly at 08:xx Shanghai time (00:xx UTC).
        morning = now.replace(hour=0, minute=30, second=0, microsecond=0)
        ann_baskets = [["Milk", "Bread"], ["Milk", "Eggs"], ["Milk"], ["Bread"], ["Milk", "Bread"]]
        for i, basket in enumerate(ann_baskets):
            _sale(s, i + 1, morning - timedelta(days=4 * i + 1), "20.00", basket, ["breakfast"], now)
        # Bob: one big purchase 200 days ago.
        _sale(s, 10, now - timedelta(days=200), "500.00", ["Wine"], ["party"], now)
        # Strangers' baskets: Milk goes with Butter (3 times) and Jam (once); Bread with Butter.
        for seq, basket in [(20, ["Milk", "Butter"]), (21, ["Milk", "Butter"]), (22, ["Bread", "Butter"])]:
            _sale(s, seq, now - timedelta(days=2), "5.00", basket, [], now)
        _sale(s, 23, now - timedelta(days=2), "5.00", ["Milk", "Jam"], [], now)
        _sale(s, 24, now - timedelta(days=2), "5.00", ["Wine", "Cheese"], [], now)
        s.flush()
        by_job = {t.job_id: t for t in s.scalars(select(Transaction))}
        ann = customer_for_phone(s, secret, "+8613800138001", now)
        for i in range(1, 6):
            claim_receipt(s, secret, by_job[f"j{i}"], ann, now)
        bob = customer_for_phone(s, secret, "+8613800138002", now)
        claim_receipt(s, secret, by_job["j10"], bob, now)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        token = issue_token(s, owner, "api", "t", now)
        # The ledger has seqs 1-5, 10 and 20-24 of this device: 6-9 and 11-19 never arrived.
        record(s, [Envelope("s1-t1", q, "transaction", now, {"n": q}) for q in [1, 2, 3, 4, 5, 10, 20, 21]])
        ann_id, bob_id = ann.id, bob.id
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(app_for(cloud_db, secret=secret)) as client:
        a = client.get(f"/api/v1/customers/{ann_id}", headers=auth).json()
        b = client.get(f"/api/v1/customers/{bob_id}", headers=auth).json()
        listed = client.get("/api/v1/customers", headers=auth).json()
        recs = client.get(f"/api/v1/customers/{ann_id}/recommendations", headers=auth).json()
        devices = client.get("/api/v1/devices", headers=auth).json()
    assert a["purchases"] == 5 and Decimal(a["spend"]) == Decimal("100.00") and a["average_basket"] == "20.00"
    last = now.replace(hour=0, minute=30, second=0, microsecond=0) - timedelta(days=1)
    assert a["recency_days"] == (now - last).days and a["rfm"][:2] == "53"  # within a week; 5 purchases
    assert (
        b["purchases"] == 1 and b["rfm"][:2] == "11" and b["rfm"][2] == "5"
    )  # long ago, once; biggest spend
    assert (a["segment"], b["segment"]) == (segment(5, 3, int(a["rfm"][2])), "lost")
    assert [f["name"] for f in a["favourite_items"]][:2] == ["Milk", "Bread"] and a["favourite_items"][0][
        "count"
    ] == 4
    assert a["tags"] == [{"name": "breakfast", "count": 5}]
    assert a["preferred_hours"] == [8]  # 00:30 UTC is 08:30 in Shanghai
    assert [c["id"] for c in listed["items"]] == [bob_id, ann_id]  # biggest spend first
    # No pair is in 3 baskets (the basket rules' floor) and nothing Ann buys is due: nothing to offer
    # (tests/cloud_api/test_recommendations.py has what there is).
    assert recs == []
    assert devices[0]["missing"] == [{"first": 6, "last": 9}, {"first": 11, "last": 19}]
    assert devices[0]["missing_count"] == 13 and devices[0]["quarantined"] == {}


def test_the_spend_bands_are_the_quintile_rule() -> None:
    """M from the four kept thresholds equals the rule over every customer's spend (ties included)."""
    import random

    from cloud_api.crud.customer_views import _edges, _m

    rnd = random.Random(7)
    for n in [1, 2, 3, 4, 5, 6, 7, 11, 50, 333]:
        spends = sorted(Decimal(rnd.choice([5, 10, 10, 20, rnd.randint(1, 900)])) for _ in range(n))
        edges = _edges(spends)
        for s in spends:
            below = sum(1 for x in spends if x < s)
            assert _m(s, edges) == min(5, 1 + below * 5 // max(n - 1, 1)), (n, s)
