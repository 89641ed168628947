"""Code pages that receipt printers have and Python does not, as Python codecs of our own, so that
``bytes.decode`` and the decoder's ``decode_text`` read them like any other page:

- the Thai character codes 11, 13, 14, 16, 18 and 42 (Epson's ESC t 20-26, Star's ESC GS t 96-102) as
  ``thai11`` ... ``thai42`` (``thai_code_tables.json``). They are not TIS-620: Thai 42 puts the Thai digits
  at 0x90 and its letters one to three places off TIS-620's; the others add line characters and arrows where
  CP874 has quotation marks, and some repeat a letter in a second place. A printer stacks a combining vowel
  or tone mark over the character before it, the order in which Unicode stores them, so the bytes decode one
  by one.
- Star's Thai code page 874 (Star's ESC GS t 21) as ``star_thai`` (``thai_code_tables.json``): Windows-874
  (Python's ``cp874``) with line characters at 0x95-0x9F, the tone marks mai tho ... thanthakhat a second
  time at 0xDB-0xDE and three signs at 0xFC-0xFE.
- Vietnamese TCVN-3, lower case and capitals (Epson's ESC t 30 and 31), as ``tcvn3`` and ``tcvn3_capitals``
  (``vietnamese_code_tables.json``): each toned letter is one byte, as Vietnamese tills print it (CP1258's
  separate tone marks are not printed combined).

The tables are data, each with the public source it was taken from.
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

TABLE_FILES = tuple(
    Path(__file__).with_name(name) for name in ("thai_code_tables.json", "vietnamese_code_tables.json")
)

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


def read_code_tables(text: str, what: str = "code tables") -> dict[str, str]:
    """Codec name -> its 256-character decoding table (``_UNDEFINED`` where the code has no character), from
    the JSON ``text``; ValueError naming the table for an entry without its source, a table that is not 256
    code points ("U+0E50" or null), or a name that is not a codec name or is one of Python's codecs."""
    data = json.loads(text)
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{what}: a non-empty JSON object of codec name -> table expected")
    out: dict[str, str] = {}
    for name, entry in data.items():
        where = f"{what}: {name!r}"
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
def register_table_codecs() -> None:
    """Read the tables and register their codecs, once; ValueError (naming the file and the table) for a
    malformed file or a codec name in two files."""
    infos: dict[str, codecs.CodecInfo] = {}
    for path in TABLE_FILES:
        for name, table in read_code_tables(path.read_text("utf-8"), path.name).items():
            if name in infos:
                raise ValueError(f"{path.name}: {name!r} is a codec of another table file too")
            infos[name] = _codec(name, table)
    codecs.register(infos.get)
