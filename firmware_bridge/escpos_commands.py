"""The ESC/POS command set as the framer needs it: how long each command is, and what it does to a job.

Only lengths and roles live here; what a command *means* (styles, text, images) is the decoder's business in
edge/. A length is either fixed, or a rule that reads a few header bytes (``GS v 0 m xL xH yL yH`` carries the
size of the raster that follows). Data is never buffered: the tokenizer only counts it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

ESC, GS, FS, DLE, DC2 = 0x1B, 0x1D, 0x1C, 0x10, 0x12
NUL = 0x00


class Role(enum.IntEnum):
    """What a token does to the receipt it belongs to."""

    TEXT = 1  # printable bytes
    CONTROL = 2  # single-byte controls: LF, CR, HT, CAN, ...
    SETTING = 3  # a command that changes state but prints nothing by itself
    CONTENT = 4  # prints something that is not text: image, barcode, 2D code, NV logo
    CUT = 5
    INIT = 6  # ESC @
    REALTIME = 7  # DLE EOT / DLE ENQ / DLE DC4: status queries and real-time requests
    UNKNOWN = 8  # an introducer followed by a byte we do not know; two bytes consumed
    TRUNCATED = 9  # the stream ended (or went idle) inside a command


# A rule gets the header collected so far (introducer first) and returns the total length of the command
# in bytes, or None while it needs more header bytes. Rules never ask for more than MAX_HEADER bytes.
LengthRule = Callable[[bytes], "int | None"]
MAX_HEADER = 10
NUL_TERMINATED = -1  # what a rule returns for data that runs to a NUL byte


class Parts(enum.IntEnum):
    """Commands made of a header and then a counted series of parts, each with its own size."""

    NONE = 0
    CHARACTERS = 1  # ESC & y c1 c2 then, per character, x and y*x bytes
    IMAGES = 2  # FS q n then, per image, xL xH yL yH and x*y*8 bytes


@dataclass(frozen=True, slots=True)
class Spec:
    name: str
    role: Role
    length: int | LengthRule  # fixed total length, or a rule
    # Commands whose data runs to a NUL byte (GS k m<65, ESC D) instead of a declared count; the value is
    # the longest such tail the printer accepts before we give up and resynchronise.
    nul_terminated_max: int = 0
    parts: Parts = Parts.NONE
    terminator: int = 0x00  # the byte that ends such data: NUL in ESC/POS, RS for Star's barcodes
    # Commands whose name and role the bytes after the function decide (GS ( k prints a code, GS ( E only
    # configures; Star's ESC GS y P prints a QR code, ESC GS y S sets it up): read once the length is known.
    refine: Callable[[bytes], tuple[str, Role]] | None = None


def u16(lo: int, hi: int) -> int:
    return lo | (hi << 8)


def _paren(header: bytes) -> int | None:
    # ESC ( x / GS ( x / FS ( x pL pH d1..dp: five bytes of header then p bytes.
    if len(header) < 5:
        return None
    return 5 + u16(header[3], header[4])


def _gs8(header: bytes) -> int | None:
    # GS 8 L p1 p2 p3 p4 ...: a 32-bit length for large graphics.
    if len(header) < 7:
        return None
    return 7 + int.from_bytes(header[3:7], "little")


def _gs_v(header: bytes) -> int | None:
    # GS v 0 m xL xH yL yH d1..dk, k = x bytes per row * y rows.
    if len(header) < 8:
        return None
    return 8 + u16(header[4], header[5]) * u16(header[6], header[7])


def _gs_star(header: bytes) -> int | None:
    # GS * x y d1..d(x*y*8): download a bit image.
    if len(header) < 4:
        return None
    return 4 + header[2] * header[3] * 8


def _esc_star(header: bytes) -> int | None:
    # ESC * m nL nH d1..dk: k = n for 8-dot modes (m 0, 1), 3n for 24-dot modes (m 32, 33).
    if len(header) < 5:
        return None
    n = u16(header[3], header[4])
    return 5 + (3 * n if header[2] in (32, 33) else n)


def _gs_cut(header: bytes) -> int | None:
    # GS V m: forms A (m 0, 1, 48, 49) have no argument; B, C and D (65, 66, 97, 98, 103, 104) have one.
    if len(header) < 3:
        return None
    return 4 if header[2] in (65, 66, 97, 98, 103, 104) else 3


def _gs_barcode(header: bytes) -> int | None:
    # GS k m: m 0..64 data ends at NUL (resolved by the tokenizer), m 65.. data length n follows.
    # m = 81 ('Q') is Bematech's QR dialect: four parameters, then a 16-bit length.
    if len(header) < 3:
        return None
    m = header[2]
    if m < 65:
        return NUL_TERMINATED
    if m == 81:
        if len(header) < 9:
            return None
        return 9 + u16(header[7], header[8])
    if len(header) < 4:
        return None
    return 4 + header[3]


def _gs_counter(header: bytes) -> int | None:
    # GS C 0 n m / GS C 1 aL aH bL bH n r / GS C 2 nL nH: serial number counter commands.
    if len(header) < 3:
        return None
    return {0x30: 5, 0: 5, 0x31: 9, 1: 9, 0x32: 5, 2: 5}.get(header[2], 3)


def _gs_g(header: bytes) -> int | None:
    # GS g 0 m nL nH / GS g 2 m nL nH: maintenance counters.
    return 6


def _esc_c(header: bytes) -> int | None:
    # ESC c 0..5 n: paper sensors, panel buttons; one argument after the sub-function.
    return 4


def _esc_daruma_qr(header: bytes) -> int | None:
    # ESC 0x81 nL nH d1..dn: Daruma's QR command.
    if len(header) < 4:
        return None
    return 4 + u16(header[2], header[3])


# FS ( A fn 48 m: the Kanji font, as (dots wide, bytes of an FS 2 glyph): A 24x24, B 20x24, C 16x16. It
# changes how wide a double-byte character prints and how long FS 2 is; ESC @ brings back font A.
KANJI_FONTS: dict[int, tuple[int, int]] = {0: (24, 72), 1: (20, 60), 2: (16, 32)}
KANJI_FONT_A = KANJI_FONTS[0]


def kanji_font(header: bytes) -> tuple[int, int] | None:
    """The Kanji font an ``FS ( A`` command selects (its whole 7 bytes), or None if it selects none."""
    if len(header) == 7 and header[5] == 48:
        return KANJI_FONTS.get(header[6] - 48 if header[6] >= 48 else header[6])
    return None


def _fs_paren(header: bytes) -> int | None:
    # FS ( A pL pH fn m is read whole, for the Kanji font it selects (the tokenizer keeps it for FS 2).
    length = _paren(header)
    if length == 7 and header[2] == 0x41 and len(header) < 7:
        return None
    return length


def _fs_nv_define(header: bytes) -> int | None:
    # FS 2 c1 c2 d1..dk: user-defined Kanji character of Kanji font A; the tokenizer sizes it by the font
    # FS ( A selected.
    return 4 + KANJI_FONT_A[1]


def _dle_eot(header: bytes) -> int | None:
    # DLE EOT n (n 1..4), DLE EOT 7 a / DLE EOT 8 a carry one more byte.
    if len(header) < 3:
        return None
    return 4 if header[2] in (7, 8) else 3


def _dle_dc4(header: bytes) -> int | None:
    # DLE DC4 fn ...: fn 1 (pulse) and 2 (power off) take two more bytes, 7 takes one, 8 takes seven.
    if len(header) < 3:
        return None
    return {7: 4, 8: 10}.get(header[2], 5)


S, C, X, I_ = Role.SETTING, Role.CONTENT, Role.CUT, Role.INIT

ESC_COMMANDS: dict[int, Spec] = {
    0x0C: Spec("ESC FF", C, 2),
    0x0E: Spec("ESC SO", S, 2),  # vendor dialects (Bematech, Daruma, Star line mode): width/condensed
    0x0F: Spec("ESC SI", S, 2),
    0x34: Spec("ESC 4", S, 2),  # italic on/off in Bematech and Star dialects
    0x35: Spec("ESC 5", S, 2),
    0x20: Spec("ESC SP", S, 3),
    0x21: Spec("ESC !", S, 3),
    0x24: Spec("ESC $", S, 4),
    0x25: Spec("ESC %", S, 3),
    0x26: Spec("ESC &", S, 5, parts=Parts.CHARACTERS),
    0x28: Spec("ESC (", S, _paren, refine=lambda h: _paren_refined("ESC (", h)),
    0x2A: Spec("ESC *", C, _esc_star),
    0x2D: Spec("ESC -", S, 3),
    0x32: Spec("ESC 2", S, 2),
    0x33: Spec("ESC 3", S, 3),
    0x3C: Spec("ESC <", S, 2),
    0x3D: Spec("ESC =", S, 3),
    0x3F: Spec("ESC ?", S, 3),
    0x40: Spec("ESC @", I_, 2),
    0x42: Spec("ESC B", S, 4),  # buzzer on Bematech/Elgin: ESC B n t
    0x44: Spec("ESC D", S, lambda h: NUL_TERMINATED, nul_terminated_max=33),  # tab stops, NUL-ended
    0x45: Spec("ESC E", S, 3),
    0x46: Spec("ESC F", S, 2),  # Bematech/Star: emphasis off
    0x47: Spec("ESC G", S, 3),
    0x4A: Spec("ESC J", S, 3),
    0x4B: Spec("ESC K", S, 3),
    0x4C: Spec("ESC L", S, 2),
    0x4D: Spec("ESC M", S, 3),
    0x52: Spec("ESC R", S, 3),
    0x53: Spec("ESC S", S, 2),
    0x54: Spec("ESC T", S, 3),
    0x55: Spec("ESC U", S, 3),
    0x56: Spec("ESC V", S, 3),
    0x57: Spec("ESC W", S, 10),
    0x5C: Spec("ESC \\", S, 4),
    0x61: Spec("ESC a", S, 3),
    0x63: Spec("ESC c", S, _esc_c),
    0x64: Spec("ESC d", S, 3),
    0x65: Spec("ESC e", S, 3),
    0x69: Spec("ESC i", X, 2),
    0x6A: Spec("ESC j", S, 3),
    0x6D: Spec("ESC m", X, 2),
    0x70: Spec("ESC p", S, 5),
    0x72: Spec("ESC r", S, 3),
    0x74: Spec("ESC t", S, 3),
    0x75: Spec("ESC u", S, 3),
    0x76: Spec("ESC v", S, 2),
    0x77: Spec("ESC w", S, 3),  # Daruma: double width
    0x7B: Spec("ESC {", S, 3),
    0x81: Spec("ESC 0x81", C, _esc_daruma_qr),
}

GS_COMMANDS: dict[int, Spec] = {
    0x21: Spec("GS !", S, 3),
    0x24: Spec("GS $", S, 4),
    0x28: Spec("GS (", S, _paren, refine=lambda h: _paren_refined("GS (", h)),  # GS ( k, GS ( L: CONTENT
    0x2A: Spec("GS *", S, _gs_star),
    0x2F: Spec("GS /", C, 3),
    0x38: Spec("GS 8", C, _gs8),
    0x3A: Spec("GS :", S, 2),
    0x42: Spec("GS B", S, 3),
    0x43: Spec("GS C", S, _gs_counter),
    0x45: Spec("GS E", S, 3),
    0x48: Spec("GS H", S, 3),
    0x49: Spec("GS I", S, 3),
    0x4C: Spec("GS L", S, 4),
    0x50: Spec("GS P", S, 4),
    0x54: Spec("GS T", S, 3),
    0x56: Spec("GS V", X, _gs_cut),
    0x57: Spec("GS W", S, 4),
    0x5C: Spec("GS \\", S, 4),
    0x5E: Spec("GS ^", S, 5),
    0x61: Spec("GS a", S, 3),
    0x62: Spec("GS b", S, 3),
    0x63: Spec("GS c", S, 2),
    0x66: Spec("GS f", S, 3),
    0x67: Spec("GS g", S, _gs_g),
    0x68: Spec("GS h", S, 3),
    0x6A: Spec("GS j", S, 3),
    0x6B: Spec("GS k", C, _gs_barcode, nul_terminated_max=255),
    0x6F: Spec("GS o", S, 6),  # Elgin/Vox QR set-up: GS o a b c d
    0x72: Spec("GS r", S, 3),
    0x76: Spec("GS v", C, _gs_v),
    0x77: Spec("GS w", S, 3),
    0x7A: Spec("GS z", S, 5),
    0xF9: Spec("GS 0xF9", S, 4),  # Bematech: GS 0xF9 0x35 n selects the command set
}

FS_COMMANDS: dict[int, Spec] = {
    0x21: Spec("FS !", S, 3),
    0x26: Spec("FS &", S, 2),
    0x28: Spec("FS (", S, _fs_paren, refine=lambda h: _paren_refined("FS (", h)),
    0x2D: Spec("FS -", S, 3),
    0x2E: Spec("FS .", S, 2),
    0x32: Spec("FS 2", S, _fs_nv_define),
    0x3F: Spec("FS ?", S, 4),
    0x43: Spec("FS C", S, 3),
    0x53: Spec("FS S", S, 4),
    0x57: Spec("FS W", S, 3),
    0x70: Spec("FS p", C, 4),
    0x71: Spec("FS q", S, 3, parts=Parts.IMAGES),
}

DLE_COMMANDS: dict[int, Spec] = {
    0x04: Spec("DLE EOT", Role.REALTIME, _dle_eot),
    0x05: Spec("DLE ENQ", Role.REALTIME, 3),
    0x14: Spec("DLE DC4", Role.REALTIME, _dle_dc4),
}

# Seiko (SII) ends a job with DC2 q n ("finish printing"); read as a lone control, its q and n printed as a
# stray "q" at the top of the next receipt. Elsewhere DC2 is a control of its own.
DC2_COMMANDS: dict[int, Spec] = {
    0x71: Spec("DC2 q", S, 3),
}

TABLES: dict[int, dict[int, Spec]] = {
    ESC: ESC_COMMANDS,
    GS: GS_COMMANDS,
    FS: FS_COMMANDS,
    DLE: DLE_COMMANDS,
    DC2: DC2_COMMANDS,
}
INTRODUCER_NAMES = {ESC: "ESC", GS: "GS", FS: "FS", DLE: "DLE", DC2: "DC2"}
# Introducers that are also controls on their own: followed by a byte their table does not know, they are
# one control byte and that byte is fresh input (a lone DLE; a DC2 that is not Seiko's DC2 q).
LONE_CONTROLS = frozenset((DLE, DC2))

# GS ( x functions that put something on paper (2D codes, graphics); the rest configure.
PAREN_CONTENT = {(GS, 0x6B), (GS, 0x4C), (FS, 0x4C)}


def paren_role(introducer: int, function: int) -> Role:
    return Role.CONTENT if (introducer, function) in PAREN_CONTENT else Role.SETTING


def _paren_refined(name: str, header: bytes) -> tuple[str, Role]:
    fn = header[2]
    return f"{name} {chr(fn) if 0x20 <= fn < 0x7F else hex(fn)}", paren_role(header[0], fn)


@dataclass(frozen=True, slots=True)
class CommandSet:
    """A printer language as the tokenizer reads it: its introducer bytes and, per introducer, the commands.

    ``raster_line`` is a command that only exists inside a raster mode (Star's graphic mode sends each dot
    row as ``b nL nH data``); the tokens named in ``raster_enter`` / ``raster_exit`` switch that mode.
    """

    name: str
    tables: dict[int, dict[int, Spec]]
    introducer_names: dict[int, str]
    raster_line: Spec | None = None
    raster_enter: frozenset[str] = frozenset()
    raster_exit: frozenset[str] = frozenset()


ESCPOS = CommandSet("escpos", TABLES, INTRODUCER_NAMES)
