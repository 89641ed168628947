"""The stored customer features (cloud_api/crud/customer_features.py): a refresh writes, per customer,
store and currency, what a fold of the same sales says — set-based SQL on PostgreSQL, a fold in Python on
SQLite — and a partial refresh touches only its customers. `tillbox-cloud features refresh` runs it."""

from __future__ import annotations

import logging
import os
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.migrate import upgrade
from cloud_api.models import CustomerFeature, Store, Transaction
from sync.envelope import Envelope
from tests.cloud_api.chain import add_sale, cloud_config

ZONES = {"s1": "Asia/Shanghai", "s2": "America/New_York"}


def _sale(s: Session, device: str, seq: int, when: datetime, kind: str, items: list[dict[str, str]]) -> None:
    total = sum((Decimal(i["amount"]) + Decimal(i.get("discount") or "0") for i in items), Decimal(0))
    tx = {"kind": kind, "status": "ok", "currency": "CNY", "total": str(total), "items": items}
    body = {"job_id": f"{device}-j{seq}", "revision": 1, "started_at": when.isoformat(), "transaction": tx}
    store_envelope(s, Envelope(device, seq, "transaction", when, body))


def _expected(sales: list[tuple[int, int, datetime, Decimal, Decimal]]) -> dict[tuple[int, str], Any]:
    """The features by hand: (customer, store code) -> purchases, spend, squares, discounted, first, last,
    weekdays, hours."""
    out: dict[tuple[int, str], Any] = {}
    for customer, store, when, total, discounted in sales:
        code = f"s{store}"
        row = out.setdefault(
            (customer, code), [0, Decimal(0), Decimal(0), Decimal(0), when, when, [0] * 7, [0] * 24]
        )
        local = when.astimezone(ZoneInfo(ZONES[code]))
        row[0] += 1
        row[1] += total
        row[2] += total * total
        row[3] += discounted
        row[4], row[5] = min(row[4], when), max(row[5], when)
        row[6][local.weekday()] += 1
        row[7][local.hour] += 1
    return out


def test_the_refresh_writes_what_a_fold_of_the_sales_says(cloud_db: str, tmp_path: Path) -> None:
    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))
    rnd = random.Random(7)
    sales: list[tuple[int, int, datetime, Decimal, Decimal]] = []
    with sessions.begin() as s:
        for code in ZONES:
            enroll(s, "acme", code, f"{code}-t1", "A" * 43)
            s.execute(update(Store).where(Store.code == code).values(timezone=ZONES[code]))
        people = [customer_for_phone(s, secret, f"+86138001380{n:02d}", now) for n in range(4)]
        seq = {1: 0, 2: 0}
        planned = []
        for n in range(60):
            store = 1 + n % 2
            seq[store] += 1
            when = now - timedelta(days=rnd.randint(0, 90), minutes=rnd.randint(0, 1440))
            # A line with a discount, one with none, one whose discount is nothing off.
            items = [
                {"name": "Milk", "amount": f"{rnd.randint(1, 30)}.{rnd.randint(0, 99):02d}"},
                {"name": "Nappies", "amount": f"{rnd.randint(20, 90)}.50", "discount": "-5.00"},
                {"name": "Bread", "amount": "3.20", "discount": "0.00"},
            ][: rnd.randint(1, 3)]
            kind = "refund" if n % 13 == 5 else "sale"  # a refund is no purchase
            _sale(s, f"s{store}-t1", seq[store], when, kind, items)
            planned.append((f"s{store}-t1-j{seq[store]}", people[n % 3], store, when, kind, items))
        _sale(s, "s1-t1", 99, now, "sale", [{"name": "Gum", "amount": "1.00"}])  # no customer: none
        s.flush()
        by_job = {t.job_id: t for t in s.scalars(select(Transaction))}
        for job, person, store, when, kind, items in planned:
            claim_receipt(s, secret, by_job[job], person, now)
            if kind == "sale":
                total = sum(
                    (Decimal(i["amount"]) + Decimal(i.get("discount") or "0") for i in items), Decimal(0)
                )
                discounted = sum(
                    (Decimal(i["amount"]) for i in items if Decimal(i.get("discount") or "0") != 0),
                    Decimal(0),
                )
                sales.append((person.id, store, when, total, discounted))
        assert refresh(s, now) == len(_expected(sales))
    with sessions() as s:
        codes = {st.id: st.code for st in s.scalars(select(Store))}
        got = {
            (f.customer_id, codes[f.store_id]): [
                f.purchases,
                f.spend,
                f.spend_squares,
                f.discounted_spend,
                f.first_purchase_at,
                f.last_purchase_at,
                f.weekdays,
                f.hours,
            ]
            for f in s.scalars(select(CustomerFeature))
        }
        currencies = {f.currency for f in s.scalars(select(CustomerFeature))}
    assert got == _expected(sales)
    assert currencies == {"CNY"}


