"""Which language a receipt is printed in, as a BCP 47 tag: for the QR block's caption, for the shopper's
page (the cloud serves the e-receipt in it when the browser accepts it) and as evidence of how its dates
are printed (dates.order_hint).

Scripts decide first (kana, hangul, han — simplified or traditional —, Thai, Cyrillic, Vietnamese letters);
Latin-script receipts are told apart by the words and letters only their language prints, and are English
when nothing else scores."""

from __future__ import annotations

import re

from edge.parsing.lines import trie_pattern

HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters only Vietnamese uses (horn and breve vowels, d with stroke, the dot below with tones).
_VIETNAMESE = re.compile(r"[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)

# Per Latin-script language: words its receipts print that the others' do not, and letters of its own.
_LATIN: dict[str, tuple[str, str]] = {
    "de": ("summe|mwst|ust|bar|danke|rückgeld|gesamt|betrag|kasse|beleg|vielen|steuer|netto|brutto", "ßäöü"),
    "fr": (
        "merci|tva|ttc|espèces|especes|rendu|monnaie|ticket|caisse|montant|total ttc|carte bancaire",
        "éèêàçù",
    ),
    "es": ("gracias|iva|efectivo|cambio|tarjeta|factura|importe|cajero|mesa|propina|total a pagar", "ñ¿¡"),
    "it": ("grazie|iva|contanti|resto|totale|scontrino|importo|cassa|documento commerciale|pagamento", ""),
    "pt": (
        "obrigado|obrigada|iva|troco|numerário|numerario|fatura|contribuinte|nif|multibanco|dinheiro",
        "ãõç",
    ),
    "nl": ("bedankt|btw|totaal|contant|wisselgeld|pinnen|bonnummer|kassa|betaald|terug", "ĳ"),
    "pl": ("dziękujemy|suma|ptu|gotówka|gotowka|reszta|paragon|fiskalny|karta|sprzedaż|razem", "łąęśźżńć"),
    "tr": ("teşekkür|tesekkur|toplam|kdv|nakit|para üstü|fiş|fis|kredi kartı|tarih|saat|topkdv", "ışğİ"),
    "en": ("thank you|thanks|subtotal|tax|change|cash|cashier|receipt|total|visa|store", ""),
}
# One pass over the text for every language's words, and one for their letters.
_LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {}
for _lang, (_words, _) in _LATIN.items():
    for _w in _words.split("|"):
        _LANGUAGES_OF_WORD[_w] = (*_LANGUAGES_OF_WORD.get(_w, ()), _lang)
_FIRST = "(?=[" + re.escape("".join(sorted({w[0] for w in _LANGUAGES_OF_WORD}))) + "])"
_WORDS = re.compile(_FIRST + r"\b" + trie_pattern(sorted(_LANGUAGES_OF_WORD)) + r"\b")
_LANGUAGES_OF_LETTER: dict[str, tuple[str, ...]] = {}
for _lang, (_, _letters) in _LATIN.items():
    for _ch in _letters:
        # The letter and its other case, where that is one letter of its own ("ß" -> "SS", "ı" -> "I" are not)
        for _case in {_ch, *(c for c in (_ch.lower(), _ch.upper()) if len(c) == 1 and not c.isascii())}:
            _LANGUAGES_OF_LETTER[_case] = (*_LANGUAGES_OF_LETTER.get(_case, ()), _lang)
_LETTERS = re.compile("[" + re.escape("".join(_LANGUAGES_OF_LETTER)) + "]")


def language_of(text: str, currency: str | None) -> str:
    if KANA.search(text) or currency == "JPY":
        return "ja"
    if HANGUL.search(text) or currency == "KRW":
        return "ko"
    if HAN.search(text) or currency in ("CNY", "TWD", "HKD"):
        return "zh-Hant" if currency in ("TWD", "HKD") or traditional_chinese(text) else "zh-Hans"
    if _THAI.search(text) or currency == "THB":
        return "th"
    if _CYRILLIC.search(text) or currency == "RUB":
        return "ru"
    if _VIETNAMESE.search(text) or currency == "VND":
        return "vi"
    scores = dict.fromkeys(_LATIN, 0)
    # A word counts more than a letter (an accented name can stand on any receipt); a letter counts up to 3.
    for word in set(_WORDS.findall(text.lower())):
        for lang in _LANGUAGES_OF_WORD.get(word, ()):
            scores[lang] += 3
    letters = dict.fromkeys(_LATIN, 0)
    for ch in _LETTERS.findall(text):
        for lang in _LANGUAGES_OF_LETTER[ch]:
            letters[lang] += 1
    for lang, n in letters.items():
        scores[lang] += min(n, 3)
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > scores["en"] else "en"


def traditional_chinese(text: str) -> bool:
    """Han characters that simplified Chinese does not use (none of them in GB2312)."""
    try:
        "".join(HAN.findall(text)).encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False
