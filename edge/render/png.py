"""The paper as pixels: 203 dpi, 384 or 576 dots wide, text in the printer's 12x24 font A grid (CJK
characters two cells wide), images at their own dots, codes drawn from their data. Used by
`tillbox render --png` and by the printer simulator to save what it printed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from edge.escpos.document import Barcode, Code2D, Cut, Document, Feed, Image, NvImage, TextLine
from edge.render.codes import barcode_image, bitmap, qr_image
from edge.render.text import char_columns

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
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


FONTS = {"A": (12, 24, 22), "B": (9, 17, 16)}  # cell width, cell height, font size in dots


@lru_cache(maxsize=4096)
def _glyph(ch: str, font_name: str, bold: bool) -> PILImage.Image:
    cw, ch_h, size = FONTS.get(font_name, FONTS["A"])
    cols = char_columns(ch) or 1
    glyph = PILImage.new("1", (cw * cols, ch_h), 1)
    font = _font("cjk" if cols == 2 or ord(ch) > 0x2E80 else "latin", size)
    draw = ImageDraw.Draw(glyph)
    draw.text((0, 0), ch, font=font, fill=0)
    if bold:
        draw.text((1, 0), ch, font=font, fill=0)
    return glyph


def _text_line(line: TextLine, dots: int) -> PILImage.Image:
    """One printed line; like the printer, text past the paper's edge wraps onto the next line."""
    rows: list[list[tuple[PILImage.Image, bool, int]]] = [[]]
    x = 0
    for run in line.runs:
        s = run.style
        for ch in run.text:
            g = _glyph(ch, s.font, s.bold)
            g = g.resize((g.width * s.width, g.height * s.height)) if s.width > 1 or s.height > 1 else g
            if x + g.width > min(dots - line.margin, line.width or dots) and rows[-1]:
                rows.append([])
                x = 0
            rows[-1].append((g, s.inverse, s.underline))
            x += g.width
    margin = min(line.margin, dots - 1)
    area = min(dots - margin, line.width) if line.width else dots - margin
    images = [_row(r, line.align, area) for r in rows]
    if margin:
        shifted = []
        for img in images:
            row = PILImage.new("1", (dots, img.height), 1)
            row.paste(img, (margin, 0))
            shifted.append(row)
        images = shifted
    out = PILImage.new("1", (dots, sum(i.height for i in images) or CELL_H), 1)
    y = 0
    for i in images:
        out.paste(i, (0, y))
        y += i.height
    return out


def _row(cells: list[tuple[PILImage.Image, bool, int]], align: str, dots: int) -> PILImage.Image:
    width = sum(g.width for g, _, _ in cells)
    height = max((g.height for g, _, _ in cells), default=CELL_H)
    canvas = PILImage.new("1", (dots, height), 1)
    draw = ImageDraw.Draw(canvas)
    x = {"center": max(0, (dots - width) // 2), "right": max(0, dots - width)}.get(align, 0)
    for g, inverse, underline in cells:
        if inverse:
            g = PILImage.eval(g, lambda v: 255 - v)
        canvas.paste(g, (x, height - g.height))
        if underline:
            draw.rectangle((x, height - underline, x + g.width - 1, height - 1), fill=0)
        x += g.width
    return canvas


def _place(img: PILImage.Image, align: str, dots: int) -> PILImage.Image:
    if img.width > dots:
        img = img.resize((dots, max(1, img.height * dots // img.width)))
    row = PILImage.new("1", (dots, img.height), 1)
    x = {"left": 0, "center": (dots - img.width) // 2, "right": dots - img.width}.get(align, 0)
    row.paste(img, (x, 0))
    return row


def render_png(doc: Document, dots: int = 576) -> PILImage.Image:
    rows: list[PILImage.Image] = []
    for b in doc.blocks:
        if isinstance(b, TextLine):
            rows.append(_text_line(b, dots))
        elif isinstance(b, Feed):
            rows.append(PILImage.new("1", (dots, b.lines * 30 + b.dots), 1))
        elif isinstance(b, Image):
            rows.append(_place(bitmap(b), b.align, dots))
        elif isinstance(b, Code2D):
            img = qr_image(b)
            rows.append(_place(img, b.align, dots) if img else _text_line(TextLine([], b.align), dots))
        elif isinstance(b, Barcode):
            img = barcode_image(b)
            if img is not None:
                rows.append(_place(img, b.align, dots))
        elif isinstance(b, NvImage):
            rows.append(PILImage.new("1", (dots, 48), 1))  # a stored logo: its pixels are in the printer
        elif isinstance(b, Cut):
            rows.append(_cut_line(dots))
    height = sum(r.height for r in rows) or 1
    paper = PILImage.new("1", (dots, height), 1)
    y = 0
    for r in rows:
        paper.paste(r, (0, y))
        y += r.height
    return paper


def _cut_line(dots: int) -> PILImage.Image:
    img = PILImage.new("1", (dots, 12), 1)
    draw = ImageDraw.Draw(img)
    for x in range(0, dots, 12):
        draw.line((x, 6, x + 6, 6), fill=0)
    return img
