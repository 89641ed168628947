"""Dates and times as receipts print them (edge/parsing/dates.py): year first, day or month first decided by
evidence and marked unsure when nothing decides, month names of many languages, 12-hour clocks, ROC, Japanese
and Buddhist-era years."""

from __future__ import annotations

import pytest

from edge.parsing.dates import DateOrder, order_hint, read_datetime


def read(*lines: str, configured: DateOrder | None = None, hint: DateOrder | None = None) -> str | None:
    return read_datetime(list(enumerate(lines)), configured, hint).value


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2026-11-26 10:00:05", "2026-11-26T10:00:05"),
        ("2026/11/26 10:00", "2026-11-26T10:00:00"),
        ("2026.11.26 23:59:59", "2026-11-26T23:59:59"),
        ("2026年11月26日(木) 14:03", "2026-11-26T14:03:00"),
        ("2026年11月26日 14時03分", "2026-11-26T14:03:00"),
        ("2026년 11월 26일 오후 3:24", "2026-11-26T15:24:00"),
        ("下午3:24 2026-11-26", "2026-11-26T15:24:00"),
        ("26.11.2026 14:03", "2026-11-26T14:03:00"),
        ("22.11.26 12:00", "2026-11-22T12:00:00"),
        ("11/26/2026 03:24PM", "2026-11-26T15:24:00"),
        ("26/11/2026 3:24 p.m.", "2026-11-26T15:24:00"),
        ("Monday 6th of April 2015 02:56:25 PM", "2015-04-06T14:56:25"),
        ("April 6th, 2015 9:05 am", "2015-04-06T09:05:00"),
        ("26 de noviembre de 2026 19:28", "2026-11-26T19:28:00"),
        ("26. Nov. 2026 14:03", "2026-11-26T14:03:00"),
        ("26 listopada 2026 14:03", "2026-11-26T14:03:00"),
        ("26 ноября 2026 14:03", "2026-11-26T14:03:00"),
        ("26-NOV-2026 14h03", "2026-11-26T14:03:00"),
        ("民國115年11月26日 10:10", "2026-11-26T10:10:00"),
        ("115/11/26 10:10", "2026-11-26T10:10:00"),
        ("令和8年11月26日 10:10", "2026-11-26T10:10:00"),
        ("26/11/2569 10:10", "2026-11-26T10:10:00"),  # Thailand's Buddhist era
        ("Kasse 3 26.11.2026 14:03 Bon 1234", "2026-11-26T14:03:00"),
        ("05.08.26-10:13 2.0.31 7828/SITI/01", "2026-08-05T10:13:00"),  # a dash joins the time to its date
        ("21.07.2026 klo 09.21", "2026-07-21T09:21:00"),  # Finnish: the hour after "klo", by a point
        ("06.05.26 kl. 11.21", "2026-05-06T11:21:00"),  # Danish and Norwegian "kl."
    ],
)
def test_dates_and_times_as_printed(printed: str, iso: str) -> None:
    assert read(printed) == iso


def test_a_12_hour_clock_at_midnight_and_noon() -> None:
    assert read("2026-12-01 12:05 AM") == "2026-12-01T00:05:00"
    assert read("2026-12-01 12:05 PM") == "2026-12-01T12:05:00"
    assert read("2026-12-01 14:05 PM") == "2026-12-01"  # no 12-hour time: no time rather than a wrong one


def test_a_day_above_12_decides_the_order() -> None:
    assert read("26/11/2026") == "2026-11-26"
    assert read("11/26/2026") == "2026-11-26"
    assert read_datetime([(0, "11/26/2026")]).unsure is None


def test_an_undecided_order_is_read_day_first_and_said_to_be_unsure() -> None:
    got = read_datetime([(0, "03/04/2026 12:00")])
    assert got.value == "2026-04-03T12:00:00"
    assert got.unsure is not None and "03/04/2026" in got.unsure


@pytest.mark.parametrize(
    ("lines", "configured", "hint", "iso"),
    [
        (("03/04/2026",), "MDY", None, "2026-03-04"),  # the box's or the POS profile's order
        (("03/04/2026",), "DMY", "MDY", "2026-04-03"),  # configuration before the currency's word
        (("03/04/2026",), None, "MDY", "2026-03-04"),  # US dollars
        (("03/04/2026",), None, "DMY", "2026-04-03"),
        (("03.04.2026",), None, None, "2026-04-03"),  # dots: day first wherever they are printed
        (("03/04/2026", "Valid until 25/04/2026"), None, None, "2026-04-03"),  # another date decides
        (("03/04/2026", "Return by 04/25/2026"), None, None, "2026-03-04"),
    ],
)
def test_evidence_decides_the_order(
    lines: tuple[str, ...], configured: DateOrder | None, hint: DateOrder | None, iso: str
) -> None:
    got = read_datetime(list(enumerate(lines)), configured, hint)
    assert (got.value, got.unsure) == (iso, None)


