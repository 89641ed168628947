"""The Thai character codes of receipt printers (Thai Character Code 11, 13, 14, 16, 18 and 42: Epson's ESC t
20-26, Star's ESC GS t 96-102) as Python codecs named ``thai11`` ... ``thai42``, so that ``bytes.decode``
and the decoder's ``decode_text`` read them like any other code page.

The tables are data, ``thai_code_tables.json``, each with the public source it was taken from. They are not
TIS-620: Thai 42 puts the Thai digits at 0x90 and its letters one to three places off TIS-620's; the others
add line characters and arrows where CP874 has quotation marks, and some repeat a letter in a second place.
A printer stacks a combining vowel or tone mark over the character before it, the order in which Unicode
stores them, so the bytes decode one by one.
"""

from __future__ import annotations

import codecs
import encodings
import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

THAI_TABLES = Path(__file__).with_name("thai_code_tables.json")

_SOURCE_KEYS = ("package", "version", "licence", "definition")
_CODE_POINT = re.compile(r"U\+([0-9A-F]{4,6})")
_CODEC_NAME = re.compile(r"[a-z][a-z0-9_]*")
# What codecs.charmap_decode takes for "no character here": the error handler then decides (U+FFFD under
# errors="replace", which is what the decoder asks for and what it warns about).
_UNDEFINED = "\ufffe"


def _character(value: object) -> str | None:
    """The character an entry names, or None for a malformed one."""
    if value is None:
        return _UNDEFINED
    m = _CODE_POINT.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return None
    cp = int(m.group(1), 16)
    # U+FFFD and U+FFFE would hide a byte the table lacks from the decoder's check; surrogates are no text.
    if cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF or cp in (0xFFFD, 0xFFFE):
        return None
    return chr(cp)


def read_thai_tables(text: str) -> dict[str, str]:
    """Codec name -> its 256-character decoding table (``_UNDEFINED`` where the code has no character), from
    the JSON ``text``; ValueError naming the table for an entry without its source, a table that is not 256
    code points ("U+0E50" or null), or a name that is not a codec name or is one of Python's codecs."""
    data = json.loads(text)
    if not isinstance(data, dict) or not data:
        raise ValueError("thai code tables: a non-empty JSON object of codec name -> table expected")
    out: dict[str, str] = {}
    for name, entry in data.items():
        where = f"thai code tables: {name!r}"
        if not _CODEC_NAME.fullmatch(name):
            raise ValueError(f"{where} is not a codec name (lower-case letters, digits, underscores)")
        if encodings.search_function(name) is not None:
            # Python's search function is asked first: a table under its name would never be read.
            raise ValueError(f"{where} is Python's own codec")
        if not isinstance(entry, dict) or set(entry) != {"name", "source", "codePoints"}:
            raise ValueError(f"{where}: an object with exactly 'name', 'source' and 'codePoints' expected")
        source = entry["source"]
        if not (
            isinstance(source, dict)
            and all(isinstance(source.get(k), str) and source[k].strip() for k in _SOURCE_KEYS)
        ):
            # A table with no published source is a guess, and a wrong table reads as mojibake marked ok.
            raise ValueError(f"{where}: source must name its {', '.join(_SOURCE_KEYS)}")
        points = entry["codePoints"]
        if not isinstance(points, list) or len(points) != 256:
            raise ValueError(f"{where}: codePoints must be a list of 256 entries, one a byte")
        chars = []
        for byte, value in enumerate(points):
            ch = _character(value)
            if ch is None:
                raise ValueError(
                    f"{where}: byte 0x{byte:02X}: {value!r} is not a code point 'U+XXXX' or null"
                )
            chars.append(ch)
        out[name] = "".join(chars)
    return out


def _codec(name: str, decoding_table: str) -> codecs.CodecInfo:
    encoding_table = codecs.charmap_build(decoding_table)

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return codecs.charmap_encode(text, errors, encoding_table)

    def decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(data, errors, decoding_table)

    return codecs.CodecInfo(encode, decode, name=name)


@functools.cache
def register_thai_codecs() -> None:
    """Read the tables and register their codecs, once; ValueError (naming the table) for a malformed file."""
    infos = {
        name: _codec(name, table) for name, table in read_thai_tables(THAI_TABLES.read_text("utf-8")).items()
    }
    codecs.register(infos.get)
