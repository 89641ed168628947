"""Basket rules (cloud_api/crud/baskets.py): a pair planted at lift above 3 is found, in its store's rules
and the chain's, with support, confidence and lift as counted by hand; a pair no more likely than chance
is not; `tillbox-cloud rules --store S --json` prints what the API gives. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.baskets import MIN_BASKETS, mine, refresh_rules
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from tests.cloud_api.chain import add_sale, cloud_config
from tests.cloud_app import app_for


def test_pairs_are_counted_as_by_hand() -> None:
    baskets = [
        frozenset(b) for b in (["a", "b"], ["a", "b"], ["a", "b"], ["a"], ["c"], ["c", "d"], ["d"], ["e"])
    ]
    rules = {(a, c): (n, s, conf, lift) for a, c, n, s, conf, lift in mine(baskets)}
    # a in 4 of 8, b in 3, both in 3: support 3/8, confidence a->b 3/4, b->a 1, lift (3/8)/((4/8)(3/8)) = 2
    assert rules[("a", "b")] == (3, 3 / 8, 3 / 4, 2.0) and rules[("b", "a")] == (3, 3 / 8, 1.0, 2.0)
    assert ("c", "d") not in rules  # together once: under MIN_BASKETS
    assert MIN_BASKETS == 3 and mine([]) == []


def test_a_pair_bought_together_is_found_in_its_store(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    now = datetime.now(UTC)
    rnd = random.Random(3)
    staples = ["Rice", "Eggs", "Bread", "Apples", "Soap", "Tea"]
    with sessions.begin() as s:
        for code in ("s1", "s2"):
            enroll(s, "acme", code, f"{code}-t1", "A" * 43)
        stores = {st.code: st for st in s.scalars(select(Store))}
        n = 0
        for code in ("s1", "s2"):
            for b in range(120):
                basket = set(rnd.sample(staples, 2))
                if code == "s1" and b % 10 == 0:
                    basket |= {"Milk Powder", "Nappies"}  # planted: 12 of s1's 120 baskets hold both
                elif code == "s1" and b % 10 == 5:
                    basket.add("Milk Powder")  # and 12 more hold milk powder alone
                n += 1
                add_sale(
                    s, stores[code], now - timedelta(hours=n), [(name, "5.00") for name in sorted(basket)]
                )
        s.flush()
        kept = refresh_rules(s, "acme", now)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        token = issue_token(s, owner, "api", "t", now)
        s1 = stores["s1"].id
    assert kept["s1"] > 0 and "s1" in kept and "" in kept
    with TestClient(app_for(cloud_db, secret=secret)) as client:
        got = client.get(f"/api/v1/stores/{s1}/rules", headers={"Authorization": f"Bearer {token}"}).json()
    rules = {(r["antecedent"], r["consequent"]): r for r in got}
    nappies = rules[("Nappies", "Milk Powder")]
    # Nappies in 12 baskets, all with milk powder (in 24): confidence 1, lift (12/120)/((12/120)(24/120)) = 5
    assert nappies["baskets"] == 12 and nappies["confidence"] == 1.0 and abs(nappies["lift"] - 5.0) < 1e-9
    assert rules[("Milk Powder", "Nappies")]["confidence"] == 0.5
    assert got[0]["lift"] >= got[-1]["lift"]  # strongest first
    assert not [r for r in got if r["lift"] <= 1.0]
    config = cloud_config(tmp_path, cloud_db)
    capsys.readouterr()
    assert cloud_main(["--config", str(config), "rules", "--store", "s1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == got[:100]
    assert cloud_main(["--config", str(config), "rules", "--store", "nowhere"]) == 2
