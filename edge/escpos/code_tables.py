"""ESC t numbering per printer model: python-escpos's printer database (escpos-printer-db), and our own
``maker_code_tables.json`` for the makers that database does not have (Bixolon, Fujitsu, Xprinter,
Gprinter).

ESC t n names a code page by a number each maker assigns: Epson's 6 is Hiragana, Citizen's CP852, Rongta's
CP1251; Wincor's 1 is CP850 where Epson's is Katakana; Bixolon's 28 is CP1251 where Epson has none. The
decoder reads ESC t by Epson's table (``charsets.CODE_PAGES``) unless the printer profile names a model
(``code_table``); then by that model's. Pages Python has no codec for (Star's CP3840 family, CP853,
Bixolon's old Hebrew) are left out, so the decoder says it does not know them rather than guess.
The database names the Thai character codes "Unknown" (Thai 11 alone as CP874), so its models' Thai pages
are left out too; ours name them by code (``thai42`` ... , codecs of table_codecs.py), as Vietnamese
TCVN-3 is read by ours (``tcvn3``, ``tcvn3_capitals``).
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from edge.escpos.charsets import known_encoding

# The database's single-byte "CP932" and "KATAKANA" are JIS X 0201: half-width katakana, with the maker's
# line characters at 0x80-0x9F (charsets' "katakana"); a double-byte codec cannot stand for one byte.
_KATAKANA_NAMES = frozenset({"CP932", "KATAKANA"})
# The database's pages that Python has no codec for and table_codecs.py has.
_OUR_CODECS = {"TCVN-3-1": "tcvn3", "TCVN-3-2": "tcvn3_capitals"}

MAKER_TABLES = Path(__file__).with_name("maker_code_tables.json")


@functools.cache
def _database() -> dict[str, Any]:
    # Read as data, without importing python-escpos (its loader pickles into a temporary directory, and the
    # bridge's command, which shares the CLI with the agent, must start without the agent's libraries).
    spec = importlib.util.find_spec("escpos")
    if spec is None or spec.origin is None:
        raise RuntimeError("python-escpos is not installed: its printer database is missing")
    text = (Path(spec.origin).parent / "capabilities.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def read_maker_tables(text: str, taken: Collection[str] = ()) -> dict[str, dict[int, str]]:
    """Our tables from the JSON ``text``; ValueError for an entry without its source, a page number that
    is not a byte, a codec Python lacks, or a model already in ``taken`` (python-escpos's database)."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("maker code tables: a JSON object of model -> table expected")
    out: dict[str, dict[int, str]] = {}
    for model, entry in data.items():
        where = f"maker code tables: {model!r}"
        if model in taken:
            # Two tables under one name would make code_table ambiguous: which maker did the box mean?
            raise ValueError(f"{where} is also a model of python-escpos's database")
        if not isinstance(entry, dict) or set(entry) != {"source", "codePages"}:
            raise ValueError(f"{where}: an object with exactly 'source' and 'codePages' expected")
        source = entry["source"]
        if not isinstance(source, str) or not source.strip():
            # A number with no published source is a guess, and a wrong page reads as mojibake marked ok.
            raise ValueError(f"{where}: no source")
        pages = entry["codePages"]
        if not isinstance(pages, dict) or not pages:
            raise ValueError(f"{where}: codePages must be a non-empty object")
        table: dict[int, str] = {}
        for n, codec in pages.items():
            if not (isinstance(n, str) and n.isdigit() and int(n) <= 255):
                raise ValueError(f"{where}: page {n!r} is not an ESC t number (0-255)")
            if not isinstance(codec, str):
                raise ValueError(f"{where}: page {n}: codec name expected, not {codec!r}")
            if not known_encoding(codec):
                # Unlike the database's names, ours are typed by hand: a typo is an error, not a dropped page.
                raise ValueError(f"{where}: page {n}: Python has no codec {codec!r}")
            table[int(n)] = codec
        out[model] = table
    return out


@functools.cache
def _maker_tables() -> dict[str, dict[int, str]]:
    return read_maker_tables(MAKER_TABLES.read_text(encoding="utf-8"), _database()["profiles"])


def models() -> list[str]:
    """The printer models whose ESC t numbering is known: python-escpos's database's and ours."""
    return sorted([*_database()["profiles"], *_maker_tables()])


@functools.cache
def code_pages_of(model: str) -> dict[int, str]:
    """ESC t n -> codec for ``model``; KeyError for a model neither table knows."""
    ours = _maker_tables()  # read first, so a name in both fails here too and not only in models()
    db = _database()
    if model not in db["profiles"]:
        return dict(ours[model])
    pages = db["profiles"][model]["codePages"]
    out: dict[int, str] = {}
    for n, name in pages.items():
        if name in _KATAKANA_NAMES:
            out[int(n)] = "katakana"
            continue
        codec = _OUR_CODECS.get(name) or db["encodings"].get(name, {}).get("python_encode")
        if codec and known_encoding(codec):
            out[int(n)] = codec
    return out
