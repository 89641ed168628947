"""Issue 17's speed target as HQ meets it: `Draft a profile` — the corrected receipts of a layout read from
the database, the draft induced from 3 or 20 of them, and scored on every stored receipt of the layout
(10,000 here: each print job read back, decoded and parsed with the draft, compared with what is stored)
— in under 10 s, on SQLite and on PostgreSQL.

    .venv/bin/python -m bench.cloud_learning [--receipts 10000] [--database URL]

Without --database: a SQLite file in a temporary folder, then a fresh PostgreSQL database (as the tests
make one; skipped when none answers). The stored receipts are the Tanzanian duka's layout
(tests/edge/parsing/induce_layouts.py), inserted as ingest stores them (record, print job, layout), all
`needs_review` as the built-in reader leaves them; the examples are corrected through the crud HQ's
pages and API call. Times are wall clock, one process.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.corrections import correct
from cloud_api.crud.devices import enroll
from cloud_api.crud.learned_profiles import draft
from cloud_api.crud.users import add_user, scope_of
from cloud_api.migrate import upgrade
from cloud_api.models import Device, ReceiptPrint, Transaction, User
from tests.edge.parsing.induce_layouts import swahili_duka

LAYOUT = "DUKALAMAMANJERI"


def fill(url: str, receipts: int) -> None:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    now = datetime.now(UTC)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        add_user(s, "owner@acme.test", "O", "owner", "acme", [], None, now)
    with sessions.begin() as s:
        store_id = s.scalars(select(Device.store_id)).one()
        for start in range(0, receipts, 1000):
            rows, prints = [], []
            for i in range(start, min(start + 1000, receipts)):
                data, truth = swahili_duka(i)
                # As the built-in reader leaves it: the total only, needing review.
                read = {"kind": "sale", "status": "needs_review", "total": truth["total"], "items": []}
                rows.append(
                    {
                        "device_id": "s1-t1",
                        "store_id": store_id,
                        "job_id": f"job-{i}",
                        "seq": i + 1,
                        "revision": 1,
                        "kind": "sale",
                        "status": "needs_review",
                        "started_at": now,
                        "received_at": now,
                        "record": {"job_id": f"job-{i}", "transaction": read, "parser": "tillbox-parser/1"},
                        "layout": LAYOUT,
                        "parser": "tillbox-parser/1",
                    }
                )
                prints.append(data)
            s.execute(insert(Transaction), rows)
            ids = s.scalars(
                select(Transaction.id)
                .where(Transaction.job_id.in_([r["job_id"] for r in rows]))
                .order_by(Transaction.id)
            ).all()
            s.execute(
                insert(ReceiptPrint),
                [
                    {"transaction_id": t, "data": d, "printer": "generic-80mm"}
                    for t, d in zip(ids, prints, strict=True)
                ],
            )


def measure(url: str, receipts: int) -> list[str]:
    fill(url, receipts)
    sessions = make_sessions(make_engine(url))
    out = []
    corrected = 0
    for n in (3, 20):
        with sessions.begin() as s:
            scope = scope_of(s, s.scalars(select(User)).one())
            ids = s.scalars(select(Transaction.id).order_by(Transaction.id).limit(n)).all()
            for seed, tid in enumerate(ids):
                if seed >= corrected:
                    correct(s, scope, tid, swahili_duka(seed)[1], datetime.now(UTC))
            corrected = n
        with sessions.begin() as s:
            scope = scope_of(s, s.scalars(select(User)).one())
            t0 = time.perf_counter()
            row = draft(s, scope, LAYOUT, datetime.now(UTC))
            elapsed = time.perf_counter() - t0
            score = row.score
        out.append(
            f"| {url.split(':')[0]} | {n} | {score['receipts']:,} | {elapsed:.1f} s | "
            f"{score['money_right']:,} | {score['worse_count']} |"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=10_000)
    ap.add_argument("--database", help="a database URL to fill (an empty one)")
    args = ap.parse_args(argv)
    print("| database | corrected examples | stored receipts scored | draft + score | money-right | worse |")
    print("|---|---|---|---|---|---|")
    if args.database:
        print("\n".join(measure(args.database, args.receipts)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(measure(f"sqlite:///{Path(tmp) / 'cloud.db'}", args.receipts)), flush=True)
    try:
        from tests.postgres import fresh_database

        with fresh_database() as url:
            print("\n".join(measure(url, args.receipts)))
    except Exception as e:  # no PostgreSQL here: say so, the SQLite figure stands
        print(f"(PostgreSQL not measured: {e})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
