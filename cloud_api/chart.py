"""The daily report's sales-by-hour chart, drawn with Pillow as a PNG small enough for an e-mail."""

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