def test_a_partial_refresh_touches_only_its_customers(cloud_db: str) -> None:
    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        ann = customer_for_phone(s, secret, "+8613800138001", now)
        bob = customer_for_phone(s, secret, "+8613800138002", now)
        _sale(s, "s1-t1", 1, now - timedelta(days=3), "sale", [{"name": "Milk", "amount": "4.00"}])
        _sale(s, "s1-t1", 2, now - timedelta(days=2), "sale", [{"name": "Wine", "amount": "40.00"}])
        s.flush()
        by_job = {t.job_id: t for t in s.scalars(select(Transaction))}
        claim_receipt(s, secret, by_job["s1-t1-j1"], ann, now)
        claim_receipt(s, secret, by_job["s1-t1-j2"], bob, now)
        refresh(s, now)
        ann_id, bob_id = ann.id, bob.id
    with sessions.begin() as s:
        # Ann buys once more (one purchase: no spread to divide by); only her row is recomputed.
        _sale(s, "s1-t1", 3, now - timedelta(hours=1), "sale", [{"name": "Milk", "amount": "4.50"}])
        s.flush()
        job = s.scalars(select(Transaction).where(Transaction.job_id == "s1-t1-j3")).one()
        job.customer_id = ann_id
        s.execute(update(CustomerFeature).where(CustomerFeature.customer_id == bob_id).values(purchases=99))
        assert refresh(s, now, customer_ids=[ann_id]) == 1
    with sessions() as s:
        rows = {f.customer_id: f for f in s.scalars(select(CustomerFeature))}
    assert (rows[ann_id].purchases, rows[ann_id].spend) == (2, Decimal("8.50"))
    assert rows[bob_id].purchases == 99  # untouched: not among the refreshed


