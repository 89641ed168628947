"""The generic parser: a decoded receipt -> a Transaction, with no configuration, for the common shapes
of Chinese, English, German and Japanese receipts. A POS profile (profiles.py) can add words and
patterns. The result always goes through reconciliation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from edge.escpos.document import Document, Image
from edge.parsing.dates import DateOrder, looks_like_a_date, order_hint, read_datetime
from edge.parsing.items import NUMBERED_ITEM, QTY_PRICE, SPEC, counted_line, parse_items, proven_amount
from edge.parsing.language import HAN, HANGUL, KANA, language_of, traditional_chinese
from edge.parsing.lines import (
    PHONE_MASKED,
    SEPARATOR,
    Line,
    document_lines,
    find_label,
    index_words,
    value_after,
)
from edge.parsing.model import Adjustment, Kind, Method, Payment, Tax, Transaction
from edge.parsing.money import FRACTION, DecimalMark, detect_decimal_mark
from edge.parsing.plausibility import mojibake_reason
from edge.parsing.reconcile import reconcile
from edge.parsing.vocabulary import DEFAULT, PAYMENT_METHODS, Vocabulary

_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,3})?)\s*%")


@dataclass
class ParseOptions:
    vocabulary: Vocabulary = DEFAULT
    currency: str | None = None
    decimal_mark: DecimalMark | None = None
    profile_name: str | None = None
    item_patterns: tuple[re.Pattern[str], ...] = ()  # a POS profile's own item lines, tried in order
    skip: tuple[re.Pattern[str], ...] = ()  # lines that are never items
    date_order: DateOrder | None = None  # day/month order where the receipt's dates leave it open
    store_currency: str | None = None  # the store's (box.toml): evidence of date order where none is printed
    # A profile that knows its layout's summary words (an induced one): an amount there under other words
    # is a tender or a total it never saw, and the receipt goes to review rather than pass without it.
    review_unknown_summary: bool = False
    # With it, the profile's own tender words (upper-cased): a tender read under other words, mostly
    # unknown, is one its examples never showed ("ミナトカード", a shop's prepaid card).
    own_tender_words: frozenset[str] = frozenset()
    # A profile whose layout prints how every sale was paid: a sale where no payment is read goes to review
    # (a tender it never saw, on a line of its own: "Način plaćanja: KARTICA").
    payment_printed: bool = False


def parse_document(doc: Document, options: ParseOptions | None = None) -> Transaction:
    opts = options or ParseOptions()
    lines = document_lines(doc)
    tx = parse_lines(lines, opts, image_only=_image_only(doc, lines))
    unknown_page = _unknown_code_page(doc, lines)
    if unknown_page:
        tx.flag("unknown_code_page", unknown_page)
    return reconcile(tx)


@dataclass(frozen=True)
class Glance:
    """What the print path asks of a receipt at the cut: its kind, whether a sale can be read off it (an
    e-receipt page would have something to show), and its currency (the QR caption's language)."""

    kind: Kind
    readable: bool
    currency: str | None


def glance(doc: Document) -> Glance:
    """`parse_document`'s kind, total and currency, without the dates, the header, the items and the
    plausibility checks: the answer the QR injector needs while the printer waits at the cut. The items
    only count where no total was read, and then the whole parse answers."""
    opts = ParseOptions()
    lines = document_lines(doc)
    vocab = opts.vocabulary
    basis = _basis(lines, opts)
    tx = Transaction()
    _summary(tx, lines[_summary_start(lines, vocab, basis.mark) :], vocab, basis.mark, basis.fractions)
    if tx.total is None:
        full = parse_document(doc, opts)
        return Glance(full.kind, bool(full.items), full.currency)
    kind = "sale" if _image_only(doc, lines) else _kind(lines, tx, vocab, basis.mark)[0]
    return Glance(kind, True, None if kind == "non_sale" else basis.currency)


def _unknown_code_page(doc: Document, lines: list[Line]) -> str | None:
    """An ESC t page the printer profile has no table for leaves the decoder on the page before it: ASCII
    reads right either way, anything else may be another script that happens to spell letters."""
    if not doc.unknown_code_pages or all(ln.text.isascii() for ln in lines):
        return None
    return (
        f"{doc.unknown_code_pages[0]} names a code page the printer profile does not know: the text outside "
        "ASCII may be read in the wrong character set (set [printer] code_table to the printer's model)"
    )


def _image_only(doc: Document, lines: list[Line]) -> bool:
    """Windows drivers print whole receipts as pictures; without OCR there is nothing to read, and saying
    so beats calling it a kitchen ticket."""
    pixels = sum(b.width * b.height for b in doc.blocks if isinstance(b, Image))
    if pixels < 200_000:
        return False
    return sum(1 for ln in lines if len(re.findall(r"[^\W_]", ln.text)) >= 3) < 3


@dataclass(frozen=True)
class _Basis:
    """What every reading of a receipt starts from: the lines labelled by the vocabulary, their text
    joined, the currency, the decimal mark, and whether amounts print cents."""

    joined: str
    currency: str | None
    mark: DecimalMark
    fractions: bool


def _basis(lines: list[Line], opts: ParseOptions) -> _Basis:
    vocab = opts.vocabulary
    index_words(lines, vocab.all_words)
    for ln in lines:
        ln.fields = vocab.fields_of(ln.found or set())
    texts = [ln.text for ln in lines]
    joined = "\n".join(texts)
    currency = opts.currency or _currency(joined)
    if opts.decimal_mark is not None:
        # A profile's: "" says amounts are whole, so a date's "01.06.26" is no sign of cents.
        mark = opts.decimal_mark
        fractions = mark != "" and any(FRACTION.search(t) for t in texts)
    else:
        mark = detect_decimal_mark(texts, currency or opts.store_currency)
        fractions = any(FRACTION.search(t) for t in texts)
    return _Basis(joined, currency, mark, fractions)


def parse_lines(lines: list[Line], opts: ParseOptions, image_only: bool = False) -> Transaction:
    vocab = opts.vocabulary
    basis = _basis(lines, opts)
    joined, currency, mark, fractions = basis.joined, basis.currency, basis.mark, basis.fractions
    tx = Transaction(profile=opts.profile_name)
    stated = _stated_currency(joined, opts.currency, currency) or opts.store_currency
    hint = order_hint(stated, language_of(joined, currency), joined)
    when = read_datetime(
        ((ln.index, ln.text) for ln in lines),
        opts.date_order,
        hint,
        has_amount=lambda text: FRACTION.search(text) is not None,
    )
    tx.datetime, date_lines = when.value, set(when.lines)
    tx.date_order_seen = when.proven
    if when.unsure:
        tx.flag("date_order", when.unsure, "datetime")
    elif when.value is None and (printed := looks_like_a_date(joined)):
        # A date in a form the parser does not know: the sale's day would be missing, or worse, guessed.
        tx.flag("no_datetime", f"{printed!r} looks like a date, and no date was read", "datetime")

    summary_start = _summary_start(lines, vocab, mark)
    header_end = _header_end(lines, summary_start, date_lines, vocab, mark, fractions)
    heading = next(
        (ln.index for ln in lines[:summary_start] if len((ln.found or set()) & vocab.column_head_words) >= 2),
        None,
    )
    if heading is not None and header_end <= heading:
        header_end = heading + 1
    # The table's heading names the pack size first on its second row, under the name's row ("商品名称 类别 /
    # 规格 数量 单价 金额"): each item's name is the line above its numbers, the first item's too.
    spec_first = any(
        _SPEC_HEADING.match(ln.upper.strip()) and not ln.amounts(mark)
        for ln in lines[max(0, header_end - 4) : header_end + 1]
    )
    if (
        spec_first
        and heading is not None
        and header_end > heading + 1
        and not lines[header_end - 1].amounts(mark)
    ):
        header_end -= 1
    _header_fields(tx, lines[: max(header_end, 1)] + lines[summary_start:], vocab)
    tx.store_name = _store_name(
        [ln for ln in lines[:header_end] or lines[:3] if not find_label(ln, vocab.non_sale)], date_lines
    )

    region = [
        ln
        for ln in lines[header_end:summary_start]
        if ln.index not in date_lines
        # A taxable base, a count or an item's tax above the summary is not an item.
        and ln.fields.isdisjoint(_ITEM_NOTES)
        and not any(p.search(ln.text) for p in opts.skip)
    ]
    # The table's heading just above the items names the quantity column first ("Qtd Descrição  Valor").
    counts_first = any(
        _QTY_HEADING.match(ln.upper.strip()) and not ln.amounts(mark)
        for ln in lines[max(0, header_end - 3) : header_end + 1]
    )
    parsed = parse_items(region, mark, fractions, opts.item_patterns, counts_first, spec_first)
    tx.items = parsed.items
    for text in parsed.unparsed:
        tx.flag("unread_line", f"line with an amount not understood: {text!r}", "items")
    _summary(
        tx,
        lines[summary_start:],
        vocab,
        mark,
        fractions,
        opts.own_tender_words if opts.review_unknown_summary else None,
    )
    tx.kind, tx.reprint = _kind(lines, tx, vocab, mark)
    if opts.payment_printed and tx.kind == "sale" and not tx.payments:
        text = "this layout prints how each sale was paid, and no payment was read"
        tx.flag("tenders_vs_total", text, "payments")
    if image_only:
        tx.kind = "sale"
        tx.flag("image_only", "printed as an image: no text to read")
    if tx.kind == "non_sale":
        # Kitchen tickets and reports carry no sale: what looked like items or money on them is not.
        tx.reasons = [r for r in tx.reasons if r.check != "unread_line"]
        tx.items, tx.discounts, tx.taxes = [], [], []
        tx.store_name = None  # a ticket's first line is its title or its first order, not the shop
        tx.currency = opts.currency
        return tx
    tx.currency = currency
    garbled = mojibake_reason(ln.text for ln in lines)
    if garbled:
        tx.flag("mojibake", f"text does not read as any language: {garbled}")
    return tx


_HEADER_FIELDS = frozenset(("receipt_no", "printout_no", "cashier", "member", "header"))
_TENDER_FIELDS = frozenset(f"tender:{m}" for m in PAYMENT_METHODS)
_SUMMARY_FIELDS = (
    frozenset(("subtotal", "total", "change", "tax", "ignore", "surcharge", "rounding")) | _TENDER_FIELDS
)


def _summary_start(lines: list[Line], vocab: Vocabulary, mark: DecimalMark) -> int:
    """The first line of the totals. A tender comes after its total: a tender's word above the first total
    is an item's ("Nanaimo Bar", where BAR is German cash), unless no total follows at all."""
    first_tender = None
    labelled = [
        ln for ln in lines if ln.found and not ln.fields.isdisjoint(_SUMMARY_FIELDS) and ln.amounts(mark)
    ]
    for n, line in enumerate(labelled):
        if line.fields <= _TENDER_FIELDS:
            if first_tender is None:
                first_tender = line.index
            continue
        if "total" in line.fields and _in_a_name(line, labelled[n + 1 :], vocab):
            continue
        if line.fields <= _ADDED and any("subtotal" in ln.fields for ln in labelled[n + 1 :]):
            # "TIP TOP SUPERSOFT   $3.80" above the subtotal: a tip or service charge comes after the
            # items' sum, so its word here is an item's name.
            continue
        if line.fields <= _ITEM_NOTES and _items_follow(lines, line.index, mark):
            continue
        if line.fields <= _ITEM_OFF and _priced_lines_follow(lines, line.index, mark):
            # "Dto. Tarjeta Cliente 10%   -3,12" under its item, more items below: the item's discount
            # (its words may be a tender's: TARJETA), not the start of the summary.
            continue
        return line.index
    return len(lines) if first_tender is None else first_tender


def _not_money(text: str, start: int, end: int) -> bool:
    if FRACTION.search(text, start, end):
        return False
    return _GROUPED.search(text, start, end) is not None or _A_NUMBERS_END.search(text, 0, start) is not None


_GROUPED = re.compile(r"\d[,.' ]\d{3}")
# A card's digits after its mask ("Suica  JE80 **** **** 1641"), whether or not the receipt prints cents.
_MASKED = re.compile(r"(?:\*{2,}|[Xx•]{4})[\s-]?\Z")
# After another number ("81234 5678"), a number sign ("№ 63439", "# 12") or a mask ("МИР *1987",
# "XXXX-XXXX-XXXX-4821").
_A_NUMBERS_END = re.compile(r"(?:\d |№\s?|#\s?|\*|[Xx•]-?)\Z")


_ITEM_NOTES = frozenset(("tax", "ignore"))


def _items_follow(lines: list[Line], at: int, mark: DecimalMark) -> bool:
    """A tax line under each item ("НДС 22%   =685,07", Russian fiscal tills): items whose quantity and
    price prove their amount follow it before any total."""
    for line in lines[at + 1 :]:
        if "total" in line.fields or "subtotal" in line.fields:
            return False
        if proven_amount(line, mark):
            return True
    return False


_ITEM_OFF = _TENDER_FIELDS | {"discount"}
_ADDED = frozenset(("surcharge",))


def _priced_lines_follow(lines: list[Line], at: int, mark: DecimalMark) -> bool:
    """An amount off with unlabelled priced lines (more items) below it before any total."""
    amounts = lines[at].amounts(mark)
    if not amounts or amounts[-1][0] >= 0:
        return False
    for line in lines[at + 1 :]:
        if not line.fields.isdisjoint(_SUMMARY_FIELDS):
            if "discount" in line.fields:
                continue
            return False
        if line.amounts(mark) and _LETTERS.search(line.text):
            return True
    return False


_AMOUNT_FIRST = re.compile(r"^[-−]?\d[\d,.']*[.,]\d\d(?=\D)")


def _in_a_name(line: Line, below: list[Line], vocab: Vocabulary) -> bool:
    """A total's word in an item's name ("COLGATE TOTAL 120ML   4.99"): a subtotal follows it (a total
    comes after its subtotal), or another total follows and the word does not start this line."""
    if "subtotal" in line.fields:
        return False
    if any("subtotal" in ln.fields for ln in below):
        return True
    word = find_label(line, vocab.total)
    compact = line.compact.lstrip("*#=-:")
    # (After the amount where the till prints it first: "421.91 TOTAL".)
    compact = _AMOUNT_FIRST.sub("", compact)
    starts = word is not None and compact.startswith(word.replace(" ", ""))
    return not starts and any("total" in ln.fields for ln in below)


def _header_end(
    lines: list[Line], stop: int, date_lines: set[int], vocab: Vocabulary, mark: DecimalMark, fractions: bool
) -> int:
    """Index of the first item line: what comes before is the header (store, address, numbers, date).
    Items never begin above the header's date, receipt number or cashier: an address's house number
    ("西新宿1-2-3") above them is no amount. (A line with a price on it is no such label: "PAT. ROSE No. 2
    8.99" is an item.)"""
    anchors = [
        ln.index
        for ln in lines[:stop]
        if ln.index in date_lines
        or (
            ("receipt_no" in ln.fields or "cashier" in ln.fields)
            and not (fractions and FRACTION.search(ln.text))
        )
    ]
    # Below the last money a date or number is the footer's ("ФН чека: 3137615250", "ФІСКАЛЬНИЙ ЧЕК"
    # under a summary no words were found for): no sign that the items start after it.
    money = [
        ln.index
        for ln in lines[:stop]
        if ln.amounts(mark) and (not fractions or FRACTION.search(ln.text)) and ln.index not in date_lines
    ]
    anchors = [a for a in anchors if money and a < money[-1]]
    first = anchors[-1] + 1 if anchors else 0
    for line in lines[first:stop]:
        text = line.text.strip()
        if (
            not text
            or line.index in date_lines
            or SEPARATOR.match(text)
            or not line.fields.isdisjoint(_HEADER_FIELDS)
            or _masked_phone(text)
            or _phone(text)
        ):
            continue
        amounts = line.amounts(mark)
        if amounts and (not fractions or FRACTION.search(text) or proven_amount(line, mark)):
            prev = lines[line.index - 1] if line.index > first else None
            if (
                (SPEC.match(text) or counted_line(line, mark))
                and prev is not None
                and _LETTERS.search(prev.text)
                and not _has_money(prev, mark, fractions)
                and (prev.found or set()).isdisjoint(vocab.column_head_words)
            ):
                return prev.index  # "氯雷他定片 / 10mg*6片   2   24.00   48.00": the name is the line above
            qp = QTY_PRICE.search(text)
            # (A tax class after the amount is no word: "6001298765439   1.00   285.00   285.00 B".)
            if qp is None and not _LETTERS.search(line.text, 0, amounts[-1][2]):
                # Numbers only ("2300125   0.644   6.98   4.50"): the item's name is the line above.
                prev = lines[line.index - 1] if line.index > first else None
                if prev is not None and _LETTERS.search(prev.text) and not _has_money(prev, mark, fractions):
                    return prev.index
                return line.index
            if not qp or _LETTERS.search(text[: qp.start()]):
                return line.index
            # A quantity line ("  2 x 3.49   6.98"): its item's name is the line above, or the numbered
            # line above the item's details ("1. Аи-92 / ТРК № 4 / 51,93 л х 59,85"); not the table's
            # heading ("Artikel   EUR / 2 x 1,15 / Babybrei   2,30": the quantity comes before its item).
            prev = lines[line.index - 1] if line.index > first else None
            if (
                prev is not None
                and _LETTERS.search(prev.text)
                and not _has_money(prev, mark, fractions)
                and (prev.found or set()).isdisjoint(vocab.column_head_words)
            ):
                numbered = next(
                    (
                        ln.index
                        for ln in reversed(lines[max(first, line.index - 3) : line.index - 1])
                        if NUMBERED_ITEM.match(ln.text.strip())
                    ),
                    None,
                )
                if numbered is not None:
                    return numbered
                above = lines[prev.index - 1] if prev.index > first else None
                if (
                    above is not None
                    and prev.text.strip().startswith("(")
                    and _LETTERS.search(above.text)
                    and not _has_money(above, mark, fractions)
                ):
                    return above.index  # the name over a note ("Комплексный обед №1 / (салат, суп)")
                return prev.index
            return line.index
    return stop


# A table heading whose first column is the quantity: UDS, CANT, QTY, QTE, ANZ, MENGE, SL, QTD, 数量, 수량 ...
_QTY_HEADING = re.compile(
    r"(?:UDS?|CANT\.?|QTY|QT[EÉ]|ANZ(?:AHL)?|MENGE|SL|QTD|AANTAL|ILO[SŚ][CĆ]|KOL|数量|수량|จำนวน)\b"
)
_SPEC_HEADING = re.compile(r"(?:规格|規格|규격|SPEC)")
_PHONE = re.compile(r"\(\d{2,4}\)\s?\d{3,4}[- ]\d{4}|(?<!\d)\d{2,4}-\d{3,4}-\d{4,5}(?!\d)")
_LETTERS = re.compile(r"[^\W\d_]")


def _has_money(line: Line, mark: DecimalMark, fractions: bool) -> bool:
    """Whether a line shows money: any amount, or on a receipt with cents one with cents (a name line's
    article code and line number, "001 7891314547755 CAFÉ", are no money)."""
    if fractions:
        return FRACTION.search(line.text) is not None
    return bool(line.amounts(mark))


def _masked_phone(text: str) -> re.Match[str] | None:
    # A masked phone has its mask characters; most lines have none, and that test is cheaper than the search.
    return PHONE_MASKED.search(text) if ("*" in text or "x" in text or "X" in text) else None


def _phone(text: str) -> re.Match[str] | None:
    return _PHONE.search(text) if ("-" in text or "(" in text) else None


# "Total (inc GST)", "TOTAL INCL. VAT": a total that says its tax is in it, not a tax line.
_TAX_NOTE = re.compile(r"\bINC(?:L|LUDING)?\.?\s+(?:GST|VAT|TAX|MWST|BTW|IVA|TVA)\b")
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]")


