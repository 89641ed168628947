"""The funnel from paper to person (cloud_api/crud/funnel.py): a receipt's first view is recorded once and
HQ's own views are not; on a planted week of sales the figures per store, cashier and local hour are
exact; an empty period gives zeros; the API and the command give the same, to the store's users only.
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret, load_or_create_secret
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.funnel import funnel
from cloud_api.migrate import alembic_config, upgrade
from cloud_api.models import Store, Transaction
from tests.cloud_api.chain import add_sale, cloud_config
from tests.cloud_api.test_claims import PHONE, Cloud, save
from tests.cloud_app import app_for
from tests.hq_fleet import Fleet

NOW = datetime.now(UTC)
DAY = (NOW - timedelta(days=3)).replace(hour=0, minute=0, second=0, microsecond=0)  # UTC midnight
MORNING, AFTERNOON = DAY + timedelta(hours=2, minutes=5), DAY + timedelta(hours=6, minutes=50)  # 10h, 14h


def _sale(
    s: Session,
    store: Store,
    when: datetime,
    cashier: str | None,
    customer_id: int | None = None,
    scanned: bool = False,
    kind: str = "sale",
) -> Transaction:
    row = add_sale(s, store, when, [("Rice", "10.00")], customer_id)
    row.record = {"transaction": {**row.record["transaction"], "cashier": cashier}}
    row.kind = kind
    row.first_viewed_at = when + timedelta(minutes=1) if scanned else None
    s.flush()
    return row


def _plant(url: str, secret: ServiceSecret) -> dict[str, int]:
    """Seven sales of store s1 (Asia/Shanghai, UTC+8) in the week: Li's at 10h local, Wang's at 14h."""
    upgrade(url)
    with make_sessions(make_engine(url)).begin() as s:
        for retailer, code in (("acme", "s1"), ("acme", "s2"), ("rival", "x1")):
            enroll(s, retailer, code, f"{code}-t1", "A" * 43)
        s1, s2, x1 = (s.scalars(select(Store).where(Store.code == c)).one() for c in ("s1", "s2", "x1"))
        s1.timezone = "Asia/Shanghai"
        member = customer_for_phone(s, secret, "+8613800138001", NOW)  # linked by a member number only
        back = customer_for_phone(s, secret, "+8613800138002", NOW)  # saves two, buys again at s2
        once = customer_for_phone(s, secret, "+8613800138003", NOW)  # saves one, buys again at a rival
        _sale(s, s1, MORNING + timedelta(minutes=30), "Li")  # another quarter of the same hour
        _sale(s, s1, MORNING, "Li", scanned=True)
        _sale(s, s1, MORNING, "Li", member.id)
        claim_receipt(s, secret, _sale(s, s1, MORNING, "Li", scanned=True), back, NOW)
        _sale(s, s1, MORNING, "Li", kind="refund")  # not a sale: left out
        claim_receipt(s, secret, _sale(s, s1, AFTERNOON, "Wang", scanned=True), once, NOW)
        claim_receipt(s, secret, _sale(s, s1, AFTERNOON, "Wang", scanned=True), back, NOW)
        _sale(s, s1, AFTERNOON + timedelta(minutes=15), "Wang", scanned=True)  # 15:05 local
        _sale(s, s1, NOW - timedelta(days=10), "Li", once.id, scanned=True)  # before the period
        _sale(s, s2, NOW - timedelta(days=1), None, back.id)
        _sale(s, x1, NOW - timedelta(days=1), None, once.id)  # another retailer: not a return
        return {"s1": s1.id, "s2": s2.id}


def _figures(sales: int, linked: int, scanned: int, saved: int, repeat: int, **shares: str) -> dict[str, Any]:
    return {
        "sales": sales,
        "linked": linked,
        "scanned": scanned,
        "saved": saved,
        "repeat": repeat,
        **{k: Decimal(v) for k, v in shares.items()},
    }


def test_the_planted_week_is_counted_exactly(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    secret = load_or_create_secret(tmp_path / "cloud.key")
    ids = _plant(cloud_db, secret)
    sessions = make_sessions(make_engine(cloud_db))
    with sessions() as s:
        (f,) = funnel(s, [ids["s1"]], NOW - timedelta(days=7), NOW)
        (other,) = funnel(s, [ids["s2"]], NOW - timedelta(days=7), NOW)
    assert f.store_id == ids["s1"] and f.store == "s1"
    assert f.totals.model_dump() == _figures(
        7, 4, 5, 3, 2, linked_share="0.571", scan_share="0.714", save_share="0.429", repeat_share="0.667"
    )
    assert (f.saving_customers, f.returning_customers) == (2, 1)
    li, wang = f.by_cashier
    assert li.cashier == "Li" and li.model_dump(exclude={"cashier"}) == _figures(
        4, 2, 2, 1, 1, linked_share="0.500", scan_share="0.500", save_share="0.250", repeat_share="1.000"
    )
    assert wang.cashier == "Wang" and wang.model_dump(exclude={"cashier"}) == _figures(
        3, 2, 3, 2, 1, linked_share="0.667", scan_share="1.000", save_share="0.667", repeat_share="0.500"
    )
    assert [(h.hour, h.sales, h.scanned, h.saved, h.repeat) for h in f.by_hour] == [
        (10, 4, 2, 1, 1),
        (14, 2, 2, 2, 1),
        (15, 1, 1, 0, 0),
    ]
    # s2's one sale: linked (a saver's later purchase), never scanned or saved itself.
    assert other.totals.sales == 1 and other.totals.linked == 1 and other.totals.saved == 0
    assert [c.cashier for c in other.by_cashier] == [None]

    config = cloud_config(tmp_path, cloud_db)
    assert cloud_main(["--config", str(config), "funnel", "--store", "s1", "--days", "7", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["totals"]["sales"] == 7 and printed["totals"]["save_share"] == "0.429"
    assert [c["cashier"] for c in printed["by_cashier"]] == ["Li", "Wang"]
    assert cloud_main(["--config", str(config), "funnel", "--store", "s1", "--days", "7"]) == 0
    assert "7 sales" in capsys.readouterr().out
    assert cloud_main(["--config", str(config), "funnel", "--store", "s1", "--days", "0"]) == 2
    assert cloud_main(["--config", str(config), "funnel", "--store", "x1"]) == 2  # another retailer's


def test_an_empty_period_or_store_gives_zeros(cloud_db: str, tmp_path: Path) -> None:
    secret = load_or_create_secret(tmp_path / "cloud.key")
    ids = _plant(cloud_db, secret)
    with make_sessions(make_engine(cloud_db))() as s:
        (f,) = funnel(s, [ids["s1"]], NOW - timedelta(days=60), NOW - timedelta(days=40))
        assert funnel(s, [], NOW - timedelta(days=7), NOW) == []
        assert funnel(s, [999_999], NOW - timedelta(days=7), NOW) == []
    assert f.totals.model_dump() == _figures(
        0, 0, 0, 0, 0, linked_share="0", scan_share="0", save_share="0", repeat_share="0"
    )
    assert (f.saving_customers, f.returning_customers, f.by_cashier, f.by_hour) == (0, 0, [], [])


def test_the_first_view_is_recorded_once_and_hqs_views_do_not_count(fleet: Fleet) -> None:
    token = "s1tok0".ljust(16, "0")
    owner = {"Authorization": f"Bearer {fleet.tokens['owner@acme.test']}"}

    def first_view() -> datetime | None:
        with fleet.sessions() as s:
            row = s.get(Transaction, fleet.tx_ids["s1-job0"])
            assert row is not None
            return row.first_viewed_at

    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        assert client.get(f"/r/{token}", headers=owner).status_code == 200  # HQ by its API token
        assert first_view() is None
        signed = client.post(
            "/hq/login",
            data={"email": "owner@acme.test", "password": "correct horse battery"},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        assert client.get(f"/r/{token}").status_code == 200  # HQ by the dashboard's session
        assert first_view() is None
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as shopper:
        assert shopper.get(f"/r/{token}?via=me").status_code == 200  # from their list at /me: no scan
        assert first_view() is None
        assert shopper.get(f"/r/{token}", headers={"Authorization": "Bearer forged"}).status_code == 200
        seen = first_view()
        assert seen is not None and NOW - timedelta(minutes=5) < seen <= datetime.now(UTC)
        assert shopper.get(f"/r/{token}").status_code == 200
        assert first_view() == seen  # the second view changes nothing
    with fleet.sessions() as s:
        (f,) = funnel(s, [fleet.store_ids["s1"]], NOW - timedelta(days=1), datetime.now(UTC))
    assert (f.totals.sales, f.totals.scanned) == (2, 1)


def test_receipts_saved_by_a_code_before_the_migration_are_known_as_saved(cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    tokens = [f"Tok000000000000{n}" for n in (1, 2, 3)]
    for token in tokens:
        cloud.receipt(token)
    with cloud.client() as c:
        assert save(c, cloud, tokens[0], PHONE).status_code == 303
        signed_in = c.post(f"/r/{tokens[1]}/claim", data={}, follow_redirects=False)  # no code needed
        assert signed_in.status_code == 303
    with cloud.sessions.begin() as s:
        assert s.scalar(select(func.count()).where(Transaction.claimed_at.is_not(None))) == 2
        s.execute(update(Transaction).values(claimed_at=None))  # as before revision 0014
    cloud.sessions.kw["bind"].dispose()
    command.downgrade(alembic_config(cloud_db), "0013")
    upgrade(cloud_db)
    with cloud.sessions() as s:
        saved = {token: at for token, at in s.execute(select(Transaction.qr_token, Transaction.claimed_at))}
    # The code's use dates the first; the second, saved without a code, cannot be told from a member's link.
    assert saved[tokens[0]] is not None and saved[tokens[1]] is None and saved[tokens[2]] is None


def test_a_store_outside_the_callers_scope_is_not_found(fleet: Fleet) -> None:
    def get(who: str, code: str) -> int:
        auth = {"Authorization": f"Bearer {fleet.tokens[who]}"}
        return client.get(f"/api/v1/stores/{fleet.store_ids[code]}/funnel?days=7", headers=auth).status_code

    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        assert [get("shop3@acme.test", c) for c in ("s3", "s1", "x1")] == [200, 404, 404]
        assert [get("manager@acme.test", c) for c in ("s1", "s2", "s3")] == [200, 200, 404]
        assert [get("owner@rival.test", c) for c in ("x1", "s1")] == [200, 404]
        auth = {"Authorization": f"Bearer {fleet.tokens['owner@acme.test']}"}
        body = client.get(f"/api/v1/stores/{fleet.store_ids['s3']}/funnel", headers=auth).json()
        assert body["store_id"] == fleet.store_ids["s3"] and body["totals"]["saved"] == 2
        assert (
            client.get(f"/api/v1/stores/{fleet.store_ids['s3']}/funnel?days=0", headers=auth).status_code
            == 422
        )
        page = client.post(
            "/hq/login", data={"email": "shop3@acme.test", "password": "correct horse battery"}
        )
        assert page.status_code == 200 and "From paper to person" in page.text
        assert page.text.count('<tr class="funnel">') == 1  # the store manager's one store
        assert '<tr class="funnel"><td data-label="Store">s3</td><td data-label="Sales">2</td>' in page.text
