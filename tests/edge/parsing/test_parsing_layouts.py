"""Layouts of other countries' tills, as the foreign corpus's train and dev templates showed them: each
read right, and where a label is not known, flagged rather than passed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from edge.escpos.printer_profile import PROFILES
from edge.parsing.model import Transaction
from edge.parsing.pipeline import parse_bytes

D = Decimal


@pytest.mark.parametrize(
    ("body", "items", "total"),
    [
        (  # the quantity column first, proven by quantity x unit price
            "BOULANGERIE\n26/11/2026 14:03\nQte Designation   P.U.  Montant\n"
            "  2 Pain au chocolat   1,25   2,50\n  1 Baguette   1,30   1,30\nTOTAL TTC   3,80\n"
            "ESPECES   3,80\n",
            [("Pain au chocolat", D(2), D("2.50")), ("Baguette", D(1), D("1.30"))],
            D("3.80"),
        ),
        (  # a count marked "2x" before the name, and a total that says its GST is in it
            "CAFE\n26/11/2026 10:15\n2x  Smashed Avo   $39.00\n1x  OJ Fresh   $7.00\n"
            "Total (inc GST)   $46.00\nGST included   $4.18\nEFTPOS   $46.00\n",
            [("Smashed Avo", D(2), D("39.00")), ("OJ Fresh", D(1), D("7.00"))],
            D("46.00"),
        ),
        (  # a count glued to its x, then the line's amount
            "BAKKERIJ\n26-11-2026 14:03\nVolkoren bol   1x   0,75\nKoffie    4x   11,60\nTOTAAL   12,35\n"
            "PIN   12,35\n",
            [("Volkoren bol", D(1), D("0.75")), ("Koffie", D(4), D("11.60"))],
            D("12.35"),
        ),
        (  # the shop's VAT number is a header line; a VAT rate column is not part of the name
            "GREENWAYS\n26/11/2026 14:03\nVAT No. 123 4567 89\nSPREMUTA ARANCIA   10%   3,50\n"
            "ACQUA   10%   1,00\nTOTALE COMPLESSIVO   4,50\nPAGAMENTO ELETTRONICO   4,50\n",
            [("SPREMUTA ARANCIA", D(1), D("3.50")), ("ACQUA", D(1), D("1.00"))],
            D("4.50"),
        ),
        (  # the quantity line under its item, proving the item's amount
            "MAPLE DRUG\n11/26/2026 2:03 PM\n05694 TYLENOL XS 50CT   32.97 T\n      3 @ 10.99\n"
            "43499 BAND-AID   5.79 T\nTOTAL   $38.76\nCASH   40.00\nCHANGE   1.24\n",
            [("TYLENOL XS 50CT", D(3), D("32.97")), ("BAND-AID", D(1), D("5.79"))],
            D("38.76"),
        ),
        (  # an address with a house number above the column headings is header; a tax class glued on
            "SKLEP U ANI\n2026-11-26 14:03\nul. Dluga 5\nDescription   Qty   Amount\n"
            "Mleko 3,2% 1l   2 x3,49   6,98C\nChusteczki higien.   3 x2,49   7,47A\n"
            "Sprzedaz opodatkowana A   7,47\nPTU A 23,00%   1,40\n"
            "SUMA PLN   14,45\nGotowka   20,00\nReszta   5,55\n",
            [("Mleko 3,2% 1l", D(2), D("6.98")), ("Chusteczki higien.", D(3), D("7.47"))],
            D("14.45"),
        ),
    ],
    ids=["fr-quantity-first", "au-count-x", "nl-count-glued", "header-tax-number", "us-after", "pl-fiscal"],
)
def test_layouts_are_read(body: str, items: list[tuple[str, Decimal, Decimal]], total: Decimal) -> None:
    tx = parse_bytes(body.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount) for i in tx.items] == items
    assert tx.total == total and tx.payments


def test_the_total_again_under_an_unknown_label_is_flagged() -> None:
    """A tender word we do not know would leave the payment out of an ok receipt."""
    sale = b"SHOP\n26/11/2026 14:03\nTea   3.00\nTOTAL   3.00\n"
    tx = parse_bytes(sale + b"ZAHLKARTE-XY   3.00\n\x1dV\x00")
    assert tx.status == "needs_review" and any("unknown label" in i for i in tx.issues)
    assert parse_bytes(sale + b"NON-CASH (BEZNAL)\n\x1dV\x00").status == "ok"


def test_non_cash_is_not_cash() -> None:
    body = "МАГАЗИН\nХлеб   45.00\nИТОГ   45.00\nБЕЗНАЛИЧНЫМИ   45.00\n".encode("cp866")
    tx = parse_bytes(b"\x1b@\x1bt\x11" + body + b"\x1dV\x00")  # ESC t 17: CP866
    assert [(p.method, p.amount) for p in tx.payments] == [("card", D("45.00"))]


@pytest.mark.parametrize(
    ("line", "currency"), [("SUMA PLN   3,00", "PLN"), ("TOTAL   £3.00", "GBP"), ("TOTAL CHF 3.00", "CHF")]
)
def test_a_currency_named_by_its_code_or_sign(line: str, currency: str) -> None:
    body = f"SHOP\nTea   3,00\n{line}\n".encode("cp437")  # the printer's default code page
    assert parse_bytes(body + b"\x1dV\x00").currency == currency


def test_a_rate_in_a_name_is_no_amount() -> None:
    """ "Кефир 1% 900мл" is the name of the item on the quantity line below it."""
    body = (
        "МАГАЗИН\n26.11.2026 14:03\nКефир 1% 900мл\n   2 x 79.90        =159.80\nИТОГ   =159.80\n"
        "НАЛИЧНЫМИ   =159.80\n"
    )
    tx = parse_bytes(b"\x1b@\x1bt\x11" + body.encode("cp866") + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount) for i in tx.items] == [("Кефир 1% 900мл", D(2), D("159.80"))]


def test_items_begin_below_the_headers_date_and_receipt_number_not_at_an_address() -> None:
    """A yen receipt has no cents to tell amounts by: the address's house number ("1-2-3") and the phone
    above the date are header, not items, since items never begin above the date or the receipt number."""

    body = (
        "らーめん大吉\n東京都新宿区西新宿1-2-3\nTEL 03-1234-5678\n2026年09月10日 22:51\n"
        "伝票No 6181   担当 佐藤\n"
        "味噌らーめん          1      ¥950\nつけ麺                2    ¥2,000\n合計                ¥2,950\n"
        "お預り              ¥3,000\nお釣り                 ¥50\n"
    )
    # ESC R 8: Japan's character set, in which 0x5C prints the yen sign.
    data = b"\x1b@\x1bR\x08\x1cC\x01" + body.replace("¥", "\\").encode("cp932") + b"\x1dV\x00"
    tx = parse_bytes(data, PROFILES["japanese-80mm"])
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.amount) for i in tx.items] == [("味噌らーめん", D(950)), ("つけ麺", D(2000))]
    assert tx.receipt_no == "6181" and tx.datetime == "2026-09-10T22:51:00"


def test_a_tip_goes_on_top_and_a_three_decimal_tax_rate_is_read_whole() -> None:
    """A diner's check: the tip is an adjustment on top of the items and the tax (not an unknown line),
    and "Tax 8.875%" is a rate of 8.875, not of 75."""
    tx = parse_bytes(
        b"\x1b@DINER\nOct 27, 2026  1:59 PM\nBLT Club   25.00\nReuben   15.50\nSubtotal   40.50\n"
        b"Tax 8.875%   3.59\nTip   8.00\nTotal   $52.09\nVisa   $52.09\n\x1dV\x00"
    )
    assert tx.status == "ok", tx.issues
    assert [(a.label, a.amount) for a in tx.discounts] == [("Tip", D("8.00"))]
    assert [(t.rate, t.amount) for t in tx.taxes] == [(D("8.875"), D("3.59"))]


@pytest.mark.parametrize(
    ("body", "amounts"),
    [
        # A one-digit VAT code after each amount (French tills), not the amount.
        ("CAFE MOULU 250G   3,89 1\nBAGUETTE   1,15 1\nTOTAL   5,04\nCB   5,04\n", [D("3.89"), D("1.15")]),
        # "1.25L" in a name on a won receipt is no amount with cents: whole amounts are still read.
        (
            "콜라 1.25L   1   3,000\n치킨무 추가   2   1,000\n합계   4,000원\n카드   4,000\n",
            [D(3000), D(1000)],
        ),
        # A tax number in the header is no amount, so the summary does not start there.
        ("TAX#0105551234567 (VAT Included)\nนมจืด   3   36.00\nรวม   36.00\nเงินสด   36.00\n", [D("36.00")]),
    ],
    ids=["fr-vat-code", "ko-litres", "th-tax-number"],
)
def test_numbers_that_are_no_money(body: str, amounts: list[Decimal]) -> None:

    profile = "korean-80mm" if "합계" in body else "generic-80mm"
    encoding = {"korean-80mm": "cp949", "generic-80mm": "utf-8"}[profile]
    data = b"\x1b@" + (b"\x1c&" if profile == "korean-80mm" else b"") + body.encode(encoding) + b"\x1dV\x00"
    if "รวม" in body:
        data = b"\x1b@\x1bt\x19" + body.encode("tis_620") + b"\x1dV\x00"  # ESC t 25: TIS-620
    tx = parse_bytes(b"\x1b@2026-05-04 10:00\n" + data[2:], PROFILES[profile])
    assert [i.amount for i in tx.items] == amounts, tx.issues
    assert tx.status == "ok", tx.issues


@pytest.mark.parametrize(
    ("body", "items", "total"),
    [
        (  # a pack size glued to its unit is the name's, not six at 33; a size and a count are no price
            "20/05/2026 08:03\n1 CERVEZA 6X33CL   3,90\nACQUA NAT. 0,75L   x2   5,00\nTOTAL   8,90\n"
            "EFECTIVO   8,90\n",
            [("1 CERVEZA 6X33CL", D(1), D("3.90")), ("ACQUA NAT. 0,75L", D(2), D("5.00"))],
            D("8.90"),
        ),
        (  # a count in a column of its own before the name; a masked card number is no payment
            "15/08/2026 14:39\n1   Croissant   £2.50\n2   Flat White   £6.80\nTotal   £9.30\nCard   £9.30\n"
            "  VISA DEBIT ************4821\n",
            [("Croissant", D(1), D("2.50")), ("Flat White", D(2), D("6.80"))],
            D("9.30"),
        ),
        (  # a name line, then a line of numbers only (code, quantity, price, amount); a discount total
            "2026-07-19 10:55:42\n品名\n条码   数量   单价   金额\n香蕉(散称)\n"
            "2300125   0.644   6.98   4.50\n"
            "可口可乐330ml\n6905556086826   6   3.00   18.00\n小计:   22.50\n会员优惠:   -3.50\n"
            "优惠合计:   -3.50\n应收:   ￥19.00\n实收 微信支付:   ￥19.00\n",
            [("香蕉(散称)", D("0.644"), D("4.50")), ("可口可乐330ml", D(6), D("18.00"))],
            D("19.00"),
        ),
    ],
    ids=["es-pack-size-it-count", "gb-count-column-masked-card", "zh-code-lines-discount-total"],
)
def test_more_layouts_are_read(body: str, items: list[tuple[str, Decimal, Decimal]], total: Decimal) -> None:

    chinese = "品名" in body
    data = b"\x1b@" + (b"\x1c&" + body.encode("gb18030") if chinese else body.encode("cp437")) + b"\x1dV\x00"
    tx = parse_bytes(data, PROFILES["chinese-80mm" if chinese else "generic-80mm"])
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount) for i in tx.items] == items
    assert tx.total == total and len(tx.payments) == 1


def test_a_turkish_fiscal_receipt_with_star_marked_amounts_and_counts_above_the_items() -> None:
    """The count and price above each item ("3 AD X 50,00"), a KDV rate column ("%10") and every amount
    marked by a star ("*150,00"): not ten at 150."""
    body = (
        "TARIH : 08.01.2026   SAAT : 09:43\nFIS NO : 0005\n3 AD X 50,00\nPILAV      %10      *150,00\n"
        "2 AD X 150,00\nKARNIYARIK      %10      *300,00\nTOPKDV      *40,91\nTOPLAM      *450,00\n"
        "NAKIT      *450,00\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount) for i in tx.items] == [
        ("PILAV", D(3), D("150.00")),
        ("KARNIYARIK", D(2), D("300.00")),
    ]


def test_a_japanese_supermarket_with_reduced_rate_marks_and_tax_added_per_rate() -> None:
    """※ after an item's amount marks the reduced rate; "8%対象 ¥1,312 消費税 ¥104" is a taxable base with
    its tax (added), and the address "3-8-12" is no date."""

    body = (
        "東京都中野区東中野3-8-12\n2026年06月10日(水) 21:53\nバナナ       \\198 ※\n台所用洗剤   \\248\n"
        "小計         \\446\n8%対象  \\198  消費税  \\15\n10%対象  \\248  消費税  \\24\n合計   \\485\n"
        "お預り   \\500\nお釣り   \\15\n"
    )
    data = b"\x1b@\x1bR\x08\x1cC\x01" + body.encode("cp932") + b"\x1dV\x00"
    tx = parse_bytes(data, PROFILES["japanese-80mm"])
    assert tx.status == "ok", tx.issues
    assert [i.amount for i in tx.items] == [D(198), D(248)] and tx.datetime == "2026-06-10T21:53:00"
    assert [(t.amount, t.included) for t in tx.taxes] == [(D(15), False), (D(24), False)]


@pytest.mark.parametrize(
    ("body", "profile", "items", "total"),
    [
        (  # a dotted date is no money with cents, so whole won amounts count; cash received is a tender
            "일시: 2026.01.07 19:44\n맥주      3     24,000\n공기밥      1      2,000\n소계      26,000\n"
            "봉사료(10%)      2,600\n합계      28,600원\n현금 받은금액      30,000\n거스름돈      1,400\n",
            "korean-80mm",
            [("맥주", D(3), D(24000)), ("공기밥", D(1), D(2000))],
            D(28600),
        ),
        (  # a count before a Thai name, the food's subtotal, a service charge and VAT on top
            "วันที่ 24/02/2569 08:08\n  2 ไก่ย่าง      360.00\n  1 ลาบหมู      120.00\nรวมค่าอาหาร      480.00\n"
            "ค่าบริการ 10%      48.00\nVAT 7%      36.96\nรวมทั้งสิ้น      564.96\nรับเงิน      564.96\n",
            "generic-80mm",
            [("ไก่ย่าง", D(2), D("360.00")), ("ลาบหมู", D(1), D("120.00"))],
            D("564.96"),
        ),
    ],
    ids=["ko-restaurant", "th-restaurant"],
)
def test_service_charges_and_tenders_of_korean_and_thai_restaurants(
    body: str, profile: str, items: list[tuple[str, Decimal, Decimal]], total: Decimal
) -> None:

    if profile == "korean-80mm":
        data = b"\x1b@\x1c&" + body.encode("cp949") + b"\x1dV\x00"
    else:
        data = b"\x1b@\x1bt\x19" + body.encode("tis_620") + b"\x1dV\x00"  # ESC t 25: TIS-620
    tx = parse_bytes(data, PROFILES[profile])
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount) for i in tx.items] == items
    assert tx.total == total and len(tx.payments) == 1


def test_a_total_again_after_an_adjustment_is_what_is_paid() -> None:
    """ "Tổng tiền / Giảm giá / Khách cần trả": the first total is the sum the discount came off, the
    second what the customer paid; a topping's "+" is no part of its name."""
    body = (
        "Ngày: 21/10/2026 07:44\nTrà sữa      1    35.000đ\n   + Kem cheese      1    10.000đ\n"
        "Tổng tiền:      45.000đ\nGiảm giá:      -5.000đ\nKhách cần trả:      40.000đ\n"
        "Tiền mặt:      50.000đ\nTiền thối:      10.000đ\n"
    )
    tx = parse_bytes(b"\x1b@\x1bt\x1e" + body.encode("tcvn3") + b"\x1dV\x00")  # ESC t 30: TCVN-3
    assert tx.status == "ok", tx.issues
    assert (tx.subtotal, tx.total, tx.currency) == (D(45000), D(40000), "VND")
    assert [i.name for i in tx.items] == ["Trà sữa", "Kem cheese"]


