"""Item-line patterns learned from lines that print a known item: where its name, count, unit price and
amount stand on the line, the text between them kept as printed (spaces of any width, numbers of any
value). induce.py writes them into a draft profile's ``items.pattern``."""

from __future__ import annotations

import re
from decimal import Decimal

from edge.parsing.money import DecimalMark, find_amounts, parse_amount
from sync.wire.transaction import Item

_NUMBER = r"[-−]?\d(?:[\d.,']*\d)?"
_GROUPS = {
    "name": r"(?P<name>\S.*?)",
    "qty": r"(?P<qty>\d+(?:[.,]\d+)?)",
    "price": rf"(?P<price>{_NUMBER})",
    "amount": rf"(?P<amount>{_NUMBER})",
}


def gap(text: str) -> str:
    """The printed text between two columns, as a pattern: spaces of any width, digits of any value."""
    out = []
    for tok in re.findall(r"\s+|\d+|.", text):
        if tok.isspace():
            out.append(r"\s+")
        elif tok.isdigit():
            out.append(r"\d+")
        else:
            out.append(re.escape(tok))
    return "".join(out)


def _qty_forms(qty: Decimal, mark: DecimalMark) -> list[str]:
    whole = qty == qty.to_integral_value()
    text = format(qty.normalize(), "f")
    forms = [str(int(qty))] if whole else []
    forms += [text.replace(".", mark or ".")] if not whole else []
    if whole:
        forms += [f"{int(qty)}{mark or '.'}{'0' * k}" for k in (3, 2, 1)]
    return forms


_LEAD = re.compile(r"[^\d\-−]*")  # a currency before an amount's number


def _line_pattern(text: str, item: Item, mark: DecimalMark) -> str | None:
    amounts = find_amounts(text, mark)
    spans: list[tuple[int, int, str]] = []
    amount_at = next((a for a in reversed(amounts) if a[0] == item.amount), None)
    if amount_at is None:
        return None
    spans.append((amount_at[1], amount_at[2], "amount"))
    if item.unit_price is not None:
        price_at = next(
            (a for a in reversed(amounts) if a[0] == item.unit_price and a[1] < amount_at[1]), None
        )
        if price_at is not None:
            spans.append((price_at[1], price_at[2], "price"))
    name_at = text.upper().find(item.name.upper()) if item.name else -1
    if name_at < 0:
        return None
    spans.append((name_at, name_at + len(item.name), "name"))
    for form in _qty_forms(item.quantity, mark):
        for m in re.finditer(rf"(?<![\d.,]){re.escape(form)}(?![\d.,]?\d)", text):
            if not any(s < m.end() and m.start() < e for s, e, _ in spans):
                spans.append((m.start(), m.end(), "qty"))
                break
        else:
            continue
        break
    spans.sort()
    # An amount's own span may start with its currency sign or sign: the pattern keeps those as printed.
    pattern, at = "^", 0
    for start, end, group in spans:
        if start < at:
            return None
        piece = text[start:end]
        lead = _LEAD.match(piece).group(0) if group in ("price", "amount") else ""  # type: ignore[union-attr]
        pattern += (r"\s*" if at == 0 else "") + gap(text[at:start].strip() if at == 0 else text[at:start])
        pattern += gap(lead) + _GROUPS[group]
        at = end
    pattern += gap(text[at:]) + r"\s*$"
    return pattern.replace(r"^\s*\s+", r"^\s*")


MAX_ITEM_PATTERNS = 3


def item_patterns(lines: list[tuple[str, Item]], mark: DecimalMark, notes: list[str]) -> list[str]:
    """The fewest item-line patterns (at most three) that read the most of ``lines`` (each item line's text
    with the item it prints) right, the most specific first: "Kleina  290 kr" and "Vínarbrauð  4 stk á 480
    1.920 kr" on one receipt need two, and the first would take the second's count and price for its
    name."""
    written = {p for text_item in lines if (p := _line_pattern_of(text_item, mark))}
    if not written:
        notes.append("no item line prints its item's name and amount together")
        return []
    reads = {
        p: {n for n, (text, item) in enumerate(lines) if _reads(re.compile(p), text, item, mark)}
        for p in written
    }
    chosen: list[str] = []
    covered: set[int] = set()
    while len(chosen) < MAX_ITEM_PATTERNS:
        best = max(sorted(written - set(chosen)), key=lambda p: len(reads[p] - covered), default=None)
        if best is None or not reads[best] - covered:
            break
        chosen.append(best)
        covered |= reads[best]
    if len(covered) < len(lines):
        notes.append(f"the item patterns read {len(covered)} of the examples' {len(lines)} item lines")
    return sorted(chosen, key=lambda p: (-len(re.compile(p).groupindex), -len(p)))


def _line_pattern_of(text_item: tuple[str, Item], mark: DecimalMark) -> str | None:
    text, item = text_item
    return _line_pattern(text, item, mark)


def _reads(pattern: re.Pattern[str], text: str, item: Item, mark: DecimalMark) -> bool:
    """Whether the pattern reads this item's amount and name from its line."""
    m = pattern.search(text)
    if m is None:
        return False
    return parse_amount(m.group("amount"), mark) == item.amount and m.group("name").strip() == item.name
