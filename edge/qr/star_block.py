"""The QR block in Star's language (Star Line mode / StarPRNT), for printers whose profile says `star`.

python-escpos speaks ESC/POS only, so these few commands are ours: Star's native QR (ESC GS y: model 2,
error correction M, cell size, stored data, print) or, for a printer without it, the code as a Star raster
image (ESC GS S), then the receipt's own style and alignment put back. Star's commands from its Line mode
and StarPRNT specifications; every one of them is read back by the decoder
(hardware_tests/test_star_qr_on_paper.py).
"""

from __future__ import annotations

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from edge.escpos.printer_profile import PrinterProfile
from edge.qr.block import CAPTIONS, PrinterState

ESC, GS = b"\x1b", b"\x1d"
_ALIGN = {"left": 0, "center": 1, "right": 2}


def star_qr_symbol(url: str, printer: PrinterProfile) -> bytes:
    cell = 6 if printer.dots >= 576 else 4
    data = url.encode("ascii")
    if printer.native_qr:
        return b"".join(
            [
                ESC + GS + b"yS0\x02",  # model 2
                ESC + GS + b"yS1\x01",  # error correction M
                ESC + GS + b"yS2" + bytes((cell,)),
                ESC + GS + b"yD1\x00" + len(data).to_bytes(2, "little") + data,
                ESC + GS + b"yP",
            ]
        )
    q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=cell, border=2)
    q.add_data(url)
    q.make(fit=True)
    image: Image.Image = q.make_image().get_image().convert("1")
    width_bytes = (image.width + 7) // 8
    # PIL's mode "1" rows are packed MSB first with 1 for white; Star's raster wants 1 for a black dot.
    rows = bytes(b ^ 0xFF for b in image.tobytes())
    size = width_bytes.to_bytes(2, "little") + image.height.to_bytes(2, "little")
    return ESC + GS + b"S\x01" + size + b"\x00" + rows


def _caption(language: str) -> bytes:
    text = CAPTIONS.get(language, CAPTIONS["en"])
    if text.isascii():
        return text.encode("ascii") + b"\n"
    if language == "ja":  # Star's Japanese printers take Shift JIS in Kanji mode (ESC $ 1)
        return ESC + b"$\x01" + text.encode("cp932") + ESC + b"$\x00\n"
    return CAPTIONS["en"].encode("ascii") + b"\n"


def _restore(state: PrinterState) -> bytes:
    s = state.style
    out = ESC + b"i" + bytes((min(s.height, 6) - 1, min(s.width, 6) - 1))
    out += ESC + (b"E" if s.bold else b"F") + ESC + b"-" + bytes((1 if s.underline else 0,))
    out += ESC + (b"4" if s.inverse else b"5")
    return out + ESC + GS + b"a" + bytes((_ALIGN[state.align],))


def star_qr_block(symbol: bytes, language: str, state: PrinterState) -> bytes:
    """Normal size and style, centred caption and code, then the receipt's own state again."""
    start = b"\n" + ESC + b"i\x00\x00" + ESC + b"F" + ESC + b"-\x00" + ESC + b"5" + ESC + GS + b"a\x01"
    return start + _caption(language) + symbol + b"\n" + _restore(state)
