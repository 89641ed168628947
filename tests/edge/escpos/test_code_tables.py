"""ESC t by each maker's numbering: receipts made by python-escpos (PyPI; it picks the ESC t number from
its printer database for the profile it is given) read right under the box's profile of that maker, and
read under Epson's numbering they are mojibake, flagged rather than marked ok. The makers python-escpos
does not know (Bixolon, Fujitsu, Xprinter, Gprinter: our maker_code_tables.json) get receipts built by
hand, byte by byte, as their printers would be sent them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from escpos.printer import Dummy

from edge.config import ConfigError, load_config
from edge.escpos.charsets import CODE_PAGES
from edge.escpos.code_tables import MAKER_TABLES, code_pages_of, models, read_maker_tables
from edge.escpos.printer_profile import PROFILES, PrinterProfile
from edge.parsing.pipeline import decode_bytes, parse_bytes

ITEMS = [("Молоко", "2", "60.00", "120.00"), ("Хлеб", "1", "45.00", "45.00")]


def receipt(model: str, items: list[tuple[str, str, str, str]], total: str) -> bytes:
    """A sale as python-escpos prints it for ``model``: its magic encoder chooses the code page."""
    p = Dummy(profile=model)
    p.set(align="center", bold=True)
    p.text("МАГАЗИН\n")
    p.set(align="left", bold=False)
    p.text("26.11.2026 14:03\n")
    for name, qty, price, amount in items:
        p.text(f"{name:<16}{qty} x {price:>7}{amount:>10}\n")
    p.text(f"{'TOTAL':<30}{total:>10}\n")
    p.cut()
    return bytes(p.output)


@pytest.mark.parametrize(
    ("model", "profile"), [("TH230", "wincor-80mm"), ("RP326", "rongta-80mm"), ("CT-S651", "citizen-80mm")]
)
def test_a_makers_code_page_numbers_read_under_its_profile(model: str, profile: str) -> None:
    data = receipt(model, ITEMS, "165.00")
    tx = parse_bytes(data, PROFILES[profile]).to_json()
    assert tx["status"] == "ok", tx["issues"]
    assert [(i["name"], i["amount"]) for i in tx["items"]] == [("Молоко", "120.00"), ("Хлеб", "45.00")]


@pytest.mark.parametrize("model", ["TH230", "RP326"])
def test_read_by_epsons_numbers_the_same_bytes_are_flagged_not_passed(model: str) -> None:
    tx = parse_bytes(receipt(model, ITEMS, "165.00"), PROFILES["generic-80mm"]).to_json()
    assert tx["status"] == "needs_review"
    assert any("does not read as any language" in i or "code page" in i for i in tx["issues"]), tx["issues"]


def test_the_database_tables_differ_where_the_makers_do() -> None:
    assert code_pages_of("TH230")[1] == "cp850" and PROFILES["generic-80mm"].code_pages[1] == "katakana"
    assert code_pages_of("RP326")[6] == "cp1251" and code_pages_of("CT-S651")[6] == "cp852"
    assert 3840 not in code_pages_of("TSP600")  # no Python codec: left out, the decoder says so


def test_an_unknown_printer_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a printer model of python-escpos's database nor of maker_code"):
        PrinterProfile("x", code_table="TM-NOPE")
    box = tmp_path / "box.toml"
    box.write_text(
        '[box]\ndevice_id = "d1"\nstore_id = "s1"\n[links]\npos = "loop://"\nprinter = "loop://"\n'
        '[printer]\nprofile = "generic-80mm"\ncode_table = "TM-NOPE"\n'
    )
    with pytest.raises(ConfigError, match=r"printer.code_table: .*'TM-NOPE' is not a printer model"):
        load_config(box)


def hand_made(n: int, codec: str, items: list[tuple[str, str, str, str]], total: str) -> bytes:
    """A sale as a till sends it to a printer python-escpos does not know: ESC @, ESC t n, the text in
    the page's codec, GS V cut."""
    lines = ["STORE 12", "26.11.2026 14:03", ""]
    lines += [f"{name:<16}{qty} x {price:>7}{amount:>10}" for name, qty, price, amount in items]
    lines.append(f"{'TOTAL':<30}{total:>10}")
    return b"\x1b@\x1bt" + bytes([n]) + "".join(f"{line}\n" for line in lines).encode(codec) + b"\x1dV\x00"


