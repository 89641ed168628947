from __future__ import annotations

from edge.escpos.decoder import decode
from edge.escpos.printer_profile import CHINESE_80MM
from edge.render.html import render_html
from edge.render.png import render_png
from edge.render.text import render_text

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


def test_text_is_column_faithful() -> None:
    doc = decode(ESC + b"a\x01" + b"HI\n" + ESC + b"a\x02" + b"R\n" + GS + b"!\x10" + b"AB\n", CHINESE_80MM)
    out = render_text(doc, 32).splitlines()
    assert out[0] == " " * 15 + "HI"
    assert out[1] == " " * 31 + "R"
    assert out[2] == " " * 28 + "A B"  # still right-aligned; double width: each character takes two columns
    wide = render_text(decode(FS + b"&" + "合计".encode("gb18030") + ESC + b"a\x02\n"), 32)
    assert wide.splitlines()[0] == "合计"  # full-width: two columns each
    assert render_text(decode(ESC + b"a\x02" + FS + b"&" + "合计".encode("gb18030") + b"\n"), 32).startswith(
        " " * 28
    )


def test_html_escapes_and_embeds() -> None:
    doc = decode(
        b"<script>alert(1)</script>\n"
        + GS
        + b"(k\x07\x001P0abcd"
        + GS
        + b"(k\x03\x001Q0"
        + GS
        + b"v0\x00\x01\x00\x01\x00\x80"
    )
    html = render_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("data:image/png;base64,") == 2  # the QR code and the raster image


def test_png_is_the_paper_width_and_draws_the_qr() -> None:
    import zxingcpp

    doc = decode(b"hello\n" + GS + b"(k\x1e\x001P0https://r.example.com/r/Ab3" + GS + b"(k\x03\x001Q0")
    for dots in (384, 576):
        img = render_png(doc, dots)
        assert img.width == dots
        found = zxingcpp.read_barcodes(img.convert("L"))
        assert [r.text for r in found] == ["https://r.example.com/r/Ab3"]


def test_left_margin_and_print_area() -> None:
    doc = decode(
        GS
        + b"L\x30\x00"
        + GS
        + b"W\x20\x01"
        + ESC
        + b"a\x02"
        + b"R\n"
        + GS
        + b"L\x00\x00"
        + GS
        + b"W\x00\x00"
        + ESC
        + b"a\x00"
        + b"L\n"
    )
    first, second = doc.text_lines()
    assert (first.margin, first.width, second.margin, second.width) == (48, 288, 0, None)
    out = render_text(doc, 48).splitlines()
    assert out[0] == " " * 4 + " " * 23 + "R"  # 4 cells of margin, right edge of a 24-cell area
    assert out[1] == "L"
    from PIL import ImageOps

    img = render_png(doc, 576)
    box = ImageOps.invert(img.crop((0, 0, 576, 24)).convert("L")).getbbox()
    assert box is not None and 48 + 288 - 24 <= box[2] <= 48 + 288  # the R ends at the area's right edge


def test_a_control_character_in_the_text_draws_as_a_blank_cell() -> None:
    """U+0085 (a code page's NEL) made the text shaper fail, and drawing the paper raised: now the
    character is a blank cell, like a printer that prints nothing for it."""
    from edge.escpos.document import Document, Run, Style, TextLine
    from edge.render.png import render_png

    line = TextLine([Run("A\x85B", Style())])
    img = render_png(Document([line]))
    assert img.size == (576, 24)
    blank = render_png(Document([TextLine([Run("A B", Style())])]))
    assert img.tobytes() == blank.tobytes()


def test_a_barcode_leaves_no_garbage_for_the_collector() -> None:
    """python-barcode's writer keeps its own bound methods as callbacks, a cycle holding its RGB drawing
    until a full collection; on the agent those drawings piled up by MBs. Drawn now, it leaves none."""
    import gc

    from edge.escpos.document import Barcode
    from edge.render.codes import barcode_image

    gc.collect()
    gc.disable()
    try:
        img = barcode_image(Barcode("EAN13", "4006381333931", hri=True))
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert img is not None and img.mode == "1"
    assert unreachable == 0


def test_the_fonts_are_let_go_after_each_paper() -> None:
    """FreeType keeps every page of a font file it read a glyph from (3.3 MB of the CJK font on the
    agent); the glyphs drawn stay cached, the fonts are reopened only for a character not yet drawn."""
    from edge.escpos.document import Document, Run, Style, TextLine
    from edge.render import png

    img = png.render_png(Document([TextLine([Run("合计 TOTAL 12.50", Style())])]))
    assert img.width == 576
    assert png._font.cache_info().currsize == 0
