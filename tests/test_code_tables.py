"""ESC t by each maker's numbering: receipts made by python-escpos (PyPI; it picks the ESC t number from
its printer database for the profile it is given) read right under the box's profile of that maker, and
read under Epson's numbering they are mojibake, flagged rather than marked ok."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos.printer import Dummy

from edge.config import ConfigError, load_config
from edge.escpos.code_tables import code_pages_of
from edge.escpos.printer_profile import PROFILES, PrinterProfile
from edge.parsing.pipeline import parse_bytes

ITEMS = [("Молоко", "2", "60.00", "120.00"), ("Хлеб", "1", "45.00", "45.00")]


def receipt(model: str, items: list[tuple[str, str, str, str]], total: str) -> bytes:
    """A sale as python-escpos prints it for ``model``: its magic encoder chooses the code page."""
    p = Dummy(profile=model)
    p.set(align="center", bold=True)
    p.text("МАГАЗИН\n")
    p.set(align="left", bold=False)
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
    with pytest.raises(ValueError, match="not a printer model of python-escpos's database"):
        PrinterProfile("x", code_table="TM-NOPE")
    box = tmp_path / "box.toml"
    box.write_text(
        '[box]\ndevice_id = "d1"\nstore_id = "s1"\n[links]\npos = "loop://"\nprinter = "loop://"\n'
        '[printer]\nprofile = "generic-80mm"\ncode_table = "TM-NOPE"\n'
    )
    with pytest.raises(ConfigError, match=r"printer: .*code_table 'TM-NOPE' is not a printer model"):
        load_config(box)