def _tender(line: Line, vocab: Vocabulary) -> Method | None:
    """The method of the longest tender word on the line ("図書カードNEXT" is a book voucher, not the
    "カード" in it); of words as long, the vocabulary's order: wallets and cards before cash
    ("实收(微信)")."""
    fields = line.fields
    if not fields or fields.isdisjoint(_TENDER_FIELDS):
        return None
    table = vocab.word_fields
    words = [w for w in line.found or () if not table.get(w, _NONE).isdisjoint(_TENDER_FIELDS)]
    longest = max(map(len, words), default=0)
    for method in vocab.tender:
        if any(len(w) == longest and f"tender:{method}" in table[w] for w in words):
            return method  # type: ignore[return-value]
    return None


_NONE: frozenset[str] = frozenset()


def _summary(
    tx: Transaction,
    lines: list[Line],
    vocab: Vocabulary,
    mark: DecimalMark,
    fractions: bool = False,
    own_tenders: frozenset[str] | None = None,
) -> None:
    """``fractions``: the receipt prints cents, so a grouped number without them, or one after another
    number, is no money ("POINTS BALANCE 35,189", "GST/HST REG # 81234 5678"); "BAR 130" may be.
    ``own_tenders``: a profile's tender words, where money under other words goes to review."""
    adjusted_after_total = False
    named: Method | None = None  # how the sum received was paid, on a line of its own
    for line in lines:
        amounts = line.amounts(mark)
        amount = amounts[-1][0] if amounts else None
        if amount is None and "paid_by" in line.fields and named is None:
            named = _tender(line, vocab)
        if amount is not None and (
            (fractions and _not_money(line.text, amounts[-1][1], amounts[-1][2]))
            or _MASKED.search(line.text, 0, amounts[-1][1])
        ):
            continue
        fields = line.fields
        if amount is None or (
            "ignore" in fields
            and not ("tax" in fields and len(amounts) >= 2)
            and _tender(line, vocab) is None
        ):
            # (A taxable base with its tax on one line, "8%対象 ¥1,312 消費税 ¥104", is a tax line; an
            # amount received in cash, "현금 받은금액", a tender.)
            continue
        if "change" in fields:
            tx.change = amount
        elif "subtotal" in fields:
            tx.subtotal = amount
            if "total" in fields and tx.total is None:
                # A profile's word for the sum that is also the total unless one follows ("JUMLAH (RM)",
                # then "JUMLAH BAYAR" where cash is rounded): a total below replaces it.
                tx.total, adjusted_after_total = amount, True
        elif "tax" in fields and not ("total" in fields and _TAX_NOTE.search(line.upper)):
            rate = _RATE.search(line.text)
            included = any(m in line.upper for m in vocab.tax_included_markers)
            value = amount
            if rate and len(amounts) == 1 and amounts[0][1] <= rate.start(1) < amounts[0][2]:
                continue  # only a rate, no amount
            tx.taxes.append(Tax(value, Decimal(rate.group(1).replace(",", ".")) if rate else None, included))
        elif "rounding" in fields:
            label = line.text[: amounts[-1][1]].strip(" :：-−=")
            tx.discounts.append(Adjustment(label or "rounding", amount, rounding=True))
            # "ÖSSZESEN 9 843 Ft / KEREKÍTÉS 2 / FIZETENDŐ 9 845 Ft": a total below the rounding is what is
            # paid, the first the sum it was rounded from.
            adjusted_after_total = tx.total is not None
        elif "discount" in fields or "surcharge" in fields:
            # A discount comes off, a tip or service charge goes on: both adjust the items to the total.
            if fractions and not FRACTION.search(line.text, amounts[-1][1], amounts[-1][2]):
                # On a receipt that prints cents, so does an amount off: "Cupón: 0110  Aut.: 129030" on a
                # card slip is a coupon's number and an authorisation code.
                continue
            off = "discount" in fields
            if (
                off
                and tx.total is not None
                and tx.payments
                and sum(p.amount for p in tx.payments) >= tx.total
            ):
                # Once the tenders pay the total, an amount off below them is the footer's offer ("주유
                # 3만원 이상 자동세차 4,000원 할인"), not this sale's.
                continue
            label = line.text[: amounts[-1][1]].strip(" :：-−=")
            adjustment = Adjustment(
                label or ("discount" if off else "surcharge"), -abs(amount) if off else abs(amount)
            )
            if tx.payments and any(_same(adjustment, a) for a in tx.discounts):
                # The card slip printed under the receipt repeats the tip ("Amount / Tip / TOTAL"):
                # the same adjustment again after the tenders is not a second one.
                continue
            if (
                tx.discounts
                and off
                and adjustment.amount == sum(a.amount for a in tx.discounts if a.amount < 0)
            ):
                # The discounts' sum under them ("앱쿠폰 할인 -1,000 / 할인금액 -1,000"), not one more (the
                # total's check proves it).
                continue
            adjusted_after_total = tx.total is not None
            tx.discounts.append(adjustment)
        elif "total" in fields:
            if tx.total is None or adjusted_after_total:
                # A total again after an adjustment below the first ("合计 391.60 / 抹零 -0.60 / 应收
                # 391.00"): the later is what is paid, the first (where no subtotal was printed) the sum
                # the adjustment applied to.
                if tx.total is not None and tx.subtotal is None:
                    tx.subtotal = tx.total
                tx.total = amount
                adjusted_after_total = False
            elif amount == tx.total and tx.subtotal is None and not tx.payments:
                # The same sum under a second label before any tender ("合计 50.00 / 应收 50.00", "합계 /
                # 받을금액"): the first is the sum of the items, the second what is due.
                tx.subtotal = tx.total
            elif amount != tx.total and not tx.payments and amount > 0:
                # Another sum under a total's word before any tender, nothing read between to explain it
                # ("Gross Total 5,595 / FBR POS Fee 1 / Net Payable 5,596" where the fee's word is not
                # known): which is paid is a guess.
                text = f"two totals: {tx.total} and {amount} ({line.text.strip()!r})"
                tx.flag("total_arithmetic", text, "total")
        else:
            method = _tender(line, vocab)
            paid = sum((p.amount for p in tx.payments), Decimal(0))
            if method is not None and tx.payments and tx.total is not None and paid >= tx.total:
                # Once the tenders pay the total, a tender's word again is their sum restated ("现金:
                # 200.00 / 实收金额: 200.00") or a card slip's line ("AUT: 529684  CONTACTLESS", "[신용카드
                # 매출전표 1/2]"), not one more tender.
                continue
            if method is not None and amount:
                # (A zero under a tender's word is a card's balance or a slip's field, no payment.)
                if (
                    own_tenders is not None
                    and own_tenders.isdisjoint(line.found or ())
                    and _mostly_unknown(line, amounts[-1][1])
                ):
                    # A tender the profile's examples never showed, named mostly by words no vocabulary
                    # knows ("ミナトカード", a shop's prepaid card, whose "カード" the generic words read
                    # as a bank card): which method it is, is a guess.
                    text = f"a tender under words the POS profile does not know: {line.text.strip()!r}"
                    tx.flag("unread_line", text, "payments")
                tx.payments.append(Payment(method, amount))
            elif (
                amount < 0
                and (tx.subtotal is not None or tx.total is not None)
                and not tx.payments
                and _TWO_LETTERS.search(line.text)
            ):
                # "サービス券   -¥100" between the subtotal and the total, "满100减10   -30.00" under the
                # first total: an amount off under a name we do not know, which the total's check must
                # still prove.
                adjusted_after_total = tx.total is not None
                tx.discounts.append(Adjustment(line.text[: amounts[-1][1]].strip(" :：-−="), amount))
            elif (
                tx.total is not None
                and amount == tx.total
                and _TWO_LETTERS.search(line.text)
                and sum(p.amount for p in tx.payments) != tx.total
            ):
                # The total again under a label we do not know: most likely a tender ("EFTPOS", "PIN"),
                # and a tender read as nothing would pass a receipt whose payment is missing. (Once the
                # tenders pay the total, the total again is a card slip's "Amount:".)
                text = f"the total's amount again under an unknown label: {line.text.strip()!r}"
                tx.flag("unknown_total_label", text, "payments")
            elif (
                own_tenders is not None
                and not fields
                and tx.total is not None
                and not tx.payments
                and amount > 0
                and (not fractions or FRACTION.search(line.text, amounts[-1][1], amounts[-1][2]))
                and _TWO_LETTERS.search(line.text, 0, amounts[-1][1])
            ):
                # Money under the total, before any tender: where the profile knows the layout's words,
                # a tender it never saw ("REIÐUFÉ 6.000 kr" after cards only), not a footer's number.
                text = f"an amount under words the POS profile does not know: {line.text.strip()!r}"
                tx.flag("unread_line", text, "payments")
            elif (
                own_tenders is not None
                and not fields
                and tx.total is None
                and amount > 0
                and _TWO_LETTERS.search(line.text, 0, amounts[-1][1])
            ):
                # Above the total, under words the profile does not know: the items' sum where it is
                # theirs ("Valor total R$ 62,23" over a discount its examples never had), else a subtotal
                # or a charge it never saw.
                gross = sum((i.amount for i in tx.items), Decimal(0))
                net = gross + sum((i.discount or Decimal(0) for i in tx.items), Decimal(0))
                if tx.subtotal is None and tx.items and amount in (gross, net):
                    tx.subtotal = amount
                else:
                    text = f"an amount under words the POS profile does not know: {line.text.strip()!r}"
                    tx.flag("unread_line", text, "total")
    if named is not None and len(tx.payments) == 1 and not tx.change:
        # "实收 ￥34.00 / 支付方式: 微信支付": the sum received, then how (no change: not necessarily cash).
        tx.payments[0] = replace(tx.payments[0], method=named)
    elif named is not None and not tx.payments:
        # "支付方式: 银联" and no amount read as paid: the line that printed it is under words not known.
        tx.flag("unread_line", "the receipt names how it was paid, and no payment was read", "payments")
    if not tx.payments and tx.total is not None:
        _cash_unread(tx, lines, mark)


