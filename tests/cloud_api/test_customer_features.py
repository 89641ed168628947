"""The stored customer features (cloud_api/crud/customer_features.py): a refresh writes, per customer,
store and currency, what a fold of the same sales says — set-based SQL on PostgreSQL, a fold in Python on
SQLite — and a partial refresh touches only its customers. `tillbox-cloud features refresh` runs it."""

from __future__ import annotations

import os
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
    config = tmp_path / "cloud.toml"
    config.write_text(
        f'retailer = "acme"\n[database]\nurl = "{cloud_db}"\n[secrets]\nfile = "{tmp_path / "cloud.key"}"\n'
    )
    assert cloud_main(["--config", str(config), "features", "refresh"]) == 0
    assert "1 rows" in capsys.readouterr().out
    assert cloud_main(["--config", str(config), "features", "refresh", "--retailer", "nobody"]) != 0
    with sessions() as s:
        assert s.scalars(select(CustomerFeature.purchases)).one() == 1
