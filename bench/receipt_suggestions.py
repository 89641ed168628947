"""The e-receipt page with its suggestions (cloud_api/crud/suggestions.py for_receipt) on a store with as many
basket rules as a scope keeps (baskets.KEEP, 500, for the store and as many for the chain), a product
master of --products entries, and the receipt's every item an antecedent of many rules: sequential
requests in-process (the app and its rendering, no HTTP server, no load), then the same with the rules and
products gone (the lookups find nothing: the page as before, plus three empty indexed queries).

    .venv/bin/python -m bench.receipt_suggestions [--receipts 2000] [--products 20000] [--requests 1000]
                                                  [--sqlite]

A quick figure for one request's cost, not a load test (bench/receipt_page.py is that, with wrk).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import delete, text

from bench.common import scratch_postgres
from bench.receipt_page import fill
from cloud_api.app import create_app
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.baskets import KEEP
from cloud_api.deps import AppState
from cloud_api.models import BasketRule, Product

# en-grocery-00's items, as its till prints them, and the catalogue's names for them
RECEIPT = {
    ("MILK 1 GAL", "16700142"): "Whole Milk 1 gal",
    ("WHOLE WHEAT BREAD", None): "Whole Wheat Bread",
    ("BANANAS", "78658821"): "Bananas",
    ("COFFEE BEANS", None): "Coffee Beans",
    ("EGGS LARGE 12CT", "72427191"): "Eggs Large 12",
}


def plant(url: str, products: int) -> None:
    sessions = make_sessions(make_engine(url))
    now = datetime.now(UTC)
    names = list(RECEIPT.values())
    with sessions.begin() as s:
        for (printed, code), name in RECEIPT.items():
            key = " ".join(printed.casefold().split())
            s.add(Product(retailer="bench", code=code, name=name, name_key=key, updated_at=now))
        s.add_all(
            Product(
                retailer="bench",
                code=f"P{n}",
                barcode=f"{6900000000000 + n}",  # (a master's differ; the statistics say so)
                name=f"Product {n}",
                name_key=f"product {n}",
                updated_at=now,
            )
            for n in range(products)
        )
        # Every scope full; half of each scope's rules start from one of the receipt's items.
        s.add_all(
            BasketRule(
                retailer="bench",
                scope=scope,
                antecedent=names[n % 5] if n % 2 else f"Product {n}",
                consequent=f"Product {n + 1}",
                baskets=10,
                support=0.01,
                confidence=0.2,
                lift=1.0 + n / KEEP,
                refreshed_at=now,
            )
            for scope in ("s1", "")
            for n in range(KEEP)
        )
    with sessions.begin() as s:
        # The statistics a live database has (PostgreSQL's autovacuum keeps them): without, its planner
        # takes the new master's name lookup for a scan of the retailer's every product.
        s.execute(text("ANALYZE"))


def timed(client: TestClient, tokens: list[str], requests: int) -> list[float]:
    rnd = random.Random(1)
    out = []
    for _ in range(requests):
        start = time.perf_counter()
        page = client.get(f"/r/{rnd.choice(tokens)}")
        out.append((time.perf_counter() - start) * 1000)
        assert page.status_code == 200
    return out


def row(what: str, ms: list[float], shown: bool) -> str:
    q = statistics.quantiles(ms, n=100)
    return f"| {what} | {len(ms)} | {statistics.median(ms):.2f} | {q[89]:.2f} | {q[98]:.2f} | {shown} |"


def measure(url: str, args: argparse.Namespace) -> None:
    tokens = fill(url, args.receipts)
    plant(url, args.products)
    sessions = make_sessions(make_engine(url))
    app = create_app(AppState(sessions, ServiceSecret(os.urandom(32))))
    print(
        f"{url.split(':')[0]}: {args.receipts:,} receipts, {args.products:,} products, {KEEP} rules a scope"
    )
    print("| rules | requests | p50 ms | p90 ms | p99 ms | suggestions shown |")
    print("|---|---|---|---|---|---|")
    with TestClient(app) as client:
        timed(client, tokens, 50)  # (connections opened, templates compiled)
        shown = "Goes well with" in client.get(f"/r/{tokens[0]}").text
        print(row(f"{KEEP} store + {KEEP} chain", timed(client, tokens, args.requests), shown))
        with sessions.begin() as s:
            s.execute(delete(BasketRule))
            s.execute(delete(Product))
        shown = "Goes well with" in client.get(f"/r/{tokens[0]}").text
        print(row("none", timed(client, tokens, args.requests), shown))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=2_000)
    ap.add_argument("--products", type=int, default=20_000)
    ap.add_argument("--requests", type=int, default=1_000)
    ap.add_argument("--sqlite", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        if args.sqlite:
            measure(f"sqlite:///{Path(d) / 'cloud.db'}", args)
            return 0
        with scratch_postgres("tillbox_bench") as url:
            measure(url, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
