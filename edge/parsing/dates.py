"""The date and time a receipt prints, read as people print them: year first (2026-11-26, 2026年11月26日,
2026년 11월 26일, ROC 民國115年 and Japanese eras), day or month first (26.11.2026, 11/26/2026, 26/11/69 in
the Buddhist era), month names in the languages the parser reads ("Monday 6th of April 2015",
"26 de noviembre de 2026", "26. Nov. 2026"), 12-hour clocks ("3:24 PM", 午後3:24, 오후 3:24) and 14h03.

Day and month are told apart by evidence, strongest first: a number above 12, the configured order (a POS
profile's or the box's ``date_order``), a dotted date (day first wherever dots are printed), another
date on the same receipt that a number above 12 decides, the receipt's language and currency. Left
undecided, the date is still given (day first, as most of the world prints it) but marked unsure, and
the parser makes that receipt ``needs_review``: a swapped day and month is a silent error otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal

from edge.parsing.model import DayMonthOrder

DateOrder = Literal["DMY", "MDY", "YMD"]
DATE_ORDERS: tuple[DateOrder, ...] = ("DMY", "MDY", "YMD")

# Month names and their usual abbreviations, upper-cased, per language (Polish, Russian and Czech print
# the genitive after a day: "26 listopada", "26 ноября").
_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "JANUARY",
        "JAN",
        "JANUAR",
        "JÄNNER",
        "JANVIER",
        "JANV",
        "ENERO",
        "ENE",
        "GENNAIO",
        "GEN",
        "JANEIRO",
        "JANUARI",
        "STYCZNIA",
        "STYCZEŃ",
        "STY",
        "ЯНВАРЯ",
        "ЯНВ",
        "OCAK",
    ),
    2: (
        "FEBRUARY",
        "FEB",
        "FEBRUAR",
        "FÉVRIER",
        "FEVRIER",
        "FÉVR",
        "FEBRERO",
        "FEBBRAIO",
        "FEVEREIRO",
        "FEV",
        "FEBRUARI",
        "LUTEGO",
        "LUTY",
        "LUT",
        "ФЕВРАЛЯ",
        "ФЕВ",
        "ŞUBAT",
        "SUBAT",
    ),
    3: (
        "MARCH",
        "MAR",
        "MÄRZ",
        "MAERZ",
        "MARS",
        "MARZO",
        "MARÇO",
        "MARCO",
        "MAART",
        "MARCA",
        "MARZEC",
        "МАРТА",
        "МАР",
        "MART",
    ),
    4: (
        "APRIL",
        "APR",
        "AVRIL",
        "AVR",
        "ABRIL",
        "ABR",
        "APRILE",
        "KWIETNIA",
        "KWIECIEŃ",
        "KWI",
        "АПРЕЛЯ",
        "АПР",
        "NİSAN",
        "NISAN",
    ),
    5: ("MAY", "MAI", "MAYO", "MAGGIO", "MAIO", "MEI", "MAJA", "MAJ", "МАЯ", "MAYIS"),
    6: (
        "JUNE",
        "JUN",
        "JUNI",
        "JUIN",
        "JUNIO",
        "GIUGNO",
        "GIU",
        "JUNHO",
        "CZERWCA",
        "CZERWIEC",
        "CZE",
        "ИЮНЯ",
        "ИЮН",
        "HAZİRAN",
        "HAZIRAN",
    ),
    7: (
        "JULY",
        "JUL",
        "JULI",
        "JUILLET",
        "JUIL",
        "JULIO",
        "LUGLIO",
        "LUG",
        "JULHO",
        "LIPCA",
        "LIPIEC",
        "LIP",
        "ИЮЛЯ",
        "ИЮЛ",
        "TEMMUZ",
    ),
    8: (
        "AUGUST",
        "AUG",
        "AOÛT",
        "AOUT",
        "AGOSTO",
        "AGO",
        "AUGUSTUS",
        "SIERPNIA",
        "SIERPIEŃ",
        "SIE",
        "АВГУСТА",
        "АВГ",
        "AĞUSTOS",
        "AGUSTOS",
    ),
    9: (
        "SEPTEMBER",
        "SEP",
        "SEPT",
        "SEPTEMBRE",
        "SEPTIEMBRE",
        "SETTEMBRE",
        "SET",
        "SETEMBRO",
        "WRZEŚNIA",
        "WRZESIEŃ",
        "WRZ",
        "СЕНТЯБРЯ",
        "СЕН",
        "EYLÜL",
        "EYLUL",
    ),
    10: (
        "OCTOBER",
        "OCT",
        "OKTOBER",
        "OKT",
        "OCTOBRE",
        "OCTUBRE",
        "OTTOBRE",
        "OTT",
        "OUTUBRO",
        "OUT",
        "PAŹDZIERNIKA",
        "PAŹDZIERNIK",
        "PAŹ",
        "ОКТЯБРЯ",
        "ОКТ",
        "EKİM",
        "EKIM",
    ),
    11: (
        "NOVEMBER",
        "NOV",
        "NOVEMBRE",
        "NOVIEMBRE",
        "NOVEMBRO",
        "LISTOPADA",
        "LISTOPAD",
        "LIS",
        "НОЯБРЯ",
        "НОЯ",
        "KASIM",
    ),
    12: (
        "DECEMBER",
        "DEC",
        "DEZEMBER",
        "DEZ",
        "DÉCEMBRE",
        "DECEMBRE",
        "DÉC",
        "DICIEMBRE",
        "DIC",
        "DICEMBRE",
        "DEZEMBRO",
        "GRUDNIA",
        "GRUDZIEŃ",
        "GRU",
        "ДЕКАБРЯ",
        "ДЕК",
        "ARALIK",
    ),
}
# Thai months, in full and as printed short ("18 ก.ย. 2569": September, in the Buddhist era).
_THAI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("มกราคม", "ม.ค"),
    2: ("กุมภาพันธ์", "ก.พ"),
    3: ("มีนาคม", "มี.ค"),
    4: ("เมษายน", "เม.ย"),
    5: ("พฤษภาคม", "พ.ค"),
    6: ("มิถุนายน", "มิ.ย"),
    7: ("กรกฎาคม", "ก.ค"),
    8: ("สิงหาคม", "ส.ค"),
    9: ("กันยายน", "ก.ย"),
    10: ("ตุลาคม", "ต.ค"),
    11: ("พฤศจิกายน", "พ.ย"),
    12: ("ธันวาคม", "ธ.ค"),
}
for _month, _names in _THAI_MONTHS.items():
    _MONTHS[_month] += _names
_MONTH_OF = {name: month for month, names in _MONTHS.items() for name in names}
_MONTH = "(?P<mon>" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:ST|ND|RD|TH|ER|E|º|°)?"
_DAY = r"(?P<d>[0-3]?\d)"
_YEAR = r"(?P<y>(?:19|20|25)\d{2})"  # "COMBO 2 SET 1500" names no September

# Japanese eras: the year before the first of each, so 令和8年 is 2026.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

_NAMED = [
    # 6th of April 2015, 26 November 2026, 26. Nov. 2026, 26 de noviembre de 2026, 26-NOV-2026
    re.compile(
        rf"(?<![\w]){_DAY}{_ORDINAL}\.?(?:\s+OF|\s+DE)?[\s\-/]+{_MONTH}(?:\s+DE|,)?[\s\-/]+{_YEAR}(?!\d)",
        re.I,
    ),
    # April 6th, 2015; Nov 26 2026
    re.compile(rf"(?<![\w]){_MONTH}\s+{_DAY}{_ORDINAL},?\s+{_YEAR}(?!\d)", re.I),
]
# 24-Feb-26, 06/DEC/26: a named month with a two-digit year, joined by hyphens or slashes (so no count or
# size: "2 JAN 26" stays unread).
_SHORT_NAMED = re.compile(rf"(?<![\w]){_DAY}(?P<s1>[-/]){_MONTH}(?P=s1)(?P<y>\d{{2}})(?![\d:])", re.I)
_NUMERIC = [
    # 2026-11-26, 2026/11/26, 2026.11.26, 2026年11月26日, 2026년 11월 26일, 115/11/26 and 民國115年 (ROC)
    (
        "YMD",
        re.compile(
            r"(?<!\d)(?P<roc>民國|民国|中華民國)?\s?(?P<y>(?:19|20|25)\d{2}|1[01]\d(?=\s?[/年]))\s?(?P<s>[-/.年년])\s?"
            r"(?P<a>[01]?\d)\s?[-/.月월]\s?(?P<b>[0-3]?\d)(?!\d)\s?[日일]?"
        ),
    ),
    # 令和8年11月26日, R8.11.26
    (
        "ERA",
        re.compile(r"(?P<era>令和|平成|昭和)\s?(?P<y>\d{1,2})年\s?(?P<a>[01]?\d)月\s?(?P<b>[0-3]?\d)日?"),
    ),
    # 26.11.2026, 26/11/2026, 11/26/26, 26-11-2569 (Buddhist era)
    (
        "?",
        re.compile(
            r"(?<![\w.,/])(?P<a>[0-3]?\d)(?P<s>[/.])(?P<b>[0-3]?\d)(?P=s)(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d)"
        ),
    ),
    (
        "?",
        # With dashes only a four-digit year: "3-8-12" is a Japanese address (chōme, banchi, gō).
        re.compile(r"(?<![\w.,/-])(?P<a>[0-3]?\d)(?P<s>-)(?P<b>[0-3]?\d)-(?P<y>\d{4})(?![\d/-]|[.,]\d)"),
    ),
]
_TIME = re.compile(
    r"(?P<pre>午前|午後|上午|下午|오전|오후)?\s?(?<![\d.,\-–~])(?P<H>[01]?\d|2[0-3])\s?(?P<sep>[:時시h])\s?(?P<M>[0-5]\d)"
    # Not the start of a range ("HAPPY HOUR 17:00-19:00" is no time of the sale).
    # (Seconds may have a fraction: "2026-12-23T07:58:37.000", a German TSE's timestamps.)
    r"(?:\s?[:分분]\s?(?P<S>[0-5]\d)(?:\.\d{1,6})?)?(?![\d.,]\d|\s?[-–~]\s?\d)(?:\s?(?:秒|초|분|分))?"
    r"(?:\s?(?P<ampm>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?",
)
_O_CLOCK = re.compile(
    r"(?<![^\W\d_])(?:klo|kl|Kl|KL|KLO)\.?\s?(?P<H>[01]?\d|2[0-3])[.:](?P<M>[0-5]\d)(?:[.:](?P<S>[0-5]\d))?(?![\d.,]\d)"
)
# A line that may hold a numeric date or a time: two numbers joined by a date's mark and a third after
# another, or hours and minutes. ("3.49" is neither: most lines of a receipt skip the patterns.)
_DATEISH = re.compile(r"\d\s?[-/.年년]\s?\d{1,2}\s?[-/.月월]|\d\s?[:時시]\s?\d|\d[h]\d\d|(?i:kl)o?\.?\s?\d")
# A line whose date is the bill's, not the table's opening: a restaurant prints both.
_CLOSING = re.compile(r"giờ ra|gio ra|check.?out|time out|退店|会計時刻|結帳|结账", re.I)
_YEAR_ALONE = re.compile(r"(?<!\d)\d{4}(?!\d)")  # every named-month date has one
_WORD = re.compile(r"[^\W\d_]+")
_MONTH_NAMES = frozenset(_MONTH_OF)

# Where the receipt's own words say the order: currencies and languages that print month first.
_MONTH_FIRST_CURRENCIES = frozenset({"USD"})
_DAY_FIRST_CURRENCIES = frozenset(
    {
        "EUR",
        "GBP",
        "AUD",
        "NZD",
        "INR",
        "PLN",
        "RUB",
        "TRY",
        "VND",
        "THB",
        "BRL",
        "CHF",
        "CZK",
        "HUF",
        "SEK",
        "NOK",
        "DKK",
        "ZAR",
        "SGD",
        "MYR",
        "IDR",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "UAH",
        "HKD",
        "MOP",
    }
)


_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_US_ADDRESS = re.compile(rf"\b(?:{_US_STATES}),?\s+\d{{5}}(?:-\d{{4}})?\b")
# An Australian state and postcode or business number, a British postcode.
_DAY_FIRST_ADDRESS = re.compile(
    r"\b(?:(?:NSW|VIC|QLD|TAS|ACT)\s+\d{4}\b|ABN\s*\d|[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b)"
)


@dataclass(frozen=True, slots=True)
class ReadDateTime:
    """The receipt's local date and time as printed (ISO 8601, no zone), the lines that held them, and why
    the reading is not proven, if it is not."""

    value: str | None
    lines: frozenset[int]
    unsure: str | None = None
    proven: DayMonthOrder | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    line: int
    text: str
    text_line: str  # the whole line it was found on
    a: int  # first of day/month as printed
    b: int
    year: int
    order: str  # "YMD", "DMY" (decided by the form), "?" (numbers only)
    dotted: bool


def order_hint(currency: str | None, language: str | None, text: str = "") -> DateOrder | None:
    """What a receipt's currency, language and address say of day/month order, where they say anything: US
    dollars and a US address ("DAYTON, OH 45402") print month first; the currencies of day-first countries,
    an Australian or British address or business number, and every language but English, day first ("$"
    alone says nothing: Australia and Canada print day first)."""
    if currency in _MONTH_FIRST_CURRENCIES:
        return "MDY"
    if currency in _DAY_FIRST_CURRENCIES:
        return "DMY"
    by_language: DateOrder | None = (
        "DMY" if language and language != "en" and not language.startswith(("zh", "ja", "ko")) else None
    )
    by_address: DateOrder | None = None
    if text:
        us, day_first = _US_ADDRESS.search(text), _DAY_FIRST_ADDRESS.search(text)
        by_address = "MDY" if us and not day_first else "DMY" if day_first and not us else None
    if by_language and by_address and by_language != by_address:
        return None  # a Spanish menu in Houston: the evidence disagrees, the date stays unsure
    return by_address or by_language


def read_datetime(
    lines: Iterable[tuple[int, str]],
    configured: DateOrder | None = None,
    hint: DateOrder | None = None,
    has_amount: Callable[[str], bool] | None = None,
) -> ReadDateTime:
    """``lines`` as (index, text). The first date found is the receipt's; its time is on its line, else the
    first other time below it, or above it on a line of no amount (``has_amount``: "Tea 12:50" among the
    items is a price in another notation, not the time)."""
    found: list[_Found] = []
    times: list[tuple[int, tuple[int, int, int], bool]] = []
    for index, text in lines:
        numeric = _DATEISH.search(text) is not None
        named = (
            _YEAR_ALONE.search(text) is not None
            or (("-" in text or "/" in text) and _SHORT_NAMED.search(text) is not None)
        ) and _names_a_month(text)
        if not numeric and not named:
            continue  # cheap tests instead of every pattern on lines with no date or time
        dates = list(_dates_in(index, text, numeric, named))
        found.extend(dates)
        if numeric:
            t = _time_in(text, [d.text for d in dates])
            if t is not None:
                times.append((index, t, has_amount is not None and has_amount(text)))
    if not found:
        return ReadDateTime(None, frozenset())
    # A date with a four-digit year (or a month's name, or the year first) before one with two digits;
    # the bill's time before the table's opening ("Giờ vào 20:03 / Giờ ra 20:48").
    strong = [f for f in found if f.order != "?" or f.year >= 100] or found
    timed = {i for i, _, _ in times}
    # The bill's closing time where a restaurant prints both; else the first date with a time on its line
    # (a voucher's "valid until" below has none); else the first with a four-digit year; else the first.
    first = next(
        (f for f in found if _CLOSING.search(f.text_line)),
        next((f for f in found if f.line in timed), strong[0]),
    )
    day_first, unsure = _decide(first, found, configured, hint)
    ymd = _ymd(first, day_first)
    if ymd is None:
        return ReadDateTime(None, frozenset())
    proven: DayMonthOrder | None = None
    if first.order == "?" and first.a != first.b and (first.a > 12 or first.b > 12):
        proven = "DMY" if first.a > 12 else "MDY"
    used = {first.line}
    when = next((t for i, t, _ in times if i == first.line), None)
    if when is None:
        # A time printed apart from the date ("Date: …" then "Time: …", or at the foot of a fiscal
        # receipt); never from a line with an amount ("PARKING 2h30   5.00").
        other = next(((i, t) for i, t, amount in times if not amount), None)
        if other is not None:
            used.add(other[0])
            when = other[1]
    if when is not None and when[2] < 0:
        # The same minute printed elsewhere to the second (a card slip's time, a German TSE's start and
        # end): the sale's moment, more exactly; the latest of them, the end of the transaction.
        seconds = [t for _, t, _ in times if t[:2] == when[:2] and t[2] >= 0]
        when = max(seconds, key=lambda t: t[2]) if seconds else when
    y, mo, d = ymd
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if when is not None:
        value += f"T{when[0]:02d}:{when[1]:02d}:{max(when[2], 0):02d}"
    return ReadDateTime(value, frozenset(used), unsure, proven)


def _names_a_month(text: str) -> bool:
    if not _MONTH_NAMES.isdisjoint(_WORD.findall(text.upper())):
        return True
    # (Thai words hold marks that are no word characters, and short forms hold dots: looked for as printed.)
    return max(text, default=" ") >= "\u0e00" and any(n in text for ns in _THAI_MONTHS.values() for n in ns)


def _dates_in(index: int, text: str, numeric: bool, named: bool) -> Iterable[_Found]:
    for pat in (*_NAMED, _SHORT_NAMED) if named else ():
        m = pat.search(text)
        if m:
            month = _MONTH_OF[m.group("mon").upper()]
            yield _Found(index, m.group(0), text, int(m.group("d")), month, int(m.group("y")), "DMY", False)
            return
    for form, pat in _NUMERIC if numeric else ():
        for m in pat.finditer(text):
            y, a, b = int(m.group("y")), int(m.group("a")), int(m.group("b"))
            if form == "ERA":
                y += _ERAS[m.group("era").upper()]
                form = "YMD"
            elif form == "YMD" and (m.group("roc") or y < 200):
                y += 1911  # the Republic of China's years
            yield _Found(index, m.group(0), text, a, b, y, form, m.groupdict().get("s") == ".")
            return


def _decide(
    first: _Found, found: list[_Found], configured: DateOrder | None, hint: DateOrder | None
) -> tuple[bool, str | None]:
    """(day first?, why unsure). Only numeric dates whose year comes last can be either way round."""
    if first.order != "?":
        return first.order == "DMY", None
    a, b = first.a, first.b
    if a > 12 or b > 12:
        return a > 12, None
    if a == b:
        return True, None  # 05/05: either way the same day
    if configured in ("DMY", "MDY"):
        return configured == "DMY", None
    if first.dotted:
        return True, None
    for other in found[1:]:
        if other.order == "?" and (other.a > 12 or other.b > 12):
            return other.a > 12, None
    if hint in ("DMY", "MDY"):
        return hint == "DMY", None
    return True, (
        f"date {first.text!r}: day and month cannot be told apart (no day above 12, nothing in the receipt "
        "says the order; set date_order in the POS profile or box.toml)"
    )


def _ymd(f: _Found, day_first: bool) -> tuple[int, int, int] | None:
    if f.order == "YMD":
        mo, d = f.a, f.b
    elif f.order == "DMY":  # a named month: (day, month)
        d, mo = f.a, f.b
    else:
        d, mo = (f.a, f.b) if day_first else (f.b, f.a)
    y = f.year
    if y < 100:
        y += 2000
    elif y >= 2400:
        y -= 543  # the Buddhist era (Thailand)
    try:
        Date(y, mo, d)
    except ValueError:
        return None
    return y, mo, d


def _time_in(text: str, dates: list[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second), the second -1 where none is printed ("10:24:00" says 0, "10:24" nothing)."""
    rest = text
    for d in dates:
        # With the mark that joins a time to its date ("05.08.26-10:13"): before a time, a dash is
        # otherwise the end of a range, which is no time of the sale.
        rest = re.sub(re.escape(d) + "-?", " ", rest)
    clock = _O_CLOCK.search(rest)
    if clock:
        # "klo 09.21", "kl. 11.21": the Nordic word for the hour before it, hours and minutes by a point.
        return int(clock.group("H")), int(clock.group("M")), int(clock.group("S") or -1)
    for m in _TIME.finditer(rest):
        hour = int(m.group("H"))
        pm = (m.group("ampm") or "").upper() == "P" or m.group("pre") in ("午後", "下午", "오후")
        am = (m.group("ampm") or "").upper() == "A" or m.group("pre") in ("午前", "上午", "오전")
        if (pm or am) and not 1 <= hour <= 12:
            continue  # "14:00 PM" is no 12-hour time
        if pm and hour != 12:
            hour += 12
        elif am and hour == 12:
            hour = 0
        return hour, int(m.group("M")), int(m.group("S")) if m.group("S") else -1
    return None


# Three numbers that could be a date in a form read_datetime does not know (an IP address or a version is
# not one: no dot or digit may stand before or after).
_DATE_LIKE = re.compile(
    r"(?<![\d.-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4})"
    r"(?![\d.-])"
)


def looks_like_a_date(text: str) -> str | None:
    """Something printed like a date (read or not), or None: a date of a form not read is flagged, and a
    value after "No." that is a date is no receipt number."""
    m = _DATE_LIKE.search(text)
    return m.group(0) if m else None