def test_a_quantity_column_before_every_name_and_a_unit_price_with_cents() -> None:
    """ "2 AGUA MINERAL   3,00": where every item starts with a count, it is the quantity; "3  Döner Kebab
    7,00  21,00": 7,00 printed with cents is the unit price, not seven."""
    bar = (
        b"\x1b@02/04/2026 19:28\nUDS DESCRIPCION   IMPORTE\n2 AGUA MINERAL   3,00\n3 PATATAS BRAVAS   16,50\n"
    )
    tx = parse_bytes(bar + b"TOTAL   19,50\nEFECTIVO   19,50\n\x1dV\x00")
    assert [(i.name, i.quantity) for i in tx.items] == [("AGUA MINERAL", D(2)), ("PATATAS BRAVAS", D(3))]
    imbiss = (
        b"\x1b@05.12.2026 14:03\n3  Kebab      7,00     21,00\nSumme EUR    21,00\nBAR   21,00\n\x1dV\x00"
    )
    tx = parse_bytes(imbiss)
    assert [(i.name, i.quantity, i.unit_price) for i in tx.items] == [("Kebab", D(3), D("7.00"))]
    one = parse_bytes(b"\x1b@05.12.2026 14:03\n7 Up   2,00\nSumme EUR   2,00\nBAR   2,00\n\x1dV\x00")
    assert [(i.name, i.quantity) for i in one.items] == [("7 Up", D(1))]  # one such name says nothing


