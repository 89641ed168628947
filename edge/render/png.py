"""The paper as pixels: 203 dpi, 384 or 576 dots wide, text in the printer's 12x24 font A grid (CJK
characters two cells wide), images at their own dots, codes drawn from their data. Used by
`tillbox render --png` and by the printer simulator to save what it printed."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from edge.escpos.document import Barcode, Code2D, Cut, Document, Feed, Image, NvImage, TextLine, char_columns
from edge.render.codes import barcode_image, bitmap, qr_image

FONT_CANDIDATES = {
    "latin": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"],
    "cjk": [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ],
}
CELL_W, CELL_H = 12, 24  # font A


@lru_cache(maxsize=8)
def _font(kind: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_CANDIDATES[kind]:
        if Path(path).exists():
            # Basic layout: one character per cell needs no shaping, and HarfBuzz (raqm) costs MBs.
            return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return ImageFont.load_default(size)


FONTS = {"A": (12, 24, 22), "B": (9, 17, 16)}  # cell width, cell height, font size in dots


# A receipt printer's text uses a few hundred characters (in a few sizes); on the box each cached glyph
# costs about a kB.
@lru_cache(maxsize=1024)
def _glyph(
    ch: str, font_name: str, bold: bool, width: int = 1, height: int = 1, inverse: bool = False
) -> PILImage.Image:
    cw, ch_h, size = FONTS.get(font_name, FONTS["A"])
    cols = char_columns(ch) or 1
    glyph = PILImage.new("1", (cw * cols, ch_h), 1)
    font = _font("cjk" if cols == 2 or ord(ch) > 0x2E80 else "latin", size)
    draw = ImageDraw.Draw(glyph)
    # A control character the decoder let through (U+0085 from a code page) is nothing on paper, and
    # the text shaper refuses some: it prints as a blank cell, never as an error.
    if unicodedata.category(ch) != "Cc":
        try:
            draw.text((0, 0), ch, font=font, fill=0)
            if bold:
                draw.text((1, 0), ch, font=font, fill=0)
        except (RuntimeError, OSError, ValueError):
            pass
    if width > 1 or height > 1:
        glyph = glyph.resize((glyph.width * width, glyph.height * height))
    return PILImage.eval(glyph, lambda v: 255 - v) if inverse else glyph


# What goes where on the paper: (picture, x, y) and underlines as (x0, y0, x1, y1). The paper is laid out
# first and drawn once into one image: a receipt then costs one large allocation, not one per line and
# row (thousands of small ones left the agent's heap fragmented by several MB).
Pasted = tuple[PILImage.Image, int, int]
Underline = tuple[int, int, int, int]


def _text_line(line: TextLine, dots: int, y: int, pastes: list[Pasted], lines: list[Underline]) -> int:
    """Lay out one printed line from `y` on; like the printer, text past the paper's edge wraps onto the
    next line. Returns the height it took."""
    margin = min(line.margin, dots - 1)
    area = min(dots - margin, line.width) if line.width else dots - margin
    limit = min(dots - line.margin, line.width or dots)
    rows: list[list[tuple[PILImage.Image, int]]] = [[]]
    x = 0
    for run in line.runs:
        s = run.style
        for ch in run.text:
            g = _glyph(ch, s.font, s.bold, s.width, s.height, s.inverse)
            if x + g.width > limit and rows[-1]:
                rows.append([])
                x = 0
            rows[-1].append((g, s.underline))
            x += g.width
    top = y
    for row in rows:
        width = sum(g.width for g, _ in row)
        height = max((g.height for g, _ in row), default=CELL_H)
        x = margin + {"center": max(0, (area - width) // 2), "right": max(0, area - width)}.get(line.align, 0)
        for g, underline in row:
            pastes.append((g, x, y + height - g.height))
            if underline:
                lines.append((x, y + height - underline, x + g.width - 1, y + height - 1))
            x += g.width
        y += height
    return y - top


def _placed(img: PILImage.Image, align: str, dots: int) -> tuple[PILImage.Image, int]:
    if img.width > dots:
        img = img.resize((dots, max(1, img.height * dots // img.width)))
    return img, {"left": 0, "center": (dots - img.width) // 2, "right": dots - img.width}.get(align, 0)


def render_png(doc: Document, dots: int = 576) -> PILImage.Image:
    try:
        return _render(doc, dots)
    finally:
        # FreeType maps the whole font file and keeps every page a glyph was read from: the CJK font's
        # pages came to 3.3 MB of the agent's memory. The glyphs drawn stay cached above, so letting the
        # fonts go after each paper costs a reopening only when a character not yet drawn comes.
        _font.cache_clear()


def _render(doc: Document, dots: int) -> PILImage.Image:
    pastes: list[Pasted] = []
    underlines: list[Underline] = []
    cuts: list[int] = []
    y = 0
    for b in doc.blocks:
        picture: PILImage.Image | None = None
        align = "left"
        if isinstance(b, TextLine):
            y += _text_line(b, dots, y, pastes, underlines)
        elif isinstance(b, Feed):
            y += b.lines * 30 + b.dots
        elif isinstance(b, Image):
            picture, align = bitmap(b), b.align
        elif isinstance(b, Code2D):
            picture, align = qr_image(b), b.align
            if picture is None:
                y += CELL_H
        elif isinstance(b, Barcode):
            picture, align = barcode_image(b), b.align
        elif isinstance(b, NvImage):
            y += 48  # a stored logo: its pixels are in the printer
        elif isinstance(b, Cut):
            cuts.append(y)
            y += 12
        if picture is not None:
            img, x = _placed(picture, align, dots)
            pastes.append((img, x, y))
            y += img.height
    paper = PILImage.new("1", (dots, y or 1), 1)
    for img, x, top in pastes:
        paper.paste(img, (x, top))
    draw = ImageDraw.Draw(paper)
    for box in underlines:
        draw.rectangle(box, fill=0)
    for top in cuts:
        for x in range(0, dots, 12):
            draw.line((x, top + 6, x + 6, top + 6), fill=0)
    return paper
