"""Invariant 5 of DESIGN.md:

    **A parser that knows when it is wrong.** Every parsed receipt is reconciled (items vs. subtotal,
    discounts, tax, total, tendered, change). A receipt that does not add up is stored and flagged
    `needs_review`, never silently accepted with wrong numbers.

The tests below that prove it, part by part:

- Every receipt reconciled: `test_reconciliation_accepts_what_adds_up` and
  `test_reconciliation_flags_what_does_not` (one case per kind of mismatch: the total, the subtotal,
  tendered and change, an item's quantity times price, no total, no items).
- Not adding up means flagged: `test_a_receipt_with_money_but_no_readable_total_is_flagged`,
  `test_a_receipt_in_the_wrong_code_page_is_flagged_and_in_the_right_one_read` (mojibake adds up as well as
  the right text, and is flagged all the same), and `test_a_receipt_that_does_not_add_up_says_so` (stored,
  and the shopper's page says the numbers are being checked).
- Never silently wrong, on whole corpora: `test_corpus_every_receipt_parsed_right_or_flagged` (the
  generated corpus, tests/corpus) and `test_no_silent_errors` (the foreign corpus of receipts made by
  encoders nobody here wrote, train and dev splits): no receipt marked ok has wrong numbers.

The same rule for each layout, character set and date form is in tests/edge/parsing/ and
tests/edge/escpos/ (e.g. test_code_tables.py
`test_read_by_epsons_numbers_the_same_bytes_are_flagged_not_passed`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from edge.escpos.printer_profile import PROFILES
from edge.parsing.evaluate import Result, evaluate
from edge.parsing.model import Item, Payment
from edge.parsing.pipeline import parse_bytes
from edge.parsing.reconcile import reconcile
from tests.cloud_api.test_receipt_page import TOKEN, stored_receipt
from tests.cloud_app import app_for
from tests.edge.parsing.test_parsing import CORPUS, _tx
from tests.helpers import corpus


def test_reconciliation_accepts_what_adds_up() -> None:
    tx = reconcile(
        _tx(subtotal=Decimal("5.50"), payments=[Payment("cash", Decimal(10))], change=Decimal("4.50"))
    )
    assert tx.status == "ok" and tx.issues == []


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"total": Decimal("5.60")}, "!= total"),
        ({"subtotal": Decimal("5.40")}, "subtotal says"),
        ({"payments": [Payment("cash", Decimal(10))], "change": Decimal("4.00")}, "tendered"),
        (
            {
                "items": [Item("A", Decimal("2.10"), Decimal(2), None, Decimal("1.00"))],
                "total": Decimal("2.10"),
            },
            "x 1.00",
        ),
        ({"total": None}, "no total"),
        ({"items": []}, "no items"),
    ],
)
def test_reconciliation_flags_what_does_not(changes: dict[str, object], reason: str) -> None:
    tx = reconcile(_tx(**changes))
    assert tx.status == "needs_review"
    assert any(reason in i for i in tx.issues), tx.issues


def test_a_receipt_with_money_but_no_readable_total_is_flagged() -> None:
    tx = parse_bytes(b"MILK  3.49\nBREAD  2.00\nSOMETHING ODD  5.49\n")
    assert tx.kind == "sale" and tx.status == "needs_review"


def test_corpus_every_receipt_parsed_right_or_flagged() -> None:
    results, _, n = evaluate([CORPUS / "generated", CORPUS / "real"])
    assert n >= 60
    silent = [r.name for r in results if r.silent]
    assert silent == []
    ok = [r for r in results if r.status == "ok"]
    assert all("total" not in r.wrong for r in ok)
    # the deliberately misprinted receipts come out needs_review
    assert {r.name for r in results if r.name.endswith("-07") and r.status == "ok"} == set()


@pytest.mark.parametrize("split", ("train", "dev"))
def test_no_silent_errors(evaluated: dict[str, list[tuple[Result, dict[str, Any]]]], split: str) -> None:
    silent = [
        f"{r.name}: marked {r.status}, wrong {', '.join(r.wrong)}" for r, _ in evaluated[split] if r.silent
    ]
    assert not silent, "\n".join(silent)


RUSSIAN = (
    "МАГАЗИН\n26.11.2026 14:03\nХлеб          1 x 45.00    45.00\nМолоко        2 x 60.00   120.00\n"
    "TOTAL    165.00\n"
)


THAI = (
    "SIAM CAFE\n26/11/2569 14:03\nกาแฟเย็น      2 x 45.00    90.00\nชาไทย        1 x 40.00    40.00\n"
    "TOTAL                     130.00\nCASH                      200.00\nCHANGE                     70.00\n"
)


def sale(body: bytes, setup: bytes = b"") -> dict[str, Any]:
    return parse_bytes(b"\x1b@" + setup + body + b"\x1dV\x00", PROFILES["generic-80mm"]).to_json()


@pytest.mark.parametrize(
    ("text", "encoding", "setup"),
    [(THAI, "tis-620", b"\x1bt\x15"), (RUSSIAN, "cp866", b"\x1bt\x11")],
    ids=["thai", "russian"],
)
def test_a_receipt_in_the_wrong_code_page_is_flagged_and_in_the_right_one_read(
    text: str, encoding: str, setup: bytes
) -> None:
    wrong = sale(text.encode(encoding))  # no ESC t: the printer's default, CP437
    assert wrong["status"] == "needs_review"
    assert any("does not read as any language" in i for i in wrong["issues"]), wrong["issues"]
    right = sale(text.encode(encoding), setup)
    assert right["status"] == "ok", right["issues"]
    assert right["items"][0]["name"] in text


def test_a_receipt_that_does_not_add_up_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    tx = parse_bytes(corpus("en-grocery-00")).to_json()
    tx["status"] = "needs_review"
    stored_receipt(url, tx)
    with TestClient(app_for(url)) as client:
        assert "checking the numbers" in client.get(f"/r/{TOKEN}").text