@pytest.mark.parametrize(
    ("body", "check"),
    [
        # A currency glued to the amount keeps its cents: not 430 for 4,30.
        (
            "CAFE ROMA\n12.03.2026 10:15\nESPRESSO   2,50EUR\nCROISSANT   1,80EUR\nSUMME   4,30EUR\n"
            "BAR   5,00EUR\nRUECKGELD   0,70EUR\n",
            lambda tx: tx.status == "ok" and tx.total == D("4.30"),
        ),
        # A version string is no date: the receipt's own date is.
        (
            "THE CORNER CAFE\nLONDON SW1A 1AA\nTILL SOFTWARE V1.2.30\n12/03/26 10:15\nLATTE £3.50\n"
            "SCONE £2.50\nTOTAL £6.00\nCASH £6.00\n",
            lambda tx: tx.datetime == "2026-03-12T10:15:00",
        ),
        # A voucher's "valid until" below is no date of the sale.
        (
            "LONDON SW1A 1AA\n03/04/26 10:15\nLATTE £3.50\nSCONE £2.50\nTOTAL £6.00\nCASH £6.00\n"
            "FREE COFFEE VOUCHER\nVALID UNTIL 25/05/2026\n",
            lambda tx: tx.datetime == "2026-04-03T10:15:00",
        ),
        # A Spanish menu at a US address: the evidence disagrees, so 03/04/2026 stays unsure.
        (
            "TAQUERIA EL SOL\nHOUSTON, TX 77002\n03/04/2026 12:30\nTACOS AL PASTOR $9.00\nHORCHATA $3.00\n"
            "TOTAL A PAGAR $12.00\nEFECTIVO $20.00\nCAMBIO $8.00\nGRACIAS\n",
            lambda tx: tx.status == "needs_review" and any(r.check == "date_order" for r in tx.reasons),
        ),
        # Numbers that begin names are names: "4 PINT MILK" is one pack.
        (
            "CORNER SHOP\nLONDON SW1A 1AA\n12/03/2026 10:15\n4 PINT MILK 1.65\n6 FREE RANGE EGGS 2.10\n"
            "TOTAL 3.75\nCASH 3.75\n",
            lambda tx: (
                [(i.name, i.quantity) for i in tx.items] == [("4 PINT MILK", 1), ("6 FREE RANGE EGGS", 1)]
            ),
        ),
    ],
    ids=["glued-currency", "version-string", "voucher-date", "language-vs-address", "names-with-numbers"],
)
def test_what_a_review_found_stays_fixed(body: str, check: Callable[[Transaction], bool]) -> None:
    tx = parse_bytes(b"\x1b@" + body.encode("cp437") + b"\x1dV\x00")
    assert check(tx), (tx.status, tx.total, tx.datetime, [(i.name, i.quantity) for i in tx.items], tx.issues)


