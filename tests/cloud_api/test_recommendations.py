"""Recommendations v2 (cloud_api/crud/customer_views.py recommendations): items bought with the customer's
more than chance has it, ranked by the chain's basket rules' lift — an item everyone buys ranks below one
bought with theirs — never an item they buy already; and a consumable they buy regularly, due by their own
rhythm, first. SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.baskets import refresh_rules
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.customers import customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from tests.cloud_api.chain import add_sale
from tests.cloud_app import app_for


def test_what_goes_with_theirs_and_what_is_due(cloud_db: str, tmp_path: Path) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    now = datetime.now(UTC)
    rnd = random.Random(9)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        store = s.scalars(select(Store)).one()
        mum = customer_for_phone(s, secret, "+8613800138001", now)

        def sale(items: list[str], days_ago: float, customer: int | None = None) -> None:
            add_sale(s, store, now - timedelta(days=days_ago), [(i, "5.00") for i in items], customer, now)

        # The chain: milk powder goes with wipes (lift 4) far more than with bread, which everyone buys.
        for b in range(200):
            basket = {"Bread"} if rnd.random() < 0.5 else {"Eggs"}
            if b % 4 == 0:
                basket.add("Milk Powder")
                if b % 8 == 0:
                    basket.add("Wipes")
            sale(sorted(basket), rnd.uniform(0, 30))
        # Mum: milk powder every 14 days, the last 20 days ago (due); bread once.
        for days_ago in (48, 34, 20):
            sale(["Milk Powder"], days_ago, mum.id)
        sale(["Bread"], 3, mum.id)
        s.flush()
        refresh(s, now)
        refresh_rules(s, "acme", now)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        token = issue_token(s, owner, "api", "t", now)
        mum_id = mum.id
    with TestClient(app_for(cloud_db, secret=secret)) as client:
        recs = client.get(
            f"/api/v1/customers/{mum_id}/recommendations", headers={"Authorization": f"Bearer {token}"}
        ).json()
    assert recs[0]["item"] == "Milk Powder" and recs[0]["kind"] == "again"
    assert recs[0]["score"] == "1.43" and "every 14 days; 20 since" in recs[0]["reason"]
    together = [r for r in recs if r["kind"] == "together"]
    assert together and together[0]["item"] == "Wipes" and together[0]["because_of"] == ["Milk Powder"]
    # Wipes in 25 of the 53 baskets with milk powder (50 of the chain's and her 3).
    assert together[0]["reason"] == "bought with Milk Powder by 47% of those who buy it"
    assert {r["item"] for r in together}.isdisjoint({"Milk Powder", "Bread"})  # never what she buys
    scores = [Decimal(r["score"]) for r in together]
    assert scores == sorted(scores, reverse=True) and all(x > 1 for x in scores)
