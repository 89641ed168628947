"""The shopper's pages in the shopper's language: one TOML file per language beside this module, checked on
load (the same keys as English, the same placeholders in each text), and the choice of language for a
request: the shopper's switch, else the receipt's language if the browser accepts it, else the browser's
first language we have, else the receipt's, else English."""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT = "en"
LANGUAGES = ("en", "zh-Hans")  # the files here; en is the reference every other is checked against
COOKIE = "tillbox_lang"
_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*")
_MONEY_SIGNS = {"CNY": "¥", "JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "KRW": "₩", "TWD": "NT$"}


_DATE_PARTS = {"year", "month", "month_name", "day"}
_DATE_FORMATS = {  # key -> (the fields it must have, the fields it may have)
    "date": ({"year", "day"}, _DATE_PARTS),
    "datetime": ({"year", "day", "hour", "minute"}, _DATE_PARTS | {"hour", "minute"}),
}


class CatalogueError(ValueError):
    pass


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def load_catalogue(
    directory: Path = HERE, languages: tuple[str, ...] = LANGUAGES
) -> dict[str, dict[str, Any]]:
    """Every language's texts, refused whole if one file lacks a key, has an extra one, or changes a
    placeholder: a missing text would otherwise surface as a broken page in front of a shopper."""
    catalogue: dict[str, dict[str, Any]] = {}
    for lang in languages:
        path = directory / f"{lang}.toml"
        try:
            catalogue[lang] = _flat(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise CatalogueError(f"{path}: {e}") from None
    reference = catalogue[DEFAULT]
    for lang, texts in catalogue.items():
        missing, extra = set(reference) - set(texts), set(texts) - set(reference)
        if missing or extra:
            raise CatalogueError(
                f"{lang}.toml: missing {sorted(missing) or 'nothing'}, unknown {sorted(extra) or 'nothing'}"
            )
        for key, text in texts.items():
            ref = reference[key]
            if key == "months":
                if not (isinstance(text, list) and len(text) == 12 and all(isinstance(m, str) for m in text)):
                    raise CatalogueError(f"{lang}.toml: months must be twelve names")
            elif not isinstance(text, str):
                raise CatalogueError(f"{lang}.toml: {key} must be a string")
            elif key in _DATE_FORMATS:  # each language orders and names the parts of a date its way
                if not _DATE_FORMATS[key][0] <= _fields(text) <= _DATE_FORMATS[key][1]:
                    raise CatalogueError(f"{lang}.toml: {key} needs {sorted(_DATE_FORMATS[key][0])}")
            elif _fields(text) != _fields(ref):
                raise CatalogueError(
                    f"{lang}.toml: {key} has {sorted(_fields(text))}, en {sorted(_fields(ref))}"
                )
    return catalogue


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    return load_catalogue()


def supported(tag: str | None) -> str | None:
    """One of LANGUAGES for a BCP 47 tag: zh, zh-CN, zh-Hans-SG -> zh-Hans; en-GB -> en. Chinese in any
    script reads the simplified pages before English ones."""
    if not tag:
        return None
    lowered = tag.strip().lower()
    for lang in LANGUAGES:
        if lowered == lang.lower():
            return lang
    primary = lowered.split("-")[0]
    return next((lang for lang in LANGUAGES if lang.lower().split("-")[0] == primary), None)


def accepted(header: str | None) -> list[str]:
    """Accept-Language's tags, most wanted first (q=0 ones dropped); garbage ignored, never refused."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not _TAG.fullmatch(tag) or tag == "*":
            continue
        q = 1.0
        m = re.fullmatch(r"\s*q=([01](?:\.\d{0,3})?)\s*", params) if params else None
        if params and m is None:
            continue
        if m is not None:
            q = float(m.group(1))
        if q > 0:
            weighted.append((-q, i, tag))
    return [tag for _, _, tag in sorted(weighted)]


def choose(switch: str | None, cookie: str | None, receipt: str | None, accept_language: str | None) -> str:
    chosen = supported(switch) or supported(cookie)
    if chosen:
        return chosen
    browser = [lang for tag in accepted(accept_language) if (lang := supported(tag))]
    mine = supported(receipt)
    if mine and (mine in browser or not browser):
        return mine
    return browser[0] if browser else (mine or DEFAULT)


@dataclass(frozen=True)
class Texts:
    """One language's texts for a page: `t("receipt.total")`, with placeholders filled by keyword."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        text = catalogue()[self.lang][key]
        return str(text).format(**values) if values else str(text)

    def label(self, group: str, key: object) -> str:
        """A word from the wire (a payment method) in this language, or as sent when it has none."""
        text = catalogue()[self.lang].get(f"{group}.{key}")
        return str(text) if isinstance(text, str) else str(key)

    def when(self, printed: str | None) -> str | None:
        """The till's local time as printed (ISO 8601, no zone), as people of this language write it."""
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?)?", printed or "")
        if m is None:
            return printed
        year, month, day, hour, minute = m.groups()
        if not 1 <= int(month) <= 12:
            return printed
        names = catalogue()[self.lang]["months"]
        fields = {"year": year, "month": int(month), "month_name": names[int(month) - 1], "day": int(day)}
        if hour is None:
            return self("date", **fields)
        return self("datetime", **fields, hour=hour, minute=minute)

    @staticmethod
    def money(amount: object, currency: str | None) -> str:
        sign = _MONEY_SIGNS.get(currency or "", "")
        text = str(amount)
        if text.startswith("-"):
            return f"-{sign}{text[1:]}"
        return f"{sign}{text}" if sign else (f"{text} {currency}" if currency else text)

    def choices(self) -> list[tuple[str, str]]:
        """Every language as (tag, its own name), for the switch."""
        return [(lang, str(catalogue()[lang]["language_name"])) for lang in LANGUAGES]