def test_the_command_refreshes_a_retailers_stores(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    now = datetime.now(UTC)
    secret = ServiceSecret(os.urandom(32))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        ann = customer_for_phone(s, secret, "+8613800138001", now)
        _sale(s, "s1-t1", 1, now - timedelta(days=1), "sale", [{"name": "Milk", "amount": "4.00"}])
        s.flush()
        claim_receipt(s, secret, s.scalars(select(Transaction)).one(), ann, now)
    config = cloud_config(tmp_path, cloud_db)
    assert cloud_main(["--config", str(config), "features", "refresh"]) == 0
    out = capsys.readouterr().out
    assert "1 rows" in out
    assert "value model, CNY: no customer valued (purchase frequency: " in out  # one customer: no fit
    assert cloud_main(["--config", str(config), "features", "refresh", "--retailer", "nobody"]) != 0
    with sessions() as s:
        assert s.scalars(select(CustomerFeature.purchases)).one() == 1


def _bulk_sales(
    s: Session, customers: list[Any], plan: list[tuple[int, list[float], str]], now: datetime
) -> None:
    """Per customer index, the days ago of each purchase and its total."""
    store = s.scalars(select(Store)).one()
    for who, days_ago, total in plan:
        for d in days_ago:
            add_sale(s, store, now - timedelta(days=d), [("Basket", total)], customers[who].id)


def test_the_value_model_is_fitted_per_retailer_and_currency(cloud_db: str) -> None:
    """From the features, each customer's P(alive), expected purchases and 90-day value; a weekly shopper
    who stopped two months ago is less likely alive than one who still comes; a one-purchase customer gets
    finite figures; too few customers to fit say so and value nobody."""
    from cloud_api.crud.customer_values import fit_values
    from cloud_api.models import CustomerValue, ValueModel

    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))
    rnd = random.Random(11)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        people = [customer_for_phone(s, secret, f"+861380013{n:04d}", now) for n in range(60)]
        plan: list[tuple[int, list[float], str]] = [
            (0, [7.0 * k for k in range(1, 20)], "30.00"),  # weekly, still coming
            (1, [60 + 7.0 * k for k in range(19)], "30.00"),  # weekly, silent for two months
            (2, [40.0], "12.00"),  # once
        ]
        for who in range(3, 60):
            visits = sorted(rnd.uniform(0, 150) for _ in range(rnd.randint(1, 8)))
            plan.append((who, visits, f"{rnd.randint(5, 80)}.{rnd.randint(0, 99):02d}"))
        _bulk_sales(s, people, plan, now)
        refresh(s, now)
        fitted = fit_values(s, "acme", now)
        ids = [p.id for p in people]
    assert [(f.currency, f.customers, f.problem) for f in fitted] == [("CNY", 60, None)]
    with sessions() as s:
        values = {v.customer_id: v for v in s.scalars(select(CustomerValue))}
        model = s.scalars(select(ValueModel)).one()
    assert len(values) == 60 and model.customers == 60 and model.q is not None
    still, silent, once = values[ids[0]], values[ids[1]], values[ids[2]]
    assert still.p_alive > 0.9 > silent.p_alive
    assert still.expected_90 > still.expected_30 > silent.expected_30 >= 0
    assert once.p_alive == 1.0 and 0 < once.expected_30 < once.expected_90
    assert isinstance(still.clv_90, Decimal) and still.clv_90 > silent.clv_90 > Decimal(0)  # type: ignore[operator]
    assert once.expected_spend is not None and once.expected_spend > 0
    with sessions() as s:  # HQ's view of a customer carries their values
        from cloud_api.crud.customer_views import customer
        from cloud_api.crud.users import Scope

        store_ids = frozenset(s.scalars(select(Store.id)))
        detail = customer(s, Scope(1, "o@acme.test", "owner", "acme", store_ids), ids[0], now)
    assert detail is not None and detail.value is not None and detail.currency == "CNY"
    assert detail.value.p_alive == still.p_alive and detail.value.value_90_days == still.clv_90

    with sessions.begin() as s:  # a retailer of three customers: nothing to fit, nobody valued
        enroll(s, "tiny", "t1", "t1-t1", "B" * 43)
        store = s.scalars(select(Store).where(Store.retailer == "tiny")).one()
        few = [customer_for_phone(s, secret, f"+861390013{n:04d}", now) for n in range(3)]
        for n, person in enumerate(few):
            add_sale(s, store, now - timedelta(days=n + 1), [("Basket", "9.00")], person.id, now)
        s.flush()
        refresh(s, now, store_ids=[store.id])
        tiny = fit_values(s, "tiny", now)
    assert len(tiny) == 1 and tiny[0].customers == 0 and "customers" in (tiny[0].problem or "")
    with sessions() as s:
        assert s.scalars(select(CustomerValue).where(CustomerValue.retailer == "tiny")).first() is None


