"""HQ's customer, report and warning endpoints under load (issue 18): `tillbox-cloud serve` over the chain
of bench/customer_refresh.py after its nightly refresh, each endpoint asked by wrk with 20 connections
for random customers, stores and days. Target: p99 under 100 ms at 20 concurrent clients with
1,000,000 receipts, 100,000 customers, 200 stores.

    .venv/bin/python -m bench.customer_endpoints [--receipts 1000000] [--customers 100000] [--stores 200]
                                                 [--connections 20] [--seconds 15] [--workers 2]

PostgreSQL (a fresh database on TILLBOX_PG_URL's server, dropped afterwards). Needs wrk.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bench.common import run_wrk, scratch_postgres, served
from bench.customer_refresh import generate
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.baskets import refresh_rules
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.customer_values import fit_values
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import CustomerFeature, Store

REPO = Path(__file__).resolve().parents[1]


def prepare(url: str, args: argparse.Namespace, now: datetime) -> tuple[dict[str, str], list[int], list[int]]:
    upgrade(url)
    started = time.perf_counter()
    generate(url, args.receipts, args.customers, args.stores, now)
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        refresh(s, now)
        fit_values(s, "chain", now)
        refresh_rules(s, "chain", now)
    print(f"generated and refreshed in {time.perf_counter() - started:.0f} s (not timed)")
    with sessions.begin() as s:
        stores = list(s.scalars(select(Store).order_by(Store.code)))
        owner = add_user(s, "owner@chain.test", "Owner", "owner", "chain", [], None, now)
        manager = add_user(
            s, "area@chain.test", "Area", "manager", "chain", [st.code for st in stores[:10]], None, now
        )
        tokens = {
            "owner": issue_token(s, owner, "api", "bench", now),
            "manager": issue_token(s, manager, "api", "bench", now),
        }
        customers = list(s.scalars(select(CustomerFeature.customer_id).distinct().limit(20_000)))
    return tokens, [st.id for st in stores], customers


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=1_000_000)
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--stores", type=int, default=200)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--workers", type=int, default=2, help="server processes (one a core)")
    args = ap.parse_args(argv)
    now = datetime.now(UTC)
    rnd = random.Random(18)
    days = [(now - timedelta(days=d)).date().isoformat() for d in range(1, 31)]
    with tempfile.TemporaryDirectory() as d, scratch_postgres("tillbox_bench_endpoints") as url:
        directory = Path(d)
        tokens, stores, customers = prepare(url, args, now)
        endpoints = {
            "customer detail": (
                "owner",
                [f"/api/v1/customers/{c}" for c in rnd.sample(customers, min(2000, len(customers)))],
            ),
            "store warnings": ("owner", [f"/api/v1/stores/{s}/warnings" for s in stores]),
            "store daily report": (
                "owner",
                [
                    f"/api/v1/reports/daily?store_id={rnd.choice(stores)}&day={rnd.choice(days)}"
                    for _ in range(2000)
                ],
            ),
            "manager's stores report (10 stores)": (
                "manager",
                [f"/api/v1/reports/stores?day={d}" for d in days],
            ),
            f"owner's chain report ({len(stores)} stores)": (
                "owner",
                [f"/api/v1/reports/chain?day={d}" for d in days],
            ),
        }
        rows = []
        with served(
            url, directory, args.workers, "/api/v1/stores", {"Authorization": f"Bearer {tokens['owner']}"}
        ) as port:
            for name, (who, paths) in endpoints.items():
                auth = {"Authorization": f"Bearer {tokens[who]}"}
                run_wrk(port, paths, args.connections, 3, directory, auth)  # warm: pools, caches
                rows.append((name, run_wrk(port, paths, args.connections, args.seconds, directory, auth)))
    print(
        f"{args.receipts:,} receipts, {args.customers:,} customers, {args.stores} stores; "
        f"{args.workers} server processes, {args.connections} connections, {args.seconds} s each"
    )
    print("| endpoint | requests/s | p50 | p90 | p99 | non-2xx |\n|---|---|---|---|---|---|")
    for name, got in rows:
        print(f"| {name} | {got.requests_per_s} | {got.p50} | {got.p90} | {got.p99} | {got.non_2xx} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
