"""What the decoder must know about the printer that the byte stream does not say."""

from __future__ import annotations

from dataclasses import dataclass

from edge.escpos.charsets import CODE_PAGES, DOUBLE_BYTE, known_encoding
from edge.escpos.code_tables import code_pages_of, models
from firmware_bridge.stream_language import COMMAND_SETS, language_of


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
    # The printer's command set: "escpos" (read as ESC/POS until the job shows Star commands), or Star's
    # "star-line" (Line mode: TSP100/TSP650/TSP700, SM-L) or "starprnt" (mC-Print, mPOP, TSP100IV).
    command_set: str = "escpos"
    # The printer model whose ESC t numbering applies (a model of python-escpos's printer database, e.g.
    # "CT-S651", "RP326", "TH230", or of our maker_code_tables.json, e.g. "SRP-350III", "XP-N160II");
    # None: Epson's numbering, which most clones follow.
    code_table: str | None = None

    @property
    def code_pages(self) -> dict[int, str]:
        """ESC t n -> codec, by this printer's numbering."""
        return CODE_PAGES if self.code_table is None else code_pages_of(self.code_table)

    @property
    def command_language(self) -> str:
        """The name of the command set the stream is read in: "escpos" or "star"."""
        return language_of(self.command_set)

    def __post_init__(self) -> None:
        if self.command_set not in COMMAND_SETS:
            raise ValueError(
                f"printer profile {self.name!r}: command_set must be one of {sorted(COMMAND_SETS)}, "
                f"not {self.command_set!r}"
            )
        if self.code_table is not None and self.code_table not in models():
            raise ValueError(
                f"printer profile {self.name!r}: code_table {self.code_table!r} is not a printer model of "
                f"python-escpos's database nor of maker_code_tables.json (known: {', '.join(models())})"
            )
        if not known_encoding(self.code_page):
            raise ValueError(f"printer profile {self.name!r}: unknown code page {self.code_page!r}")
        if self.multibyte is not None and self.multibyte not in DOUBLE_BYTE:
            raise ValueError(
                f"printer profile {self.name!r}: multibyte must be one of {sorted(DOUBLE_BYTE)}, "
                f"not {self.multibyte!r}"
            )
        if self.dots not in (384, 512, 576, 640) or self.columns not in (32, 42, 44, 48, 56, 64):
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
STAR_80MM = PrinterProfile("star-80mm", command_set="starprnt")  # TSP100/TSP650/TSP700, mC-Print3
STAR_58MM = PrinterProfile("star-58mm", command_set="starprnt", dots=384, columns=32)  # mC-Print2, mPOP
STAR_LINE_80MM = PrinterProfile("star-line-80mm", command_set="star-line")  # TSP650II, TSP700II, TSP800II
# Makers whose ESC t numbers differ from Epson's (python-escpos's printer database).
CITIZEN_80MM = PrinterProfile("citizen-80mm", code_table="CT-S651")
SEIKO_80MM = PrinterProfile("seiko-80mm", code_table="RP-F10-80mm")
RONGTA_80MM = PrinterProfile("rongta-80mm", code_table="RP326")
# The TH230 prints 44 font A characters a line (python-escpos's printer database).
WINCOR_80MM = PrinterProfile("wincor-80mm", code_table="TH230", columns=44)
AURES_80MM = PrinterProfile("aures-80mm", code_table="OCD-300")
ZJIANG_58MM = PrinterProfile("zjiang-58mm", code_table="POS-5890", dots=384, columns=32)
SUNMI_58MM = PrinterProfile("sunmi-58mm", code_table="Sunmi-V2", dots=384, columns=32)
# Makers python-escpos's database lacks (edge/escpos/maker_code_tables.json, each table with its source).
BIXOLON_80MM = PrinterProfile("bixolon-80mm", code_table="SRP-350III")  # Bixolon SRP-350III
FUJITSU_80MM = PrinterProfile("fujitsu-80mm", code_table="FP-1000")  # Fujitsu FP-1000
XPRINTER_80MM = PrinterProfile("xprinter-80mm", code_table="XP-N160II")  # Xprinter XP-N160II, XP-T80Q
# Gprinter (GP-58/GP-80 series): the table of Gprinter's ESC/POS SDK, which names no printer model.
GPRINTER_80MM = PrinterProfile("gprinter-80mm", code_table="Gprinter-SDK")
PROFILES = {
    p.name: p
    for p in (
        GENERIC,
        CHINESE_80MM,
        CHINESE_58MM,
        JAPANESE_80MM,
        KOREAN_80MM,
        TAIWAN_80MM,
        STAR_80MM,
        STAR_58MM,
        STAR_LINE_80MM,
        CITIZEN_80MM,
        SEIKO_80MM,
        RONGTA_80MM,
        WINCOR_80MM,
        AURES_80MM,
        ZJIANG_58MM,
        SUNMI_58MM,
        BIXOLON_80MM,
        FUJITSU_80MM,
        XPRINTER_80MM,
        GPRINTER_80MM,
    )
}
