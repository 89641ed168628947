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
# Three or more non-ASCII Latin letters in a row ("ÅÑÇ"): no European word spells so; a code page 437/850
# reading of Cyrillic, Greek or Hebrew bytes does.
_ACCENT_RUN = re.compile(r"[\u00c0-\u024f]{3,}")


# Words end at spaces and at vertical rules (a table's column borders); a rule's corners and joints may
# touch the word they frame.
_WORD_BREAK = re.compile(r"[\s|\u2502\u2503\u2551\u254e\u254f\u2506\u2507\u250a\u250b]+")
_CORNERS = "\u2500\u2501\u2550\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2554\u2557\u255a\u255d"


def _greek(word: str) -> int:
    # μ and Ω are the micro and ohm signs after NFKC ("500μg"), not Greek words.
    return sum(1 for c in word if "GREEK" in unicodedata.name(c, "") and c not in "μΩ")


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
        if "\ufffd" in text:
            return f"bytes the printer's character set cannot decode in {text.strip()[:40]!r}"
        if _NEVER_TEXT.search(text):
            return f"control or private-use characters in {text.strip()[:40]!r}"
        for word in _WORD_BREAK.split(text):
            core = word.strip(_CORNERS)
            if _letters(core) and _GRAPHIC.search(core):
                return f"letters mixed with line-drawing characters in {word[:40]!r} (wrong code page?)"
            if _ACCENT_RUN.search(core):
                return f"accented letters no language writes in a row in {word[:40]!r} (wrong code page?)"
            if _greek(core) >= 2 and len(_scripts(core)) > 1:
                return f"Greek letters inside a word of another script in {word[:40]!r} (wrong code page?)"
    return None