def test_a_time_is_no_range_and_no_line_with_an_amount() -> None:
    from edge.parsing.dates import read_datetime

    assert read_datetime([(0, "03/04/2026"), (1, "HAPPY HOUR 17:00-19:00")], hint="MDY").value == "2026-03-04"
    amounts = read_datetime([(0, "12/03/2026"), (1, "PARKING 2h30   5.00")], has_amount=lambda t: "5.00" in t)
    assert amounts.value == "2026-03-12"


def test_a_count_one_space_before_its_rate_is_read_apart() -> None:
    """ "0902 145.00     1 138.00  138.00" (an Indian bill on 58 mm paper: HSN code, MRP, count, rate,
    amount): 1 at 138.00, not 1,138.00 grouped by a space."""
    body = (
        "Bill No: 9527    Dt: 06-Oct-2026\nHSN     MRP   Qty   Rate  Amount\n1 RED LABEL TEA 250G\n"
        "0902 145.00     1 138.00  138.00\n2 TATA SALT 1KG\n2501  28.00     2  28.00   56.00\n"
        "Total                     194.00\nCash                      194.00\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.unit_price, i.amount) for i in tx.items] == [
        ("RED LABEL TEA 250G", D(1), D("138.00"), D("138.00")),
        ("TATA SALT 1KG", D(2), D("28.00"), D("56.00")),
    ]


