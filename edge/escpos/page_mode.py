"""ESC/POS page mode (ESC L … FF): text laid out in an area at positions, printed as one page.

A program in page mode may write a column at a time: every name at its height (GS $), then every price
at the same heights further right (ESC $). Read in the order sent, names and prices would be lines apart;
laid out by where they print, each name and its price share a line, as on paper. So page mode collects
fragments of text with the height they print at, and at FF (print and leave page mode) or ESC FF (print,
stay) gives them back as lines, top to bottom, each line's fragments left to right in their columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edge.escpos.document import CELL_DOTS, Run, Style, TextLine, text_columns

_PLAIN = Style()
DEFAULT_LINE_SPACING = 30  # dots: Epson's default 1/6 inch in its page-mode motion units


@dataclass(slots=True)
class PageMode:
    """The page being composed: its area (ESC W, dots), the vertical print position in it (GS $, LF), and
    the fragments of text written so far as (height, order written, runs)."""

    left: int = 0
    top: int = 0
    y: int = 0
    line_spacing: int = DEFAULT_LINE_SPACING
    fragments: list[tuple[int, int, list[Run]]] = field(default_factory=list)

    def keep(self, runs: list[Run], x: int = 0) -> None:
        """The runs written at the current height, starting ``x`` dots from the area's left edge."""
        if not any(r.text.strip() for r in runs):
            return
        indent = round((self.left + x) / CELL_DOTS)
        if indent > 0:
            runs = [Run(" " * indent, _PLAIN), *runs]
        self.fragments.append((self.top + self.y, len(self.fragments), runs))

    def area(self, raw: bytes) -> None:
        """ESC W xL xH yL yH dxL dxH dyL dyH: where the area lies; the position goes to its top left."""
        if len(raw) >= 10:
            self.left = raw[2] | raw[3] << 8
            self.top = raw[4] | raw[5] << 8
            self.y = 0

    def lines(self) -> list[TextLine]:
        """The page as printed: one line per height, top to bottom; the page is empty afterwards."""
        by_height: dict[int, list[tuple[int, int, list[Run]]]] = {}
        for y, order, runs in self.fragments:
            by_height.setdefault(y, []).append((_indent(runs), order, runs))
        self.fragments = []
        out = []
        for y in sorted(by_height):
            line: list[Run] = []
            written = 0
            for indent, _, runs in sorted(by_height[y], key=lambda f: (f[0], f[1])):
                pad = indent - written
                if pad <= 0 and line:
                    pad = 1  # overlapping columns: still apart, as two things printed apart
                body = _lstrip(runs)
                if pad > 0:
                    line.append(Run(" " * pad, _PLAIN))
                    written += pad
                line.extend(body)
                written += sum(text_columns(r.text) * r.style.width for r in body)
            out.append(TextLine(line))
        return out


def _indent(runs: list[Run]) -> int:
    """Columns of white space before the first character."""
    n = 0
    for r in runs:
        stripped = r.text.lstrip()
        n += (len(r.text) - len(stripped)) * r.style.width
        if stripped:
            break
    return n


def _lstrip(runs: list[Run]) -> list[Run]:
    out = list(runs)
    while out and not out[0].text.strip():
        out.pop(0)
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].style)
    return out
