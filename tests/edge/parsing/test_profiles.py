from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from edge.parsing.pipeline import parse_bytes
from edge.parsing.profiles import ProfileError, bundled_profiles, detect_profile, load_profile, parse_profile

CORPUS = Path(__file__).parents[2] / "corpus" / "generated"


def test_bundled_profiles_load_and_validate() -> None:
    names = [p.name for p in bundled_profiles()]
    assert "huaxin-pos" in names
    assert load_profile("huaxin-pos").currency == "CNY"


def test_detection_from_the_header_and_the_difference_it_makes() -> None:
    from edge.parsing.generic import ParseOptions

    data = (CORPUS / "zh-huaxin-01.bin").read_bytes()
    assert detect_profile(["华信便利 127号店", "华信收银 V3.2"], bundled_profiles()) is not None
    without = parse_bytes(data, options=ParseOptions())  # the generic parser alone
    with_profile = parse_bytes(data)  # detected
    assert without.status == "needs_review"
    assert with_profile.status == "ok" and with_profile.profile == "huaxin-pos"
    assert with_profile.payments and with_profile.change is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"words": {}}, "name must be"),
        ({"name": "x", "colour": 1}, "unknown key 'colour'"),
        ({"name": "x", "currency": "yuan"}, "ISO 4217"),
        ({"name": "x", "decimal_mark": ";"}, "decimal_mark"),
        ({"name": "x", "date_order": "D/M/Y"}, "date_order must be one of DMY, MDY, YMD"),
        ({"name": "x", "words": {"totl": ["A"]}}, "words.totl is not a field"),
        ({"name": "x", "words": {"total": "A"}}, "list of non-empty strings"),
        ({"name": "x", "tender": {"bitcoin": ["B"]}}, "tender.bitcoin"),
        ({"name": "x", "items": {"pattern": "(?P<name>"}}, "bad regular expression"),
        ({"name": "x", "items": {"pattern": "(?P<name>.+)"}}, "needs named groups"),
        ({"name": "x", "items": {"pattern": "(?P<name>.+) (?P<amount>.+) (?P<x>.)"}}, "group 'x'"),
        (
            {"name": "x", "items": {"pattern": ["(?P<name>.+) (?P<amount>.+)", "(?P<name>.+)"]}},
            "items.pattern[1] needs",
        ),
        ({"name": "x", "detect": {"header": "A", "lines": 99}}, "detect.lines"),
        ({"name": "x", "review_unknown_summary": "yes"}, "review_unknown_summary must be true or false"),
        ({"name": "x", "payment_printed": 1}, "payment_printed must be true or false"),
    ],
)
def test_bad_profiles_say_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as e:
        parse_profile(data, "p.toml")
    assert message in str(e.value) and str(e.value).startswith("p.toml") and "\n" not in str(e.value)


def test_whole_amounts_are_a_decimal_mark_of_their_own() -> None:
    """decimal_mark = "" (forints, rupiah): a date's "01.06.26" is then no sign that amounts have cents."""
    words = {"words": {"total": ["JUMLAH"]}, "tender": {"cash": ["TUNAI"]}}
    whole = parse_profile({"name": "x", "decimal_mark": "", **words}, "p.toml")
    assert whole.decimal_mark == "" and whole.options.decimal_mark == ""
    data = (
        b"\x1b@01.06.26-08:08 2.0.31 4904\nINDOMIE GORENG    2   3,500    7,000\n"
        b"AQUA 600ML        1   3,800    3,800\nJUMLAH : 10,800\nTUNAI : 10,800\n\x1dV\x00"
    )
    tx = parse_bytes(data, options=whole.options)
    assert [i.amount for i in tx.items] == [Decimal(7000), Decimal(3800)] and tx.status == "ok"
    # Without it, the points of the date and the version make the parser look for cents, and find none.
    unsure = parse_bytes(data, options=parse_profile({"name": "x", **words}, "p.toml").options)
    assert unsure.items == [] and unsure.status == "needs_review"


