"""The shopper's e-receipt page under load: `tillbox-cloud serve` (--workers uvicorn processes) over a
database of stored receipts (each with its paper, as boxes send them), hit by wrk with 50 connections
asking for random real tokens.

    .venv/bin/python -m bench.receipt_page [--receipts 10000] [--connections 50] [--seconds 15] [--sqlite]
                                           [--workers 1]

PostgreSQL by default (a fresh database on TILLBOX_PG_URL's server, dropped afterwards); --sqlite for the
embedded default. Needs wrk (Debian package `wrk`). Target (issue 6): p99 under 50 ms at 50 clients.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench.common import run_wrk, scratch_postgres, served
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.migrate import upgrade
from edge.parsing.pipeline import decode_bytes, parse_bytes
from edge.render.text import render_text
from sync.envelope import Envelope

REPO = Path(__file__).resolve().parents[1]


def fill(url: str, receipts: int) -> list[str]:
    upgrade(url)
    raw = (REPO / "tests" / "corpus" / "generated" / "en-grocery-00.bin").read_bytes()
    tx = parse_bytes(raw).to_json()
    paper = render_text(decode_bytes(raw))
    tokens = [secrets.token_urlsafe(12) for _ in range(receipts)]
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        enroll(s, "bench", "s1", "s1-t1", "A" * 43)
        now = datetime.now(UTC)
        for seq, token in enumerate(tokens, 1):
            record = {
                "job_id": f"j{seq}",
                "revision": 1,
                "qr_token": token,
                "transaction": tx,
                "started_at": now.isoformat(),
                "tags": {},
                "paper": paper,
            }
            store_envelope(s, Envelope("s1-t1", seq, "transaction", now, record))
    return tokens


def measure(url: str, args: argparse.Namespace, directory: Path) -> None:
    tokens = fill(url, args.receipts)
    with served(url, directory, args.workers, f"/r/{tokens[0]}") as port:
        got = run_wrk(port, [f"/r/{t}" for t in tokens], args.connections, args.seconds, directory)
    engine = url.split(":")[0]
    print("| database | server processes | receipts | connections | requests/s | p50 | p90 | p99 | non-2xx |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {engine} | {args.workers} | {args.receipts:,} | {args.connections} | "
        f"{got.requests_per_s} | {got.p50} | {got.p90} | {got.p99} | {got.non_2xx} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=10_000)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--sqlite", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        directory = Path(d)
        if args.sqlite:
            measure(f"sqlite:///{directory / 'cloud.db'}", args, directory)
            return 0
        with scratch_postgres("tillbox_bench") as url:
            measure(url, args, directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
