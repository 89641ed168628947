"""The language a receipt is printed in (edge/parsing/language.py): by script, then by the words and letters
only one language's receipts print; English when nothing else scores."""

from __future__ import annotations

import pytest

from edge.parsing.language import language_of


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("SUMME 3,50\nBar 5,00\nRückgeld 1,50", "de"),
        ("TOTAL TTC 12,00\nTVA 5,5 %\nEspèces\nMerci de votre visite", "fr"),
        ("BAR EL PILAR\nTOTAL 23,90 €\nIVA INCLUIDO\nEFECTIVO\nCAMBIO", "es"),
        ("TOTALE\nIVA\nCONTANTI\nRESTO\nDOCUMENTO COMMERCIALE", "it"),
        ("Total\nIVA 23%\nNumerário\nTroco\nObrigado", "pt"),
        ("TOTAAL\nBTW 9%\nContant\nWisselgeld\nBedankt", "nl"),
        ("SUMA PLN\nPTU A 23%\nGotówka\nReszta\nParagon fiskalny", "pl"),
        ("TOPLAM *45,50\nTOPKDV *4,14\nNAKİT\nPARA ÜSTÜ", "tr"),
        ("Tổng cộng 125.000\nTiền mặt", "vi"),
        ("ИТОГО 900,00\nНаличные", "ru"),
        ("รวมทั้งสิ้น 120.00\nเงินสด", "th"),
        ("合計 120\n現金 200\n找零 80", "zh-Hant"),
        ("合计 120\n现金 200\n找零 80", "zh-Hans"),
        ("小計 ¥1,178\nお預り", "ja"),
        ("합계 4,500\n현금", "ko"),
        ("SUBTOTAL 4.00\nTAX 0.33\nTOTAL 4.33\nCASH 5.00\nCHANGE 0.67\nTHANK YOU", "en"),
        ("TOTAL 10.00", "en"),
    ],
)
def test_the_language_of_a_receipt(text: str, language: str) -> None:
    assert language_of(text, None) == language


def test_the_currency_speaks_where_the_text_does_not() -> None:
    assert language_of("TOTAL 4500", "KRW") == "ko"
    assert language_of("TOTAL 1178", "JPY") == "ja"
    assert language_of("合計 120", "TWD") == "zh-Hant"
