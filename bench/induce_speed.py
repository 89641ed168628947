"""Issue 17's speed target: a draft profile from 3-20 corrected receipts, and its scoring over 10,000 stored
receipts of the layout, in under 10 s on this machine.

    .venv/bin/python -m bench.induce_speed [--receipts 10000] [--layout swahili-duka]

The receipts are a layout the generic parser reads wrong (tests/edge/parsing/induce_layouts.py, raw
ESC/POS); each is decoded and parsed with the draft and compared with its truth (evaluate.py's
comparison), as the cloud would score a draft before anyone approves it. Times are wall clock, one process.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from edge.parsing.evaluate import evaluate_case
from edge.parsing.induce import example, induce
from tests.edge.parsing.induce_layouts import icelandic_bakari, swahili_duka

Layout = Callable[[int], tuple[bytes, dict[str, Any]]]
LAYOUTS: dict[str, Layout] = {"swahili-duka": swahili_duka, "icelandic-bakari": icelandic_bakari}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=10_000)
    ap.add_argument("--layout", choices=sorted(LAYOUTS), default="swahili-duka")
    args = ap.parse_args(argv)
    make = LAYOUTS[args.layout]
    stored = [make(i) for i in range(20, 20 + args.receipts)]
    print(
        f"{args.layout}: {len(stored)} stored receipts, {sum(len(d) for d, _ in stored) // len(stored)} B avg"
    )
    print("| examples | induce (s) | score (s) | total (s) | money-right | ok | silent |")
    print("|---|---|---|---|---|---|---|")
    for n in (3, 20):
        examples = [example(f"e{i}", *make(i)) for i in range(n)]
        t0 = time.perf_counter()
        draft = induce(examples, "draft")
        t1 = time.perf_counter()
        results = [
            evaluate_case(f"r{i}", data, truth, draft.profile.options)
            for i, (data, truth) in enumerate(stored)
        ]
        t2 = time.perf_counter()
        right = sum(r.money_right for r in results)
        ok = sum(r.status == "ok" for r in results)
        silent = sum(r.silent for r in results)
        print(f"| {n} | {t1 - t0:.2f} | {t2 - t1:.2f} | {t2 - t0:.2f} | {right} | {ok} | {silent} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
