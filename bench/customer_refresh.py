"""The nightly customer refresh on PostgreSQL (issue 18): `tillbox-cloud features refresh`'s three steps —
the customer features (one set-based INSERT ... SELECT), the value model fitted per currency, the basket
rules — timed each, over a generated chain.

    .venv/bin/python -m bench.customer_refresh [--receipts 1000000] [--customers 100000] [--stores 200]

A fresh database; the receipts are written with one multi-row INSERT per 10,000 (not timed), each a sale
of 1–6 items from a catalogue of 2,000, 70 % of them by a known customer, who buys within a window of
their own (half of them gone before today). Target (issue 18): 1,000,000 receipts, 100,000 customers,
200 stores under 5 minutes.
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from bench.common import scratch_postgres
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.baskets import refresh_rules
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.customer_values import fit_values
from cloud_api.crud.devices import enroll
from cloud_api.migrate import upgrade
from cloud_api.models import Customer, Store, Transaction, ValueModel


def generate(url: str, receipts: int, customers: int, stores: int, now: datetime) -> None:
    rnd = random.Random(18)
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        for n in range(stores):
            enroll(s, "chain", f"s{n:03d}", f"s{n:03d}-t1", "A" * 43)
        s.execute(insert(Customer), [{"created_at": now} for _ in range(customers)])
    with sessions() as s:
        store_ids = list(s.scalars(select(Store.id).order_by(Store.id)))
        customer_ids = list(s.scalars(select(Customer.id).order_by(Customer.id)))
    home = {c: rnd.choice(store_ids) for c in customer_ids}
    # Each customer buys within a window of their own: from a first day in the year to a last one, half
    # of them still buying today (a chain with dropouts, as the value model expects).
    window: dict[int, tuple[float, float]] = {}
    for c in customer_ids:
        first = rnd.uniform(30, 365)
        window[c] = (first, 0.0 if rnd.random() < 0.5 else rnd.uniform(0, first - 20))
    goods = [(f"Item {n:04d}", Decimal(rnd.randint(100, 9000)) / 100) for n in range(2000)]
    batch: list[dict[str, object]] = []
    for n in range(receipts):
        customer = rnd.choice(customer_ids) if rnd.random() < 0.7 else None
        store = home[customer] if customer is not None and rnd.random() < 0.9 else rnd.choice(store_ids)
        lines = rnd.sample(goods, rnd.randint(1, 6))
        total = sum((p for _, p in lines), Decimal(0))
        first, last = window[customer] if customer is not None else (365.0, 0.0)
        when = now - timedelta(days=rnd.uniform(last, first))
        batch.append(
            {
                "device_id": f"s{store_ids.index(store):03d}-t1",
                "store_id": store,
                "job_id": f"g{n}",
                "seq": n + 1,
                "revision": 1,
                "kind": "sale",
                "status": "ok",
                "currency": "CNY",
                "total": total,
                "started_at": when,
                "received_at": when,
                "record": {"transaction": {"items": [{"name": i, "amount": str(p)} for i, p in lines]}},
                "customer_id": customer,
            }
        )
        if len(batch) == 10_000:
            with sessions.begin() as s:
                s.execute(insert(Transaction), batch)
            batch = []
    if batch:
        with sessions.begin() as s:
            s.execute(insert(Transaction), batch)


def _described(m: ValueModel) -> str:
    names = ["r", "alpha", "a", "b", "p", "q", "v"]
    shapes = ", ".join(f"{k}={getattr(m, k):.4g}" for k in names if getattr(m, k) is not None)
    state = "converged" if m.converged else "NOT converged"
    return f"value model, {m.currency}: {state}, fitted on {m.fitted_on or 0:,} customers: {shapes}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=1_000_000)
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--stores", type=int, default=200)
    args = ap.parse_args(argv)
    # The value model's own breakdown (histories read, fitted, scored, written).
    logging.basicConfig(format="  %(message)s")
    logging.getLogger("tillbox.cloud.values").setLevel(logging.INFO)
    now = datetime.now(UTC)
    with scratch_postgres("tillbox_bench_refresh") as url:
        upgrade(url)
        started = time.perf_counter()
        generate(url, args.receipts, args.customers, args.stores, now)
        print(
            f"generated {args.receipts:,} receipts in {time.perf_counter() - started:.0f} s (not timed below)"
        )
        sessions = make_sessions(make_engine(url))
        timings = {}
        with sessions.begin() as s:
            t = time.perf_counter()
            rows = refresh(s, now)
            timings["features (INSERT ... SELECT)"] = time.perf_counter() - t
            t = time.perf_counter()
            fitted = fit_values(s, "chain", now)
            timings["value model (fit + every customer)"] = time.perf_counter() - t
            t = time.perf_counter()
            rules = refresh_rules(s, "chain", now)
            timings["basket rules"] = time.perf_counter() - t
            models = [
                _described(m) for m in s.scalars(select(ValueModel).where(ValueModel.retailer == "chain"))
            ]
        valued = sum(f.customers for f in fitted)
        for f in fitted:
            if f.problem:
                print(f"value model, {f.currency}: {f.problem}")
        print("\n".join(models))
        print(f"{rows:,} feature rows; valued {valued:,} customers; {sum(rules.values()):,} rules")
        print("| step | seconds |\n|---|---|")
        for step, seconds in timings.items():
            print(f"| {step} | {seconds:.1f} |")
        print(f"| all | {sum(timings.values()):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
