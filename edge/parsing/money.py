"""Amounts as printed -> Decimal. Decimal comma or point, thousand separators, currency signs, signs
before or after (``-5.00``, ``5.00-``), never a float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

# The mark before the cents; "" on a receipt that prints whole amounts (dong, rupiah, won, yen): there every
# mark groups thousands ("125.000" is 125000).
DecimalMark = Literal[",", ".", ""]

CURRENCY_CODES = r"EUR|USD|RMB|CNY|JPY|KRW|GBP|CHF|VND|IDR"  # the codes printed beside amounts
_CURRENCY = rf"(?:[$€£¥￥₩₫đ]|{CURRENCY_CODES}|Rp|Fr\.|元|円|원)"
# A number with optional thousand groups and an optional 1-3 digit fraction.
AMOUNT_RE = re.compile(
    # An amount starts with a sign, a currency or a digit: the lookahead lets the engine pass the many
    # other positions (padding, letters) in one cheap test.
    r"(?=[-−(\d$€£¥￥₩₫đEURSDCNYJKGBFVI元円원])"
    # Not after a letter, digit or mark, nor after a masked card number's stars ("************4821"), nor
    # a check digit in parentheses after its number ("31459186(6)").
    # An amount in parentheses is negative, as accountants print it ("(1.00)").
    rf"(?<![\w.,])(?<!\*\*)(?<!\d\()(?P<paren>\()?(?P<sign>[-−])?\s?{_CURRENCY}?\s?(?P<sign2>[-−])?"
    r"(?P<num>\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,3})?)"
    # Not before a letter, and not before "%": a rate ("Кефир 1% 900мл", "PTU A 23,00%") is no amount.
    # Not before a mask's stars either: "2778****4821" is the start of a card number.
    rf"(?P<trail>-)?(?:\s?{_CURRENCY})?(?(paren)\))(?![^\W\d_]|\s?%|\*\*)(?![\w.,]*\d)"
)


def detect_decimal_mark(lines: list[str], currency: str | None = None) -> DecimalMark:
    """Which mark separates cents on this receipt: the one seen before exactly two final digits; none
    where no amount has cents but some have thousands ("25.000", "1,250,000"), unless the currency counts
    in thousandths (the Kuwaiti dinar's "1.250" is one dinar 250 fils)."""
    joined = "\n".join(lines)
    marks = _CENTS_MARK.findall(joined)
    if marks:
        return "," if marks.count(",") > marks.count(".") else "."
    if currency not in THREE_DECIMAL_CURRENCIES and _GROUPED.search(joined):
        return ""
    return "."


THREE_DECIMAL_CURRENCIES = frozenset({"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"})
# A thousands group: a mark and three digits after a number that is not 0 ("0.456 kg" is a weight).
_GROUPED = re.compile(r"(?<![\d.,])(?:[1-9]\d{0,2})(?:[.,]\d{3})+(?![\d.,])")


def parse_amount(text: str, mark: DecimalMark) -> Decimal | None:
    """One printed number -> Decimal, or None if it is not a plain amount."""
    m = AMOUNT_RE.fullmatch(text.strip())
    if not m:
        return None
    return _to_decimal(m, mark)


# No till prints an amount of more digits (99,999,999,999.99 in won or dong is far beyond a sale), and a
# product of two such numbers still fits the 28 digits of Decimal's context, which quantize needs.
MAX_AMOUNT_DIGITS = 13
# Money of nine digits or more is printed with thousands separators; a bare run that long is an identifier.
_MAX_PLAIN_DIGITS = 8


def _to_decimal(m: re.Match[str], mark: DecimalMark) -> Decimal | None:
    num, sign, sign2, trail, paren = m.group("num", "sign", "sign2", "trail", "paren")
    # A group mark followed by three digits is a thousands separator; the decimal mark followed by 1-2
    # digits is the fraction. "1,234" on a point receipt is 1234; "7,80" on a comma receipt is 7.80.
    if num.isdigit():  # the common case, no separators at all
        if len(num) > _MAX_PLAIN_DIGITS:
            return None  # a tax number or an article code ("TAX#0105551234567"), never printed money
        cleaned = num
    elif mark == "":
        head, *groups = _SEPARATORS.split(num)
        # Every mark groups thousands; one before fewer than three digits, or after a lone 0, is a
        # fraction after all (a weight or a rate among the amounts).
        if head != "0" and all(len(g) == 3 for g in groups):
            cleaned = head + "".join(groups)
        else:
            cleaned = head + "".join(groups[:-1]) + "." + groups[-1]
    else:
        cleaned = num.replace(" ", "").replace("'", "").replace("." if mark == "," else ",", "")
        if mark == ",":
            cleaned = cleaned.replace(",", ".")
        if cleaned.count(".") > 1:
            return None
    if len(cleaned) > MAX_AMOUNT_DIGITS + 1:  # the digits and the decimal point
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    # "(1.00)" is a negative amount; "(2)", a count in brackets, is not.
    bracketed = bool(paren) and not num.isdigit()
    return -value if (sign or sign2 or trail or bracketed) else value


# Cents: two digits after the mark, and no unit or rate after them ("1.25L", "0.75 kg", "8.25%" are no money),
# nor more of a dotted date ("2026.01.07"); a currency may follow ("2,50EUR", "4,50zł"). A capital G or L
# after a space is a tax class ("7,47 G"), so spaced units are the lower-case or two-letter ones.
_NOT_CENTS_AFTER = (
    r"(?![.,]?\d|\s?%|(?:[mck]?[lLgG]|ML|CL|KG|MG|lb|LB|oz|OZ)(?![^\W\d_])"
    r"|\s(?:[mck]?[lg]|kg|KG|ml|ML|cl|CL|lb|oz)(?![^\W\d_]))"
)
_CENTS_MARK = re.compile(r"(?<![.,]\d)\d([.,])\d{2}" + _NOT_CENTS_AFTER)
_SEPARATORS = re.compile(r"[ ',.]")
_DIGIT = re.compile(r"\d")
# Money with cents: "3.49", "7,80", "2,50EUR" (not "1.25L", not "2026.01.07").
FRACTION = re.compile(r"(?<![.,]\d)\d[.,]\d{2}" + _NOT_CENTS_AFTER)


def find_amounts(line: str, mark: DecimalMark) -> tuple[tuple[Decimal, int, int], ...]:
    """Every amount in a line with its span, left to right."""
    if not _DIGIT.search(line):
        return ()
    out = []
    for m in AMOUNT_RE.finditer(line):
        value = _to_decimal(m, mark)
        if value is not None:
            out.append((value, m.start(), m.end()))
    return tuple(out)


def has_fraction(text: str, mark: DecimalMark) -> bool:
    return re.search(rf"\d{re.escape(mark)}\d{{2}}(?!\d)", text) is not None


def money_str(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def line_matches(qty: Decimal, price: Decimal, amount: Decimal) -> bool:
    """Whether quantity x price is the amount, as a till rounds it (a refund's sign on either side)."""
    exact = qty * price
    if exact == amount or -exact == amount:
        return True  # most lines: no rounding involved
    exponent = amount.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else -2)
    # Tills round weighed goods half-up or half-even; either is the till's rounding, not an error.
    candidates = {
        exact.quantize(step, rounding=ROUND_HALF_UP),
        exact.quantize(step, rounding=ROUND_HALF_EVEN),
    }
    return abs(amount) in {abs(c) for c in candidates}
