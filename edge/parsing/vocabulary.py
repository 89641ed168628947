"""The words receipts use, per field (total, subtotal, change, tax, discounts, tenders, receipt number,
cashier, ...), for the languages the generic parser reads without configuration. The words are data: one
TOML file a language in ``edge/parsing/vocabularies/`` (``zh-Hans.toml``, ``ja.toml``, ``de.toml``, ...),
keyed by this module's fields, tenders under ``[tender]`` by payment method. Each file is checked when it
is loaded (every problem one line naming the file and the key) and the bundled files are read once per
process; ``Vocabulary()`` holds the union of them all, each word as the parser compares it (NFKC, upper
case, and without spaces where the line is searched without them). A POS profile adds its own words
(``extend``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, get_args

from edge.parsing.lines import ASCII_WORD, normalize_text
from firmware_bridge.tomlfile import TomlError, read_toml
from sync.wire.transaction import Method

PAYMENT_METHODS: tuple[str, ...] = get_args(Method)  # the wire's (sync/wire/transaction.py)
# The order the parser asks a tender line in: wallets and cards before cash ("实收(微信)" is WeChat).
TENDER_ORDER = ("wechat", "alipay", "unionpay", "card", "cash", "other")
# The language tags a vocabulary file may be named by.
LANGUAGES = (
    "zh-Hans",
    "zh-Hant",
    "ja",
    "ko",
    "th",
    "vi",
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "tr",
)
BUNDLED = Path(__file__).with_name("vocabularies")


class VocabularyError(ValueError):
    """Every problem of the files read, one line each, each naming its file (and key)."""


def _bundled_words(name: str) -> tuple[str, ...]:
    """The default of a word field: the union of the bundled files (``field`` gives it per instance)."""
    return field(default_factory=_bundled_field(name))


def _bundled_field(name: str) -> Callable[[], tuple[str, ...]]:
    def words() -> tuple[str, ...]:
        value: tuple[str, ...] = getattr(bundled_vocabulary(), name)
        return value

    return words


def _bundled_tender() -> dict[str, tuple[str, ...]]:
    return dict(bundled_vocabulary().tender)


@dataclass(frozen=True)
class Vocabulary:
    total: tuple[str, ...] = _bundled_words("total")
    subtotal: tuple[str, ...] = _bundled_words("subtotal")
    change: tuple[str, ...] = _bundled_words("change")
    # Informational sums that are none of the above (net of tax, taxable base): read past, never a total.
    ignore: tuple[str, ...] = _bundled_words("ignore")
    discount: tuple[str, ...] = _bundled_words("discount")
    # What is added on top of the items: a tip, a service charge (a positive adjustment).
    surcharge: tuple[str, ...] = _bundled_words("surcharge")
    # Cash rounded to the smallest coin ("Rounding -0.01"): an adjustment either way, signed as printed.
    rounding: tuple[str, ...] = _bundled_words("rounding")
    tax: tuple[str, ...] = _bundled_words("tax")
    # "dont TVA", "di cui IVA", "IVA incluida", "в т.ч. НДС": the tax is in the total (looked for anywhere
    # in the upper-cased line, not as a word).
    tax_included_markers: tuple[str, ...] = _bundled_words("tax_included_markers")
    # Payment method -> words, in TENDER_ORDER: the first method a line names is its tender.
    tender: dict[str, tuple[str, ...]] = field(default_factory=_bundled_tender)
    # "支付方式: 微信支付", "Payment method: VISA": the label of a line that names how the sum received
    # ("实收", "Tendered") was paid, on a line of its own.
    paid_by: tuple[str, ...] = _bundled_words("paid_by")
    member: tuple[str, ...] = _bundled_words("member")
    receipt_no: tuple[str, ...] = _bundled_words("receipt_no")
    # A printout's counter ("nr wydr.", Polish fiscal printers): the receipt's number only where no
    # receipt-number label is printed ("Paragon nr 05914" wins).
    printout_no: tuple[str, ...] = _bundled_words("printout_no")
    cashier: tuple[str, ...] = _bundled_words("cashier")
    refund: tuple[str, ...] = _bundled_words("refund")
    void: tuple[str, ...] = _bundled_words("void")
    reprint: tuple[str, ...] = _bundled_words("reprint")
    non_sale: tuple[str, ...] = _bundled_words("non_sale")
    # The headings of the item table's columns: a line of two or more of them is where the items begin, so
    # what stands above it (an address ending in a house number) is header, not an item.
    column_heads: tuple[str, ...] = _bundled_words("column_heads")
    # Labels of header lines that are not fields of the transaction (address, phone, card authorisation,
    # the shop's tax and company numbers: "VAT No." is no VAT amount, the longer word wins).
    header: tuple[str, ...] = _bundled_words("header")

    @cached_property
    def word_fields(self) -> dict[str, frozenset[str]]:
        """Upper-cased word -> the fields it labels ("tender:cash" for tender words)."""
        out: dict[str, set[str]] = {}
        for name in WORD_FIELDS:
            for w in getattr(self, name):
                out.setdefault(w.upper(), set()).add(name)
        for method, words in self.tender.items():
            for w in words:
                out.setdefault(w.upper(), set()).add(f"tender:{method}")
        return {w: frozenset(f) for w, f in out.items()}

    def fields_of(self, found: set[str]) -> frozenset[str]:
        """Every field the words found in a line label."""
        if not found:
            return _NO_FIELDS
        table = self.word_fields
        fields: set[str] = set()
        for w in found:
            fields |= table.get(w, _NO_FIELDS)
        return frozenset(fields)

    @cached_property
    def column_head_words(self) -> frozenset[str]:
        return frozenset(w.upper() for w in self.column_heads)

    @cached_property
    def all_words(self) -> tuple[str, ...]:
        """Every word of every field, for the one-pass line index (computed once per vocabulary)."""
        words: list[str] = []
        for name in WORD_FIELDS:
            words.extend(getattr(self, name))
        for method_words in self.tender.values():
            words.extend(method_words)
        return tuple(words)

    def extend(self, **words: tuple[str, ...]) -> Vocabulary:
        """A copy with more words for some fields (a profile's own vocabulary comes first). A word the
        profile gives a field is that field's only: "NET AMOUNT", a taxable base to the generic words,
        is the total of a Sri Lankan bill whose profile says so."""
        claimed: dict[str, set[str]] = {}
        for name, given in words.items():
            for w in given:
                claimed.setdefault(w.upper(), set()).add(name)
        changes: dict[str, object] = {}
        for name in WORD_FIELDS:
            extra: tuple[str, ...] = words.get(name, ())
            current: tuple[str, ...] = getattr(self, name)
            kept = tuple(w for w in current if w not in extra and name in claimed.get(w.upper(), {name}))
            if extra or kept != current:
                changes[name] = tuple(extra) + kept
        return replace(self, **changes)  # type: ignore[arg-type]


_NO_FIELDS: frozenset[str] = frozenset()
# The fields that hold a tuple of words (every field but ``tender``), in declaration order.
WORD_FIELDS = tuple(f.name for f in fields(Vocabulary) if f.name != "tender")


def _normal(word: str, name: str) -> str:
    """A word as the parser compares it: NFKC-normalised (full-width forms folded, "Nº" -> "No", as the
    lines are) and upper-cased; a word looked for in the line without its spaces (not an `ASCII_WORD`)
    loses its own ("TỔNG
    CỘNG" -> "TỔNGCỘNG"), except a tax-included marker, which is looked for in the spaced line."""
    word = normalize_text(word).upper()
    if name != "tax_included_markers" and not ASCII_WORD.match(word):
        word = "".join(word.split())
    return word


def _word_list(value: Any, name: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        problems.append(f"{where} must be a list of non-empty strings, got {type(value).__name__}")
        return ()
    words: list[str] = []
    seen: set[str] = set()
    for i, w in enumerate(value):
        if not isinstance(w, str) or not w.strip():
            problems.append(f"{where}[{i}] must be a non-empty string, got {w!r}")
            continue
        if w != w.strip():
            problems.append(f"{where}[{i}] {w!r} has white space around it")
            continue
        word = _normal(w, name)
        if word in seen:
            problems.append(f"{where}: {w!r} is listed twice")
            continue
        seen.add(word)
        words.append(word)
    return tuple(words)


def _check_file(path: Path, problems: list[str]) -> dict[str, Any] | None:
    if path.suffix != ".toml" or path.stem not in LANGUAGES:
        problems.append(
            f"{path}: {path.name!r} is not named by a language tag (known: {', '.join(LANGUAGES)})"
        )
        return None
    try:
        return read_toml(path)
    except TomlError as e:
        problems.append(str(e))
        return None


def _read(path: Path, problems: list[str]) -> dict[str, tuple[str, ...]]:
    """One file's words: word field -> words, and ``tender:<method>`` -> words."""
    data = _check_file(path, problems)
    if data is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        if key == "tender":
            if not isinstance(value, dict):
                problems.append(f"{path}: tender must be a table of payment methods ([tender])")
                continue
            for method, words in value.items():
                if method not in PAYMENT_METHODS:
                    known = ", ".join(PAYMENT_METHODS)
                    problems.append(f"{path}: tender.{method} is not a payment method (known: {known})")
                    continue
                out[f"tender:{method}"] = _word_list(words, method, f"{path}: tender.{method}", problems)
        elif key in WORD_FIELDS:
            out[key] = _word_list(value, key, f"{path}: {key}", problems)
        else:
            problems.append(f"{path}: {key} is not a field (known: {', '.join((*WORD_FIELDS, 'tender'))})")
    return out


def _vocabulary(files: list[dict[str, tuple[str, ...]]]) -> Vocabulary:
    """The union of some files' words, in the order of the files and of their words."""
    merged: dict[str, dict[str, None]] = {}  # dicts as ordered sets
    for words in files:
        for key, values in words.items():
            merged.setdefault(key, {}).update(dict.fromkeys(values))
    return Vocabulary(
        tender={m: tuple(merged.get(f"tender:{m}", ())) for m in TENDER_ORDER},
        **{name: tuple(merged.get(name, ())) for name in WORD_FIELDS},
    )


def read_vocabulary(path: Path) -> Vocabulary:
    """The words of one language's file (and none of the others'), checked."""
    problems: list[str] = []
    words = _read(path, problems)
    if problems:
        raise VocabularyError("\n".join(problems))
    return _vocabulary([words])


def load_vocabularies(directory: Path = BUNDLED) -> Vocabulary:
    """The union of the words of every ``*.toml`` in ``directory``, in the order of LANGUAGES; every
    problem of every file is reported, one line each."""
    problems: list[str] = []
    order = {tag: i for i, tag in enumerate(LANGUAGES)}
    paths = sorted(directory.glob("*.toml"), key=lambda p: (order.get(p.stem, len(order)), p.name))
    if not paths:
        problems.append(f"{directory}: no vocabulary files")
    files = [_read(p, problems) for p in paths]
    if problems:
        raise VocabularyError("\n".join(problems))
    return _vocabulary(files)


@lru_cache(maxsize=1)
def bundled_vocabulary() -> Vocabulary:
    """The words shipped with this release, read and checked once per process."""
    return load_vocabularies(BUNDLED)


DEFAULT = Vocabulary()
