"""Receipt lines prepared for parsing: normalised text (full-width forms folded by NFKC), the style, and
the helpers that find labels, dates, numbers in them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from edge.escpos.document import Document, Style, TextLine
from edge.parsing.money import DecimalMark, find_amounts


@dataclass(slots=True)
class Line:
    index: int
    text: str  # NFKC-normalised, right-stripped
    upper: str
    compact: str  # without white space: "합          계" (spaced to align) reads as "합계"
    style: Style
    align: str
    # Every vocabulary word found in this line, filled once by index_words(): the parser asks each line
    # about a dozen fields, and one pass answers them all.
    found: set[str] | None = field(default=None, compare=False, repr=False)
    fields: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # what found labels
    _amounts: dict[str, tuple[tuple[Decimal, int, int], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def amounts(self, mark: DecimalMark) -> tuple[tuple[Decimal, int, int], ...]:
        """The amounts in this line (asked for several times per parse, so kept)."""
        got = self._amounts.get(mark)
        if got is None:
            got = self._amounts[mark] = find_amounts(self.text, mark)
        return got

    @property
    def big(self) -> bool:
        return self.style.width > 1 or self.style.height > 1


# A tax class glued to the amount ("7,47A", Polish and Czech fiscal printers): the amount stands apart.
_TAX_CLASSES = frozenset("ABCDEFG")
_GLUED_TAX_CLASS = re.compile(r"(\d[.,]\d{2})([A-G])$")


# Printed as they are, though NFKC would change them: Thai (its ำ would come apart into ํ + า) and the
# numero sign (№ would become "No"), both in names and labels the receipt prints.
_KEEP_AS_PRINTED = re.compile(r"[\u0e00-\u0e7f№]+")


def normalize_text(text: str) -> str:
    """A line as the parser reads it, and a vocabulary word as it is compared: NFKC (full-width forms and
    half-width katakana folded, "Nº" -> "No") but for what is kept as printed."""
    if text.isascii():
        return text
    out, at = [], 0
    for m in _KEEP_AS_PRINTED.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[at : m.start()]))
        out.append(m.group(0))
        at = m.end()
    out.append(unicodedata.normalize("NFKC", text[at:]))
    return "".join(out)


def document_lines(doc: Document) -> list[Line]:
    out = []
    for i, b in enumerate(doc.text_lines()):
        raw = b.text
        text = raw if raw.isascii() else normalize_text(raw)
        text = text.replace("\t", " ").rstrip()
        if text[-1:] in _TAX_CLASSES:
            text = _GLUED_TAX_CLASS.sub(r"\1 \2", text)
        upper = text.upper()
        out.append(Line(i, text, upper, "".join(upper.split()), _dominant_style(b), b.align))
    return out


def _dominant_style(line: TextLine) -> Style:
    if len(line.runs) == 1:
        return line.runs[0].style
    best: tuple[int, Style] | None = None
    for r in line.runs:
        n = len(r.text.strip())
        if best is None or n > best[0]:
            best = (n, r.style)
    return best[1] if best else Style()


# A vocabulary word matched as a word in the spaced, upper-cased line; any other (CJK, Thai, Cyrillic, a
# letter with a diacritic) is looked for in the line without its spaces.
ASCII_WORD = re.compile(r"^[A-Z0-9 .#%\-]+$")


@lru_cache(maxsize=256)
def _matchers(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One regular expression for the Latin words (matched as words in the upper-cased line) and one for
    the rest (matched anywhere in the line without its spaces), longest words first."""
    # Classified by their upper case, so "Total" from a profile is a Latin word like "TOTAL"; what is left
    # has a character outside ASCII, which lets ASCII lines skip that search.
    latin = sorted({w.upper() for w in words if ASCII_WORD.match(w.upper())}, key=len, reverse=True)
    other = sorted({w.upper() for w in words if not ASCII_WORD.match(w.upper())}, key=len, reverse=True)
    latin_re = (
        re.compile(_first_chars(latin) + r"(?<![A-Z])" + trie_pattern(latin) + r"(?![A-Z])")
        if latin
        else None
    )
    other_re = re.compile(_first_chars(other) + trie_pattern(other)) if other else None
    return latin_re, other_re


def _first_chars(words: list[str]) -> str:
    # A lookahead on the words' first characters: most positions of a line start no word at all.
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` folded into a prefix tree. Python's re tries a flat alternation word by
    word at every position, a tree a character at a time (measured 3x faster on the vocabulary). Where a
    word is a prefix of another, the longer is tried first."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may also end here
            return "(?:" + body + ")?" if len(branches) == 1 else body[:-1] + "|)"
        return body

    return "(?:" + build(trie) + ")"


def index_words(lines: list[Line], words: tuple[str, ...]) -> None:
    """Find every one of ``words`` in every line, two regular-expression passes a line (see find_label
    for the rules). Longest words win where two overlap ("内消費税" over "消費税")."""
    latin_re, other_re = _matchers(words)
    for line in lines:
        # findall: the patterns have no capturing groups, so it returns the words themselves
        found: set[str] = set(latin_re.findall(line.upper)) if latin_re is not None else set()
        if other_re is not None and not line.compact.isascii():
            found.update(other_re.findall(line.compact))
        line.found = found


_WANTED: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def find_label(line: Line, words: tuple[str, ...]) -> str | None:
    """Which of ``words`` labels this line, if any. Latin words must stand as words ("BAR" is not in
    "BARCODE"); CJK words may touch what follows (合计:12.00) and may be spaced out ("합    계")."""
    if line.found is not None:
        if not line.found:
            return None  # most lines label nothing
        entry = _WANTED.get(id(words))
        if entry is None or entry[0] is not words:  # keyed by identity: the vocabulary's tuples live on
            entry = _WANTED[id(words)] = (words, frozenset(w.upper() for w in words))
        # The longest of the field's words on the line ("取引NO" over "NO."), whatever order the set holds.
        hits = [w for w in line.found if w in entry[1]]
        return max(hits, key=lambda w: (len(w), w)) if hits else None
    latin_re, other_re = _matchers(words)
    if latin_re is not None:
        m = latin_re.search(line.upper)
        if m:
            return m.group(0)
    if other_re is not None:
        m = other_re.search(line.compact)
        if m:
            return m.group(0)
    return None


SEPARATOR = re.compile(r"^[\s\-=_*.~+#]{3,}$")

PHONE_MASKED = re.compile(r"(?<!\d)(1[3-9]\d[*xX]{4}\d{4}|\d{2,4}[- ]?[*xX]{3,4}[- ]?\d{4})(?!\d)")


def value_after(line: Line, label: str) -> str | None:
    """What follows a label: "单号: 20261122-0001" -> "20261122-0001". A label the line index found without
    its spaces ("FİŞNO", "THUNGÂN") is found again with whatever spaces the line prints in it."""
    upper = label.upper()
    end = -1
    pos = line.upper.find(upper)
    if pos >= 0:
        end = pos + len(upper)
    else:
        m = _spaced(upper).search(line.upper)
        if m is not None:
            end = m.end()
    # Upper-casing can change a line's length ("ß" -> "SS"): then the rest is cut from the upper-cased line.
    source = line.text if len(line.text) == len(line.upper) else line.upper
    if end < 0:
        pos = line.text.find(label)
        if pos < 0:
            return None
        source, end = line.text, pos + len(label)
    rest = source[end:].strip(" :：#.\t")
    return rest or None


@lru_cache(maxsize=1024)
def _spaced(label: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(map(re.escape, label)))