def test_what_currency_and_language_say_of_the_order() -> None:
    assert order_hint("USD", "en") == "MDY"
    assert order_hint("EUR", "en") == "DMY"
    assert order_hint(None, "vi") == "DMY"
    assert order_hint(None, "en") is None  # "$" alone: Australia and Canada print day first
    assert order_hint(None, "ja") is None  # year first there; nothing said of day and month
    assert order_hint(None, "en", "1420 W MAIN ST\nDAYTON, OH 45402") == "MDY"
    assert order_hint(None, "en", "3/88 Beach Rd, Bondi NSW 2026\nABN 12 345 678 901") == "DMY"
    assert order_hint(None, "en", "1 High St\nLondon SW1A 1AA") == "DMY"
    assert order_hint(None, "en", "123 MAIN ST, SPRINGFIELD") is None


def test_the_time_comes_from_the_dates_line_then_below_it_and_never_from_an_amount_above() -> None:
    got = read_datetime([(0, "Date: 26/11/2026"), (1, "Time: 15:05")])
    assert (got.value, got.lines) == ("2026-11-26T15:05:00", frozenset({0, 1}))
    # 12:50 above the date on a line with an amount is not the time.
    got = read_datetime([(0, "Tea 12:50"), (1, "26.11.2026")], has_amount=lambda text: "Tea" in text)
    assert got.value == "2026-11-26"


@pytest.mark.parametrize(
    "text", ["TOTAL 12.50", "Wt. 1.234 kg", "Tel 03-1234-5678", "31/02/2026", "2026-13-01"]
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert read(text) is None


def test_the_box_and_the_pos_profile_settle_what_a_receipt_leaves_open() -> None:
    """03/04/2026 on a receipt with no other evidence is needs_review; the box's [parser] date_order, or a
    POS profile's date_order (which comes first), settles it, and the receipt is read that way."""
    from edge.escpos.printer_profile import GENERIC
    from edge.parsing.pipeline import decode_bytes
    from edge.parsing.profiles import parse_profile
    from edge.store.records import ParseSettings, parse_capture

    receipt = (
        b"\x1b@CORNER SHOP\n03/04/2026 12:00\nTea            2.50\nTOTAL          2.50\nCASH           5.00\n"
        b"CHANGE         2.50\n\x1dV\x00"
    )
    assert decode_bytes(receipt, GENERIC)  # the receipt decodes
    open_ = parse_capture(receipt, ParseSettings(), None).body
    assert open_["status"] == "needs_review" and any("03/04/2026" in i for i in open_["issues"])
    box = parse_capture(receipt, ParseSettings(date_order="MDY"), None).body
    assert (box["status"], box["datetime"]) == ("ok", "2026-03-04T12:00:00")
    profile = parse_profile({"name": "corner", "date_order": "DMY"}, "corner.toml")
    both = parse_capture(receipt, ParseSettings(date_order="MDY", pos_profile=profile), None).body
    assert (both["status"], both["datetime"]) == ("ok", "2026-04-03T12:00:00")


def test_a_date_not_read_is_flagged_whether_printed_in_an_unknown_form_or_not_at_all() -> None:
    from edge.parsing.pipeline import parse_bytes

    body = b"SHOP\nTea   2.50\nTOTAL   2.50\nCASH   2.50\n"
    unread = parse_bytes(b"\x1b@" + b"Date 2026.26.11\n" + body + b"\x1dV\x00").to_json()
    assert unread["status"] == "needs_review" and [r["check"] for r in unread["reasons"]] == ["no_datetime"]
    # No date printed (nor one to be read in an address and a version): a sale without its day is no more
    # ok than one whose date was misprinted.
    for other in (b"", b"Till 192.168.1.10 v3.2.1\n"):
        tx = parse_bytes(b"\x1b@" + other + body + b"\x1dV\x00").to_json()
        assert tx["status"] == "needs_review" and tx["datetime"] is None
        assert [(r["check"], r["field"]) for r in tx["reasons"]] == [("no_datetime", "datetime")]


def test_the_bills_time_not_the_tables_opening() -> None:
    got = read_datetime([(0, "Giờ vào: 08/08/2026 20:03"), (1, "Giờ ra:  08/08/2026 20:48")])
    assert got.value == "2026-08-08T20:48:00"
