"""Which language a receipt is printed in, as a BCP 47 tag: for the QR block's caption and for the
shopper's page (the cloud serves the e-receipt in it when the browser accepts it)."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_GERMAN = re.compile(r"(?i)\b(summe|mwst|bar|danke|rückgeld|gesamt)\b")


def language_of(text: str, currency: str | None) -> str:
    if _KANA.search(text) or currency == "JPY":
        return "ja"
    if _HANGUL.search(text) or currency == "KRW":
        return "ko"
    if _HAN.search(text) or currency == "CNY":
        return "zh-Hans"
    if _GERMAN.search(text):
        return "de"
    return "en"
