"""What the decoder must know about the printer that the byte stream does not say."""

from __future__ import annotations

from dataclasses import dataclass

from edge.escpos.charsets import DOUBLE_BYTE, known_encoding


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    name: str = "generic-80mm"
    code_page: str = "cp437"  # what the printer prints before any ESC t
    # The double-byte encoding of the printer's Kanji/Chinese mode (FS &), and whether that mode is on from
    # power-up (many Chinese printers are; the Korean café's printer ran CP949 without being told).
    multibyte: str | None = None
    multibyte_default_on: bool = False
    dots: int = 576  # printable dots per line: 576 on 80 mm paper, 384 on 58 mm
    columns: int = 48  # font A characters per line
    native_qr: bool = True

    def __post_init__(self) -> None:
        if not known_encoding(self.code_page):
            raise ValueError(f"printer profile {self.name!r}: unknown code page {self.code_page!r}")
        if self.multibyte is not None and self.multibyte not in DOUBLE_BYTE:
            raise ValueError(
                f"printer profile {self.name!r}: multibyte must be one of {sorted(DOUBLE_BYTE)}, "
                f"not {self.multibyte!r}"
            )
        if self.dots not in (384, 512, 576, 640) or self.columns not in (32, 42, 48, 56, 64):
            raise ValueError(
                f"printer profile {self.name!r}: unusual paper ({self.dots} dots, {self.columns} cols)"
            )


GENERIC = PrinterProfile()
CHINESE_80MM = PrinterProfile("chinese-80mm", multibyte="gb18030", multibyte_default_on=True)
CHINESE_58MM = PrinterProfile(
    "chinese-58mm", multibyte="gb18030", multibyte_default_on=True, dots=384, columns=32
)
JAPANESE_80MM = PrinterProfile("japanese-80mm", multibyte="shift_jis", columns=48)
KOREAN_80MM = PrinterProfile("korean-80mm", multibyte="cp949", multibyte_default_on=True)
# Traditional Chinese (Taiwan, Hong Kong): Big5 in the printer's Chinese mode. The bytes of FS & do not
# say which double-byte set is meant: the profile does.
TAIWAN_80MM = PrinterProfile("taiwan-80mm", multibyte="big5", multibyte_default_on=True)
PROFILES = {
    p.name: p for p in (GENERIC, CHINESE_80MM, CHINESE_58MM, JAPANESE_80MM, KOREAN_80MM, TAIWAN_80MM)
}