def test_a_fit_that_cannot_converge_publishes_nothing(
    cloud_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Twenty customers with one and the same history (6 purchases over 4.5 days, the last 12 hours ago,
    each 10.00). With the penalty: the purchase figures are published (everyone buys alike, nobody drops
    out), but the spend's fit cannot converge (no spread of spend at all): no spend, and the row says why.
    Without it, the BG/NBD's a and b run off too: the row is marked not converged, with no parameters,
    nobody is valued (the values just published go), and a warning says so."""
    from cloud_api.crud.customer_values import fit_values, published_bgnbd
    from cloud_api.models import CustomerValue, ValueModel

    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        people = [customer_for_phone(s, secret, f"+861380013{n:04d}", now) for n in range(20)]
        _bulk_sales(s, people, [(who, [5.0, 4, 3, 2, 1, 0.5], "10.00") for who in range(20)], now)
        refresh(s, now)
        caplog.set_level(logging.INFO, logger="tillbox.cloud.values")
        penalised = fit_values(s, "acme", now, sample_size=12)
    assert [(f.currency, f.customers) for f in penalised] == [("CNY", 20)]
    assert "spend: the Gamma-Gamma fit did not converge" in (penalised[0].problem or "")
    with sessions() as s:
        model = s.scalars(select(ValueModel)).one()
        assert model.converged and model.fitted_on == 12 and model.customers == 20
        assert model.r is not None and model.p is None and model.problem == penalised[0].problem
        values = list(s.scalars(select(CustomerValue)))
    assert len(values) == 20
    assert all(v.p_alive > 0.99 and v.expected_spend is None and v.clv_90 is None for v in values)
    assert any("Gamma-Gamma" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)

    caplog.clear()
    with sessions.begin() as s:
        plain = fit_values(s, "acme", now, penalizer=0)
    assert [(f.currency, f.customers) for f in plain] == [("CNY", 0)]
    assert "purchase frequency: the BG/NBD fit did not converge" in (plain[0].problem or "")
    with sessions() as s:
        model = s.scalars(select(ValueModel)).one()
        assert not model.converged and model.problem == plain[0].problem
        assert (model.r, model.alpha, model.a, model.b, model.p) == (None, None, None, None, None)
        assert published_bgnbd(model) is None  # what churn reads: nothing to use
        assert s.scalars(select(CustomerValue)).first() is None
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("acme in CNY NOT fitted" in m and "BG/NBD" in m and "stopped at r=" in m for m in warned)


def test_ingest_claims_and_corrections_keep_the_features_current(cloud_db: str) -> None:
    """No refresh between: a member's receipt arriving links to them and counts at once; a later revision
    of it changes the spend; a correction at HQ changes it again; a claimed receipt counts for its
    claimer; a merge moves the counts."""
    from cloud_api.crud.corrections import correct
    from cloud_api.crud.customers import link_member, merge
    from cloud_api.crud.users import Scope

    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = ServiceSecret(os.urandom(32))

    def arrive(s: Session, seq: int, job: str, revision: int, total: str, member: str | None) -> None:
        tx: dict[str, Any] = {"kind": "sale", "status": "ok", "currency": "CNY", "total": total}
        tx["datetime"] = "2026-12-07T21:00:00"
        tx["items"] = [{"name": "Milk", "amount": total}]
        if member:
            tx["member_id"] = member
        body = {"job_id": job, "revision": revision, "started_at": now.isoformat(), "transaction": tx}
        store_envelope(s, Envelope("s1-t1", seq, "transaction", now, body), secret)

    def features(s: Session) -> dict[int, tuple[int, Decimal]]:
        return {f.customer_id: (f.purchases, f.spend) for f in s.scalars(select(CustomerFeature))}

    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        ann = customer_for_phone(s, secret, "+8613800138001", now)
        link_member(s, secret, ann, "acme", "M-123", now)
        arrive(s, 1, "j1", 1, "10.00", "M-123")
        assert features(s) == {ann.id: (1, Decimal("10.00"))}
        arrive(s, 2, "j1", 2, "12.00", "M-123")  # the box re-read it
        assert features(s) == {ann.id: (1, Decimal("12.00"))}
        row = s.scalars(select(Transaction).where(Transaction.job_id == "j1")).one()
        owner = Scope(1, "o@acme.test", "owner", "acme", frozenset({row.store_id}))
        proposed = {
            **row.record["transaction"],
            "total": "11.00",
            "items": [{"name": "Milk", "amount": "11.00"}],
        }
        correct(s, owner, row.id, proposed, now)
        assert features(s) == {ann.id: (1, Decimal("11.00"))}
        arrive(s, 3, "j2", 1, "5.00", None)
        bob = customer_for_phone(s, secret, "+8613800138002", now)
        claim_receipt(
            s, secret, s.scalars(select(Transaction).where(Transaction.job_id == "j2")).one(), bob, now
        )
        assert features(s) == {ann.id: (1, Decimal("11.00")), bob.id: (1, Decimal("5.00"))}
        merge(s, bob, ann)
        assert features(s) == {ann.id: (2, Decimal("16.00"))}
