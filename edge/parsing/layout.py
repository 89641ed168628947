"""Which layout a receipt is of, for grouping HQ's corrections: the first line of its head that names the
shop or its program. A chain's stores on one POS program print the same name above different addresses,
so their receipts group together; a store that changes its till program keeps its name, and the draft
profile's own header check (induce.py) and its scoring on every stored receipt of the layout catch that.

It is read from the paper as text (the first lines), which the cloud holds for every receipt; the box
needs none of it."""

from __future__ import annotations

import re
from collections.abc import Iterable

HEAD_LINES = 8
KEY_MAX = 64
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")


def layout_key(lines: Iterable[str]) -> str | None:
    """The first of the head's lines with three letters or more and no more digits than letters, its
    spaces dropped and digits as '#' (a branch number does not make another layout); None for a paper
    with none (printed as a picture)."""
    seen = 0
    for text in lines:
        compact = "".join(text.split())
        if not compact or _PLACEHOLDER.fullmatch(compact):
            continue  # a logo or a code: the paper as text shows a picture as "[image 384x96]"
        seen += 1
        if seen > HEAD_LINES:
            break
        letters = len(_LETTER.findall(compact))
        if letters >= 3 and len(_DIGIT.findall(compact)) <= letters:
            return _DIGIT.sub("#", compact)[:KEY_MAX]
    return None


def share_a_word(papers: list[list[str]], words: list[str]) -> bool:
    """Whether every paper prints one same word of `words` (a profile's words for the total): one till
    program prints its total under one word, so papers that share none are of two programs, whatever
    their heads share (two tills of one shop print the shop's name alike)."""
    if not words:
        return True
    shared = set(words)
    for lines in papers:
        text = " ".join(" ".join(line.split()) for line in lines).upper()
        shared = {w for w in shared if " ".join(w.split()).upper() in text}
    return bool(shared)