def test_a_layout_that_prints_its_payment_reviews_a_sale_without_one() -> None:
    """payment_printed (induced where every example printed its tender): "Način plaćanja: KARTICA", a
    tender the examples never showed on a line without an amount, is no sale paid by nothing."""
    words = {"words": {"total": ["UKUPNO"]}, "tender": {"cash": ["Primljeno"]}}
    data = "08.05.2026. 08:02:40\nKroasan   8,40\nUKUPNO EUR   8,40\nNačin plaćanja: KARTICA\n".encode(
        "cp1250"
    )
    data = b"\x1b@\x1bt\x2d" + data + b"\x1dV\x00"  # ESC t 45: CP1250
    printed = parse_profile({"name": "x", "payment_printed": True, **words}, "p.toml")
    tx = parse_bytes(data, options=printed.options)
    assert tx.status == "needs_review" and [r.field for r in tx.reasons] == ["payments"]
    assert parse_bytes(data, options=parse_profile({"name": "x", **words}, "p.toml").options).status == "ok"


def test_money_above_the_total_under_words_a_profile_does_not_know() -> None:
    """Under a profile that knows its layout's words (review_unknown_summary): an amount above the total
    under other words is the subtotal where it is the items' sum ("Valor total R$ 62,23" over a discount
    the examples never had), else unread, and the receipt goes to review."""
    profile = parse_profile(
        {
            "name": "x",
            "review_unknown_summary": True,
            "words": {"total": ["ROLOF"], "discount": ["Desconto"], "ignore": ["Qtde itens"]},
            "tender": {"cash": ["Dinheiro"]},
        },
        "p.toml",
    )

    def receipt(line: str) -> bytes:
        body = f"10/10/2026 13:07\nPAO   7,35\nBOLO   13,00\nQtde itens   2\n{line}\n"
        body += "Desconto   -1,00\nROLOF   19,35\nDinheiro   19,35\n"
        return b"\x1b@" + body.encode() + b"\x1dV\x00"

    tx = parse_bytes(receipt("Valor total   20,35"), options=profile.options)
    assert tx.status == "ok" and tx.subtotal == Decimal("20.35"), tx.issues
    tx = parse_bytes(receipt("Taxa servico   2,00"), options=profile.options)
    assert tx.status == "needs_review" and any("does not know" in r.text for r in tx.reasons)


def test_a_profiles_word_is_its_fields_only() -> None:
    """ "NET AMOUNT" is a taxable base to the generic words (read past); a Sri Lankan bill's profile that
    makes it the total is read so, not passed over."""
    data = (
        b"\x1b@BILL NO : 081412\nDATE : 2026.03.28   TIME : 20:52\nLamprais   2,700.00\nWatalappan   600.00\n"
        b"SUB TOTAL   3,300.00\nSERVICE CHARGE 10%   330.00\nNET AMOUNT (Rs.)   3,630.00\n"
        b"CASH   3,630.00\n\x1dV\x00"
    )
    assert parse_bytes(data).total != Decimal("3630.00")
    profile = parse_profile({"name": "x", "words": {"total": ["NET AMOUNT"]}}, "p.toml")
    assert "NET AMOUNT" not in profile.vocabulary.ignore
    tx = parse_bytes(data, options=profile.options)
    assert (tx.subtotal, tx.total, tx.status) == (Decimal("3300.00"), Decimal("3630.00"), "ok"), tx.issues


def test_unknown_profile_name_lists_the_bundled_ones() -> None:
    with pytest.raises(ProfileError, match="huaxin-pos"):
        load_profile("nope")


def test_toml_syntax_error_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("name = \n")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)


def test_several_tenders() -> None:
    data = b"26/11/2026 14:03\nMILK  3.49\nBREAD  6.51\nTOTAL  10.00\nVISA  6.00\nCASH  5.00\nCHANGE  1.00\n"
    tx = parse_bytes(data)
    assert tx.status == "ok", tx.issues
    assert [(p.method, str(p.amount)) for p in tx.payments] == [("card", "6.00"), ("cash", "5.00")]


def test_evaluate_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "edge.parsing.evaluate", str(CORPUS)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[3],
        timeout=120,
    )
    assert r.returncode == 0 and "silent errors: 0" in r.stdout
    empty = subprocess.run(
        [sys.executable, "-m", "edge.parsing.evaluate", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[3],
        timeout=60,
    )
    assert empty.returncode == 2
