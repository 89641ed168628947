"""The record as the wire's typed model (sync/wire/record.py): the box builds it, the cloud reads it and
refuses — whole, with the field named — one that does not read or that is newer than it knows."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, get_args

import pytest

from cloud_api.crud.ingest import UnreadableError, read_record
from edge.escpos.printer_profile import CHINESE_80MM
from edge.parsing.model import Item
from edge.parsing.model import Transaction as ParsedTransaction
from edge.parsing.profiles import load_profile
from edge.store.records import ParseSettings, parse_capture
from sync.wire.model import WireError, from_wire, json_schema, to_wire
from sync.wire.record import RECORD_VERSION, Record
from sync.wire.transaction import LIST_MAX, Transaction

TX: dict[str, Any] = {"kind": "sale", "status": "ok", "currency": "CNY", "total": "12.50", "items": []}
GOOD: dict[str, Any] = {
    "record_version": RECORD_VERSION,
    "job_id": "20261207T101500-0001",
    "revision": 1,
    "qr_token": "a" * 16,
    "started_at": "2026-12-07T10:15:00+08:00",
    "transaction": TX,
    "tags": {"store_id": "s12"},
    "paper": "sealed…",
    "paper_png": None,
    "language": "zh-Hans",
}


def test_a_record_goes_over_json_and_back() -> None:
    record = from_wire(Record, GOOD)
    assert from_wire(Record, json.loads(json.dumps(to_wire(record)))) == record
    assert read_record(GOOD).total is not None and read_record(GOOD).job_id == GOOD["job_id"]


def test_a_record_newer_than_the_cloud_knows_is_refused_whole() -> None:
    # The cloud checked no version before: a box ahead of it would have been stored in part.
    with pytest.raises(UnreadableError, match=f"record_version: {RECORD_VERSION + 1} is newer"):
        read_record({**GOOD, "record_version": RECORD_VERSION + 1})
    assert read_record({k: v for k, v in GOOD.items() if k != "record_version"}).job_id  # v1 had none


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"job_id": None}, "Record.job_id: text expected"),
        ({"job_id": "j" * 65}, "Record.job_id: longer than 64 characters"),
        ({"job_id": ""}, "Record.job_id: empty"),
        ({"revision": 0}, "Record.revision: 0 is out of range"),
        ({"revision": True}, "Record.revision: a whole number expected"),
        ({"transaction": ["sale"]}, "Record.transaction: an object expected"),
        ({"tags": "store"}, "Record.tags: an object expected"),
        ({"record_version": "3"}, "Record.record_version: a whole number expected"),
        # The transaction is read whole by its model (sync/wire/transaction.py): every field, every level.
        (
            {"transaction": {**TX, "status": "x"}},
            "Record.transaction.status: 'x' is none of 'ok', 'needs_review'",
        ),
        ({"transaction": {**TX, "kind": 1}}, "Record.transaction.kind: 1 is none of"),
        ({"transaction": {**TX, "total": 12.5}}, "Record.transaction.total: a decimal string expected"),
        (
            {"transaction": {**TX, "total": "1e30"}},
            "Record.transaction.total: a decimal string expected, not '1e30'",
        ),
        (
            {"transaction": {**TX, "total": "1" + "0" * 30}},
            "Record.transaction.total: '1000000000000000000000000000000' is out",
        ),
        ({"transaction": {**TX, "total": " 1.5"}}, "Record.transaction.total: a decimal string expected"),
        ({"transaction": {**TX, "total": "１２"}}, "Record.transaction.total: a decimal string expected"),
        (
            {"transaction": {**TX, "total": "10000000000000000"}},
            "Record.transaction.total: '10000000000000000' is no amount",
        ),
        (
            {"transaction": {**TX, "currency": "yuan"}},
            "Record.transaction.currency: 'yuan' is not of the form",
        ),
        (
            {"transaction": {**TX, "datetime": "7 Dec"}},
            "Record.transaction.datetime: '7 Dec' is not of the form",
        ),
        ({"transaction": {**TX, "items": [{"name": "tea"}]}}, "Record.transaction.items[0].amount: missing"),
        (
            {"transaction": {**TX, "items": [{"name": "x" * 1001, "amount": "1"}]}},
            "Record.transaction.items[0].name: longer than 1000 characters",
        ),
        (
            {"transaction": {**TX, "items": [{"name": "tea", "amount": "1"}] * 5001}},
            "Record.transaction.items: more than 5000 entries",
        ),
        (
            {"transaction": {**TX, "payments": [{"method": "gold", "amount": "1"}]}},
            "payments[0].method: 'gold'",
        ),
        ({"transaction": {**TX, "store": "shop"}}, "Record.transaction.store: an object expected"),
        (
            {"transaction": {**TX, "reasons": [{"check": "nope", "text": ""}]}},
            "reasons[0].check: 'nope' is none",
        ),
        ({"transaction": {**TX, "reprint": 0}}, "Record.transaction.reprint: true or false expected"),
    ],
)
def test_a_record_that_does_not_read_names_its_field(change: dict[str, Any], named: str) -> None:
    with pytest.raises(UnreadableError, match=re.escape(named)):
        read_record({**GOOD, **change})


def test_the_transaction_is_required() -> None:
    body = {k: v for k, v in GOOD.items() if k != "transaction"}
    with pytest.raises(WireError, match=r"Record\.transaction: missing"):
        from_wire(Record, body)


def test_the_box_cuts_what_a_record_cannot_hold_and_says_so() -> None:
    """A print the box reads into more than a record holds (broken, or not a receipt) still goes to the
    cloud, cut to the wire's bounds and flagged; the paper keeps it all."""
    tx = ParsedTransaction(total=Decimal("1.00"), status="ok", receipt_no="N" * 100, store_name="S" * 2000)
    tx.items = [Item(f"item {i}", Decimal("0.01")) for i in range(LIST_MAX + 1)]
    body = tx.to_json()
    read = from_wire(Transaction, body)  # what the cloud reads: every bound kept
    assert len(read.items) == LIST_MAX and read.status == "needs_review"
    assert read.reasons[-1].field == "items" and "5001 items" in read.reasons[-1].text
    assert read.receipt_no == "N" * 64 and read.store.name == "S" * 1000
    assert tx.status == "ok" and len(tx.items) == LIST_MAX + 1  # the parse itself is not changed


