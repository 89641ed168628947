"""Invariant 5's proof from here is in tests/invariants/test_5_parser_knows_when_wrong.py:
`test_reconciliation_accepts_what_adds_up`, `test_reconciliation_flags_what_does_not`,
`test_a_receipt_with_money_but_no_readable_total_is_flagged`,
`test_corpus_every_receipt_parsed_right_or_flagged`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from edge.escpos.printer_profile import CHINESE_80MM
from edge.parsing.generic import ParseOptions
from edge.parsing.model import Item, Tax, Transaction
from edge.parsing.money import detect_decimal_mark, find_amounts, parse_amount
from edge.parsing.pipeline import parse_bytes
from edge.parsing.reconcile import reconcile
from sync.wire.model import from_wire, to_wire
from sync.wire.transaction import Transaction as WireTransaction

CORPUS = Path(__file__).parents[2] / "corpus"
SCHEMA = json.loads((Path(__file__).parents[3] / "docs" / "schemas" / "transaction.schema.json").read_text())
ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


@pytest.mark.parametrize(
    ("text", "mark", "value"),
    [
        ("12.50", ".", "12.50"),
        ("7,80", ",", "7.80"),
        ("1,234.56", ".", "1234.56"),
        ("1.234,56", ",", "1234.56"),
        ("¥1,280", ".", "1280"),
        ("-5.00", ".", "-5.00"),
        ("5.00-", ".", "-5.00"),
        ("(5.00)", ".", "-5.00"),  # an accountant's negative
        ("(12,50)", ",", "-12.50"),
        ("€ 3,10", ",", "3.10"),
        ("12.00元", ".", "12.00"),
        ("$14.99", ".", "14.99"),
        ("9,700", ".", "9700"),
        # A receipt of whole amounts (dong, rupiah): every mark groups thousands.
        ("125.000", "", "125000"),
        ("1.250.000", "", "1250000"),
        ("Rp 15,000", "", "15000"),
        ("125.000đ", "", "125000"),
        ("125.000 ₫", "", "125000"),
        ("0.456", "", "0.456"),  # a weight among them, not 456
        ("3.5", "", "3.5"),
    ],
)
def test_amounts(text: str, mark: str, value: str) -> None:
    assert parse_amount(text, mark) == Decimal(value)  # type: ignore[arg-type]


def test_numbers_inside_names_are_not_amounts() -> None:
    assert [a for a, _, _ in find_amounts("农夫山泉550ml  2 x 1.50  3.00", ".")] == [
        Decimal(2),
        Decimal("1.50"),
        Decimal("3.00"),
    ]
    assert detect_decimal_mark(["Brötchen 0,45", "SUMME 2,35"]) == ","
    assert detect_decimal_mark(["MILK 3.49", "1,234.00"]) == "."
    # No cents anywhere, thousands groups: whole amounts, unless the currency counts in thousandths.
    assert detect_decimal_mark(["Cà phê 25.000", "Tổng cộng 125.000"]) == ""
    assert detect_decimal_mark(["Cà phê 25.000", "Tổng cộng 125.000"], "KWD") == "."
    assert detect_decimal_mark(["Tea 950", "Weight 0.456 kg"]) == "."  # a weight is no thousands group


def test_a_receipt_of_whole_amounts_with_point_groups_is_read_in_full() -> None:
    """Read with a decimal point, "25.000 / 125.000" is 25 and 125: a thousandth of the sale, adding up
    all the same, marked ok and wrong. Read as thousands it is the sale."""
    receipt = (
        "CA PHE SANG\nSo HD: HD0042\n17/05/2026 15:05\n"
        "Ca phe sua da      2 x 25.000    50.000\nBanh mi thit       1 x 75.000    75.000\n"
        "Tong cong                      125.000\nTien mat                       200.000\n"
        "Tien thoi                       75.000\n"
    )
    tx = parse_bytes(b"\x1b@" + receipt.encode() + b"\x1dV\x00")
    assert tx.status == "ok", tx.issues
    assert [i.amount for i in tx.items] == [Decimal(50000), Decimal(75000)]
    assert (tx.total, tx.change) == (Decimal(125000), Decimal(75000))


def _tx(**kw: object) -> Transaction:
    tx = Transaction(
        items=[Item("A", Decimal("2.00"), Decimal(2), None, Decimal("1.00")), Item("B", Decimal("3.50"))],
        total=Decimal("5.50"),
        datetime="2026-11-26T14:03:00",
    )
    for k, v in kw.items():
        setattr(tx, k, v)
    return tx


def test_a_receipt_whose_amounts_all_read_zero_is_not_ok() -> None:
    # Digits the decoder lost read as 0 reconcile trivially; a free item among priced ones is no problem.
    zeros = Transaction(
        items=[Item("Latte", Decimal(0)), Item("Bagel", Decimal(0))],
        total=Decimal(0),
        datetime="2026-11-26T08:12:00",
    )
    assert reconcile(zeros).status == "needs_review"
    assert "every amount reads 0: the numbers prove nothing" in zeros.issues
    free = Transaction(
        items=[Item("Latte", Decimal("3.50")), Item("Napkin", Decimal(0))],
        total=Decimal("3.50"),
        datetime="2026-11-26T08:12:00",
    )
    assert reconcile(free).status == "ok"


def test_weighed_goods_use_the_tills_rounding() -> None:
    item = Item("Apples", Decimal("1.53"), Decimal("0.512"), "kg", Decimal("2.99"))  # 1.53088
    weighed = Transaction(items=[item], total=Decimal("1.53"), datetime="2026-11-26T17:40:00")
    assert reconcile(weighed).status == "ok"


def test_added_tax_and_included_tax() -> None:
    added = _tx(
        subtotal=Decimal("5.50"), taxes=[Tax(Decimal("0.45"), Decimal("8.25"), False)], total=Decimal("5.95")
    )
    assert reconcile(added).status == "ok"
    included = _tx(taxes=[Tax(Decimal("0.36"), Decimal(7), False)])
    tx = reconcile(included)
    assert tx.status == "ok" and tx.taxes[0].included  # the total shows it was included


def test_chinese_receipt_end_to_end() -> None:
    data = (
        ESC
        + b"@"
        + FS
        + b"&"
        + "好又多超市\n单号:A1001\n收银员:王芳\n2026-11-22 10:15:30\n".encode("gb18030")
        + "可口可乐  2 x 3.50  7.00\n康师傅方便面  4.50\n优惠  -0.50\n".encode("gb18030")
        + "合计:  11.00\n微信:  11.00\n找零:  0.00\n会员:138****1234\n".encode("gb18030")
        + GS
        + b"V\x01"
    )
    tx = parse_bytes(data).to_json()
    assert tx["status"] == "ok", tx["issues"]
    assert (tx["store"]["name"], tx["receipt_no"], tx["cashier"], tx["datetime"]) == (
        "好又多超市",
        "A1001",
        "王芳",
        "2026-11-22T10:15:30",
    )
    assert [(i["name"], i["quantity"], i["unit_price"], i["amount"]) for i in tx["items"]] == [
        ("可口可乐", "2", "3.50", "7.00"),
        ("康师傅方便面", "1", None, "4.50"),
    ]
    assert tx["items"][1]["discount"] == "-0.50"
    assert tx["payments"] == [{"method": "wechat", "amount": "11.00", "ref": None}]
    assert (tx["total"], tx["change"], tx["phone_masked"], tx["currency"]) == (
        "11.00",
        "0.00",
        "138****1234",
        "CNY",
    )


def test_refund_void_reprint_and_non_sale() -> None:
    refund_lines = "退货\n2026-11-26 14:03:00\n可乐  -3.50\n合计  -3.50\n现金  -3.50\n"
    refund = parse_bytes(refund_lines.encode("gb18030"), CHINESE_80MM)
    assert refund.kind == "refund" and refund.status == "ok"
    void = parse_bytes(b"*** VOID ***\nMILK  3.49\nTOTAL  3.49\n")
    assert void.kind == "void"
    reprint = parse_bytes(b"REPRINT\n26/11/2026 14:03\nMILK  3.49\nTOTAL  3.49\nCASH  3.49\n")
    assert reprint.reprint and reprint.kind == "sale" and reprint.status == "ok"
    policy = parse_bytes(b"MILK  3.49\nTOTAL  3.49\nCASH  3.49\nNo refund or exchange without this receipt\n")
    assert policy.kind == "sale"
    assert parse_bytes(b"KITCHEN\nTable 4\n2x Burger\n").kind == "non_sale"


@pytest.mark.parametrize(
    "money",
    [
        b"PARIZSI 200G          C27     3 780\nOSSZESEN:           3 780 Ft\n",  # grouped by a space, Ft
        b"BROT                         380\nBAR                          380\n",  # a right-hand column
        b"KAFFE 2 st              24 kr\n",  # a currency after the number
    ],
)
def test_a_receipt_that_prints_money_is_no_non_sale_when_its_total_is_unread(money: bytes) -> None:
    """Unread words for the total and tenders leave no total: with money printed, that is a sale to
    review, not a kitchen ticket `ok` (a Hungarian NYUGTA in whole forints was, on the tenth blind split)."""
    tx = parse_bytes(b"SARKI ABC\n2026.12.12. 18:48\n" + money)
    assert tx.kind == "sale" and tx.status == "needs_review"


def test_profile_words_are_used(tmp_path: Path) -> None:
    data = b"26/11/2026 14:03\nWIDGET  2.00\nGADGET  3.00\nGRAND AMOUNT  5.00\nPAID BY CHEQUE  5.00\n"
    assert parse_bytes(data, options=ParseOptions()).status == "needs_review"
    from edge.parsing.profiles import parse_profile

    profile = parse_profile(
        {"name": "x", "words": {"total": ["GRAND AMOUNT"]}, "tender": {"other": ["CHEQUE"]}}, "test"
    )
    tx = parse_bytes(data, options=profile.options)
    assert tx.status == "ok" and tx.total == Decimal("5.00") and tx.payments[0].method == "other"


def test_every_transaction_matches_the_json_schema(captures: dict[str, bytes]) -> None:
    samples = [p.read_bytes() for p in sorted((CORPUS / "generated").glob("*.bin"))] + list(captures.values())
    for data in samples:
        tx = parse_bytes(data).to_json()
        jsonschema.validate(tx, SCHEMA)
        assert to_wire(from_wire(WireTransaction, tx)) == tx  # read back whole by the wire's model


def test_vocabulary_prefix_tree_matches_like_the_flat_alternation() -> None:
    import re

    from edge.parsing.lines import trie_pattern

    words = [
        "TOTAL",
        "SUB TOTAL",
        "SUBTOTAL",
        "TAX",
        "T",
        "合计",
        "合計",
        "お釣り",
        "お釣",
        "内消費税",
        "消費税",
    ]
    ordered = sorted(words, key=len, reverse=True)
    tree = re.compile(trie_pattern(ordered))
    flat = re.compile("|".join(map(re.escape, ordered)))
    for text in ["SUBTOTAL 12.00", "SUB TOTAL", "TAX T TOTAL", "お釣り 100", "(内消費税等 8%)", "合计合計"]:
        assert tree.findall(text) == flat.findall(text), text
    assert all(tree.fullmatch(w) for w in words)


def test_amounts_without_cents_count_where_quantity_times_price_proves_them() -> None:
    """A till that prints 44 and 16.8 beside 34.12: those are amounts when 1 x 44 and 2 x 8.4 say so, on
    the first item line as on any other; a bare number without that proof is not taken for money."""
    lines = [
        "好又多超市 第12店",
        "2026-11-26 14:03:00",
        "可口可乐 330ml  1 x 44  44",
        "蒙牛纯牛奶  2 x 8.4  16.8",
        "旺旺雪饼  2 x 13.07  26.14",
        "合计  86.94",
    ]
    tx = parse_bytes(ESC + b"@" + FS + b"&" + "\n".join(lines).encode("gb18030") + b"\n", CHINESE_80MM)
    assert [(i.name, i.amount, i.quantity) for i in tx.items] == [
        ("可口可乐 330ml", Decimal(44), Decimal(1)),
        ("蒙牛纯牛奶", Decimal("16.8"), Decimal(2)),
        ("旺旺雪饼", Decimal("26.14"), Decimal(2)),
    ]
    assert tx.status == "ok", tx.issues
    # The same line whose quantity and price do not make its amount proves nothing: flagged, not read.
    wrong = [*lines[:2], "可口可乐 330ml  1 x 45  44", *lines[3:]]
    tx = parse_bytes(ESC + b"@" + FS + b"&" + "\n".join(wrong).encode("gb18030") + b"\n", CHINESE_80MM)
    assert tx.status == "needs_review"


def test_every_reason_is_machine_readable_and_its_checks_are_the_published_ones() -> None:
    """needs_review says why twice: as text for people (issues) and as the check that failed with the
    field it concerns (reasons), the review queue's and a bulk tool's to group by."""
    from edge.parsing.model import CHECKS

    enum = SCHEMA["$defs"]["Reason"]["properties"]["check"]["enum"]
    assert tuple(enum) == CHECKS
    receipt = (
        b"\x1b@SHOP\n26/11/2026 14:03\nTea   2.50\nCake   3.00\nTOTAL   6.50\nCASH   10.00\nCHANGE   3.50\n"
        b"\x1dV\x00"
    )
    tx = parse_bytes(receipt).to_json()
    jsonschema.validate(tx, SCHEMA)
    assert tx["status"] == "needs_review"
    assert [r["check"] for r in tx["reasons"]] == ["total_arithmetic"]
    assert tx["reasons"][0]["field"] == "total" and [r["text"] for r in tx["reasons"]] == tx["issues"]


def test_a_dong_total_too_small_for_any_sale_is_not_ok() -> None:
    """Thousands read as decimals make every amount a thousandth and still add up: the currency's
    smallest sale catches it where the receipt gives nothing else."""
    tx = reconcile(
        Transaction(
            items=[Item("Ca phe", Decimal(25)), Item("Banh mi", Decimal(100))],
            total=Decimal(125),
            currency="VND",
            datetime="2026-05-17T15:05:00",
        )
    )
    assert tx.status == "needs_review" and [r.check for r in tx.reasons] == ["implausible_amount"]
    tx = reconcile(
        Transaction(
            items=[Item("Ca phe", Decimal(25000))],
            total=Decimal(25000),
            currency="VND",
            datetime="2026-05-17T15:05:00",
        )
    )
    assert tx.status == "ok"
