"""POS profiles: declarative TOML files that teach the generic parser one POS program's habits (its
words for total, tender and change, lines to skip, an item-line pattern), chosen in the box's config or
detected from a signature in the receipt's header. A profile is data, validated on load; every problem
is reported as one line naming the file and the key.

    name = "acme-pos"
    description = "ACME POS 5.x, Chinese supermarkets"
    currency = "CNY"                 # optional
    decimal_mark = "."               # optional: "." or ",", or "" where amounts are whole (forints,
                                     # rupiah), any "." or "," in them a thousands separator
    date_order = "DMY"               # optional: "DMY", "MDY" or "YMD", where a date's numbers leave it open
    review_unknown_summary = true    # optional: an amount in the totals under words the profile does not
                                     # know sends the receipt to review (induced profiles know them all)
    payment_printed = true           # optional: the layout prints how every sale was paid, so a sale
                                     # where no payment is read goes to review
    [detect]
    header = "ACME POS"              # a regular expression searched in the first lines
    lines = 8                        # how many lines to search (default 8)
    [words]                          # added before the generic words, per field
    total = ["本单金额"]
    [tender]                         # payment method -> words
    cash = ["顾客付款"]
    [items]
    pattern = '^(?P<name>.+?)\\s+(?P<qty>\\d+)\\s+(?P<price>\\d+\\.\\d{2})\\s+(?P<amount>-?\\d+\\.\\d{2})$'
                                     # or a list of them, tried in order (a till may print one item's
                                     # line without its count and price)
    skip = ['^会员积分']               # lines that are never items
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from edge.parsing.dates import DATE_ORDERS, DateOrder
from edge.parsing.generic import ParseOptions
from edge.parsing.vocabulary import DEFAULT, PAYMENT_METHODS, Vocabulary
from firmware_bridge.tomlfile import TomlError, read_toml

BUNDLED = Path(__file__).with_name("profiles")
WORD_FIELDS = (
    "total",
    "subtotal",
    "change",
    "discount",
    "tax",
    "rounding",
    "member",
    "receipt_no",
    "cashier",
    "refund",
    "void",
    "reprint",
    "non_sale",
    "ignore",
)
TOP_KEYS = {
    "name",
    "description",
    "currency",
    "decimal_mark",
    "date_order",
    "detect",
    "words",
    "tender",
    "items",
    "review_unknown_summary",
    "payment_printed",
}
ITEM_GROUPS = {"name", "qty", "price", "amount"}


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class PosProfile:
    name: str
    description: str = ""
    currency: str | None = None
    decimal_mark: str | None = None
    date_order: DateOrder | None = None
    detect: re.Pattern[str] | None = None
    detect_lines: int = 8
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tender: dict[str, tuple[str, ...]] = field(default_factory=dict)
    item_patterns: tuple[re.Pattern[str], ...] = ()
    skip: tuple[re.Pattern[str], ...] = ()
    review_unknown_summary: bool = False
    payment_printed: bool = False

    @cached_property
    def vocabulary(self) -> Vocabulary:
        vocab = DEFAULT.extend(**self.words)
        if self.tender:
            # In the generic order (wallets and cards before cash: "实收(微信)" is a WeChat payment).
            order = list(DEFAULT.tender) + [m for m in PAYMENT_METHODS if m not in DEFAULT.tender]
            merged = {m: tuple(self.tender.get(m, ())) + DEFAULT.tender.get(m, ()) for m in order}
            vocab = replace(vocab, tender=merged)
        return vocab

    @cached_property
    def options(self) -> ParseOptions:
        """Built once per profile, so the compiled word index is shared by every receipt it reads."""
        return ParseOptions(
            vocabulary=self.vocabulary,
            currency=self.currency,
            decimal_mark=self.decimal_mark,  # type: ignore[arg-type]
            date_order=self.date_order,
            profile_name=self.name,
            item_patterns=self.item_patterns,
            skip=self.skip,
            review_unknown_summary=self.review_unknown_summary,
            payment_printed=self.payment_printed,
            own_tender_words=frozenset(w.upper() for words in self.tender.values() for w in words),
        )

    def matches(self, header_lines: list[str]) -> bool:
        return self.detect is not None and any(
            self.detect.search(t) for t in header_lines[: self.detect_lines]
        )


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProfileError(f"{where}: must be a list of non-empty strings")
    return tuple(value)


def _regex(where: str, value: Any) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ProfileError(f"{where}: must be a string (a regular expression)")
    try:
        return re.compile(value)
    except re.error as e:
        raise ProfileError(f"{where}: bad regular expression: {e}") from None


def _item_regex(where: str, value: Any) -> re.Pattern[str]:
    pattern = _regex(where, value)
    if not {"name", "amount"} <= set(pattern.groupindex):
        raise ProfileError(f"{where} needs named groups 'name' and 'amount' (and may have 'qty', 'price')")
    if set(pattern.groupindex) - ITEM_GROUPS:
        extra = sorted(set(pattern.groupindex) - ITEM_GROUPS)[0]
        raise ProfileError(f"{where} group {extra!r} is not one of {', '.join(sorted(ITEM_GROUPS))}")
    return pattern


def parse_profile(data: dict[str, Any], source: str) -> PosProfile:
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ProfileError(
            f"{source}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(TOP_KEYS))})"
        )
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", name):
        raise ProfileError(f"{source}: name must be a short lower-case identifier, got {name!r}")
    currency = data.get("currency")
    if currency is not None and (not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency)):
        raise ProfileError(f"{source}: currency must be an ISO 4217 code like 'CNY', got {currency!r}")
    mark = data.get("decimal_mark")
    if mark not in (None, ".", ",", ""):
        raise ProfileError(
            f"{source}: decimal_mark must be '.' or ',' (or '' for whole amounts), got {mark!r}"
        )
    date_order = data.get("date_order")
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ProfileError(
            f"{source}: date_order must be one of {', '.join(DATE_ORDERS)}, got {date_order!r}"
        )
    detect = data.get("detect", {})
    if not isinstance(detect, dict) or set(detect) - {"header", "lines"}:
        raise ProfileError(f"{source}: [detect] takes 'header' and 'lines'")
    lines = detect.get("lines", 8)
    if not isinstance(lines, int) or not 1 <= lines <= 40:
        raise ProfileError(f"{source}: detect.lines must be a whole number from 1 to 40")
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise ProfileError(f"{source}: [words] must be a table")
    for key in words:
        if key not in WORD_FIELDS:
            raise ProfileError(f"{source}: words.{key} is not a field (known: {', '.join(WORD_FIELDS)})")
    tender = data.get("tender", {})
    if not isinstance(tender, dict):
        raise ProfileError(f"{source}: [tender] must be a table")
    for key in tender:
        if key not in PAYMENT_METHODS:
            raise ProfileError(
                f"{source}: tender.{key} is not a payment method ({', '.join(PAYMENT_METHODS)})"
            )
    items = data.get("items", {})
    if not isinstance(items, dict) or set(items) - {"pattern", "skip"}:
        raise ProfileError(f"{source}: [items] takes 'pattern' and 'skip'")
    written = items.get("pattern", [])
    many = isinstance(written, list)
    patterns = tuple(
        _item_regex(f"{source}: items.pattern" + (f"[{i}]" if many else ""), p)
        for i, p in enumerate(written if many else [written])
    )
    skip = tuple(_regex(f"{source}: items.skip[{i}]", s) for i, s in enumerate(items.get("skip", [])))
    review = data.get("review_unknown_summary", False)
    if not isinstance(review, bool):
        raise ProfileError(f"{source}: review_unknown_summary must be true or false, got {review!r}")
    payment_printed = data.get("payment_printed", False)
    if not isinstance(payment_printed, bool):
        raise ProfileError(f"{source}: payment_printed must be true or false, got {payment_printed!r}")
    return PosProfile(
        name=name,
        description=str(data.get("description", "")),
        currency=currency,
        decimal_mark=mark,
        date_order=date_order,
        detect=_regex(f"{source}: detect.header", detect["header"]) if "header" in detect else None,
        detect_lines=lines,
        words={k: _strings(f"{source}: words.{k}", v) for k, v in words.items()},
        tender={k: _strings(f"{source}: tender.{k}", v) for k, v in tender.items()},
        item_patterns=patterns,
        skip=skip,
        review_unknown_summary=review,
        payment_printed=payment_printed,
    )


def load_profile(name_or_path: str | Path) -> PosProfile:
    path = Path(name_or_path)
    if not path.suffix:
        path = BUNDLED / f"{name_or_path}.toml"
        if not path.exists():
            known = ", ".join(sorted(p.stem for p in BUNDLED.glob("*.toml")))
            raise ProfileError(f"no POS profile named {name_or_path!r} (bundled: {known})")
    try:
        data = read_toml(path)
    except TomlError as e:
        raise ProfileError(str(e)) from None
    return parse_profile(data, str(path))


@lru_cache(maxsize=1)
def bundled_profiles() -> tuple[PosProfile, ...]:
    """The profiles shipped with this release, read once per process."""
    return tuple(load_profile(p) for p in sorted(BUNDLED.glob("*.toml")))


def detect_profile(
    header_lines: list[str], profiles: tuple[PosProfile, ...] | list[PosProfile]
) -> PosProfile | None:
    return next((p for p in profiles if p.matches(header_lines)), None)