def _cash_unread(tx: Transaction, lines: list[Line], mark: DecimalMark) -> None:
    """Two lines under words no vocabulary knows, the first less the second the total ("NUMERAR 50.00 /
    REST 2.40" under "TOTAL LEI 47.60"): cash given and its change, unread; a receipt passed without them
    would say no payment was made."""
    unknown = [
        (ln, ln.amounts(mark)[-1][0])
        for ln in lines
        if not ln.fields and ln.amounts(mark) and _TWO_LETTERS.search(ln.text, 0, ln.amounts(mark)[-1][1])
    ]
    for (given, a), (_, b) in pairwise(unknown):
        if b > 0 and a - b == tx.total:
            text = f"a payment and its change under words not known: {given.text.strip()!r}"
            tx.flag("unread_line", text, "payments")
            return


def _mostly_unknown(line: Line, start: int) -> bool:
    """Whether the words found on the line spell at most half of the letters before its amount."""
    letters = len(_LETTER.findall(line.text, 0, start))
    known = sum(len(_LETTER.findall(w)) for w in line.found or ())
    return known * 2 <= letters


_LETTER = re.compile(r"[^\W\d_]")


def _same(a: Adjustment, b: Adjustment) -> bool:
    return a.amount == b.amount and a.label.upper() == b.label.upper()


