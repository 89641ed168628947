"""The QR block printed just before the cut: a caption in the receipt's language and the QR code, made
with python-escpos (and qrcode for printers without a native QR command), then the printer's state put
back as the receipt left it, so nothing of ours leaks into the next receipt."""

from __future__ import annotations

from dataclasses import dataclass, field

import qrcode
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from qrcode.constants import ERROR_CORRECT_M

from edge.escpos.document import Style
from edge.escpos.printer_profile import PrinterProfile

CAPTIONS = {
    "zh-Hans": "扫码获取电子小票",
    "zh-Hant": "掃碼取得電子收據",
    "ja": "電子レシートはこちら",
    "ko": "전자 영수증 받기",
    "de": "Ihr digitaler Beleg",
    "en": "Scan for your e-receipt",
}
ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


@dataclass(frozen=True)
class PrinterState:
    """What the receipt left the printer in, to be restored after the block."""

    align: str = "left"
    style: Style = field(default_factory=Style)
    kanji: bool = False


def qr_symbol(url: str, printer: PrinterProfile) -> bytes:
    """The QR code alone: the native GS ( k command where the printer has it, a raster image otherwise,
    sized to about a third of the paper; error correction M."""
    p = Dummy()
    # The paper's width in dots, on this instance only (the library shares profile data between
    # printers): without it python-escpos prints a warning to stdout, into the agent's JSON log.
    data = dict(p.profile.profile_data)
    data["media"] = {**data.get("media", {}), "width": {"pixels": printer.dots}}
    p.profile.profile_data = data
    if printer.native_qr:
        p.qr(url, ec=QR_ECLEVEL_M, size=6 if printer.dots >= 576 else 4, native=True)
    else:
        q = qrcode.QRCode(
            error_correction=ERROR_CORRECT_M, box_size=6 if printer.dots >= 576 else 4, border=2
        )
        q.add_data(url)
        q.make(fit=True)
        p.image(q.make_image().get_image(), impl="bitImageRaster", center=False)
    return bytes(p.output)


def _caption_bytes(language: str, printer: PrinterProfile) -> bytes:
    text = CAPTIONS.get(language, CAPTIONS["en"])
    if text.isascii():
        return FS + b"." + text.encode("ascii") + b"\n"
    encoding = printer.multibyte or {
        "zh-Hans": "gb18030",
        "zh-Hant": "big5",
        "ja": "shift_jis",
        "ko": "cp949",
    }.get(language)
    if encoding is None:
        return FS + b"." + CAPTIONS["en"].encode("ascii") + b"\n"
    return FS + b"&" + text.encode(encoding) + FS + b".\n"


def _restore(state: PrinterState) -> bytes:
    s = state.style
    mode = (1 if s.font == "B" else 0) | (8 if s.bold else 0) | (128 if s.underline else 0)
    out = ESC + b"!" + bytes([mode]) + GS + b"!" + bytes([(s.width - 1) << 4 | (s.height - 1)])
    out += ESC + b"-" + bytes([s.underline]) + GS + b"B" + bytes([1 if s.inverse else 0])
    out += ESC + b"a" + bytes([{"left": 0, "center": 1, "right": 2}[state.align]])
    out += FS + (b"&" if state.kanji else b".")
    return out


def qr_block(symbol: bytes, language: str, printer: PrinterProfile, state: PrinterState) -> bytes:
    """The whole block: normal style, centred caption and code, then the receipt's own state again."""
    start = b"\n" + ESC + b"!\x00" + GS + b"!\x00" + GS + b"B\x00" + ESC + b"a\x01"
    return start + _caption_bytes(language, printer) + symbol + b"\n" + _restore(state)
