"""ESC t numbering per printer model, from python-escpos's printer database (escpos-printer-db).

ESC t n names a code page by a number each maker assigns: Epson's 6 is Hiragana, Citizen's CP852, Rongta's
CP1251; Wincor's 1 is CP850 where Epson's is Katakana. The decoder reads ESC t by Epson's table
(``charsets.CODE_PAGES``) unless the printer profile names a model of the database (``code_table``);
then by that model's. Pages Python has no codec for (Star's CP3840 family, TCVN-3, CP853) are left out,
so the decoder says it does not know them rather than guess.
"""

from __future__ import annotations

import codecs
import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

# The database's single-byte "CP932" and "KATAKANA" are JIS X 0201: half-width katakana, with the maker's
# line characters at 0x80-0x9F (charsets' "katakana"); a double-byte codec cannot stand for one byte.
_KATAKANA_NAMES = frozenset({"CP932", "KATAKANA"})


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


def models() -> list[str]:
    """The printer models whose ESC t numbering the database knows."""
    return sorted(_database()["profiles"])


@functools.cache
def code_pages_of(model: str) -> dict[int, str]:
    """ESC t n -> codec for ``model``; KeyError for a model the database does not know."""
    db = _database()
    pages = db["profiles"][model]["codePages"]
    out: dict[int, str] = {}
    for n, name in pages.items():
        if name in _KATAKANA_NAMES:
            out[int(n)] = "katakana"
            continue
        codec = db["encodings"].get(name, {}).get("python_encode")
        if codec:
            try:
                codecs.lookup(codec)
            except LookupError:
                continue
            out[int(n)] = codec
    return out
