"""The document model: what a receipt looks like on paper, independent of the bytes that made it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]
CELL_DOTS = 12  # a font A character: the column the text renderer and the parser count in


_COLUMNS: dict[str, int] = {}  # each character's answer, once: the decoder asks for every one it meets


def char_columns(ch: str) -> int:
    """How many font A columns a character takes on paper: CJK full-width two, combining marks none."""
    n = _COLUMNS.get(ch)
    if n is None:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        # A mark printed over or under the character before it takes no column: Thai's vowels and tone
        # marks (several of them, ั ิ ็ ์, have combining class 0, so the category says it).
        n = 0 if unicodedata.category(ch) in ("Mn", "Me") else 2 if wide else 1
        _COLUMNS[ch] = n
    return n


def text_columns(text: str) -> int:
    if text.isascii():  # most of every receipt
        return len(text)
    known = _COLUMNS.get
    total = 0
    for ch in text:
        n = known(ch)
        total += char_columns(ch) if n is None else n
    return total


@dataclass(frozen=True, slots=True)
class Style:
    bold: bool = False
    underline: int = 0  # 0 none, 1 thin, 2 thick
    width: int = 1  # character width multiplier, 1..8
    height: int = 1
    font: str = "A"
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    style: Style


@dataclass(slots=True)
class TextLine:
    runs: list[Run]
    align: Align = "left"
    margin: int = 0  # GS L: left margin in dots
    width: int | None = None  # GS W: print area width in dots (None: the paper's)

    @property
    def text(self) -> str:
        runs = self.runs
        return runs[0].text if len(runs) == 1 else "".join(r.text for r in runs)


@dataclass(frozen=True, slots=True)
class Image:
    """A 1-bit picture: ``rows`` of ``width_bytes`` bytes, MSB first, 1 = a black dot."""

    width: int  # dots
    height: int
    data: bytes
    align: Align = "left"
    source: str = ""  # the command that made it

    @property
    def width_bytes(self) -> int:
        return (self.width + 7) // 8


@dataclass(frozen=True, slots=True)
class NvImage:
    """A logo stored in the printer (NV memory), printed by reference: we never see its pixels."""

    key: str
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Barcode:
    symbology: str
    data: str
    hri: bool = False  # human-readable text printed with it
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Code2D:
    kind: str  # qr, pdf417, datamatrix, aztec, maxicode, ...
    data: str
    align: Align = "left"
    size: int = 3  # module size in dots


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 0
    dots: int = 0


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool


@dataclass(frozen=True, slots=True)
class Opaque:
    """A command we do not interpret, kept so nothing is silently dropped."""

    name: str
    raw: bytes


Block = TextLine | Image | NvImage | Barcode | Code2D | Feed | Cut | Opaque


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Code pages the job selected that the printer profile has no table for ("ESC t 8"): the text after
    # them was read in the page before, right only where it is ASCII.
    unknown_code_pages: list[str] = field(default_factory=list)

    def text_lines(self) -> list[TextLine]:
        return [b for b in self.blocks if isinstance(b, TextLine)]

    def codes(self) -> list[Barcode | Code2D]:
        return [b for b in self.blocks if isinstance(b, Barcode | Code2D)]
