"""Pictures of 1-bit images, QR codes and barcodes, shared by the PNG and HTML renderers.

QR codes come from ``qrcode`` and barcodes from ``python-barcode`` (python-escpos's own barcode
dependency), both drawn with Pillow; nothing here draws a symbol by hand."""

from __future__ import annotations

import io

import barcode
import qrcode
from barcode.writer import ImageWriter
from PIL import Image as PILImage
from qrcode.constants import ERROR_CORRECT_M

from edge.escpos.document import Barcode, Code2D, Image

_BARCODE_NAMES = {
    "EAN13": "ean13",
    "EAN8": "ean8",
    "UPC-A": "upca",
    "CODE39": "code39",
    "CODE128": "code128",
    "ITF": "itf",
    "CODABAR": "codabar",
    "GS1-128": "gs1_128",
}


def bitmap(img: Image) -> PILImage.Image:
    # ESC/POS sets a bit for a black dot; Pillow's "1;I" raw mode reads exactly that.
    return PILImage.frombytes("1", (img.width, img.height), img.data, "raw", "1;I")


def qr_image(code: Code2D, module: int | None = None) -> PILImage.Image | None:
    if code.kind != "qr" or not code.data:
        return None
    q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=module or max(2, code.size), border=2)
    q.add_data(code.data.encode("utf-8"))
    q.make(fit=True)
    img: PILImage.Image = q.make_image(fill_color="black", back_color="white").get_image()
    return img.convert("1")


def _no_callback(*_args: object) -> None:
    return None


_WRITER_CALLBACKS = ("initialize", "paint_module", "paint_text", "finish")


def _release(writer: ImageWriter) -> None:
    # A writer holds its own bound methods as callbacks: a reference cycle that keeps its RGB drawing
    # (~150 kB a barcode) alive until a full garbage collection, which on the agent came seldom enough
    # for several MB of them to pile up. Replacing the callbacks breaks the cycle, so the drawing goes
    # as soon as the barcode is written.
    for action in _WRITER_CALLBACKS:
        writer.register_callback(action, _no_callback)


def barcode_image(code: Barcode, height_mm: float = 8.0) -> PILImage.Image | None:
    name = _BARCODE_NAMES.get(code.symbology)
    if name is None:
        return None
    try:
        cls = barcode.get_barcode_class(name)
        kwargs = {"add_checksum": False} if name == "code39" else {}
        writer = ImageWriter()
        symbol = cls(code.data, writer=writer, **kwargs)
        out = io.BytesIO()
        try:
            symbol.write(
                out,
                options={
                    "module_height": height_mm,
                    "write_text": code.hri,
                    "quiet_zone": 2,
                    "font_size": 8,
                    "text_distance": 3,
                    "dpi": 203,
                },
            )
        finally:
            _release(writer)
    except Exception:  # a value the symbology rejects: shown as text by the caller
        return None
    out.seek(0)
    return PILImage.open(out).convert("1")


def png_bytes(img: PILImage.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
