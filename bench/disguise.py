"""A template of the foreign corpus turned into a POS nobody has seen: the words the generic parser knows
for the total, subtotal, change, tenders and receipt number are replaced, consistently over the
template's receipts, by invented words ("TOTAL" -> "VOKARI" on every receipt of the template), so the
generic parser no longer reads the receipt and a profile must learn the words from its examples.

The replacement is made in the bytes, never guessed: a word's printed form is looked for in the bytes under
the code pages a printer may use, replaced by ASCII letters of the same printed width (columns stay where
they were), and the receipt decoded again must read exactly as before but for that word. A word that
cannot be replaced so on one receipt (split by a code-page switch, printed in pieces) stays as it was on
every receipt of the template, and is counted (``Disguised.kept``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from edge.escpos.charsets import CODE_PAGES
from edge.escpos.document import text_columns
from edge.escpos.printer_profile import PROFILES
from edge.parsing.lines import ASCII_WORD, Line, document_lines, index_words, normalize_text
from edge.parsing.money import CURRENCY_CODES
from edge.parsing.pipeline import decode_bytes
from edge.parsing.vocabulary import DEFAULT

Case = tuple[str, bytes, dict[str, Any]]

# The fields whose words are disguised: what a new POS most often names in its own way.
FIELDS = frozenset({"total", "subtotal", "change", "receipt_no"})
_CODECS = (
    "ascii",
    *dict.fromkeys(CODE_PAGES.values()),
    "gb18030",
    "gbk",
    "big5",
    "cp950",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
    "cp874",
    "utf-8",
)
_SYLLABLES = ("ka", "ro", "mi", "tu", "ve", "lo", "za", "pi", "ne", "qu", "ba", "fo", "gu", "xe", "wi", "ha")


@dataclass
class Disguised:
    cases: list[Case]
    words: dict[str, str] = field(default_factory=dict)  # the generic word -> its invented one
    replaced: int = 0  # printed words replaced, over the template's receipts
    kept: int = 0  # words left as printed on every receipt: on one, no sound replacement was found


def _disguised_field(word: str) -> bool:
    fields = DEFAULT.word_fields.get(word, frozenset())
    return any(f in FIELDS or f.startswith("tender:") for f in fields)


def _invented(template: str, word: str, taken: set[str]) -> str:
    """Letters no vocabulary knows, as wide as the word's characters print (at least two)."""
    width = max(2, text_columns("".join(word.split())))
    salt = 0
    while True:
        digest = hashlib.sha256(f"{template}/{word}/{salt}".encode()).digest()
        letters = "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest)[:width].upper()
        if letters not in DEFAULT.word_fields and letters not in taken and not _known_anywhere(letters):
            taken.add(letters)
            return letters
        salt += 1


_KNOWN = frozenset(w.upper() for w in (*DEFAULT.header, *DEFAULT.column_heads, *DEFAULT.all_words))
_CURRENCY_AT_END = re.compile(rf"(?:{CURRENCY_CODES})$")


def _known_anywhere(letters: str) -> bool:
    # A header or column word, a currency code before an amount: the invented word must mean nothing to
    # the parser.
    return letters in _KNOWN or bool(_CURRENCY_AT_END.search(letters))


def _lines(case: Case) -> tuple[list[str], list[Line]]:
    doc = decode_bytes(case[1], PROFILES[case[2].get("printer_profile", "generic-80mm")])
    raw = [b.text for b in doc.text_lines()]
    lines = document_lines(doc)
    index_words(lines, DEFAULT.all_words)
    return raw, lines


def _words_to_disguise(case: Case) -> set[str]:
    """The disguised fields' words on the lines that carry an amount or the receipt number and no item's
    name (an item named "Cash & Carry" keeps its name: the truth names it so)."""
    truth = case[2]
    names = [str(i.get("name", "")).upper() for i in truth.get("items") or [] if i.get("name")]
    number = str(truth.get("receipt_no") or "\0")
    out: set[str] = set()
    for ln in _lines(case)[1]:
        if not ln.found or any(n in ln.upper for n in names):
            continue
        if ln.amounts(".") or ln.amounts(",") or number in ln.text:
            out |= {w for w in ln.found if _disguised_field(w)}
    return out