def _header_fields(tx: Transaction, lines: list[Line], vocab: Vocabulary) -> None:
    signed: str | None = None  # a number after a number sign alone at a header line's start
    printout: str | None = None  # a printout's counter, where no receipt number is labelled
    for line in lines:
        if signed is None and _SIGN_FIRST.match(line.text):
            signed = _receipt_number(line.text.lstrip())
        if tx.phone_masked is None:
            m = _masked_phone(line.text)
            if m:
                tx.phone_masked = m.group(0)
        if not line.found:
            continue
        if tx.receipt_no is None and "receipt_no" in line.fields:
            label = find_label(line, vocab.receipt_no)
            if label:
                tx.receipt_no = _receipt_number(value_after(line, label) or "")
        if printout is None and "printout_no" in line.fields:
            label = find_label(line, vocab.printout_no)
            if label:
                printout = _receipt_number(value_after(line, label) or "")
        if tx.cashier is None and "cashier" in line.fields:
            label = find_label(line, vocab.cashier)
            if label:
                value = value_after(line, label)
                name = re.split(r"\s{2,}", value)[0][:40] if value else ""
                if name and not re.fullmatch(r"[Vv]?\d+(\.\d+)+", name):  # "华信收银 V3.2" is a program
                    tx.cashier = name
        if tx.member_id is None and "member" in line.fields:
            label = find_label(line, vocab.member)
            if label:
                m = re.search(r"[0-9*Xx]{4,}", value_after(line, label) or "")
                if m and not PHONE_MASKED.fullmatch(m.group(0)):
                    tx.member_id = m.group(0)
    if tx.receipt_no is None:
        # "N.º: FS A2026/1403" under "Fatura Simplificada": the number sign is the line's only label.
        tx.receipt_no = signed or printout