def test_a_rounding_between_two_totals_makes_the_second_the_one_paid() -> None:
    """ "Total 965.70 / Round Off +0.30 / Amount Due 966.00": the sum, its rounding, and what was paid."""
    body = (
        "16-11-2026 10:47\nSURF EXCEL 1KG        131.50\nBASMATI 5KG           834.20\n"
        "Total                 965.70\nRound Off              +0.30\nAmount Due            966.00\n"
        "Paid by UPI           966.00\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert (tx.subtotal, tx.total) == (D("965.70"), D("966.00"))
    assert [(p.method, p.amount) for p in tx.payments] == [("other", D("966.00"))]


def test_a_payment_named_without_its_amount_goes_to_review() -> None:
    """ "支付方式: 银联" under a line whose words no vocabulary knows: the payment is unread, so the receipt
    is not passed with none."""
    body = "日期: 2026-06-03 09:57\n三明治   19.80\n合计   19.80\nVELO   19.80\n支付方式: 银联\n"
    tx = parse_bytes(b"\x1b@\x1c&" + body.encode("gb18030") + b"\x1dV\x00")
    assert tx.status == "needs_review"
    assert "how it was paid" in " ".join(r.text for r in tx.reasons)


def test_an_amount_off_at_a_rate_under_its_item_is_its_discount() -> None:
    """ "REDUCERE 10.00%   -4.20 A" under "MAGNE B6 30CPR   42.00 A" (a Romanian bon fiscal): the item's
    discount, whatever the word; the count line above each item ("1.000 BUC x 42.00") is its quantity."""
    body = (
        "DATA: 28/10/2026 ORA: 11:37:35\n1.000 BUC x 42.00\nMAGNE B6 30CPR       42.00 A\n"
        "REDUCERE 10.00%      -4.20 A\n2.000 BUC x 4.90\nPARACETAMOL 500MG     9.80 B\n"
        "SUBTOTAL             47.60\nTOTAL LEI            47.60\nCARD                 47.60\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.amount, i.discount) for i in tx.items] == [
        ("MAGNE B6 30CPR", D(1), D("42.00"), D("-4.20")),
        ("PARACETAMOL 500MG", D(2), D("9.80"), None),
    ]


def test_cash_and_its_change_under_unknown_words_are_not_passed_as_no_payment() -> None:
    """ "NUMERAR 50.00 / REST 2.40" under the total 47.60: 50.00 less 2.40 is the total, so they are cash
    given and its change; unread, the receipt goes to review rather than `ok` with no payment."""
    body = (
        "28/10/2026 11:37\nMAGNE B6 30CPR       37.80\nPARACETAMOL           9.80\n"
        "TOTAL LEI            47.60\nNUMERAR              50.00\nREST                  2.40\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "needs_review"
    assert any("a payment and its change under words not known" in r.text for r in tx.reasons)


def test_a_receipt_number_at_the_foot_does_not_hide_the_items() -> None:
    """A Ukrainian fiscal check in CP1251 whose summary no vocabulary knows and whose foot prints "ФН чека"
    (a receipt number's word): the items above it are still read (the check then goes to review for its
    unknown total), and an amount's tax class in Cyrillic ("136.90 А") follows it as a Latin one would."""
    body = (
        "ЧЕК № 4750\n17.02.2026 16:59:14\nУКТЗЕД 3306\nЗубна паста 75мл\n  1.000 x 136.90      136.90 А\n"
        "Вітамін D3 №60\n  3.000 x 245.00      735.00 А\nСУМА                 871.90\n"
        "ДО СПЛАТИ            871.90\nФН чека: 3137615250\nФІСКАЛЬНИЙ ЧЕК\n"
    )
    tx = parse_bytes(b"\x1b@\x1bt\x2e" + body.encode("cp1251") + b"\x1dV\x00")  # ESC t 46: CP1251
    # (The summary's lines, under words no vocabulary knows, come after them: a profile learns those.)
    assert [(i.name, i.quantity, i.amount) for i in tx.items][:2] == [
        ("Зубна паста 75мл", D(1), D("136.90")),
        ("Вітамін D3 №60", D(3), D("735.00")),
    ]
    assert tx.status == "needs_review"


def test_a_code_line_ending_in_a_tax_class_takes_the_name_above_it() -> None:
    """ "BLUE BAND 500G / 6001298765439   1.00   285.00   285.00 B" as the first item under the table's
    heading (a Kenyan eTIMS invoice): its name is the line above, not the header's."""
    body = (
        "RECEIPT NO: 51421\n26/10/2026 10:19\nCODE             QTY     PRICE     TOTAL\nBLUE BAND 500G\n"
        "6001298765439   1.00    285.00    285.00 B\nCOCA COLA 500ML\n"
        "5449000009968   1.00     70.00     70.00 B\n"
        "TOTAL                               355.00\nCASH                                355.00\n"
    )
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert [(i.name, i.amount) for i in tx.items] == [
        ("BLUE BAND 500G", D("285.00")),
        ("COCA COLA 500ML", D("70.00")),
    ]
    assert tx.status == "ok", tx.issues


def test_a_fee_between_two_totals_and_a_count_unit_in_parentheses() -> None:
    """Pakistan's FBR fee between the gross and the net ("Gross Total 5,595 / FBR POS Fee 1 / Net Payable
    5,596", paid by JazzCash); a Kazakh check's "1 (шт) x 8 990,00 = 8 990,00" under its numbered name
    with its cost again under it ("Стоимость")."""
    pk = (
        "Invoice # 00042831\nDate: 28-Jul-2026 7:03 PM\n  1 Surf Excel 1kg        2    690   1,380\n"
        "  2 Sooper Biscuit        1    100     100\nGross Total                 Rs.      1,480\n"
        "FBR POS Fee                 Rs.          1\nNet Payable                 Rs.      1,481\n"
        "JazzCash                    Rs.      1,481\n"
    )
    tx = parse_bytes(b"\x1b@" + pk.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert (tx.subtotal, tx.total, [(p.method, p.amount) for p in tx.payments]) == (
        D(1480),
        D(1481),
        [("other", D(1481))],
    )
    kz = (
        "Чек № 8989\nДата: 17.03.2026 18:10:43\n1. Карта памяти 128GB\n   1 (шт) x 8 990,00 = 8 990,00\n"
        "   Стоимость                      8 990,00\n2. Чехол A15\n   2 (шт) x 3 490,00 = 6 980,00\n"
        "   Стоимость                      6 980,00\nИТОГО:                           15 970,00\n"
        "Kaspi QR:                        15 970,00\n"
    )
    tx = parse_bytes(b"\x1b@\x1bt\x2e" + kz.encode("cp1251") + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [(i.name, i.quantity, i.unit_price, i.amount) for i in tx.items] == [
        ("Карта памяти 128GB", D(1), D("8990.00"), D("8990.00")),
        ("Чехол A15", D(2), D("3490.00"), D("6980.00")),
    ]


def test_a_second_total_nothing_explains_goes_to_review() -> None:
    """ "TOTAL 10.00 / SERVIS 0.50 / TOTAL DUE 10.50" where SERVIS is no word the parser knows: which sum was
    paid is a guess."""
    body = "26/11/2026 10:15\nTEA    4.00\nCAKE   6.00\nTOTAL    10.00\nSERVIS    0.50\nTOTAL DUE   10.50\n"
    tx = parse_bytes(b"\x1b@" + body.encode() + b"\x1dV\x00")
    assert tx.status == "needs_review"
    assert any(r.text.startswith("two totals") for r in tx.reasons)


def test_a_rate_off_on_the_items_line_makes_its_discount() -> None:
    """ "3 KOS x 24,90 A  -10%   67,23" under its name (a Slovenian till prints the amount after the rate
    off): 74,70 rung up, 7,47 off."""
    body = (
        "Datum: 17.02.2026   Ura: 12:03:53\n500300 Rokavice delovne vel. 10\n"
        "            2 KOS x 2,99 A            5,98\n"
        "300112 Barva Jupol Classic 5l\n           3 KOS x 24,90 A  -10%     67,23\n"
        "TOTAL EUR                            73,21\nCASH                                 73,21\n"
    )
    tx = parse_bytes(b"\x1b@\x1bt\x12" + body.encode("cp852") + b"\x1dV\x00")  # ESC t 18: CP852
    assert [(i.name, i.quantity, i.unit_price, i.amount, i.discount) for i in tx.items] == [
        ("Rokavice delovne vel. 10", D(2), D("2.99"), D("5.98"), None),
        ("Barva Jupol Classic 5l", D(3), D("24.90"), D("74.70"), D("-7.47")),
    ]
    assert tx.status == "ok", tx.issues
