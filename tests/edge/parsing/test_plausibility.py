"""Text decoded in the wrong character set is flagged, whatever its numbers say: a receipt whose item names
are mojibake adds up as well as a right one, and before this check it was marked ok."""

from __future__ import annotations

from typing import Any

import pytest

from edge.escpos.printer_profile import PROFILES
from edge.parsing.pipeline import parse_bytes
from edge.parsing.plausibility import mojibake_reason

THAI = (
    "SIAM CAFE\n26/11/2569 14:03\nกาแฟเย็น      2 x 45.00    90.00\nชาไทย        1 x 40.00    40.00\n"
    "TOTAL                     130.00\nCASH                      200.00\nCHANGE                     70.00\n"
)
RUSSIAN = (
    "МАГАЗИН\n26.11.2026 14:03\nХлеб          1 x 45.00    45.00\nМолоко        2 x 60.00   120.00\n"
    "TOTAL    165.00\n"
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


@pytest.mark.parametrize(
    "text",
    [
        "Brötchen Größe groß",
        "Crème brûlée  Ærøskøbing  ação",
        "Vitamin D 500μg  10Ω",
        "おにぎり ｺｰﾋｰ 緑茶",
        "사과 우유 합계",
        "苹果 牛奶 合计",
        "กาแฟ น้ำ รวม",
        "Молоко ИТОГ",
        "Καφές ΣΥΝΟΛΟ",
        "│Tea │ 2│ 4.00│",
        "┌──────────┐",
        "╔═══ SALE ═══╗",
        "────────────────",
        "■ ※ ★ Latte",
        # Thai as it stacks its marks: vowel above or below, tone, then nikhahit (ำ decomposed) or thanthakhat
        "ก๋วยเตี๋ยว ร้านค้า น\u0e49\u0e4d\u0e32 ครั้ง กรุ๊ป ศุกร์ ไก่ย่าง ก็",
    ],
)
def test_text_in_any_language_and_its_rules_reads_as_text(text: str) -> None:
    assert mojibake_reason([text]) is None


@pytest.mark.parametrize(
    "text",
    [
        "í╥ß┐α┬τ╣",  # Thai (TIS-620) read as CP437
        "îÇâÇçêì",  # Russian (CP866) read as CP437
        "Latte \ufffd\ufffd 3.50",  # bytes the code page has no character for
        "ｵﾆｷﾞﾘ▒▒ｶ",  # Shift-JIS read as JIS X 0201 with Epson's graphics
        "Price \x85 3.50",  # a C1 control
        "αβLatte",  # Greek letters inside a Latin word
        "Молоко".encode("cp1251").decode("tis_620"),  # Russian (CP1251) read as Thai: marks stacked
        "\u0e48\u0e01",  # a tone mark before any consonant
    ],
)
def test_mojibake_is_named(text: str) -> None:
    assert mojibake_reason([text]) is not None


@pytest.mark.parametrize("word", ["różą", "żółć", "ŞİŞ", "ÇÖĞÜŞ"])
def test_accented_words_of_latin_extended_a_are_words(word: str) -> None:
    # Polish and Turkish write three accented letters in a row; CP437 mojibake ("ÅÑÇ") uses Latin-1 only.
    assert mojibake_reason([f"SZASZŁYK {word}   12,00"]) is None
    assert mojibake_reason(["ÅÑÇ"]) is not None