# What may stand between a receipt number's label and the number: "Ticket N° 12", "Ticket Nro 12",
# "Bon-Nr. 12", "ЧЕК № 12", "Order #12", "TRANS: 12".
_NUMBER_SIGN = re.compile(r"(?:N[°ºO]\.?|N\.[ºO]|NRO\.?|NR\.?|№|#|NUMBER)?[\s:：#.]*", re.IGNORECASE)
# The number itself: a token with a digit, after a series of capitals where one is printed
# ("FS A2026/1403", a Portuguese invoice's series and number).
_RECEIPT_NUMBER = re.compile(r"(?:[A-Z]{1,4} (?=[A-Z]{0,3}\d))?[A-Za-z0-9][A-Za-z0-9\-/#]*")
# (NFKC has made "º" an "o": "N.º" reads "N.o".)
_SIGN_FIRST = re.compile(r"\s*(?:N[°ºo]\.?|N\.[ºo]|№|#)(?=[\s:.\d])")
# An amount is no receipt number ("ORDER #  12.50" is a price); nor is a time.
_AMOUNT_AFTER = re.compile(r"[.,:]\d")


def _receipt_number(value: str) -> str | None:
    sign = _NUMBER_SIGN.match(value)
    if sign:
        value = value[sign.end() :]
    m = _RECEIPT_NUMBER.match(value)
    if (
        m is None
        or not re.search(r"\d", m.group(0))
        or looks_like_a_date(m.group(0))
        or _AMOUNT_AFTER.match(value, m.end())
    ):
        return None
    return m.group(0)