def _surfaces(raw: str, word: str) -> set[str]:
    """How ``word`` (as the parser compares it: NFKC, upper case) is printed in the decoded line ``raw``."""
    latin = bool(ASCII_WORD.match(word))
    folded, at = [], []
    for i, ch in enumerate(raw):
        if not latin and ch.isspace():
            continue
        for c in normalize_text(ch).upper():
            folded.append(c)
            at.append(i)
    text = "".join(folded)
    target = word if latin else "".join(word.split())
    pattern = rf"(?<![A-Z]){re.escape(target)}(?![A-Z])" if latin else re.escape(target)
    return {raw[at[m.start()] : at[m.end() - 1] + 1] for m in re.finditer(pattern, text)}


def _text_pattern(surface: str) -> re.Pattern[str]:
    if surface.isascii():
        return re.compile(rf"(?<![A-Za-z]){re.escape(surface)}(?![A-Za-z])")
    return re.compile(re.escape(surface))


def _byte_pattern(encoded: bytes, ascii_surface: bool) -> re.Pattern[bytes]:
    if ascii_surface:
        return re.compile(rb"(?<![A-Za-z])" + re.escape(encoded) + rb"(?![A-Za-z])")
    return re.compile(re.escape(encoded))


def _replace(case: Case, surface: str, letters: str, before: list[str]) -> Case | None:
    """``case`` with ``surface`` printed as ``letters`` (padded to its width), or None where no code page's
    bytes for it decode back to exactly that change."""
    new = letters + " " * max(0, text_columns(surface) - len(letters))
    expected = [_text_pattern(surface).sub(new, t) for t in before]
    tried: set[bytes] = set()
    for codec in _CODECS:
        try:
            encoded = surface.encode(codec)
        except (UnicodeEncodeError, LookupError):
            continue
        if encoded in tried or encoded not in case[1]:
            continue
        tried.add(encoded)
        data = _byte_pattern(encoded, surface.isascii()).sub(new.encode("ascii"), case[1])
        changed = (case[0], data, case[2])
        if _lines(changed)[0] == expected:
            return changed
    return None


def disguise(template: str, cases: list[Case]) -> Disguised:
    """Every receipt of one template, its summary and receipt-number words replaced consistently: a word
    that cannot be replaced soundly on one receipt stays as printed on all of them (examples printing the
    word and later receipts printing its disguise would measure nothing but the disguise)."""
    found = set().union(*(_words_to_disguise(c) for c in cases))
    # A word inside an item's name stays: the truth names the item with it.
    names = " ".join(str(i.get("name", "")).upper() for c in cases for i in c[2].get("items") or [])
    words = sorted((w for w in found if w not in names), key=lambda w: (-len(w), w))
    taken: set[str] = set()
    invented = {w: _invented(template, w, taken) for w in words}
    kept = 0
    while True:
        out = Disguised([], {w: invented[w] for w in words}, kept=kept)
        failed = {w for case in cases for w in _disguise_case(case, words, out)}
        if not failed:
            return out
        words = [w for w in words if w not in failed]
        kept += len(failed)


def _disguise_case(case: Case, words: list[str], out: Disguised) -> set[str]:
    """Appends ``case`` disguised to ``out.cases``; returns the words it could not replace."""
    failed: set[str] = set()
    for word in words:
        raw = _lines(case)[0]
        for surface in sorted(set().union(*(_surfaces(t, word) for t in raw)), key=len, reverse=True):
            changed = _replace(case, surface, out.words[word], raw)
            if changed is None:
                failed.add(word)
                continue
            case, raw = changed, _lines(changed)[0]
            out.replaced += 1
    out.cases.append(case)
    return failed
