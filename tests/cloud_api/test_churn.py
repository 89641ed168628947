"""Churn early warning (cloud_api/crud/churn.py): a store's core customers overdue against their own
cadence, with the value model's P(alive) where fitted; in that store's list only, to its users only;
`tillbox-cloud warnings --store S --json` prints what the API gives. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret, load_or_create_secret
from cloud_api.crud.churn import warnings
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.customer_values import fit_values
from cloud_api.crud.customers import customer_for_phone, link_member
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from tests.cloud_api.chain import add_sale, cloud_config
from tests.cloud_app import app_for


def _visits(
    s: Session, store: Store, customer_id: int, days_ago: list[float], total: str, now: datetime
) -> None:
    for d in days_ago:
        add_sale(s, store, now - timedelta(days=d), [("Basket", total)], customer_id)


def test_the_quiet_regular_is_in_their_stores_list_only(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    now = datetime.now(UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    rnd = random.Random(5)
    with sessions.begin() as s:
        for code in ("s1", "s2"):
            enroll(s, "acme", code, f"{code}-t1", "A" * 43)
        s1, s2 = (s.scalars(select(Store).where(Store.code == c)).one() for c in ("s1", "s2"))
        quiet = customer_for_phone(s, secret, "+8613800138001", now)
        link_member(s, secret, quiet, "acme", "M-00001234", now)
        regular = customer_for_phone(s, secret, "+8613800138002", now)
        monthly = customer_for_phone(s, secret, "+8613800138003", now)
        _visits(s, s1, quiet.id, [30 + 7.0 * k for k in range(12)], "40.00", now)  # weekly, silent a month
        _visits(s, s2, quiet.id, [3.0, 40.0], "10.00", now)  # two visits elsewhere: no regular there
        _visits(s, s1, regular.id, [2 + 7.0 * k for k in range(12)], "40.00", now)  # weekly, still coming
        _visits(s, s2, monthly.id, [20 + 30.0 * k for k in range(6)], "25.00", now)  # monthly, on time
        for n in range(40):  # the rest of the chain, for the value model
            other = customer_for_phone(s, secret, f"+861390013{n:04d}", now)
            # Half still buying, half gone a hundred days ago: a chain with dropouts to fit.
            start = 0 if n % 4 < 2 else 100
            visits = sorted(rnd.uniform(start, 200) for _ in range(rnd.randint(1, 6)))
            _visits(s, (s1, s2)[n % 2], other.id, visits, f"{rnd.randint(5, 90)}.00", now)
        refresh(s, now)
        assert fit_values(s, "acme", now)[0].customers == 43  # (P(alive) fitted; spend is not needed)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        shop2 = add_user(s, "shop2@acme.test", "Shop 2", "store_manager", "acme", ["s2"], None, now)
        tokens = {u.email: issue_token(s, u, "api", "t", now) for u in (owner, shop2)}
        ids = {"s1": s1.id, "s2": s2.id, "quiet": quiet.id, "regular": regular.id, "monthly": monthly.id}
    with TestClient(app_for(cloud_db, secret=secret)) as client:

        def get(email: str, store: str) -> Any:
            r = client.get(
                f"/api/v1/stores/{ids[store]}/warnings", headers={"Authorization": f"Bearer {tokens[email]}"}
            )
            return r.status_code, r.json()

        status, s1_list = get("owner@acme.test", "s1")
        assert status == 200
        warned = {w["customer_id"]: w for w in s1_list}
        assert ids["quiet"] in warned and ids["regular"] not in warned
        w = warned[ids["quiet"]]
        assert w["purchases"] == 12 and w["cadence_days"] == 7.0 and w["p_alive"] < 0.5
        assert w["phone"] == "+86•••••••8001" and w["member"] == "••••••1234"
        assert Decimal(w["value_at_risk"]) == Decimal("514.29")  # 40.00 a week for 90 days
        for w in s1_list:  # (the chain's gone customers among them) each overdue by its own cadence
            last = datetime.fromisoformat(w["last_visit"])
            assert now - last >= timedelta(days=2 * w["cadence_days"] - 0.1) and w["purchases"] >= 3
        values = [Decimal(w["value_at_risk"]) for w in s1_list]
        assert values == sorted(values, reverse=True)  # most at risk first
        s2_warned = {w["customer_id"] for w in get("owner@acme.test", "s2")[1]}
        assert ids["quiet"] not in s2_warned and ids["monthly"] not in s2_warned  # no regular there; on time
        # The closing report carries them too: the API's JSON, the page and the mail's text.
        day = now.date().isoformat()
        auth = {"Authorization": f"Bearer {tokens['owner@acme.test']}"}
        report = client.get(f"/api/v1/reports/daily?store_id={ids['s1']}&day={day}", headers=auth).json()
        quiet_there = [g for g in report["gone_quiet"] if g["customer_id"] == ids["quiet"]]
        assert quiet_there and quiet_there[0]["phone"] == "+86•••••••8001"
        from cloud_api.reports_mail import report_message
        from cloud_api.schemas import DailyReport

        text = report_message(DailyReport.model_validate(report), "hq@acme.test", ["m@acme.test"])
        plain = text.get_body(("plain",))
        assert (
            plain is not None
            and "Gone quiet" in plain.get_content()
            and "+86•••••••8001" in plain.get_content()
        )
        assert get("shop2@acme.test", "s1")[0] == 404  # not their store
    config = cloud_config(tmp_path, cloud_db)
    capsys.readouterr()
    assert cloud_main(["--config", str(config), "warnings", "--store", "s1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == s1_list


def test_four_missed_cadences_are_a_warning_whatever_the_model_says(cloud_db: str) -> None:
    """A chain model with almost no dropout keeps P(alive) high for a regular; three missed weeks stay
    unwarned by it, five are warned all the same."""
    from cloud_api.analytics.value_model import BgNbd
    from cloud_api.models import ValueModel

    now = datetime.now(UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        s1 = s.scalars(select(Store)).one()
        s.add(
            ValueModel(
                retailer="acme",
                currency="CNY",
                customers=100,
                r=1.0,
                alpha=7.0,
                a=0.001,
                b=50.0,
                p=None,
                q=None,
                v=None,
                fitted_at=now,
            )
        )
        late, gone = (
            customer_for_phone(s, ServiceSecret(os.urandom(32)), f"+861380013800{n}", now) for n in (1, 2)
        )
        _visits(s, s1, late.id, [21 + 7.0 * k for k in range(8)], "40.00", now)  # three weeks quiet
        _visits(s, s1, gone.id, [35 + 7.0 * k for k in range(8)], "40.00", now)  # five weeks quiet
        refresh(s, now)
    assert BgNbd(1.0, 7.0, 0.001, 50.0).p_alive(7, 49, 70) > 0.5  # the model calls the five weeks chance
    with sessions() as s:
        warned = {w.customer_id for w in warnings(s, [s1.id], now)}
    assert warned == {gone.id}