def _store_name(lines: list[Line], date_lines: set[int]) -> str | None:
    candidates = [
        ln
        for ln in lines[:6]
        if ln.index not in date_lines
        and not SEPARATOR.match(ln.text.strip() or "---")
        and _TWO_LETTERS.search(ln.text)
        and not _phone(ln.text)
        and not re.match(r"\s*\d", ln.text)  # an address line, not the name
    ]
    if not candidates:
        return None
    best = next((ln for ln in candidates if ln.big or ln.style.bold), candidates[0])
    return best.text.strip()


def _is_title(line: Line, words: tuple[str, ...], field: str) -> bool:
    """A word that classifies the receipt stands alone or large ("REFUND", "*** 退货 ***"); inside a
    sentence ("no refund without receipt", "교환/환불시 더욱 편리합니다") it is policy text, not a kind."""
    if field not in line.fields:
        return False
    word = find_label(line, words)
    if word is None:
        return False
    rest = re.sub(r"[\W_]", "", line.compact.replace(word.upper(), "", 1).replace(word, "", 1))
    return line.big or line.style.bold or len(rest) <= 8


def _kind(all_lines: list[Line], tx: Transaction, vocab: Vocabulary, mark: DecimalMark) -> tuple[Kind, bool]:
    lines = [ln for ln in all_lines if ln.found]  # only a labelled line can name the kind
    reprint = any(_is_title(ln, vocab.reprint, "reprint") for ln in lines)
    if any(_is_title(ln, vocab.void, "void") for ln in lines):
        return "void", reprint
    if any(_is_title(ln, vocab.refund, "refund") for ln in lines) or (tx.total is not None and tx.total < 0):
        return "refund", reprint
    # Kitchen tickets, reports, test prints: named as such, or no money printed on them at all. A receipt
    # with money on it and no total we could read stays a sale, and is flagged.
    named = any("non_sale" in ln.fields for ln in lines)
    if (
        tx.total is None
        and not tx.payments
        and (named or not any(_money_like(ln.text, mark) for ln in all_lines))
    ):
        return "non_sale", reprint
    return "sale", reprint