TURKISH = [("Çay şekerli", "2", "60.00", "120.00"), ("Ekmek ığ", "1", "45.00", "45.00")]
LITHUANIAN = [("Sūris", "2", "60.00", "120.00"), ("Žuvis", "1", "45.00", "45.00")]

# (profile, ESC t n, the codec that n means to that maker, items); every n means another page to Epson.
MAKERS = [
    ("bixolon-80mm", 28, "cp1251", ITEMS),  # Epson has no 28
    ("fujitsu-80mm", 8, "cp857", TURKISH),  # Epson's 8 is one-pass Kanji, no codec
    ("xprinter-80mm", 23, "cp1251", ITEMS),  # Epson's 23 is Thai character code 14
    ("gprinter-80mm", 25, "cp1257", LITHUANIAN),  # Epson's 25 is Thai character code 17
]


@pytest.mark.parametrize(("profile", "n", "codec", "items"), MAKERS)
def test_makers_python_escpos_lacks_read_right_under_their_profile(
    profile: str, n: int, codec: str, items: list[tuple[str, str, str, str]]
) -> None:
    assert PROFILES[profile].code_pages[n] == codec
    assert CODE_PAGES.get(n) != codec
    tx = parse_bytes(hand_made(n, codec, items, "165.00"), PROFILES[profile]).to_json()
    assert tx["status"] == "ok", tx["issues"]
    assert [(i["name"], i["amount"]) for i in tx["items"]] == [(i[0], i[3]) for i in items]


@pytest.mark.parametrize(("profile", "n", "codec", "items"), MAKERS)
def test_read_by_epsons_numbers_a_makers_receipt_is_not_read_right(
    profile: str, n: int, codec: str, items: list[tuple[str, str, str, str]]
) -> None:
    data = hand_made(n, codec, items, "165.00")
    tx = parse_bytes(data, PROFILES["generic-80mm"]).to_json()
    names = [i["name"] for i in tx["items"]]
    assert names != [i[0] for i in items]
    if profile in ("bixolon-80mm", "gprinter-80mm"):
        # Cyrillic through CP437 gives line characters inside words; Baltic through TIS-620 bytes it lacks.
        assert tx["status"] == "needs_review"
        assert any("does not read as any language" in i for i in tx["issues"]), tx["issues"]
    elif profile == "fujitsu-80mm":
        # Turkish through CP437 stays Latin ("Çay ƒekerli") and would pass the plausibility check; that the
        # profile has no page 8 is what flags it.
        assert f"ESC t {n}: code page not known, keeping cp437" in decode_bytes(data).warnings
        assert tx["status"] == "needs_review"
        assert any(i.startswith(f"ESC t {n} names a code page the printer profile") for i in tx["issues"])
    else:
        # Cyrillic through TIS-620 reads as Thai letters, with marks stacked as no Thai word stacks them.
        assert all("\u0e00" <= c <= "\u0e7f" for c in names[0])
        assert tx["status"] == "needs_review"
        assert any("Thai marks no Thai word stacks" in i for i in tx["issues"]), tx["issues"]


def test_an_unknown_code_page_under_ascii_text_changes_nothing() -> None:
    data = b"\x1b@\x1bt\x08CAFE\n26/11/2026 09:41\nLatte    3.50\nTOTAL    3.50\n\x1dV\x00"
    tx = parse_bytes(data, PROFILES["generic-80mm"]).to_json()
    assert tx["status"] == "ok" and tx["total"] == "3.50", tx["issues"]


