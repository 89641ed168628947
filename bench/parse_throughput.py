"""Decode + parse throughput on one core, over the corpus's typical receipts (tests/corpus/generated), or
with --mixed over the mixed corpus: those plus every receipt of tests/corpus/foreign (made by receiptline,
receipt-printer-encoder and python-escpos: ESC/POS and Star, seven scripts, position-laid columns; needs
the npm encoders that ./scripts/setup.sh installs).

    .venv/bin/python -m bench.parse_throughput [--seconds 5] [--mixed] [--passes N]

Reports receipts per second and MB per second for decode alone and for decode + parse (the whole
bytes -> transaction path, profile detection and reconciliation included).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from edge.escpos.decoder import decode
from edge.escpos.printer_profile import PROFILES, PrinterProfile
from edge.parsing.pipeline import parse_bytes

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "generated"


def load(directory: Path = CORPUS) -> list[tuple[bytes, PrinterProfile]]:
    out = []
    for path in sorted(directory.glob("*.bin")):
        truth = json.loads(path.with_suffix(".json").read_text())
        out.append((path.read_bytes(), PROFILES[truth.get("printer_profile", "generic-80mm")]))
    return out


def load_mixed() -> list[tuple[bytes, PrinterProfile]]:
    from tests.corpus.foreign import build

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        return load() + load(Path(tmp))


def rate(
    fn: Callable[[bytes, PrinterProfile], object], data: list[tuple[bytes, PrinterProfile]], seconds: float
) -> tuple[float, float]:
    for d, p in data:  # warm caches (profiles, compiled patterns)
        fn(d, p)
    n = nbytes = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for d, p in data:
            fn(d, p)
            n += 1
            nbytes += len(d)
    elapsed = time.perf_counter() - t0
    return n / elapsed, nbytes / elapsed / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--mixed", action="store_true", help="the generated and the foreign-encoder corpus")
    ap.add_argument(
        "--passes",
        type=int,
        help="decode the corpus this many times after one warm pass, untimed: for an instruction count "
        "under valgrind, which a shared machine's noise does not move (see BENCHMARKS.md)",
    )
    args = ap.parse_args(argv)
    data = load_mixed() if args.mixed else load()
    if args.passes is not None:
        for _ in range(args.passes + 1):
            for d, p in data:
                decode(d, p)
        return 0
    avg = sum(len(d) for d, _ in data) / len(data)
    print(f"{len(data)} receipts, {avg:,.0f} bytes on average")
    print("| path | receipts/s | MB/s |\n|---|---|---|")
    for name, fn in (("decode", decode), ("decode + parse", parse_bytes)):
        r, mb = rate(fn, data, args.seconds)
        print(f"| {name} | {r:,.0f} | {mb:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
