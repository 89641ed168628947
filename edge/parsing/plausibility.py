"""Does the decoded text read as a language, or as bytes decoded in the wrong character set (mojibake)?

The numbers of a receipt decoded in the wrong code page still add up, so reconciliation alone would pass
it: Thai read as CP437 prints "í╥ß┐" for กาแฟ, Russian in CP866 read as CP437 "ÅÑÇ", Shift-JIS read as
JIS X 0201 a run of half-width katakana and block graphics. Such a receipt is needs_review with the
reason, never ok. The tests are on words (runs without spaces), since a rule or a table border drawn in
line characters next to a word is what receipts print on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Line drawing and block elements (U+2500-U+259F), and the Private Use Area and C1 controls, which no
# printed text holds.
_GRAPHIC = re.compile(r"[\u2500-\u259f]")
_NEVER_TEXT = re.compile(r"[\u0080-\u009f\ue000-\uf8ff]")
# Three or more accented letters of Latin-1 in a row ("ÅÑÇ", "Ìîëîêî"): no European word spells so; a code
# page 437/850/1252 reading of Cyrillic, Greek or Hebrew bytes does. Runs that hold a letter of Latin
# Extended-A are words: Polish "różą", "żółć", Turkish "ŞİŞ".
_ACCENT_RUN = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]{3,}")


# Words end at spaces and at vertical rules (a table's column borders); a rule's corners and joints may
# touch the word they frame.
_WORD_BREAK = re.compile(r"[\s|\u2502\u2503\u2551\u254e\u254f\u2506\u2507\u250a\u250b]+")
_CORNERS = "\u2500\u2501\u2550\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2554\u2557\u255a\u255d"


# The Greek blocks; μ and Ω are the micro and ohm signs after NFKC ("500μg"), not Greek words.
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _greek(word: str) -> int:
    return sum(1 for c in _GREEK.findall(word) if c not in "μΩ")


def _letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


def _scripts(word: str) -> set[str]:
    """The scripts of a word's letters, by the first word of each letter's Unicode name."""
    out = set()
    for c in word:
        if c.isalpha():
            name = unicodedata.name(c, "")
            out.add(name.split(" ", 1)[0])
    return out


def mojibake_reason(texts: Iterable[str]) -> str | None:
    """Why these lines look like text decoded in the wrong character set; None when they read as text."""
    for text in texts:
        if text.isascii():
            continue  # most lines: nothing below can be in them
        if "\ufffd" in text:
            return f"bytes the printer's character set cannot decode in {text.strip()[:40]!r}"
        if _NEVER_TEXT.search(text):
            return f"control or private-use characters in {text.strip()[:40]!r}"
        # Each test below finds nothing in a word that the whole line does not hold: most lines (CJK,
        # accented Latin, Cyrillic) are passed by one search, and a word is looked at only for the tests
        # its line could fail.
        if not _SUSPECT.search(text):
            continue
        graphic = _GRAPHIC.search(text) is not None
        if graphic and not text.strip(_CORNERS + " ").strip():
            continue  # a rule and nothing else
        accents = _ACCENT_RUN.search(text) is not None
        greek = _GREEK.search(text) is not None
        thai = _THAI_MARK_RUN.search(text) is not None
        for word in _WORD_BREAK.split(text):
            core = word.strip(_CORNERS)
            if graphic and _letters(core) and _GRAPHIC.search(core):
                return f"letters mixed with line-drawing characters in {word[:40]!r} (wrong code page?)"
            if accents and _ACCENT_RUN.search(core):
                return f"accented letters no language writes in a row in {word[:40]!r} (wrong code page?)"
            if greek and _greek(core) >= 2 and len(_scripts(core)) > 1:
                return f"Greek letters inside a word of another script in {word[:40]!r} (wrong code page?)"
            if thai and _THAI_MARK_RUN.search(core) and not _thai_marks_spell(core):
                return f"Thai marks no Thai word stacks in {word[:40]!r} (wrong code page?)"
    return None


# What any of the tests of mojibake_reason needs in a line to find anything in it.
_SUSPECT = re.compile(
    r"[\u2500-\u259f\u0370-\u03ff\u1f00-\u1fff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]|[\u00c0-\u024f]{3,}"
)


# Thai writes a consonant, then at most one vowel above or below it, one tone mark, and a final nikhahit or
# thanthakhat (ำ decomposes into nikhahit + aa). Bytes of another single-byte script read as TIS-620 (CP1251
# Cyrillic: "Молоко" is "ฬ๎๋๎๊๎") stack marks that no word does, or put them after no consonant.
_THAI_MARK_RUN = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_VOWEL_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47")
_THAI_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_THAI_FINAL_MARKS = frozenset("\u0e4c\u0e4d\u0e4e")
_THAI_BASES = re.compile(r"[\u0e01-\u0e2e]")  # the consonants (and the vowel carriers อ, ฤ, ฦ among them)


def _thai_marks_spell(word: str) -> bool:
    """Whether every run of Thai combining marks in ``word`` follows a consonant in the order Thai allows."""
    i = 0
    while i < len(word):
        if word[i] not in _THAI_VOWEL_MARKS | _THAI_TONES | _THAI_FINAL_MARKS:
            i += 1
            continue
        if i == 0 or not _THAI_BASES.match(word[i - 1]):
            return False
        j = i
        for allowed in (_THAI_VOWEL_MARKS, _THAI_TONES, _THAI_FINAL_MARKS):
            if j < len(word) and word[j] in allowed:
                j += 1
        if j < len(word) and word[j] in _THAI_VOWEL_MARKS | _THAI_TONES | _THAI_FINAL_MARKS:
            return False
        i = j
    return True
