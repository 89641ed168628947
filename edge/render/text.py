"""The paper as it reads, column-faithful: a double-width or full-width (CJK) character takes two columns,
alignment pads to the paper's column count, images and codes are shown as bracketed placeholders."""

from __future__ import annotations

from edge.escpos.document import (
    Align,
    Barcode,
    Code2D,
    Cut,
    Document,
    Feed,
    Image,
    NvImage,
    TextLine,
    char_columns,
    text_columns,
)

DOTS_PER_TEXT_LINE = 30  # the default line spacing of ESC/POS printers (1/6 inch at 180 dpi)


def line_text(line: TextLine) -> tuple[str, int]:
    """The line's characters (double-width runs spaced out as the paper shows them) and its width."""
    parts: list[str] = []
    width = 0
    for run in line.runs:
        factor = run.style.width
        for ch in run.text:
            cols = char_columns(ch)
            parts.append(ch + " " * (cols * (factor - 1)))
            width += cols * factor
    return "".join(parts), width


def _place(text: str, width: int, align: Align, columns: int) -> str:
    if align == "center" and width < columns:
        text = " " * ((columns - width) // 2) + text
    elif align == "right" and width < columns:
        text = " " * (columns - width) + text
    return text.rstrip()


def _placeholder(b: Image | NvImage | Barcode | Code2D) -> str:
    """What stands on the text paper for something that is not text."""
    if isinstance(b, Image):
        return f"[image {b.width}x{b.height}]"
    if isinstance(b, NvImage):
        return f"[logo {b.key}]"
    if isinstance(b, Barcode):
        return f"[{b.symbology} {b.data}]"
    return f"[{b.kind.upper()} {b.data}]"


def render_text(doc: Document, columns: int = 48) -> str:
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, TextLine):
            text, width = line_text(b)
            # GS L / GS W in font A cells (12 dots): the line lives in its print area.
            indent = min(b.margin // 12, columns - 1)
            area = min(columns - indent, b.width // 12) if b.width else columns - indent
            out.append((" " * indent + _place(text, width, b.align, max(area, 1))).rstrip())
        elif isinstance(b, Feed):
            out.extend([""] * (b.lines + b.dots // DOTS_PER_TEXT_LINE))
        elif isinstance(b, Image | NvImage | Barcode | Code2D):
            label = _placeholder(b)
            out.append(_place(label, text_columns(label), b.align, columns))
        elif isinstance(b, Cut):
            out.append("-" * 8 + (" partial cut " if b.partial else " cut ") + "-" * 8)
    return "\n".join(out) + "\n"