def _money_like(text: str, mark: DecimalMark) -> bool:
    """Whether a line prints what may be money: a receipt with any is no non-sale by default (its total
    unread, it is flagged). Thousands grouped by a space ("24 184 Ft") and a number closing a right-hand
    column count too: a Hungarian NYUGTA in whole forints was taken for a kitchen ticket, `ok`."""
    return bool(
        FRACTION.search(text)
        or re.search(r"\d[,.]\d{3}(?!\d)", text)
        or re.search(r"(?<![\d.:/-])\d{1,3}(?: \d{3})+(?![\d.:/-])", text)
        or re.search(r"[$€£¥₩₹₱]\s?\d|\d\s?(?:元|円|원|EUR|Ft|Kč|zł|kr|Rs|Rp)\b", text)
        or re.search(r"\S {3,}[-−]?\d[\d.,']*$", text.rstrip())
    )


def _currency(joined: str) -> str | None:
    named = _NAMED_CURRENCY.search(joined)
    if named:
        return named.group(1)
    for sign, code in _CURRENCY_SIGNS:
        if sign in joined:
            return code
    if "đ" in joined and _DONG.search(joined):
        return "VND"
    if "TL" in joined and _LIRA.search(joined):
        return "TRY"
    if joined.isascii():  # no symbols, kana, hangul or han to look for
        if _EUR.search(joined):
            return "EUR"
        if _USD.search(joined):
            return "USD"
        if "$" in joined:
            return _dollar(joined)
        return "EUR" if _GERMAN.search(joined.upper()) else None
    if "€" in joined or _EUR.search(joined):
        return "EUR"
    if "₩" in joined or "원" in joined or HANGUL.search(joined):
        return "KRW"
    kana = KANA.search(joined)
    if not kana and HAN.search(joined):
        if "NT$" in joined or "NTD" in joined:
            return "TWD"
        if "HK$" in joined or "HKD" in joined:
            return "HKD"
        if traditional_chinese(joined) and "RMB" not in joined and "人民币" not in joined:
            # Traditional characters: Taiwan (元 is the New Taiwan dollar there), Hong Kong, Macau. Where
            # the address or Taiwan's business number (統一編號) and uniform invoice (發票) do not say which,
            # the store's configured currency does ([box] currency).
            if _TAIWAN.search(joined):
                return "TWD"
            if _HONG_KONG.search(joined):
                return "HKD"
            return None
    if "¥" in joined or "円" in joined or "元" in joined or "RMB" in joined:
        return "JPY" if kana or "円" in joined else "CNY"
    if kana:
        return "JPY"
    if HAN.search(joined):
        return "CNY"
    if _USD.search(joined):
        return "USD"
    if "$" in joined:
        return _dollar(joined)
    if _GERMAN.search(joined.upper()):
        return "EUR"
    return None


