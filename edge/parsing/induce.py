"""A draft POS profile from a few corrected receipts of one layout: the words its till prints for the total,
subtotal, change, tenders and receipt number, its item line, its decimal mark and date order, lines to
skip, and the header that tells the layout apart; then the draft's score on those same receipts with the
evaluation's own comparison (evaluate.py).

Each piece is learned from where the truth's values are printed: the line that carries the truth's total
gives the total's word, the lines that carry each item's amount and name give the item line's columns. A
piece is kept only where the draft reads the examples at least as well with it as without it.

The box runs this (`tillbox induce-profile`); it imports only the parser, so the cloud could run it too
once the parser is importable there (cloud_api may import sync only today).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from edge.escpos.printer_profile import GENERIC, PROFILES, PrinterProfile
from edge.parsing.dates import DATE_ORDERS
from edge.parsing.evaluate import Result, evaluate_case
from edge.parsing.item_patterns import gap, item_patterns
from edge.parsing.lines import ASCII_WORD, Line, document_lines, index_words
from edge.parsing.money import CURRENCY_CODES, DecimalMark, detect_decimal_mark
from edge.parsing.pipeline import decode_bytes
from edge.parsing.profile_toml import clean, to_toml
from edge.parsing.profiles import PosProfile, ProfileError, parse_profile
from edge.parsing.vocabulary import DEFAULT, PAYMENT_METHODS
from sync.wire.model import WireError, from_wire
from sync.wire.transaction import Transaction

MIN_EXAMPLES = 1
MAX_EXAMPLES = 50
HEADER_LINES = 8


class InduceError(ValueError):
    """Examples a profile cannot be learned from: the message names the file and what is wrong."""


@dataclass(frozen=True)
class Example:
    name: str
    data: bytes
    truth: dict[str, Any]  # as read (the evaluation compares only the fields it states)
    tx: Transaction  # the same, checked against the published model
    printer: PrinterProfile = GENERIC


@dataclass
class Induced:
    profile: PosProfile
    toml: str
    results: list[Result]
    generic_results: list[Result]
    notes: list[str] = field(default_factory=list)

    @property
    def money_right(self) -> int:
        return sum(r.money_right for r in self.results)

    @property
    def generic_money_right(self) -> int:
        return sum(r.money_right for r in self.generic_results)


def load_examples(directory: Path, printer: PrinterProfile = GENERIC) -> list[Example]:
    """``NAME.bin`` + ``NAME.json`` pairs, the JSON in the published transaction format. A
    ``printer_profile`` key, where the JSON has one (the test corpus's), names the printer."""
    if not directory.is_dir():
        raise InduceError(f"{directory}: not a folder")
    bins = {p.stem: p for p in directory.glob("*.bin")}
    jsons = {p.stem: p for p in directory.glob("*.json")}
    if not bins and not jsons:
        raise InduceError(f"{directory}: no examples (NAME.bin + NAME.json pairs)")
    for stem in sorted(bins.keys() ^ jsons.keys()):
        have, lack = (bins, ".json") if stem in bins else (jsons, ".bin")
        raise InduceError(f"{have[stem]}: no {stem}{lack} beside it (each example is a pair)")
    examples = [_example(bins[s], jsons[s], printer) for s in sorted(bins)]
    if len(examples) > MAX_EXAMPLES:
        raise InduceError(f"{directory}: {len(examples)} examples; at most {MAX_EXAMPLES} are read")
    return examples


def _example(bin_path: Path, json_path: Path, printer: PrinterProfile) -> Example:
    try:
        truth = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InduceError(f"{json_path}: not readable JSON: {e}") from None
    try:
        data = bin_path.read_bytes()
    except OSError as e:
        raise InduceError(f"{bin_path}: cannot read: {e.strerror}") from None
    return example(bin_path.stem, data, truth, printer, str(json_path))


def example(
    name: str, data: bytes, truth: Any, printer: PrinterProfile = GENERIC, where: str = ""
) -> Example:
    """One corrected receipt, its truth checked against the published model."""
    where = where or name
    if not isinstance(truth, dict):
        raise InduceError(f"{where}: not a transaction: an object expected")
    try:
        tx = from_wire(Transaction, truth, Path(where).name)
    except WireError as e:
        raise InduceError(f"{where}: not a transaction: {e}") from None
    if tx.status != "ok" and "status" in truth:
        raise InduceError(f"{where}: status is {tx.status!r}: a corrected receipt adds up (ok)")
    if tx.total is None:
        raise InduceError(f"{where}: no total: a corrected receipt states it")
    named = truth.get("printer_profile")
    if isinstance(named, str) and named in PROFILES:
        printer = PROFILES[named]
    return Example(name, data, truth, tx, printer)


def induce(examples: list[Example], name: str = "draft") -> Induced:
    if len(examples) < MIN_EXAMPLES:
        raise InduceError("no examples to learn from")
    seen = [_Seen(e) for e in examples]
    header = _header_signature(seen)
    mark = _decimal_mark(seen)
    for s in seen:
        s.locate(mark)
    notes: list[str] = []
    words, tender = _summary_words(seen, notes)
    data: dict[str, Any] = {
        "name": name,
        "description": f"induced from {len(examples)} corrected receipts",
        "decimal_mark": mark,
        "review_unknown_summary": True,
        # (Every example paid by a tender it prints: a later receipt where none is read is unread.)
        "payment_printed": all(e.tx.payments for e in examples),
        "detect": {"header": header},
        "words": words,
        "tender": tender,
        "items": {},
    }
    for label in _item_discount_words(seen):
        data["words"].setdefault("discount", []).append(label)
        # (Under an item it takes money off it; a word to pass over would drop it from the items.)
        if label in data["words"].get("ignore", []):
            data["words"]["ignore"].remove(label)
    receipt_words = _receipt_no_words(seen)
    if receipt_words:
        data["words"]["receipt_no"] = receipt_words
    item_lines = [
        (s.lines[at].text.strip(), s.example.tx.items[i]) for s in seen for i, at in s.item_lines.items()
    ]
    patterns = item_patterns(item_lines, mark, notes)
    if patterns:
        data["items"]["pattern"] = patterns
    skip = _skip_patterns(seen, mark)
    if skip:
        data["items"]["skip"] = skip
    currencies = {e.tx.currency for e in examples}
    if len(currencies) == 1 and None not in currencies:
        data["currency"] = currencies.pop()

    generic = [evaluate_case(e.name, e.data, _truth(e)) for e in examples]
    best = _score(examples, data)
    # Each piece stays only where the examples read at least as well with it: a piece learned from a
    # coincidence (an amount that happened to equal the total) is dropped here.
    for drop in _droppable(data):
        trial = _without(data, drop)
        if trial == data:
            continue
        got = _score(examples, trial)
        # A word the truth showed stays unless the examples read better without it: a tender's word
        # seen on one example only may make no difference there, and without it a later receipt's
        # payment would go unread.
        if _rank(got) > _rank(best) or (_rank(got) == _rank(best) and drop[0] in ("items", "decimal_mark")):
            data, best = trial, got
    for order in DATE_ORDERS:
        trial = {**data, "date_order": order}
        got = _score(examples, trial)
        if _rank(got) > _rank(best):
            data, best = trial, got
    text = to_toml(data)
    profile = parse_profile(tomllib.loads(text), f"{name} (induced)")
    results = [evaluate_case(e.name, e.data, _truth(e), profile.options) for e in examples]
    return Induced(profile, text, results, generic, notes)


def _truth(e: Example) -> dict[str, Any]:
    return {**e.truth, "printer_profile": e.printer.name}


def _rank(results: list[Result]) -> tuple[int, int, int, int]:
    # Last, the wrong fields: two pieces that each leave the examples wrong (an item pattern, a line to
    # skip) may be right together, and the count of receipts alone would drop each for the other.
    return (
        sum(r.money_right for r in results) - 2 * sum(r.silent for r in results),
        sum(r.status == "ok" and r.money_right for r in results),
        sum(r.fully_right for r in results),
        -sum(len(r.wrong) for r in results),
    )


def _score(examples: list[Example], data: dict[str, Any]) -> list[Result]:
    try:
        profile = parse_profile(clean(data), "draft")
    except ProfileError:
        return [Result(e.name, "needs_review", ["total"]) for e in examples]
    return [evaluate_case(e.name, e.data, _truth(e), profile.options) for e in examples]


def _droppable(data: dict[str, Any]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [("items", "pattern", p) for p in data["items"].get("pattern", [])]
    out += [("items", "skip", pattern) for pattern in data["items"].get("skip", [])]
    out += [("words", k) for k in data["words"]]
    out += [("tender", k) for k in data["tender"]]
    out.append(("decimal_mark",))
    return out


def _without(data: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    out = json.loads(json.dumps(data))
    if path[0] == "decimal_mark":
        out["decimal_mark"] = None
    elif len(path) == 3:
        out[path[0]][path[1]] = [v for v in out[path[0]][path[1]] if v != path[2]]
    elif path[1] in out[path[0]]:
        del out[path[0]][path[1]]
    return dict(out)


# -- what each example prints, and where the truth's values are on it


@dataclass
class _Seen:
    example: Example
    lines: list[Line] = field(default_factory=list)
    # The header as decoded, not normalised: detection (pipeline.py) searches these texts.
    printed: list[str] = field(default_factory=list)
    item_lines: dict[int, int] = field(default_factory=dict)  # truth item -> line index
    first_item: int = 0
    last_item: int = -1
    mark: DecimalMark = "."

    def __post_init__(self) -> None:
        doc = decode_bytes(self.example.data, self.example.printer)
        self.lines = document_lines(doc)
        self.printed = [b.text for b in doc.text_lines()[:HEADER_LINES]]
        index_words(self.lines, DEFAULT.all_words)
        for ln in self.lines:
            ln.fields = DEFAULT.fields_of(ln.found or set())

    def locate(self, mark: DecimalMark) -> None:
        """The line of each truth item: the first unused line after the previous item's that carries its
        amount (and its name, where the name is printed on it)."""
        self.mark = mark
        at = 0
        for n, item in enumerate(self.example.tx.items):
            found = None
            for ln in self.lines[at:]:
                if any(v == item.amount for v, _, _ in ln.amounts(mark)):
                    found = ln.index
                    break
            if found is not None:
                self.item_lines[n] = found
                at = found + 1
        if self.item_lines:
            self.first_item = min(self.item_lines.values())
            self.last_item = max(self.item_lines.values())


def _compact(text: str) -> str:
    return "".join(text.split())


def _header_signature(seen: list[_Seen]) -> str:
    """A line printed in the first lines of every example, the same on each (no number that changes), or
    inside one of them ("康泰藥局" above one receipt, "康泰藥局 南京中山店" above another): the store's or the
    program's name. Examples without one are of two layouts and are refused."""

    def candidates(s: _Seen) -> list[str]:
        return [c for text in s.printed if len(re.findall(r"[^\W\d_]", c := _compact(text))) >= 3]

    heads = [candidates(s) for s in seen]
    for own in heads:
        for c in own:
            if all(any(c in theirs for theirs in head) for head in heads):
                return _signature(c, [t for one in seen for t in one.printed])
    first = seen[0]
    other = next(
        (s for s, head in zip(seen[1:], heads[1:], strict=True) if not set(heads[0]) & set(head)), seen[-1]
    )
    raise InduceError(
        f"{first.example.name} and {other.example.name} share no header line: they look like two layouts; "
        "induce a profile from the receipts of one layout at a time"
    )


def _signature(compact: str, printed: list[str]) -> str:
    """The header line as a pattern a person reads: as the first example prints it where it prints it
    whole, its spaces of any width ("BAKARÍ\\s*SIGGA", "ミ\\s*ナ\\s*ト" where the letters are spaced out)."""
    for text in printed:
        if _compact(text) == compact:
            return r"\s*".join(re.escape(word) for word in text.split())
    return r"\s*".join(re.escape(ch) for ch in compact)


def _decimal_mark(seen: list[_Seen]) -> DecimalMark:
    """The mark under which every example's total and item amounts are printed."""

    def fits(mark: DecimalMark) -> int:
        n = 0
        for s in seen:
            values = {v for ln in s.lines for v, _, _ in ln.amounts(mark)}
            wanted = {s.example.tx.total} | {i.amount for i in s.example.tx.items}
            n += wanted <= values
        return n

    detected = Counter(detect_decimal_mark([ln.text for ln in s.lines]) for s in seen).most_common(1)[0][0]
    marks: list[DecimalMark] = [detected, ".", ",", ""]
    whole = all(
        v == v.to_integral_value()
        for s in seen
        for v in [s.example.tx.total, *(i.amount for i in s.example.tx.items)]
        if v is not None
    )
    if whole:
        # Every amount whole (forints, rupiah, won): "" where it reads them as well, so that no date or
        # version number ("01.06.26", "2.0.31") makes the parser look for cents.
        marks.insert(0, "")
    return max(marks, key=fits)  # (max keeps the first of equals: the detected mark)


_LABEL_TRIM = " :：-−=*#$€£¥￥₩.\t(（[@"
_LATIN_WORDS = re.compile(r"[A-Za-z0-9 .#%\-]*")


def _label(ln: Line, start: int, after_count: bool = False, nearest: bool = False) -> str | None:
    """The words before an amount, up to any number among them (a number changes from receipt to receipt:
    "积分抵现(2000分)" is labelled by "积分抵现", "小计 2点" by "小计"), where they have two letters.
    ``after_count``: on a line that starts with a number, the words after it ("4 ITEMS  SUBTOTAL").
    ``nearest``: the words right before it, after any other number ("ST# 0417 OP# 90 TR# 08031")."""
    chunks = re.split(r"\d+", ln.text[:start])
    label = chunks[1] if after_count and len(chunks) > 1 and not chunks[0].strip() else chunks[0]
    if nearest and _letters(chunks[-1]) >= 2:
        # Of words in columns, the one before the number ("担当 中村  伝票番号 1234": not the cashier's).
        label = [c for c in re.split(r"\s{2,}", chunks[-1].strip()) if _letters(c) >= 2][-1]
    return _clean_label(label)


def _label_after(ln: Line, start: int, end: int) -> str | None:
    """The words after an amount, up to any number, where none are before it: a till that prints the
    amount first ("421.91 TOTAL", "500.00 TENDERED CASH")."""
    if _letters(ln.text[:start]) or not _letters(ln.text[end:]):
        return None
    return _clean_label(re.split(r"\d+", ln.text[end:])[0])


def _clean_label(label: str) -> str | None:
    if label.isascii():
        # Of words in columns ("ITEMS   SUBTOTAL", "TOTAL   HK$"), the longest: the parser matches a
        # Latin word with its spaces as printed, and a gap's width changes with what the other column
        # prints.
        columns = [c for c in re.split(r"\s{2,}", label.strip(_LABEL_TRIM)) if _letters(c) >= 2]
        label = max(columns, key=_letters) if columns else label
    label = re.sub(r"\s+", " ", label).strip(_LABEL_TRIM)
    label = re.sub(rf"\s*\b(?:{CURRENCY_CODES})$", "", label).strip(_LABEL_TRIM)
    if label.isascii():
        # The parser matches a Latin word as words of letters, digits and ". # % -" (lines.ASCII_WORD)
        # and looks for any other only in lines with a non-ASCII character: "TOTAL (inc GST)" would be
        # found on no line, "TOTAL" is.
        label = _LATIN_WORDS.match(label).group(0).strip(_LABEL_TRIM)  # type: ignore[union-attr]
    if _letters(label) < 2:
        return None
    return label


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", text))


_ORDER = (
    "subtotal",
    "total",
    "rounding",
    *(f"tender:{m}" for m in PAYMENT_METHODS),
    "change",
    "discount",
    "tax",
)


def _summary_words(seen: list[_Seen], notes: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Words for the summary's fields, from the lines below the items that print the truth's values."""
    fits: dict[str, set[str]] = {}  # label -> fields whose value it printed in every example it is on
    shown: dict[str, set[str]] = {}  # label -> fields whose value it printed in some example
    where: dict[str, list[int]] = {}  # label -> its position among the summary lines
    known: dict[str, frozenset[str]] = {}  # label -> the fields the generic words give its line
    printed: list[tuple[Line, Decimal, dict[str, set[Decimal]], str]] = []  # each labelled line
    zero: dict[str, bool] = {}  # label -> whether every line it labels prints 0
    for s in seen:
        tx = s.example.tx
        values: dict[str, set[Decimal]] = {
            "total": {tx.total} if tx.total is not None else set(),
            "subtotal": _subtotals(s),
            "change": {tx.change} if tx.change is not None else set(),  # (none given: 0.00)
            "discount": {d.amount for d in tx.discounts} | {-d.amount for d in tx.discounts},
            "tax": {t.amount for t in tx.taxes},
        }
        for p in tx.payments:
            values.setdefault(f"tender:{p.method}", set()).add(p.amount)
        _roundings(s, values)
        position = 0
        here: dict[str, set[str]] = {}
        for ln in s.lines[s.last_item + 1 :]:
            amounts = ln.amounts(s.mark)
            if not amounts:
                continue
            value, start, end = amounts[-1]
            matched = {f for f, vs in values.items() if value in vs}
            # After a count, only where the amount is one of the truth's: "3 UN x 7.800" under an item
            # is no line to pass over.
            label = (
                _label(ln, start)
                or _label_after(ln, start, end)
                or (_label(ln, start, after_count=True) if matched else None)
            )
            if label is None:
                continue
            printed.append((ln, value, values, label))
            zero[label] = zero.get(label, True) and value == 0
            position += 1
            shown.setdefault(label, set()).update(matched)
            # A subtotal the truth leaves out is unknown, not absent (a till's truth may state it only
            # where no discount was given): such an example does not rule the subtotal out.
            maybe = matched | ({"subtotal"} if tx.subtotal is None else set())
            # Within one example, a total stays the label's where its first line printed it: "TOTAAL
            # 21,34 2,61" closing the tax table below "TOTAAL 23,95" (the parser keeps the first total;
            # a subtotal or a change it takes from the last line).
            here[label] = here[label] & (maybe | {"total"}) if label in here else maybe
            where.setdefault(label, []).append(position)
            known[label] = ln.fields
        for label, maybe in here.items():
            fits[label] = fits[label] & maybe if label in fits else maybe
    fits = {label: fields & shown[label] for label, fields in fits.items()}
    ordered = sorted((lb for lb in fits if fits[lb]), key=lambda lb: sum(where[lb]) / len(where[lb]))
    taken: set[str] = set()
    words: dict[str, list[str]] = {}
    tender: dict[str, list[str]] = {}
    # A label whose amount was one field's only is that field's (several labels may be: "KORT" on some
    # receipts, "VISA" on others); where its amount was two fields' (a card paying the total exactly), the
    # receipt's order gives each the first field not yet taken: subtotal, total, tenders, change.
    singles = [lb for lb in ordered if len(fits[lb]) == 1]
    chosen = [(label, next(iter(fits[label]))) for label in singles]
    taken |= {f for _, f in chosen}
    for label in ordered:
        choice = next((f for f in _ORDER if f in fits[label] and f not in taken), None)
        if "rounding" in taken and fits[label] == {"subtotal", "total"} and label not in singles:
            # Two totals where a rounding stands between them ("JUMLAH (RM)" on each receipt, "JUMLAH
            # BAYAR" below it where cash was rounded): the sum, which is the total where nothing is
            # rounded (the parser takes a total below a rounding for the one paid).
            chosen += [(label, "subtotal"), (label, "total")]
            taken |= {"subtotal", "total"}
            continue
        if label in singles or choice is None:
            continue
        taken.add(choice)
        chosen.append((label, choice))
    # Below the items, an amount that is none of the truth's (points, a tax base, a card slip's balance)
    # under words no vocabulary knows: the layout's, to pass over (review_unknown_summary would flag it).
    # Never a word an item's line also prints ("de" under the items, "CHOCOLATE DE MESA" among them):
    # the parser would pass over the item too.
    items = [ln for s in seen for ln in s.lines if ln.index in s.item_lines.values() or _names_item(s, ln)]
    # Words the generic vocabulary reads as a total too ("TOTAL ITEM  :  14", a count): a truth always states
    # the total, so money under them that is not the total is not it. (Not a tax's or a discount's: a
    # truth may leave those out.)
    for label in fits:
        # (Nor a line of nothing on every example: "ЗАОКРУГЛЕННЯ 0.00" says nothing of what it prints when
        # it is not nothing.)
        passed = (not known[label] or known[label] <= {"total", "subtotal"}) and not zero[label]
        if not fits[label] and passed and not any(_prints(label, ln) for ln in items):
            words.setdefault("ignore", []).append(_as_word(label))
    longer = {lb for lb, _ in chosen} | set(words.get("ignore", ()))
    for label, field_name in chosen:
        if _ambiguous(label, field_name, printed, longer):
            notes.append(f"{label!r} is printed beside money that is not the {field_name} too: not learned")
            continue
        _add(label, field_name, known[label], words, tender)
    if "total" not in taken:
        notes.append("no line prints the total under the same words on every example")
    return words, tender


def _roundings(s: _Seen, values: dict[str, set[Decimal]]) -> None:
    """A small amount between two others below the items that takes the first to the truth's total
    ("ÖSSZESEN 9 843 Ft / KEREKÍTÉS 2 / FIZETENDŐ 9 845 Ft"): the rounding, and the first a total too (the
    parser takes the total below a rounding for the one paid). Added to ``values``."""
    total = s.example.tx.total
    if total is None:
        return
    below = [ln for ln in s.lines[s.last_item + 1 :] if ln.amounts(s.mark)]
    printed = [ln.amounts(s.mark)[-1][0] for ln in below]
    # Less than the smallest coin: a cent amount under one unit, a whole one (forints, pesos) under 100
    # and a hundredth of the sum. Never a line the generic words make an amount off or added.
    limit = Decimal(1) if s.mark else min(Decimal(100), abs(total) / 100)
    for n, before in enumerate(printed):
        if before == total:
            if printed[n + 1 : n + 3] == [0, total] and not _an_items_word(s, below[n + 1]):
                # "СУМА 871.90 / ЗАОКРУГЛЕННЯ 0.00 / ДО СПЛАТИ 871.90": a rounding of nothing this time.
                values.setdefault("rounding", set()).add(Decimal(0))
            break
        for k in range(n + 1, len(printed) - 1):
            step = printed[k]
            if (
                step
                and before + step == total
                and abs(step) < limit
                and below[k].fields.isdisjoint(("discount", "surcharge", "tax"))
                and total in printed[k + 1 :]
                and not _an_items_word(s, below[k])
            ):
                values.setdefault("rounding", set()).add(step)
                values["total"].add(before)
                return


def _an_items_word(s: _Seen, ln: Line) -> bool:
    """Whether the words of a line below the items are an item's ("Walkers Meal Deal  -0.50" under
    "Walkers Crisps"): an offer on it, not the sale's rounding."""
    amounts = ln.amounts(s.mark)
    label = _label(ln, amounts[-1][1]) or _label_after(ln, amounts[-1][1], amounts[-1][2])
    return label is None or any(
        _prints(word, line)
        for line in s.lines[max(s.first_item - 1, 0) : s.last_item + 1]  # (a name above its numbers too)
        for word in label.split()
        if _letters(word) >= 3
    )


def _subtotals(s: _Seen) -> set[Decimal]:
    """The subtotal as the truth states it; where it states none, the items' sum, with or without the
    amounts off printed under them ("INSTANT SAVINGS -3.00", which the truth may leave out), where that is
    not also the total: a line printing it is the subtotal's, which a later receipt's truth may state."""
    tx = s.example.tx
    if tx.subtotal is not None:
        return {tx.subtotal}
    if not tx.items:
        return set()
    items = sum((i.amount for i in tx.items), Decimal(0))
    item_lines = set(s.item_lines.values())
    off = sum(
        (
            v
            for ln in s.lines[s.first_item : s.last_item + 2]
            if ln.index not in item_lines
            for v, _, _ in ln.amounts(s.mark)
            if v < 0
        ),
        Decimal(0),
    )
    return {items, items + off} - {tx.total}


def _add(
    label: str,
    field_name: str,
    known: frozenset[str],
    words: dict[str, list[str]],
    tender: dict[str, list[str]],
) -> None:
    label = _as_word(label)
    if field_name.startswith("tender:"):
        # Every tender seen, whether the generic words know it or not: under review_unknown_summary a
        # tender the profile does not name goes to review.
        tender.setdefault(field_name.split(":", 1)[1], []).append(label)
    elif field_name in known and len(known & set(_ORDER)) == 1:
        return  # the generic words read it already, and as nothing else
    else:
        words.setdefault(field_name, []).append(label)


def _ambiguous(
    label: str,
    field_name: str,
    printed: list[tuple[Line, Decimal, dict[str, set[Decimal]], str]],
    words: set[str],
) -> bool:
    """Whether ``label`` is found on an example's line whose amount is not the field's, where no longer
    word of the draft labels that line ("HK" of "TOTAL  HK$" on "Octopus Pay HK  356.30"): a later
    receipt's line of that kind would be read as the field."""
    for ln, value, values, own in printed:
        if own == label or value in values.get(field_name, set()) or not _prints(label, ln):
            continue
        if _read_first(ln.fields, field_name):
            continue  # "CASH ROUNDING": the generic words make it a rounding, which the parser asks first
        if not any(len(w) > len(label) and _prints(w, ln) for w in words if w != label):
            return True
    return False


# The order in which the parser asks a summary line's fields (generic._summary); tenders come last.
_ASKED = ("ignore", "change", "subtotal", "tax", "rounding", "discount", "surcharge", "total")


def _read_first(fields: frozenset[str], field_name: str) -> bool:
    """Whether a line of these fields is read as one of them before ``field_name``."""
    before = _ASKED[: _ASKED.index(field_name)] if field_name in _ASKED else _ASKED
    return not fields.isdisjoint(before)


def _names_item(s: _Seen, ln: Line) -> bool:
    """Whether the line prints an item's name (on a line of its own where the item takes two)."""
    return any(i.name and i.name.upper() in ln.upper for i in s.example.tx.items)


def _prints(label: str, ln: Line) -> bool:
    """Whether the parser would find the word ``label`` on the line (lines.index_words's rules)."""
    word = _as_word(label).upper()
    if ASCII_WORD.match(word):
        return re.search(rf"(?<![A-Z]){re.escape(word)}(?![A-Z])", ln.upper) is not None
    return word in ln.compact


def _as_word(label: str) -> str:
    if not ASCII_WORD.match(label.upper()):
        # Such a word is looked for in the line without its spaces (lines.py), so it is written so.
        return "".join(label.split())
    return label


def _item_discount_words(seen: list[_Seen]) -> list[str]:
    """The words of the lines under an item that print its discount ("-20.00   SAVE"), where the generic
    words do not make them a discount already and no item's line prints them."""
    labels: set[str] = set()
    items = [ln for s in seen for ln in s.lines if ln.index in s.item_lines.values() or _names_item(s, ln)]
    for s in seen:
        for n, item in enumerate(s.example.tx.items):
            if not item.discount or n not in s.item_lines:
                continue
            after = s.item_lines[n] + 1
            until = min((at for at in s.item_lines.values() if at >= after), default=len(s.lines))
            for ln in s.lines[after:until]:
                hit = next(((st, e) for v, st, e in ln.amounts(s.mark) if abs(v) == abs(item.discount)), None)
                if hit is None or "discount" in ln.fields:
                    continue
                label = _label(ln, hit[0]) or _label_after(ln, *hit)
                if label and not any(_prints(label, other) for other in items):
                    labels.add(_as_word(label))
                break
    return sorted(labels)


def _receipt_no_words(seen: list[_Seen]) -> list[str]:
    """The words right before the receipt number, where every example prints its number after words."""
    labels: Counter[str] = Counter()
    for s in seen:
        number = s.example.tx.receipt_no
        if not number:
            return []
        # Above the items, else below them ("NYUGTASZÁM: 0143/00363" in a Hungarian receipt's footer).
        for ln in s.lines[: s.first_item] + s.lines[s.last_item + 1 :]:
            m = re.search(rf"(?<![\w]){re.escape(number)}(?!\w)", ln.text)
            if m:
                label = _label(ln, m.start(), nearest=True)
                if label:
                    labels[label] += 1
                break
    # Every example's, where each prints one: a till may name the number two ways ("伝票番号 892307" on
    # one form, "伝票No.670117" on another).
    return [_as_word(label) for label, _ in labels.most_common()] if labels.total() == len(seen) else []


def _skip_patterns(seen: list[_Seen], mark: DecimalMark) -> list[str]:
    """Lines among or above the items whose amounts are none of the truth's ("Biðröð 57", an order's
    queue number, where the header's end is not told by a date or a receipt number)."""
    labels: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for s in seen:
        tx = s.example.tx
        known = {i.amount for i in tx.items} | {i.unit_price for i in tx.items if i.unit_price}
        known |= {i.discount for i in tx.items if i.discount} | {d.amount for d in tx.discounts}
        known |= {t.amount for t in tx.taxes}
        lines_with_items = set(s.item_lines.values())
        amounts_of_items = {i.amount for i in tx.items}
        for ln in s.lines[: s.last_item + 1]:
            amounts = ln.amounts(mark)
            if ln.index in lines_with_items or not amounts:
                continue
            if any(v in known or -v in known for v, _, _ in amounts):
                if (
                    ln.index > s.first_item
                    and ln.text.lstrip()[:1].isdigit()
                    and not any(v < 0 or v in amounts_of_items for v, _, _ in amounts)
                ):
                    # Under an item, a line of its code, count or weight and unit price but not its
                    # amount ("21102  0.372 กก. x 320.00"), which the generic parser may take for an item:
                    # skipped by its shape (numbers of any value). Never a line with an amount off: the
                    # parser may need it to prove the sum.
                    shapes[r"^\s*" + gap(ln.text.strip()) + r"\s*$"] += 1
                continue
            label = _label(ln, amounts[0][1])
            if label:
                labels[label] += 1
    return ["^\\s*" + gap(label) for label in sorted(labels)] + sorted(shapes)
