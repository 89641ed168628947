"""HQ's device view (`GET /api/v1/devices`: each device with its missing sequence numbers as ranges and
its quarantine counts) over a fleet, before and after a box jumps far ahead in its numbering.

    .venv/bin/python -m bench.device_view [--devices 300] [--seqs 2000] [--runs 20] [--sqlite]

Each device has `--seqs` messages claimed in the ledger. Then one device sends a message numbered as far
ahead as the ingest's bound allows (sync.bounds.MAX_AHEAD, a gap of ~100,000), and one beyond it (+3,000,000,
which is quarantined, not claimed). Before gaps were kept as ranges, one +3,000,000 jump took the view
from 19 ms to 0.35 s (every missing number materialised). Target: the view's time does not grow with
the size of a gap.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bench.common import scratch_postgres
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.hq import devices
from cloud_api.crud.users import Scope
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from sync.bounds import MAX_AHEAD
from sync.envelope import Envelope
from sync.ledger import advance, quarantine, record


def envelope(device: str, seq: int) -> Envelope:
    return Envelope(device, seq, "transaction", datetime.now(UTC), {"job_id": f"j{seq}"})


def fill(url: str, count: int, seqs: int) -> Scope:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        for d in range(count):
            enroll(s, "bench", f"s{d // 3}", f"s{d // 3}-t{d % 3}", "A" * 43)
    with sessions.begin() as s:
        for d in range(count):
            device = f"s{d // 3}-t{d % 3}"
            record(s, [envelope(device, n) for n in range(1, seqs + 1)])
            advance(s, device)
        ids = frozenset(s.scalars(select(Store.id)))
    return Scope(0, "owner@bench", "owner", "bench", ids)


def timed(url: str, scope: Scope, runs: int) -> float:
    sessions = make_sessions(make_engine(url))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with sessions() as s:
            devices(s, scope)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def jump(url: str, seqs: int) -> None:
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        record(s, [envelope("s0-t0", seqs + MAX_AHEAD)])  # the farthest a box may jump: claimed
        advance(s, "s0-t0")
        far = envelope("s0-t1", seqs + 3_000_000)  # beyond: kept aside, nothing claimed
        quarantine(s, far, "seq_too_far_ahead", "bench")


def run(url: str, count: int, seqs: int, runs: int) -> tuple[float, float]:
    scope = fill(url, count, seqs)
    before = timed(url, scope, runs)
    jump(url, seqs)
    return before, timed(url, scope, runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devices", type=int, default=300)
    ap.add_argument("--seqs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--sqlite", action="store_true")
    args = ap.parse_args(argv)
    if args.sqlite:
        with tempfile.TemporaryDirectory() as d:
            before, after = run(f"sqlite:///{Path(d) / 'cloud.db'}", args.devices, args.seqs, args.runs)
    else:
        with scratch_postgres("tillbox_bench_devices") as url:
            before, after = run(url, args.devices, args.seqs, args.runs)
    db = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"{args.devices} devices x {args.seqs:,} messages, {db}; median of {args.runs} views")
    print("| device view | ms |")
    print("|---|---|")
    print(f"| no gaps | {before:.1f} |")
    print(f"| one device {MAX_AHEAD:,} ahead, one quarantined 3,000,000 ahead | {after:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