@pytest.mark.parametrize("model", ["SRP-350III", "SRP-350", "FP-1000", "XP-N160II", "Gprinter-SDK"])
def test_the_makers_common_pages_are_epsons(model: str) -> None:
    # Why the makers' manuals and Epson's agree on 0-5 and 16-19: their receipts in those pages read
    # right even under generic-80mm, so only the other numbers need the maker's table.
    pages = code_pages_of(model)
    common = [n for n in (*range(6), *range(16, 20)) if n in pages]
    assert common and all(pages[n] == CODE_PAGES[n] for n in common)


def test_bixolons_legacy_table_is_epsons_for_every_page_it_has() -> None:
    # The SRP-350's table differs from Epson's in no page it lists: no difference to show, only pages
    # it lacks, which the decoder then says it does not know instead of guessing Epson's.
    legacy = code_pages_of("SRP-350")
    assert legacy == {n: CODE_PAGES[n] for n in legacy}
    assert 16 not in legacy and 16 in CODE_PAGES


def test_every_entry_of_our_data_file_names_its_source() -> None:
    data = json.loads(MAKER_TABLES.read_text(encoding="utf-8"))
    assert set(data) == {"SRP-350III", "SRP-350", "FP-1000", "XP-N160II", "Gprinter-SDK"}
    for model, entry in data.items():
        assert set(entry) == {"source", "codePages"}, model
        assert isinstance(entry["source"], str) and len(entry["source"]) > 20, model
        assert "github.com/" in entry["source"] or "http" in entry["source"], model
    assert set(data) <= set(models())


def test_our_tables_are_checked_when_read() -> None:
    good = {"source": "a manual", "codePages": {"0": "cp437", "1": "katakana"}}
    assert read_maker_tables(json.dumps({"X-1": good})) == {"X-1": {0: "cp437", 1: "katakana"}}
    with pytest.raises(ValueError, match="also a model of python-escpos's database"):
        read_maker_tables(json.dumps({"TH230": good}), taken={"TH230"})
    with pytest.raises(ValueError, match="no source"):
        read_maker_tables(json.dumps({"X-1": {**good, "source": " "}}))
    with pytest.raises(ValueError, match="Python has no codec 'cp9999'"):
        read_maker_tables(json.dumps({"X-1": {**good, "codePages": {"0": "cp9999"}}}))
    with pytest.raises(ValueError, match="not an ESC t number"):
        read_maker_tables(json.dumps({"X-1": {**good, "codePages": {"256": "cp437"}}}))


def test_box_toml_takes_a_model_of_our_tables(tmp_path: Path) -> None:
    box = tmp_path / "box.toml"
    box.write_text(
        '[box]\ndevice_id = "d1"\nstore_id = "s1"\ntill_id = "t1"\n'
        '[links]\npos = "loop://"\nprinter = "loop://"\n[qr]\nenabled = false\n'
        '[printer]\nprofile = "chinese-58mm"\ncode_table = "XP-N160II"\n'
    )
    printer = load_config(box).printer
    assert printer.code_table == "XP-N160II" and printer.code_pages[23] == "cp1251"


def test_bixolons_vietnamese_pages_are_tcvn3() -> None:
    # The SRP-350III's ESC t 49 and 50 (receipt-printer-encoder's 'bixolon' mapping): TCVN-3, lower case
    # and capitals; read as anything else, a phở shop's bill is mojibake.
    body = (
        b"\x1b@\x1bt\x31" + "Phở bò tái".encode("tcvn3") + b"\n\x1bt\x32" + "PHIẾU".encode("tcvn3_capitals")
    )
    doc = decode_bytes(body + b"\n", PROFILES["bixolon-80mm"])
    assert [ln.text for ln in doc.text_lines()] == ["Phở bò tái", "PHIẾU"]


def test_epsons_page_44_is_ukrainian() -> None:
    """ESC t 44 (CP1125, which receipt-printer-encoder writes for Ukrainian): "Львів" and "ґ, є, ї" as
    printed, not the CP437 letters of the same bytes."""
    text = "м. Львів, Ґудзик, Євген, їжа"
    doc = decode_bytes(b"\x1b@\x1bt\x2c" + text.encode("cp1125") + b"\n\x1dV\x00")
    assert doc.text_lines()[0].text == text and not doc.warnings