def _stated_currency(joined: str, configured: str | None, read: str | None) -> str | None:
    """The currency as evidence of how dates are printed: configured, or read. US dollars told apart by a
    US address are not: the address is order_hint's own evidence, not to be counted twice."""
    if configured or read != "USD":
        return configured or read
    return read if _DOLLAR_PRINTED.search(joined) else None


def _dollar(joined: str) -> str | None:
    """Which dollar (or peso) "$" is, where the receipt says it: a Canadian postal code or Interac, an
    Australian postcode after its state or an ABN, a US state and ZIP code, Mexico's RFC. Otherwise none:
    the sign alone is a dozen countries' and the store's configured currency decides."""
    for pattern, code in _DOLLAR_EVIDENCE:
        if pattern.search(joined):
            return code
    return None


# A currency the receipt names by its ISO code or its own sign (the euro, dollar, yen and won follow).
_NAMED_CURRENCY = re.compile(
    # (The lookaheads on first characters let the engine pass most positions of the text in one test.)
    r"(?=[A-Z])\b(PLN|GBP|CHF|CZK|HUF|SEK|NOK|DKK|RUB|THB|AUD|CAD|NZD|SGD|MYR|INR|TRY|BRL|MXN|ZAR|VND|IDR|PHP|HKD|TWD)\b"
)
_CURRENCY_SIGNS = (
    ("£", "GBP"),
    ("zł", "PLN"),
    ("฿", "THB"),
    ("บาท", "THB"),
    ("₽", "RUB"),
    ("руб.", "RUB"),
    ("РУБ.", "RUB"),
    ("₫", "VND"),
    ("VNĐ", "VND"),
    ("R$", "BRL"),
    ("₺", "TRY"),
)
_EUR = re.compile(r"(?=E)\bEUR\b")
_LIRA = re.compile(r"\d\s?TL\b")  # "90,00 TL": the Turkish lira after an amount
_DONG = re.compile(r"\d\s?đ(?![^\W\d_])")  # "467.250đ": the dong after an amount (đ alone starts words)
_TAIWAN = re.compile(
    r"台北|臺北|新北|桃園|台中|臺中|台南|臺南|高雄|新竹|基隆|嘉義|統一編號|統編|發票|台灣|臺灣"
)
_HONG_KONG = re.compile(r"香港|九龍|新界")
_USD = re.compile(r"(?=U)\bUSD\b|US\$")
_DOLLAR_PRINTED = re.compile(r"\b(?:USD|CAD|AUD|NZD|MXN|SGD)\b|(?:US|CA|NZ|\bA|\bC|\bS)\$")
_DOLLAR_EVIDENCE = (
    (
        # (Case matters: "CADENA COMERCIAL" is no CAD; Interac is printed either way.)
        re.compile(r"\b(?:CAD\b|CA\$|C\$)|\b(?i:INTERAC)\b|\b[A-Z]\d[A-Z] \d[A-Z]\d\b|\bGST/HST\b"),
        "CAD",
    ),
    (re.compile(r"\b(?:AUD|A\$|ABN)\b|\b(?:NSW|VIC|QLD|TAS|ACT) \d{4}\b"), "AUD"),
    (
        re.compile(r"\b(?:NZD|NZ\$)|\bGST NO:?\s*\d{2,3}-\d{3}-\d{3}\b", re.IGNORECASE),
        "NZD",
    ),  # (an IRD number)
    (re.compile(r"\bS\$"), "SGD"),
    (re.compile(r"\b(?:MXN|RFC)\b|\bM\.N\."), "MXN"),
    (re.compile(r"\b[A-Z]{2},? \d{5}(?:-\d{4})?\b"), "USD"),
)
_GERMAN = re.compile(r"(?=[MSBR])\b(?:MWST|SUMME|BAR|RÜCKGELD)\b")
