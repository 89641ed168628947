"""A self-contained HTML fragment of the paper for the e-receipt page: styles inline in one <style>
block scoped to the fragment, images and codes as data URIs, every piece of text escaped (a receipt's
text is the box's input, never markup)."""

from __future__ import annotations

import base64
from html import escape

from PIL import Image as PILImage

from edge.escpos.document import Barcode, Code2D, Cut, Document, Feed, Image, NvImage, TextLine
from edge.render.codes import barcode_image, bitmap, png_bytes, qr_image

STYLE = """<style>
.tb-paper{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace;background:#fff;color:#000;
 padding:12px;max-width:%dch;margin:0 auto;white-space:pre;line-height:1.25;font-size:14px}
.tb-line{min-height:1.25em}.tb-center{text-align:center}.tb-right{text-align:right}
.tb-b{font-weight:bold}.tb-u{text-decoration:underline}.tb-i{background:#000;color:#fff}
.tb-w2{letter-spacing:.5ch}.tb-h2{font-size:1.6em}.tb-img{display:block;max-width:100%%;image-rendering:pixelated}
.tb-code{text-align:center}.tb-cut{border-top:1px dashed #999;margin:8px 0}
</style>"""


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _align_class(align: str) -> str:
    return {"center": " tb-center", "right": " tb-right"}.get(align, "")


def _code_block(img: PILImage.Image | None, text: str) -> str:
    """A code drawn from its data, its data as the alt text; the data alone where it cannot be drawn."""
    label = escape(text)
    if img is None:
        return f'<div class="tb-code">[{label}]</div>'
    return (
        f'<div class="tb-code"><img class="tb-img" style="margin:0 auto" alt="{label}" '
        f'src="{_data_uri(png_bytes(img))}"></div>'
    )


def render_html(doc: Document, columns: int = 48) -> str:
    out = [STYLE % columns, '<div class="tb-paper">']
    for b in doc.blocks:
        if isinstance(b, TextLine):
            spans = []
            for r in b.runs:
                s = r.style
                cls = " ".join(
                    c
                    for c, on in (
                        ("tb-b", s.bold),
                        ("tb-u", s.underline),
                        ("tb-i", s.inverse),
                        ("tb-w2", s.width > 1),
                        ("tb-h2", s.height > 1),
                    )
                    if on
                )
                text = escape(r.text)
                spans.append(f'<span class="{cls}">{text}</span>' if cls else text)
            out.append(f'<div class="tb-line{_align_class(b.align)}">{"".join(spans)}</div>')
        elif isinstance(b, Feed):
            out.extend(['<div class="tb-line"></div>'] * min(b.lines + b.dots // 30, 10))
        elif isinstance(b, Image):
            out.append(
                f'<div class="tb-line{_align_class(b.align)}"><img class="tb-img" alt="" '
                f'src="{_data_uri(png_bytes(bitmap(b)))}" width="{b.width // 2}"></div>'
            )
        elif isinstance(b, Code2D):
            out.append(_code_block(qr_image(b, module=4), f"{b.kind.upper()}: {b.data}"))
        elif isinstance(b, Barcode):
            out.append(_code_block(barcode_image(b), f"{b.symbology} {b.data}"))
        elif isinstance(b, NvImage):
            out.append('<div class="tb-line tb-center">[logo]</div>')
        elif isinstance(b, Cut):
            out.append('<div class="tb-cut"></div>')
    out.append("</div>")
    return "\n".join(out)
