"""Which language a receipt is printed in, as a BCP 47 tag: for the QR block's caption, for the shopper's
page (the cloud serves the e-receipt in it when the browser accepts it) and as evidence of how its dates
are printed (dates.order_hint).

Scripts decide first (kana, hangul, han — simplified or traditional —, Thai, Cyrillic, Vietnamese letters);
Latin-script receipts are told apart by the words and letters only their language prints, and are English
when nothing else scores."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters only Vietnamese uses (horn and breve vowels, d with stroke, the dot below with tones).
_VIETNAMESE = re.compile(r"[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)

# Per Latin-script language: words its receipts print that the others' do not, and letters of its own.
_LATIN: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    lang: (re.compile(r"\b(?:" + words + r")\b", re.I), re.compile(letters, re.I) if letters else None)
    for lang, words, letters in (
        (
            "de",
            "summe|mwst|ust|bar|danke|rückgeld|gesamt|betrag|kasse|beleg|vielen|steuer|netto|brutto",
            "[ßäöü]",
        ),
        (
            "fr",
            "merci|tva|ttc|espèces|especes|rendu|monnaie|ticket|caisse|montant|total ttc|carte bancaire",
            "[éèêàçù]",
        ),
        (
            "es",
            "gracias|iva|efectivo|cambio|tarjeta|factura|importe|cajero|mesa|propina|total a pagar",
            "[ñ¿¡]",
        ),
        (
            "it",
            "grazie|iva|contanti|resto|totale|scontrino|importo|cassa|documento commerciale|pagamento",
            None,
        ),
        (
            "pt",
            "obrigado|obrigada|iva|troco|numerário|numerario|fatura|contribuinte|nif|multibanco|dinheiro",
            "[ãõç]",
        ),
        ("nl", "bedankt|btw|totaal|contant|wisselgeld|pinnen|bonnummer|kassa|betaald|terug", "[ĳ]"),
        (
            "pl",
            "dziękujemy|suma|ptu|gotówka|gotowka|reszta|paragon|fiskalny|karta|sprzedaż|razem",
            "[łąęśźżńć]",
        ),
        (
            "tr",
            "teşekkür|tesekkur|toplam|kdv|nakit|para üstü|fiş|fis|kredi kartı|tarih|saat|topkdv",
            "[ışğİ]",
        ),
        ("en", "thank you|thanks|subtotal|tax|change|cash|cashier|receipt|total|visa|store", None),
    )
}


def language_of(text: str, currency: str | None) -> str:
    if _KANA.search(text) or currency == "JPY":
        return "ja"
    if _HANGUL.search(text) or currency == "KRW":
        return "ko"
    if _HAN.search(text) or currency in ("CNY", "TWD", "HKD"):
        return "zh-Hant" if currency in ("TWD", "HKD") or traditional_chinese(text) else "zh-Hans"
    if _THAI.search(text) or currency == "THB":
        return "th"
    if _CYRILLIC.search(text) or currency == "RUB":
        return "ru"
    if _VIETNAMESE.search(text) or currency == "VND":
        return "vi"
    scores = {lang: _score(text, words, letters) for lang, (words, letters) in _LATIN.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > scores["en"] else "en"


def _score(text: str, words: re.Pattern[str], letters: re.Pattern[str] | None) -> int:
    # A word counts more than a letter: an accented name can stand on any receipt.
    return 3 * len(set(m.group(0).lower() for m in words.finditer(text))) + (
        min(len(letters.findall(text)), 3) if letters else 0
    )


def traditional_chinese(text: str) -> bool:
    """Han characters that simplified Chinese does not use (none of them in GB2312)."""
    try:
        "".join(_HAN.findall(text)).encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False
