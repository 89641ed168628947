"""Parser accuracy on a corpus with ground truth: per-field accuracy, money-right and fully-right shares, by
split, language and encoder, and every silent error.

    python -m edge.parsing.evaluate DIR [DIR...] [--split train|dev|test] [-v]

DIR holds ``NAME.bin`` + ``NAME.json`` pairs (the truth), or truth files with a ``capture`` key naming a
capture under the shared captures folder (``TILLBOX_CAPTURES``, default ../shared/captures).

- *money-right*: kind, total, every item's amount, every payment and the printed date/time as the truth
  says (whatever the status); *fully right*: that, and the receipt number and the items' names.
- A *silent error* is a receipt marked ``ok`` that is not money-right, or a receipt whose truth says
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
from edge.parsing.generic import ParseOptions
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
MONEY_FIELDS = ("item_amounts", "subtotal", "total", "payments", "change", "kind", "datetime")
FULL_FIELDS = (*MONEY_FIELDS, "items", "receipt_no")
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
    if name == "item_amounts":
        return [amount for _, amount in _items(value)]
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
    language: str = "?"
    encoder: str = "?"

    @property
    def money_right(self) -> bool:
        return not any(f in self.wrong for f in MONEY_FIELDS)

    @property
    def fully_right(self) -> bool:
        return not any(f in self.wrong for f in FULL_FIELDS)


def _value(name: str, record: dict[str, Any]) -> Any:
    return record.get("items") if name == "item_amounts" else record.get(name)


def evaluate_case(
    name: str, data: bytes, truth: dict[str, Any], options: ParseOptions | None = None
) -> Result:
    """``options``: a POS profile's (induce.py scores a draft with this same comparison)."""
    printer = PROFILES[truth.get("printer_profile", "generic-80mm")]
    return judge(name, parse_bytes(data, printer, options).to_json(), truth)


def judge(name: str, got: dict[str, Any], truth: dict[str, Any]) -> Result:
    """A parse (wire JSON) against the truth, on the fields the truth states (the cloud judges a learned
    profile's reading of a corrected receipt with this too)."""
    compared = [f for f in FIELDS if f in truth] + (["item_amounts"] if "items" in truth else [])
    wrong = [f for f in compared if _norm(f, _value(f, got)) != _norm(f, _value(f, truth))]
    silent = got["status"] == "ok" and (
        truth.get("status") == "needs_review" or any(f in wrong for f in MONEY_FIELDS)
    )
    language = truth.get("language") or name.split("-")[0]
    encoder = str(truth.get("encoder", "ours")).split(" ")[0]
    return Result(name, got["status"], wrong, silent, language, encoder)


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


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "0/0"


def _breakdown(title: str, results: list[Result], key: str) -> None:
    groups: dict[str, list[Result]] = {}
    for r in results:
        groups.setdefault(getattr(r, key), []).append(r)
    print(f"by {title}: receipts, ok, money-right, fully right, silent")
    for name, rs in sorted(groups.items()):
        print(
            f"  {name:<26} {len(rs):4d}  ok {sum(r.status == 'ok' for r in rs):4d}"
            f"  money-right {sum(r.money_right for r in rs):4d}  fully {sum(r.fully_right for r in rs):4d}"
            f"  silent {sum(r.silent for r in rs)}"
        )


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
    print(f"{n} receipts{f' ({args.split} split)' if args.split else ''}")
    for f in (*FIELDS, "item_amounts"):
        print(f"  {f:<13} {100 * (n - wrong[f]) / n:6.1f}%")
    ok = [r for r in results if r.status == "ok"]
    silent = [r for r in results if r.silent]
    print(f"marked ok: {len(ok)}, needs_review: {n - len(ok)}")
    money_right = sum(r.money_right for r in results)
    print(f"money-right (kind, total, item amounts, payments, date/time): {_share(money_right, n)}")
    print(
        f"fully right (also receipt number and item names): {_share(sum(r.fully_right for r in results), n)}"
    )
    print(f"marked ok and money-right: {_share(sum(r.money_right for r in ok), n)}")
    print(f"totals right on ok receipts: {sum('total' not in r.wrong for r in ok)}/{len(ok)}")
    _breakdown("language", results, "language")
    _breakdown("encoder", results, "encoder")
    print(f"silent errors: {len(silent)}")
    for r in results if args.verbose else silent:
        if r.wrong or r.silent:
            print(
                f"  {r.name}: {r.status}, wrong: {', '.join(r.wrong) or '-'}{'  SILENT' if r.silent else ''}"
            )
    return 1 if silent else 0


if __name__ == "__main__":
    raise SystemExit(main())
