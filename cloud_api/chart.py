"""The reports' charts, drawn with Pillow as PNGs small enough for an e-mail: a store's sales by hour, and
bars of stores or regions side by side."""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from cloud_api.schemas import HourSales

WIDTH, HEIGHT, MARGIN = 720, 260, 36


def hourly_chart(hours: list[HourSales]) -> bytes:
    img = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default()
    top = max((h.sales for h in hours), default=Decimal(0))
    plot_h = HEIGHT - 2 * MARGIN
    step = (WIDTH - 2 * MARGIN) / 24
    draw.line([(MARGIN, HEIGHT - MARGIN), (WIDTH - MARGIN, HEIGHT - MARGIN)], fill="#444")
    for h in hours:
        x0 = MARGIN + h.hour * step + 2
        if top > 0 and h.sales > 0:
            bar = int(plot_h * h.sales / top)
            draw.rectangle([x0, HEIGHT - MARGIN - bar, x0 + step - 4, HEIGHT - MARGIN], fill="#1d5c3a")
        if h.hour % 3 == 0:
            draw.text((x0, HEIGHT - MARGIN + 6), f"{h.hour:02d}", fill="#222", font=font)
    draw.text((MARGIN, 10), f"Sales by hour (max {top})", fill="#222", font=font)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


# A label may be a store's or region's name in Chinese: a CJK font where the machine has one (the
# default bitmap font draws only Latin), and the store code or "?" glyphs otherwise.
_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def _label_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        try:
            return ImageFont.truetype(path, 12)
        except OSError:
            continue
    return ImageFont.load_default()


BAR_ROW, LABEL_W, MAX_BARS = 22, 180, 40


def bar_chart(title: str, bars: list[tuple[str, Decimal]]) -> bytes:
    """Horizontal bars, one a row (the first MAX_BARS): stores side by side, or regions."""
    shown = bars[:MAX_BARS]
    height = 2 * MARGIN + BAR_ROW * max(1, len(shown))
    img = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(img)
    font = _label_font()
    top = max((v for _, v in shown), default=Decimal(0))
    span = WIDTH - LABEL_W - 2 * MARGIN - 90  # room for the figure after the longest bar
    draw.text((MARGIN, 10), title, fill="#222", font=font)
    for n, (label, value) in enumerate(shown):
        y = MARGIN + n * BAR_ROW
        draw.text((MARGIN, y + 3), label[:24], fill="#222", font=font)
        x0 = MARGIN + LABEL_W
        if top > 0 and value > 0:
            draw.rectangle([x0, y + 3, x0 + int(span * value / top), y + BAR_ROW - 3], fill="#1d5c3a")
        draw.text(
            (x0 + 4 if value <= 0 else x0 + int(span * value / top) + 4, y + 3),
            str(value),
            fill="#222",
            font=font,
        )
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()