def test_the_transaction_schema_says_what_the_reader_checks() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(Transaction)
    jsonschema.validate(TX, schema)
    for bad in ({"currency": "yuan"}, {"datetime": "7 Dec"}, {"items": [{"name": "tea"}]}, {"status": "x"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**TX, **bad}, schema)


def test_a_number_no_till_prints_is_kept_off_the_wire_and_flagged() -> None:
    """The wire and the cloud's columns carry amounts below 10^15 to eight places; a parse that reads more
    (a run of digits taken for money) sends the rest, flagged, instead of a record the cloud must refuse."""
    tx = ParsedTransaction(total=Decimal("3.50"), status="ok", subtotal=Decimal("1" + "0" * 20))
    tx.items = [Item("tea", Decimal("3.50")), Item("voucher", Decimal("0.00"), Decimal("1" + "0" * 21))]
    body = tx.to_json()
    read = from_wire(Transaction, body)
    assert [i.name for i in read.items] == ["tea"] and read.subtotal is None and read.total == Decimal("3.50")
    assert read.status == "needs_review"
    assert [(r.check, r.field) for r in read.reasons] == [
        ("implausible_amount", "items"),
        ("implausible_amount", "subtotal"),
    ]
    assert read_record({**GOOD, "transaction": body}).status == "needs_review"  # the cloud stores it


def test_a_loose_pos_profile_reading_a_run_of_digits_still_makes_a_record_the_cloud_reads() -> None:
    # Found by review: huaxin-pos's item pattern takes any digits for the count; a 22-digit one made an
    # `ok` record that the cloud refused whole (the sale never reached HQ).
    text = (
        "华信收银\n2026-12-07 10:15:00\n可口可乐  2  3.50  7.00\n赠品券  1234567890123456789012  0.00  0.00\n"
        "商品总额  7.00\n本单金额  7.00\n顾客付款  10.00\n退还零钱  3.00\n"
    )
    settings = ParseSettings(printer=CHINESE_80MM, pos_profile=load_profile("huaxin-pos"))
    parsed = parse_capture(text.encode("gb18030"), settings, None, picture=False)
    stored = read_record({**GOOD, "transaction": parsed.body})
    assert stored.total == Decimal("7.00")
    assert all(len(i["quantity"]) <= 12 for i in parsed.body["items"])


# The words a record of each version may use. A cloud refuses (keeps aside) a record with a word it does
# not know, so a new kind, tender or check is a new RECORD_VERSION, and clouds are upgraded before boxes
# (docs/sync.md): a box of the new version meeting an older cloud is then refused by version, visibly.
WORDS_OF_VERSION = {
    3: {
        "Kind": ("sale", "refund", "void", "non_sale"),
        "Method": ("cash", "card", "wechat", "alipay", "unionpay", "other"),
        "Status": ("ok", "needs_review"),
        "Check": (
            "no_total",
            "no_items",
            "item_arithmetic",
            "all_zero",
            "items_vs_subtotal",
            "total_arithmetic",
            "tenders_vs_total",
            "change_without_tender",
            "no_datetime",
            "date_order",
            "unread_line",
            "unknown_total_label",
            "image_only",
            "mojibake",
            "unknown_code_page",
            "lost_bytes",
            "implausible_amount",
        ),
    }
}
WORDS_OF_VERSION[4] = WORDS_OF_VERSION[3]  # 4 added the job's bytes and printer, no word


def test_a_new_word_on_the_wire_is_a_new_record_version() -> None:
    from sync.wire import transaction

    words = {name: get_args(getattr(transaction, name)) for name in ("Kind", "Method", "Status", "Check")}
    assert words == WORDS_OF_VERSION[RECORD_VERSION], "a word added: raise RECORD_VERSION and list its words"
