"""Issue 17's criterion on the foreign corpus: for each template of a split where the generic parser is not
money-right on every receipt, a profile induced from its first receipts' truth, scored on the rest.

    python -m bench.induce_corpus CORPUS_DIR --split test [--examples 3] [--all]

CORPUS_DIR is made by ``python -m tests.corpus.foreign CORPUS_DIR``. Per template: the rest's count, and
money-right / ok / silent for the generic parser and for the induced profile (evaluate.py's comparison).
``--all`` measures every template, also those the generic parser reads right (a profile must not make
them worse).

``--disguise`` first turns each template into a POS nobody has seen (bench/disguise.py): the words the
generic parser knows for the total, subtotal, change, tenders and receipt number are replaced in the
bytes by invented words, the same on every receipt of the template, so the profile must learn them from
its examples. The corpus's templates were written alongside the parser and its vocabulary, so without
this the train and dev splits measure mostly what the generic words already read; with it they measure
what induction learns, which is what a till nobody tuned for asks of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bench.disguise import disguise
from edge.escpos.printer_profile import PROFILES
from edge.parsing.evaluate import Result, evaluate_case, load_cases
from edge.parsing.induce import InduceError, example, induce
from edge.parsing.pipeline import applies, decode_bytes
from edge.parsing.profiles import PosProfile


def _counts(results: list[Result]) -> tuple[int, int, int]:
    return (
        sum(r.money_right for r in results),
        sum(r.status == "ok" for r in results),
        sum(r.silent for r in results),
    )


def _detected(profile: PosProfile, data: bytes, truth: dict[str, Any]) -> bool:
    return applies(profile, decode_bytes(data, PROFILES[truth.get("printer_profile", "generic-80mm")]))


def _row(name: str, n: int, g: tuple[int, int, int], i: tuple[int, int, int]) -> str:
    return f"{name:<28} {n:4d}  {g[0]:20d} {g[1]:2d} {g[2]:6d}  {i[0]:20d} {i[1]:2d} {i[2]:6d}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--split", choices=("train", "dev", "test"), required=True)
    ap.add_argument("--examples", type=int, default=3, help="how many receipts to induce from")
    ap.add_argument("--all", action="store_true", help="also templates the generic parser reads right")
    ap.add_argument("--disguise", action="store_true", help="invented words for the summary's (see above)")
    ap.add_argument(
        "--per-encoder",
        action="store_true",
        help="a layout is a template as one encoder prints it (one till and printer), not all its printers",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="each wrong receipt and the drafts")
    args = ap.parse_args(argv)
    templates: dict[str, list[tuple[str, bytes, dict[str, Any]]]] = {}
    for case in load_cases(args.corpus):
        if case[2].get("split") == args.split:
            layout = case[2].get("template", "?")
            if args.per_encoder:
                layout += " " + str(case[2].get("encoder", "?")).split(" ")[0]
            templates.setdefault(layout, []).append(case)
    if not templates:
        print(f"no receipts of the {args.split} split in {args.corpus}", file=sys.stderr)
        return 2
    print("template                     rest  generic: money-right ok silent  induced: money-right ok silent")
    sums = [0] * 7
    detected = 0
    replaced = kept = 0
    for name, cases in sorted(templates.items()):
        if args.disguise:
            disguised = disguise(name, cases)
            cases, replaced, kept = disguised.cases, replaced + disguised.replaced, kept + disguised.kept
        generic = [evaluate_case(*c) for c in cases]
        if all(r.money_right for r in generic) and not args.all:
            continue
        first, rest = cases[: args.examples], cases[args.examples :]
        try:
            induced = induce([example(n, d, t) for n, d, t in first], "draft")
        except InduceError as e:
            print(f"{name:<28} not induced: {e}")
            continue
        after = [evaluate_case(n, d, t, induced.profile.options) for n, d, t in rest]
        detected += sum(_detected(induced.profile, d, t) for _, d, t in rest)
        g, i = _counts(generic[args.examples :]), _counts(after)
        print(_row(name, len(rest), g, i))
        for k, v in enumerate((len(rest), *g, *i)):
            sums[k] += v
        if args.verbose:
            print(induced.toml)
            for r in after:
                if r.wrong:
                    silent = "  SILENT" if r.silent else ""
                    print(f"    {r.name}: {r.status}, wrong: {', '.join(r.wrong)}{silent}")
    n = sums[0]
    share = f"{100 * sums[4] / n:.0f} %" if n else "-"
    print(_row("all", n, (sums[1], sums[2], sums[3]), (sums[4], sums[5], sums[6])))
    print(f"induced: {sums[4]}/{n} money-right ({share}), {sums[6]} silent")
    print(f"the draft's header signature detects {detected}/{n} of the rest")
    if args.disguise:
        print(f"disguised: {replaced} printed words replaced; {kept} words left as printed on every receipt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
