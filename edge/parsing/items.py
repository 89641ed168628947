"""Item lines: one-line items, two-line items (name then quantity/price, or quantity/price then name),
column layouts, weighed goods, per-item discounts."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal

from edge.parsing.lines import SEPARATOR, Line
from edge.parsing.model import Item
from edge.parsing.money import FRACTION, DecimalMark, find_amounts, line_matches, parse_amount

# A price may be grouped by spaces ("3 799,00", Russian and Polish tills).
_NUM = r"[-−]?[¥$€£]?\s?(?:\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?(?!\d)|\d[\d.,']*)"
QTY_PRICE = re.compile(
    # (?<![\d.,]): a quantity starts where a number starts, not at each of its digits; at most six digits
    # and four decimals: a quantity, not a barcode or a run of digits.
    r"(?<![\d.,])(?P<qty>\d{1,6}(?:[.,]\d{1,4})?)(?![\d.,]?\d)"
    # The sign close to its numbers: "%10      *150,00" is a rate column and an amount marked by a star
    # (Turkish fiscal receipts), not 10 at 150.
    rf"\s{{0,3}}(?:\(?(?P<unit>kg|KG|g|lb|LB|l|L|個|点|件|pcs|PCS|pc|Stk|STK|St|UN|UND|Un|un|PZ|EA|ea|AD|ADET|Ad|BUC|buc|KOS|kos|szt|кг|шт|г|л|м|m|FT|ft|コ)\)?\.?\s{{0,8}}(?:NET\s{{1,3}})?)?"
    rf"(?:[x×X*х]\s{{0,3}}(?:単|单价|@)?|@)\s{{0,3}}(?P<price>{_NUM})\s*"
    # (A unit may end in a full stop, "1 szt. x 22,90"; a weight may be marked net, "0.875 kg NET @
    # $4.90/kg".)
    # A unit after the price: per unit ("/kg", "/FT"); the quantity's, where the price came first ("189.99 *
    # 1.458 кг"); or each ("3 @ 54.98 EA").
    r"(?:/\s*(?P<punit>kg|KG|lb|LB|l|L|g|个|個|FT|ft|m|м)|\s?(?P<qunit>кг|шт|kg|szt|м)|\s?(?:EA|ea|EACH))?"
    # Not a pack size glued to its unit ("CERVEZA 6X33CL" is six cans of 33 cl, not 6 at 33).
    r"(?![^\W\d_])"
)
# A unit price alone under its item: "à 4,90", "@ 3.10", "je 2,50", "each 3.10".
_EACH_LINE = re.compile(
    rf"^(?:à|á|@|je|per|each|ea\.?)\s*(?P<price>{_NUM})\s*(?:/\s*\w+|EA|ea)?$", re.IGNORECASE
)
_QP_HINT = re.compile(r"[xX×*@х]")  # (х: the Cyrillic letter, which Russian tills print for "times")
# (位: a guest, a restaurant's tea or sauce per head; 锅 盘 罐 碟 串 扎: pots, plates, cans, dishes, skewers,
# jugs.)
COUNT_UNIT = r"(?:份|个|個|件|点|瓶|杯|碗|盒|袋|只|位|锅|鍋|盘|盤|罐|碟|串|扎|pcs|Stk|St\.)"
# An article code before the name, after the line's number where the till prints one ("001 7891314547755").
ITEM_CODE = re.compile(r"^(?:\d{1,3}\s+(?=\d{4,14}\s))?(?P<code>\d{4,14})\s+(?P<rest>\S.*)$")
_TAX_CODE = re.compile(r"\s{1,3}\d")
# What may follow a line's amount: a tax class (in Latin, Cyrillic or Greek capitals: Ukraine's ПДВ
# classes А, Б), a currency, a reduced-rate mark (Japan's ※ and 軽).
TRAILER = re.compile(r"^\s*(?:[A-ZА-ЯІЇЄΑ-Ω*#]{1,3}|EUR|USD|RMB|元|円|원|※|軽|☆|★)?\s*$")
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass
class ItemParse:
    items: list[Item]
    unparsed: list[str]


def _trailing_amount(line: Line, mark: DecimalMark) -> tuple[Decimal, int] | None:
    """The amount that ends the line (a tax-class letter or currency may follow), and where it starts."""
    amounts = line.amounts(mark)
    if not amounts:
        return None
    value, start, end = amounts[-1]
    if not TRAILER.match(line.text[end:]):
        return None
    if len(amounts) > 1 and _TAX_CODE.fullmatch(line.text[amounts[-2][2] : end]):
        # "17,37 2": a one-digit tax code after an amount with cents (French and Belgian tills print the
        # VAT table's code there), not the amount.
        prev, prev_start, prev_end = amounts[-2]
        if FRACTION.search(line.text[prev_start:prev_end]):
            return prev, prev_start
    return value, start


_MARK_COLUMNS = frozenset(("※", "◆", "◇", "☆", "★", "軽", "*"))
COLUMN = re.compile(rf"[-−]?[\d.,']+{COUNT_UNIT}?")
# A VAT rate column between the name and the price ("SPREMUTA ARANCIA   10%   3,50"): not the name's.
# So is a rate in parentheses after the name ("GALLETITAS CRIOLLITAS (21,00)", Argentine fiscal printers),
# Italy's nature code where no rate applies ("LA STAMPA   N2   1,90": not subject to IVA), and a tax
# class's letter set apart ("ÁGUA LUSO 150CL   A   0,55").
_RATE_COLUMN = re.compile(
    r"(?:\s{2,}(?:\d{1,2}(?:[.,]\d{1,2})?\s?%|%\s?\d{1,2}|N\d(?:\.\d)?|[A-F])|\s+\(\d{1,2}(?:[.,]\d{1,2}\s?%?|\s?%)\))\s*$"
)
_RATE_OFF = re.compile(r"[^\W\d_]{2,}.*?\d{1,2}(?:[.,]\d{1,2})?\s?%|%\s?\d{1,2}")
_COUNT_GLUED = re.compile(r"\d{1,4}[xX×]\s")
_LEADERS = re.compile(r"(?:\s*\.{2,}|\s+\.)$")
# (The name after the count may start with a size: "2 x  175ml House Red".)
_LEADING_TIMES = re.compile(r"^(\d{1,3})\s*[xX×]\s+([^\W\d].*|\d[\d.,]*\s?[^\W\d_].*)$")
_LEADING_QTY = re.compile(r"^(\d{1,3})\s+([^\W\d].*)$")
_TRAILING_TIMES = re.compile(r"\s{2,}[xX×](\d{1,3})$")
# A count before a name in a script whose names never start with a digit (Thai, CJK, Hangul): "2 ไก่ย่าง".
_LEADING_COUNT_SCRIPT = re.compile(
    r"^([1-9]\d{0,2})\s+([\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af].*)$"
)
# "1  #3 Spicy Chicken Combo". (A count is never zero-padded: "01  신라면" is the line's position.)
_LEADING_COUNT_COLUMN = re.compile(r"^([1-9]\d{0,2})\s{2,}((?:[^\W\d]|#\d).*)$")
COUNTED = re.compile(rf"(?<!\d)(\d{{1,6}})\s*{COUNT_UNIT}")
_GAP = re.compile(r"\s{2,}")
_WIDE_GAP = re.compile(r"\s{3,}")
_IN_PARENTHESES = re.compile(r"^\(.*\)$")
# A pack size or strength, not a name: "10mg*6片", "10只/袋", "500ml", "0.5L x 6".
SPEC = re.compile(
    # (A Latin unit ends its word: "2 Latte 16oz" is a count and a name.)
    r"^\d+(?:[.,]\d+)?\s?(?:(?:mg|g|kg|ml|cl|l|µg|mcg|IU)(?![A-Za-z])|片|粒|袋|只|支|盒|瓶|包|丸|贴|克|毫升)",
    re.I,
)


def _split_columns(text: str) -> tuple[str, str]:
    """Split trailing number columns off a name: numbers set off by two or more spaces are columns (unit
    price, quantity); after one space they are the name's ("PAT. ROSE No. 2"). A reduced-rate mark in a
    column of its own ("いなり寿司4個   ※   1   ¥432") is no part of the name either."""
    parts = _GAP.split(text.strip())
    cut = len(parts)
    while cut > 1 and (_columns(parts[cut - 1]) or parts[cut - 1] in _MARK_COLUMNS):
        cut -= 1
    return "  ".join(parts[:cut]).strip(), "  " + "  ".join(parts[cut:]) if cut < len(parts) else ""


def _columns(part: str) -> bool:
    """Numbers only ("138.00", or "1 138.00": a count one space before a rate, or a number grouped by a
    space, which the amounts' reading tells apart)."""
    return all(COLUMN.fullmatch(token) for token in part.split(" "))


# "1. Огурцы": the line's position on the receipt, printed before the name; "[М+]", Russia's mark of goods
# traced by their code (Честный знак), before a marked item's name.
_NUMBERING = r"\d{1,3}[.)]\s+"
_MARKED = r"\[[МMЖ][+-]?\]\s*"
_POSITION = re.compile(rf"^(?:{_NUMBERING})?(?:{_MARKED})?(?=[^\W\d_])")
# A numbered item's first line ("1. Аи-92"): its name, whatever detail lines follow before its amount.
NUMBERED_ITEM = re.compile(rf"^{_NUMBERING}(?:{_MARKED})?[^\W\d_]")


# "軽 ポテトチップス": Japan's reduced-rate mark as a word of its own before the name ("軽食" is a name).
_REDUCED_RATE = re.compile(r"^(?:軽|\(軽\))\s+")


def _clean_name(text: str) -> tuple[str, str | None]:
    # Leader dots and stray marks go; one full stop after a letter is an abbreviation ("higien.").
    # A leading "+" marks a topping or a modifier printed under its item ("+ Kem cheese").
    # Japan's reduced-rate and self-medication marks (※ ◆) before a name are marks, not the name; so is
    # the "^" of an Australian till's taxed lines.
    name = _LEADERS.sub("", _RATE_COLUMN.sub("", text.rstrip(" *")).strip(" :-*+※◆◇^")).strip(" :-*※◆◇^")
    if name.startswith("."):
        name = name.lstrip(" .")
    if name[:2] == "# ":
        name = name[2:].lstrip()  # "# SKINNY TOP UP $10": a mark (no GST), set apart from the name
    name = _REDUCED_RATE.sub("", _POSITION.sub("", name))
    m = ITEM_CODE.match(name)
    if m:
        return m.group("rest").strip(" .:-*"), m.group("code")
    return name, None


def _qty_price(m: re.Match[str], mark: DecimalMark) -> tuple[Decimal, Decimal | None, str | None]:
    first, second = m.group("qty"), m.group("price")
    # "¥1,200 × 2", "@1,078 × 2": a currency's sign (or "at") before the first number makes it the price.
    signed_first = m.string[: m.start()].rstrip().endswith(_SIGNS)
    if signed_first or m.group("qunit") or (mark and _CENTS.search(first) and not _CENTS.search(second)):
        # "189.99 * 1.458 кг", "259.99 * 2": the price first, then the count or weight (Russian fiscal
        # tills); a number with cents before one without, or a unit after the second, says so.
        first, second = second, first
        if not _QTY.fullmatch(first):
            return Decimal(m.group("qty").replace(",", ".")), parse_amount(m.group("price"), mark), None
    qty = Decimal(first.replace(",", "."))
    price = parse_amount(second, mark)
    unit = m.group("unit") or m.group("punit") or m.group("qunit")
    return qty, price, unit.lower() if unit else None


_CENTS = re.compile(r"[.,]\d\d$")
_SIGNS = ("¥", "￥", "$", "€", "£", "₩", "@")  # ("@1,078 × 2": at the price, twice)
_QTY = re.compile(r"\d{1,6}(?:[.,]\d{1,4})?")


def _profile_item(m: re.Match[str], mark: DecimalMark) -> Item | None:
    amount = parse_amount(m.group("amount"), mark)
    if amount is None:
        return None
    groups = m.groupdict()
    qty = Decimal(1)
    if groups.get("qty"):
        # A profile's pattern may be loose (HQ writes them): a count no till prints is no item line.
        if _QTY.fullmatch(groups["qty"]) is None:
            return None
        qty = Decimal(groups["qty"].replace(",", "."))
    price = parse_amount(groups["price"], mark) if groups.get("price") else None
    name, code = _clean_name(m.group("name"))
    if not LETTERS.search(name):
        return None  # "2 @ 27.99" under its item: numbers, whatever a loose pattern calls them
    return Item(name, amount, qty, None, price, code)


def parse_items(
    region: list[Line],
    mark: DecimalMark,
    fractions: bool,
    patterns: tuple[re.Pattern[str], ...] = (),
    counts_first: bool = False,
    spec_first: bool = False,
) -> ItemParse:
    """``counts_first``: the table's heading names a quantity column first ("UDS  DESCRIPCION  IMPORTE"), or
    every priced line starts with a count right-aligned in a column of its own (" 1 Butter Croissant").
    ``spec_first``: the numbers' line starts with the pack size ("规格 数量 单价 金额"), under the name's."""
    counts_first = counts_first or _padded_counts(region, mark)
    items: list[Item] = []
    unparsed: list[str] = []
    pending_name: str | None = None
    pending_qp: tuple[Decimal, Decimal | None, str | None] | None = None
    net: Decimal | None = None  # the last item's amount after its discount, which some tills print next
    proven_counts: set[int] = set()  # items whose leading count their unit price proved

    def money_ok(value_text: str) -> bool:
        has_frac = FRACTION.search(value_text) is not None
        return has_frac if fractions else True

    for at, line in enumerate(region):
        text = line.text.strip()
        if not text or SEPARATOR.match(text):
            pending_name = None
            continue
        if not fractions and at + 1 < len(region) and _numbers_line_below(line, region[at + 1], mark):
            # "Trứng gà Ba Huân hộp 10" over "8936140001015   2 x 35.000   70.000": a name ending in a
            # number, over the numbers' line that proves its own amount (no cents to tell them apart).
            pending_name = text
            continue
        if patterns:
            item = next(
                (it for p in patterns if (m := p.search(text)) and (it := _profile_item(m, mark))), None
            )
            if item is not None and item.amount < 0 and items and "discount" in line.fields:
                # "-20.00   SAVE" under its item, on a till that prints the amount first: the item's
                # discount, though the item line's pattern reads it too.
                last = items[-1]
                last.discount = (last.discount or Decimal(0)) + item.amount
                net = last.amount + last.discount
                continue
            if item is not None:
                items.append(item)
                pending_name = pending_qp = None
                continue
        each = _EACH_LINE.match(text) if items else None
        if each:
            # "      à 4,90" under "2 x Heiße Schokolade   9,80 A": the unit price of the item above, on a
            # line of its own, taken where the count above and it make the item's amount.
            last, price = items[-1], parse_amount(each.group("price"), mark)
            if (
                price is not None
                and last.unit_price in (None, price)
                and line_matches(last.quantity, price, last.amount)
            ):
                last.unit_price = price
                continue
        tail = _trailing_amount(line, mark)
        # Every quantity line has one of these; most lines have none, and the test is cheaper than the search.
        qp_match = QTY_PRICE.search(text) if _QP_HINT.search(text) else None
        after_item = qp_match and items and items[-1].unit_price is None
        if after_item and qp_match and not LETTERS.search(text[: qp_match.start()]):
            # "      3 @ 10.99" under "TYLENOL XS 50CT   32.97": the quantity line after its item (US
            # pharmacies and grocers), taken only where it proves the item's amount.
            q, p, u = _qty_price(qp_match, mark)
            last = items[-1]
            if p is not None and line_matches(q, p, last.amount) and text[qp_match.end() :].strip() == "":
                last.quantity, last.unit_price, last.unit = q, p, u
                continue
        indented_off = (
            tail is not None
            and tail[0] < 0
            and bool(items)
            and line.text[:2] == "  "
            and qp_match is None
            and LETTERS.search(text) is not None
            and "discount" not in line.fields
        )
        # "REDUCERE 10.00%   -4.20 A" under its item: an amount off at a rate, whatever its word.
        rate_off = (
            tail is not None
            and tail[0] < 0
            and bool(items)
            and qp_match is None
            and _RATE_OFF.search(line.text[: tail[1]]) is not None
        )
        if indented_off or rate_off or ("discount" in line.fields and tail and tail[0] < 0):
            # An amount off, indented under its item ("   SC FRESHWAY CARD   3.00-"): the item's discount,
            # whatever the till calls it.
            if items:
                last = items[-1]
                assert tail is not None  # (both conditions above have it)
                last.discount = (last.discount or Decimal(0)) + tail[0]
                net = last.amount + last.discount
            else:
                unparsed.append(text)
            continue
        if tail is None or not (money_ok(line.text[tail[1] :]) or _proven(qp_match, tail, mark)):
            if qp_match and not LETTERS.search(text[: qp_match.start()]):
                pending_qp = _qty_price(qp_match, mark)  # "1 x 7,80" before its name line
            elif LETTERS.search(text) and not (
                pending_name and (NUMBERED_ITEM.match(pending_name) or _IN_PARENTHESES.match(text))
            ):
                # A name whose numbers are on the next line; a numbered item's name stays its name over
                # the details printed under it ("1. Аи-92 / ТРК № 4 / 51,93 л х 59,85"), and any name
                # over a note in parentheses ("Комплексный обед №1 / (салат, суп, компот)").
                pending_name = text
            continue
        amount, amount_start = tail
        head = line.text[:amount_start]
        off = _percent_off(qp_match, head, amount, mark) if qp_match else None
        if off is not None and qp_match is not None:
            # "3 KOS x 24,90 A  -10%   67,23" under its name: 74,70 less a tenth, the amount printed after
            # the discount the line states.
            qty, price, unit = _qty_price(qp_match, mark)
            name, code = _clean_name(line.text[: qp_match.start()])
            if not LETTERS.search(name):
                name, code = _clean_name(pending_name or "")
            if name:
                items.append(Item(name, amount - off, qty, unit, price, code, discount=off))
                pending_name = pending_qp = None
                continue
        if qp_match and qp_match.end() <= amount_start + 1 and not _proves(qp_match, amount, mark):
            # "ACQUA NAT. 0,75L x2   5,00": a size and a count, not a quantity at a price.
            qp_match = None
        if qp_match and qp_match.end() <= amount_start + 1:
            qty, price, unit = _qty_price(qp_match, mark)
            name, code = _clean_name(line.text[: qp_match.start()])
            if not LETTERS.search(name):
                name, code = _clean_name(pending_name or "")
            if not name:
                unparsed.append(text)
                continue
            items.append(Item(name, amount, qty, unit, price, code))
            pending_name = pending_qp = None
            continue
        if (
            qp_match
            and qp_match.end() > amount_start
            and _COUNT_GLUED.match(text, qp_match.start())
            and LETTERS.search(text[: qp_match.start()])
        ):
            # "Koffie   4x   11,60": a name, a count glued to its x, and the line's amount (Dutch and
            # Belgian tills), not a quantity line waiting for its amount.
            qty = Decimal(qp_match.group("qty").replace(",", "."))
            name, code = _clean_name(text[: qp_match.start()])
            price = _each(amount, qty)
            items.append(Item(name, amount, qty, None, price, code))
            pending_name = pending_qp = None
            continue
        if qp_match and qp_match.end() > amount_start:
            # "2 x 1,19" with no amount of its own: the quantity line of a two-line item, of the name
            # above it, unless the line below names an item of just that amount ("COPPETTA / LIMONE /
            # 2 x 1,20 / CAFFÈ   2,40": the count before its item, under the flavours of another).
            qty, price, unit = _qty_price(qp_match, mark)
            below = region[at + 1] if at + 1 < len(region) else None
            below_tail = _trailing_amount(below, mark) if below and LETTERS.search(below.text) else None
            ahead = price is not None and below_tail is not None and line_matches(qty, price, below_tail[0])
            if pending_name and not ahead:
                name, code = _clean_name(pending_name)
                if price is not None:
                    items.append(Item(name, (qty * price).quantize(price), qty, unit, price, code))
                    pending_name = None
                    continue
            pending_qp = _qty_price(qp_match, mark)
            continue
        name_part, code = _clean_name(head)
        name, col_text = _split_columns(name_part)
        if COUNTED.fullmatch(name):
            name, col_text = "", "  " + name  # "9784103549512   1点   ¥1,705": a count under its name
        if pending_name and (spec_first or SPEC.match(name)):
            # "氯雷他定片   乙类 / 10mg*6片   2   24.00   48.00": the pack size starts the numbers'
            # line, under the name on a line of its own (a pharmacy's 商品名称 类别 over 规格 数量 单价
            # 金额); a word set far apart after the name is a column of its own (the drug's class).
            name, code = _clean_name(_WIDE_GAP.split(pending_name.strip())[0])
        counted = COUNTED.search(col_text) if col_text else None
        numbers = find_amounts(col_text, mark) if col_text and not counted else ()
        if not LETTERS.search(name):
            if net is not None and amount == net and not numbers:
                # "Rabat -2,18 C / 5,10 C" under an item (Polish fiscal printers): the item's amount
                # after its discount, not an item.
                net = None
                continue
            if pending_name and (numbers or counted):
                # A line of numbers only under its name: every number on it is a column.
                col_text = "  " + name_part
                numbers = find_amounts(col_text, mark)
                name, code = _clean_name(pending_name)
            else:
                unparsed.append(text)
                continue
        numbers = _count_apart(col_text, numbers, amount, mark)
        qty, price, unit = Decimal(1), None, None
        if counted:  # "1份 41.36": a count with its unit, then the amount
            qty = Decimal(counted.group(1))
            if qty and (amount / qty) == (amount / qty).quantize(amount):
                price = (amount / qty).quantize(amount)
        elif len(numbers) >= 2:
            # Column layouts: name, unit price, quantity, amount (or name, quantity, unit price, amount).
            a, b = numbers[-2][0], numbers[-1][0]
            if line_matches(a, b, amount):  # the till's rounding allowed ("0.644 x 6.98 = 4.50")
                # The price is the one printed with cents; the quantity a count or a weight without
                # ("6   3.00   18.00", "0.644   6.98   4.50").
                a_cents = FRACTION.search(col_text[numbers[-2][1] : numbers[-2][2]]) is not None
                b_cents = FRACTION.search(col_text[numbers[-1][1] : numbers[-1][2]]) is not None
                if a_cents != b_cents:
                    qty, price = (b, a) if a_cents else (a, b)
                else:
                    qty, price = (b, a) if _looks_like_qty(b) and not _looks_like_qty(a) else (a, b)
                    if not _looks_like_qty(qty):
                        qty, price = price, qty
        elif len(numbers) == 1:
            a = numbers[0][0]
            cents = FRACTION.search(col_text[numbers[0][1] : numbers[0][2]]) is not None  # "7,00": a price
            if (
                not cents
                and _looks_like_qty(a)
                and a != 0
                and (amount / a) == (amount / a).quantize(Decimal("0.01"))
            ):
                qty, price = a, amount / a
        after = _TRAILING_TIMES.search(name) if qty == 1 else None
        if after and Decimal(after.group(1)):
            # "TIRAMISU'   x2   10,00": the count after the name, marked by its x (Italian tills).
            qty, name = Decimal(after.group(1)), name[: after.start()].rstrip()
            price = _each(amount, qty)
        times = _LEADING_TIMES.match(name) if qty == 1 else None
        if times and Decimal(times.group(1)):
            # "2x  Smashed Avo   $39.00": the count marked as one, before the name (cafés, bars).
            qty, name = Decimal(times.group(1)), times.group(2)
            price = _each(amount, qty)
        column = (
            (_LEADING_COUNT_COLUMN.match(name) or _LEADING_COUNT_SCRIPT.match(name))
            if qty == 1 and not numbers
            else None
        )
        if column and Decimal(column.group(1)):
            # "1   Croissant   £2.50": a count in a column of its own before the name (cafés, diners),
            # set apart by two spaces or more ("7 Up" is a name).
            qty, name = Decimal(column.group(1)), column.group(2)
            price = _each(amount, qty)
        lead = _LEADING_QTY.match(name) if price is None or qty == 1 else None
        if lead and len(numbers) == 1:
            # "2 Pain au chocolat  1,25  2,50": the quantity column first (French and Spanish tills),
            # taken only where quantity x unit price is the amount; otherwise the number is the name's.
            q, unit_price = Decimal(lead.group(1)), numbers[0][0]
            if q and q * unit_price == amount:
                qty, price, name = q, unit_price, lead.group(2)
                proven_counts.add(len(items))
        if pending_qp is not None:
            pq, pp, pu = pending_qp
            if pp is not None and (pq * pp).quantize(Decimal("0.01")) == amount.quantize(Decimal("0.01")):
                qty, price, unit = pq, pp, pu
            pending_qp = None
        items.append(Item(name, amount, qty, unit, price, code))
        pending_name = None
    _leading_counts(items, counts_first, proven_counts)
    _leading_columns(items)
    return ItemParse(items, unparsed)


# Before every item's name: its position on the receipt ("01  신라면 5입", "02* 서울우유 1L": 1, 2, 3 ... in
# turn, a mark beside it), or the seller who weighed it ("V4 CHIPOLATAS", a butcher's scale till).
_POSITIONS = re.compile(r"^(\d{1,3})[*#]?\s+(?=\S)")
_SELLER = re.compile(r"^[A-Z]\d{1,2}\s+(?=\S)")


def _count_apart(
    col_text: str, numbers: tuple[tuple[Decimal, int, int], ...], amount: Decimal, mark: DecimalMark
) -> tuple[tuple[Decimal, int, int], ...]:
    """The columns' numbers, a count one space before the rate read apart from it where that proves the
    amount ("0902 145.00     1 138.00  138.00": 1 at 138.00, not 1 138.00 grouped by a space)."""
    if len(numbers) < 1 or " " not in col_text[numbers[-1][1] : numbers[-1][2]]:
        return numbers
    start, end = numbers[-1][1], numbers[-1][2]
    apart = find_amounts(col_text[:start] + col_text[start:end].replace(" ", "  ") + col_text[end:], mark)
    if len(apart) >= 2 and line_matches(apart[-2][0], apart[-1][0], amount):
        return apart
    return numbers


def _leading_columns(items: list[Item]) -> None:
    if len(items) < 2:
        return
    positions = [_POSITIONS.match(it.name) for it in items]
    if all(positions) and [int(m.group(1)) for m in positions if m] == list(range(1, len(items) + 1)):
        cut: list[re.Match[str] | None] = positions
    else:
        cut = [_SELLER.match(it.name) for it in items]
        if not all(cut):
            return
    for item, m in zip(items, cut, strict=True):
        assert m is not None
        item.name = item.name[m.end() :]


_COUNT_FIRST = re.compile(r"^ *\d{1,3} +[^\W\d_]")
_PADDED_COUNT = re.compile(r"^ +\d{1,2} +[^\W\d_]")


def _numbers_line_below(line: Line, below: Line, mark: DecimalMark) -> bool:
    """Whether ``line`` (letters, then a number) is an item's name over ``below``: a line of no letters
    before its quantity at a price, which make its amount."""
    text, under = line.text.strip(), below.text.strip()
    if not LETTERS.search(text) or not text[-1:].isdigit():
        return False
    if counted_line(below, mark):
        return True  # "ONE PIECE 112" over "4910234560128   1点   ¥550"
    if not _QP_HINT.search(under):
        return False
    qp = QTY_PRICE.search(under)
    return qp is not None and not LETTERS.search(under[: qp.start()]) and proven_amount(below, mark)


def counted_line(line: Line, mark: DecimalMark) -> bool:
    """A line of an article code, a count with its unit and an amount, and no other word: the numbers of
    the name on the line above ("9784103549512   1点   ¥1,705")."""
    text = line.text.strip()
    code = ITEM_CODE.match(text)
    rest = code.group("rest") if code else text
    count = COUNTED.match(rest)
    after = rest[count.end() :] if count else ""
    # (Only spaces between the count and the amount: "2個 @¥100" is a quantity at its price.)
    return bool(count and after[:2] == "  " and parse_amount(after.strip(), mark) is not None)


def _padded_counts(region: list[Line], mark: DecimalMark) -> bool:
    """Whether the lines with a name and an amount all start with a count, one at least padded to the
    column's width: a quantity column. ("4 PINT MILK" at the margin is a name.)"""
    priced = [ln.text for ln in region if ln.amounts(mark) and LETTERS.search(ln.text)]
    return (
        len(priced) >= 2
        and all(_COUNT_FIRST.match(t) for t in priced)
        and any(_PADDED_COUNT.match(t) for t in priced)
    )


def _leading_counts(items: list[Item], counts_first: bool, proven: AbstractSet[int] = frozenset()) -> None:
    """Where every item's name starts with a whole number that is a column of its own — set apart by two
    spaces or more, under a heading that names a quantity column first ("UDS  DESCRIPCION"), or on a
    receipt where the unit price proved one such count ("3 YOGUR  1,15  3,45") — that number is the
    quantity. "4 PINT MILK", "6 FREE RANGE EGGS" are names; so is one "7 Up"."""
    if proven:
        items = [it for i, it in enumerate(items) if i not in proven]
        if not items:
            return
        counts_first = True
    leading = _LEADING_QTY if counts_first else _LEADING_COUNT_COLUMN
    # A weighed item's count is 1 ("1 MANZANA GOLDEN / 0,501 kg x 1,89"): its weight stays the quantity.
    counted = [leading.match(it.name) if it.quantity == 1 or it.unit else None for it in items]
    if len(items) < (1 if proven else 2) or not all(m and Decimal(m.group(1)) for m in counted):
        return
    if any(it.quantity != 1 and m and m.group(1) != "1" for it, m in zip(items, counted, strict=True)):
        return
    for item, m in zip(items, counted, strict=True):
        assert m is not None
        item.name = m.group(2)
        if item.quantity != 1:
            continue
        item.quantity = Decimal(m.group(1))
        if item.unit_price is None:
            item.unit_price = _each(item.amount, item.quantity)


def _each(amount: Decimal, qty: Decimal) -> Decimal | None:
    """The unit price a count implies, where it comes out in whole cents (else the till rounded, and the
    price is not known); no count, the amount itself."""
    each = amount / qty if qty else amount
    return each if each == each.quantize(Decimal("0.01")) else None


def proven_amount(line: Line, mark: DecimalMark) -> bool:
    """`_proven` for a line on its own: whether it ends in an amount its quantity and price prove."""
    text = line.text.strip()
    tail = _trailing_amount(line, mark)
    return tail is not None and _proven(QTY_PRICE.search(text) if _QP_HINT.search(text) else None, tail, mark)


def _proven(qp_match: re.Match[str] | None, tail: tuple[Decimal, int] | None, mark: DecimalMark) -> bool:
    """Whether a line's amount without cents ("44", "16.8" on a receipt that prints "3.49" elsewhere) is
    an amount after all: the quantity and unit price printed before it multiply to exactly it. Without
    that proof such a number is more likely a code, a size or a count than money."""
    if qp_match is None or tail is None or qp_match.end() > tail[1] + 1:
        return False
    qty, price, _ = _qty_price(qp_match, mark)
    return price is not None and qty * price == tail[0]


def _looks_like_qty(v: Decimal) -> bool:
    return v == v.to_integral_value() and 0 < v < 1000


_PERCENT = re.compile(r"-\s?(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def _percent_off(qp_match: re.Match[str], head: str, amount: Decimal, mark: DecimalMark) -> Decimal | None:
    """The amount off where the line prints a rate off between its quantity at a price and its amount,
    and the amount is the product less that rate (the till's rounding allowed): negative, or None."""
    rate = _PERCENT.search(head, qp_match.end())
    qty, price, _ = _qty_price(qp_match, mark)
    if rate is None or price is None:
        return None
    gross = (qty * price).quantize(amount)
    rated = gross * (1 - Decimal(rate.group(1).replace(",", ".")) / 100)
    step = Decimal(1).scaleb(int(amount.as_tuple().exponent))  # one cent, or one where none are printed
    if gross == amount or abs(rated - amount) > step:
        return None
    return amount - gross


def _proves(qp_match: re.Match[str], amount: Decimal, mark: DecimalMark) -> bool:
    """Whether a quantity at a price on the line makes its amount."""
    qty, price, _ = _qty_price(qp_match, mark)
    return price is not None and line_matches(qty, price, amount)
