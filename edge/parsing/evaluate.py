"""Parser accuracy on a corpus with ground truth: per-field accuracy and the count of silent errors.

    python -m edge.parsing.evaluate DIR [DIR...] [--split train|dev|test]

DIR holds ``NAME.bin`` + ``NAME.json`` pairs (the truth), or truth files with a ``capture`` key naming a
capture under the shared captures folder (``TILLBOX_CAPTURES``, default ../shared/captures). A silent
error is a receipt marked ``ok`` whose money or kind is wrong, or a receipt whose truth says
``needs_review`` (it does not add up) marked ``ok``. The target is none.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edge.escpos.printer_profile import PROFILES
from edge.parsing.pipeline import parse_bytes

FIELDS = (
    "kind",
    "reprint",
    "currency",
    "store",
    "receipt_no",
    "datetime",
    "cashier",
    "items",
    "subtotal",
    "total",
    "payments",
    "change",
    "member_id",
    "phone_masked",
    "status",
)
MONEY_FIELDS = ("items", "subtotal", "total", "payments", "change", "kind")
REPO = Path(__file__).resolve().parents[2]


def captures_root() -> Path:
    return Path(os.environ.get("TILLBOX_CAPTURES", REPO.parent / "shared" / "captures"))


def _items(v: Any) -> list[tuple[str, str]]:
    return [(i["name"], i["amount"]) for i in v or []]


def _payments(v: Any) -> list[tuple[str, str]]:
    return sorted((p["method"], p["amount"]) for p in v or [])


def _norm(name: str, value: Any) -> Any:
    if name == "items":
        return _items(value)
    if name == "payments":
        return _payments(value)
    if name in ("subtotal", "total", "change") and value is not None:
        from decimal import Decimal

        return Decimal(value).normalize()
    return value


@dataclass
class Result:
    name: str
    status: str
    wrong: list[str] = field(default_factory=list)
    silent: bool = False


def evaluate_case(name: str, data: bytes, truth: dict[str, Any]) -> Result:
    printer = PROFILES[truth.get("printer_profile", "generic-80mm")]
    got = parse_bytes(data, printer).to_json()
    wrong = [f for f in FIELDS if f in truth and _norm(f, got.get(f)) != _norm(f, truth[f])]
    silent = got["status"] == "ok" and (
        truth.get("status") == "needs_review" or any(f in wrong for f in MONEY_FIELDS)
    )
    return Result(name, got["status"], wrong, silent)


def load_cases(directory: Path) -> list[tuple[str, bytes, dict[str, Any]]]:
    cases = []
    for truth_path in sorted(directory.glob("*.json")):
        truth = json.loads(truth_path.read_text())
        if "capture" in truth:
            data = (captures_root() / truth["capture"]).read_bytes()
        else:
            data = truth_path.with_suffix(".bin").read_bytes()
        cases.append((truth_path.stem, data, truth))
    return cases


def evaluate(dirs: list[Path], split: str | None = None) -> tuple[list[Result], Counter[str], int]:
    """``split``: only the receipts whose truth names that split (tests/corpus/foreign.py)."""
    results = [
        evaluate_case(n, d, t)
        for directory in dirs
        for n, d, t in load_cases(directory)
        if split is None or t.get("split") == split
    ]
    wrong = Counter(f for r in results for f in r.wrong)
    return results, wrong, len(results)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list each receipt's wrong fields")
    ap.add_argument("--split", choices=("train", "dev", "test"), help="only the receipts of this split")
    args = ap.parse_args(argv)
    results, wrong, n = evaluate(args.dirs, args.split)
    if n == 0:
        print("no receipts with ground truth found", file=sys.stderr)
        return 2
    print(f"{n} receipts")
    for f in FIELDS:
        print(f"  {f:<13} {100 * (n - wrong[f]) / n:6.1f}%")
    ok = [r for r in results if r.status == "ok"]
    silent = [r for r in results if r.silent]
    print(f"marked ok: {len(ok)}, needs_review: {n - len(ok)}")
    print(f"totals right on ok receipts: {sum('total' not in r.wrong for r in ok)}/{len(ok)}")
    print(f"silent errors: {len(silent)}")
    for r in results if args.verbose else silent:
        if r.wrong or r.silent:
            print(
                f"  {r.name}: {r.status}, wrong: {', '.join(r.wrong) or '-'}{'  SILENT' if r.silent else ''}"
            )
    return 1 if silent else 0


if __name__ == "__main__":
    raise SystemExit(main())
