"""Life-stage tags (cloud_api/crud/tags.py): "2 or more baby purchases in 60 days -> new_parent" tags a
customer from the purchase that met it — on ingest, with no refresh — and not one whose two purchases
are further apart; a rule that does not parse or names no category of the catalogue is refused with the
reason. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.customer_views import customer
from cloud_api.crud.customers import customer_for_phone, link_member
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.products import import_catalogue
from cloud_api.crud.tags import RuleError, add_rule, parse_rule
from cloud_api.crud.users import Scope
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from sync.envelope import Envelope
from tests.cloud_api.chain import cloud_config


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("baby twice -> new_parent", "does not read as a rule"),
        ("0 or more baby purchases in 60 days -> new_parent", "at least 1"),
        ("2 or more baby purchases in 60 days -> New Parent!", "does not read as a rule"),
    ],
)
def test_a_rule_that_does_not_parse_says_how_to_write_it(text: str, why: str) -> None:
    with pytest.raises(RuleError, match=why):
        parse_rule(text)


def test_the_second_baby_purchase_in_the_window_makes_a_new_parent(
    cloud_db: str, tmp_path: Path, capsys: Any
) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    config = cloud_config(tmp_path, cloud_db)

    def buy(s: Any, seq: int, days_ago: int, names: list[str], member: str) -> None:
        when = now - timedelta(days=days_ago)
        tx = {
            "kind": "sale",
            "status": "ok",
            "currency": "CNY",
            "total": f"{10 * len(names)}.00",
            "member_id": member,
            "items": [{"name": n, "amount": "10.00"} for n in names],
        }
        body = {"job_id": f"j{seq}", "revision": 1, "started_at": when.isoformat(), "transaction": tx}
        store_envelope(s, Envelope("s1-t1", seq, "transaction", when, body), secret)

    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        rows = [(2, {"code": "1", "name": "Nappies L", "category": "baby"})]
        rows += [(3, {"code": "2", "name": "Milk Powder", "category": "baby"})]
        rows += [(4, {"code": "3", "name": "Bread", "category": "bakery"})]
        import_catalogue(s, "acme", rows, now)
        with pytest.raises(RuleError, match="no product of category 'toys'"):
            add_rule(s, "acme", "1 or more toys purchases in 30 days -> toy_buyer", now)
        add_rule(s, "acme", "2 or more baby purchases in 60 days -> new_parent", now)
        with pytest.raises(RuleError, match="already gives 'new_parent'"):
            add_rule(s, "acme", "3 or more baby purchases in 90 days -> new_parent", now)
        dad = customer_for_phone(s, secret, "+8613800138001", now)
        link_member(s, secret, dad, "acme", "M-1", now)
        aunt = customer_for_phone(s, secret, "+8613800138002", now)
        link_member(s, secret, aunt, "acme", "M-2", now)
        buy(s, 1, 50, ["Bread", "Nappies L"], "M-1")
        buy(s, 2, 45, ["Bread"], "M-1")  # no baby goods: does not count
        scope = Scope(1, "o@acme.test", "owner", "acme", frozenset(s.scalars(select(Store.id))))
        assert customer(s, scope, dad.id, now).life_stages == []  # type: ignore[union-attr]
        buy(s, 3, 10, ["Milk Powder"], "M-1")  # the second, 40 days after the first
        buy(s, 4, 200, ["Nappies L"], "M-2")
        buy(s, 5, 100, ["Nappies L"], "M-2")  # 100 days apart: no new parent
        shown = customer(s, scope, dad.id, now)
        assert shown is not None and [(t.tag, t.since) for t in shown.life_stages] == [
            ("new_parent", now - timedelta(days=10))
        ]
        assert customer(s, scope, aunt.id, now).life_stages == []  # type: ignore[union-attr]
    capsys.readouterr()
    assert cloud_main(["--config", str(config), "tags", "list"]) == 0
    assert "2 or more baby purchases in 60 days -> new_parent  (1 customers)" in capsys.readouterr().out
    assert cloud_main(["--config", str(config), "tags", "add", "baby twice -> x"]) == 2
    assert "does not read as a rule" in capsys.readouterr().err
