"""Star's command sets — Star Line mode and StarPRNT — as the framer needs them: lengths and roles.

Star printers (TSP100/TSP650/TSP700, mC-Print, mPOP, SM-L) share ESC/POS's introducer but not its
meanings: ``ESC d n`` is the cut (ESC/POS: print and feed), ``ESC i n1 n2`` is character expansion (ESC/POS:
a cut), and a lone GS or FS is no introducer at all (FS kicks the drawer). StarPRNT is Line mode plus the
``ESC GS`` / ``ESC RS`` families, so one table serves both; Star graphic mode (TSP100's raster-only
driver) adds ``ESC * r`` and the raster rows ``b nL nH data`` between ``ESC * r A`` and ``ESC * r B``.
Sources: Star's "Line Mode Command Specifications" and "StarPRNT Command Specifications", and what the
encoders receiptline and receipt-printer-encoder emit for Star.
"""

from __future__ import annotations

from firmware_bridge.escpos_commands import (
    ESC,
    NUL_TERMINATED,
    CommandSet,
    LengthRule,
    Role,
    Spec,
    u16,
)

RS = 0x1E
S, C, X, I_, RT = Role.SETTING, Role.CONTENT, Role.CUT, Role.INIT, Role.REALTIME


def _esc_gs(header: bytes) -> int | None:
    # ESC GS x ...: the third byte says which command; each has its own layout.
    if len(header) < 3:
        return None
    fn = header[2]
    if fn in b"at":  # alignment, code page: ESC GS a n / ESC GS t n
        return 4
    if fn in b"AR":  # absolute / relative position: ESC GS A n1 n2
        return 5
    if fn == 0x50:  # print mode (page / line units): ESC GS P n
        return 4
    if fn == 0x03:  # print start control: ESC GS ETX s n1 n2
        return 5
    if fn == 0x53:  # raster image: ESC GS S m xL xH yL yH n d1..dk, k = x * y
        return None if len(header) < 9 else 9 + u16(header[4], header[5]) * u16(header[6], header[7])
    if fn in b"yx":  # QR (y) and PDF417 (x): S set-up, D data, P print
        if len(header) < 4:
            return None
        sub = header[3]
        if sub == 0x53:  # ESC GS y S m n; PDF417's size set-up ESC GS x S 0 n p1 p2
            if fn == 0x78 and len(header) >= 5 and header[4] == 0x30:
                return 8
            return 6
        if sub == 0x44:
            if fn == 0x79:  # ESC GS y D 1 m nL nH d1..dk
                return None if len(header) < 8 else 8 + u16(header[6], header[7])
            return None if len(header) < 6 else 6 + u16(header[4], header[5])  # ESC GS x D nL nH d
        return 4  # ESC GS y P (print), ESC GS y I (information)
    return 3


def _esc_gs_refined(header: bytes) -> tuple[str, Role]:
    fn = header[2]
    name = _function_name("ESC GS", fn)
    if fn in b"yx":
        sub = header[3] if len(header) > 3 else 0
        return _function_name(name, sub), C if sub == 0x50 else S
    return name, C if fn == 0x53 else S


def _esc_rs(header: bytes) -> int | None:
    # ESC RS x n: ASB (a), font (F), code-page/character settings (R), emphasis (E), and the like.
    return None if len(header) < 3 else 4


def _esc_fs(header: bytes) -> int | None:
    # ESC FS p n m prints an NV logo; the other ESC FS functions are not ours to know: three bytes.
    return None if len(header) < 3 else 5 if header[2] == 0x70 else 3


def _function_name(prefix: str, fn: int) -> str:
    return f"{prefix} {chr(fn) if 0x20 <= fn < 0x7F else hex(fn)}"


def _esc_star_r(header: bytes) -> int | None:
    # Graphic mode: ESC * r A (enter), B (quit), R (initialise), C (clear) are four bytes; the settings
    # (ESC * r P n NUL page length, E n NUL end-of-transmission, Y n NUL feed, ...) run to a NUL.
    if len(header) < 4:
        return None
    if header[2] != 0x72:
        return 3
    return 4 if header[3] in b"ABRC" else NUL_TERMINATED


def _esc_star_r_refined(header: bytes) -> tuple[str, Role]:
    fn = header[3] if len(header) > 3 and header[2] == 0x72 else None
    return ("ESC * r " + chr(fn) if fn is not None and 0x20 <= fn < 0x7F else "ESC *"), S


def _counted(header_length: int, per_unit: int) -> LengthRule:
    def rule(header: bytes) -> int | None:
        if len(header) < header_length:
            return None
        return header_length + u16(header[2], header[3]) * per_unit

    return rule


STAR_ESC: dict[int, Spec] = {
    0x40: Spec("ESC @", I_, 2),
    0x64: Spec("ESC d", X, 3),  # the cut: n 0 full, 1 partial, 2/3 after feeding to the cutter
    0x0C: Spec("ESC FF", X, 3),  # graphic mode's cut: ESC FF NUL
    0x69: Spec("ESC i", S, 4),  # character expansion: height, width
    0x45: Spec("ESC E", S, 2),
    0x46: Spec("ESC F", S, 2),
    0x2D: Spec("ESC -", S, 3),
    0x5F: Spec("ESC _", S, 3),
    0x34: Spec("ESC 4", S, 2),
    0x35: Spec("ESC 5", S, 2),
    0x57: Spec("ESC W", S, 3),
    0x68: Spec("ESC h", S, 3),
    0x0E: Spec("ESC SO", S, 2),
    0x14: Spec("ESC DC4", S, 2),
    0x20: Spec("ESC SP", S, 3),
    0x73: Spec("ESC s", S, 4),
    0x7A: Spec("ESC z", S, 3),
    0x30: Spec("ESC 0", S, 2),
    0x79: Spec("ESC y", S, 3),
    0x6C: Spec("ESC l", S, 3),
    0x51: Spec("ESC Q", S, 3),
    0x24: Spec("ESC $", S, 3),  # Shift JIS Kanji mode on/off
    0x52: Spec("ESC R", S, 3),
    0x2F: Spec("ESC /", S, 3),
    0x36: Spec("ESC 6", S, 2),
    0x37: Spec("ESC 7", S, 2),
    0x70: Spec("ESC p", S, 2),  # JIS Kanji mode on
    0x71: Spec("ESC q", S, 2),  # and off
    0x4D: Spec("ESC M", S, 2),
    0x50: Spec("ESC P", S, 2),
    0x3A: Spec("ESC :", S, 2),
    0x61: Spec("ESC a", S, 3),  # feed n lines
    0x4A: Spec("ESC J", S, 3),
    0x49: Spec("ESC I", S, 3),
    0x6A: Spec("ESC j", S, 3),
    0x43: Spec("ESC C", S, 3),
    0x4E: Spec("ESC N", S, 3),
    0x4F: Spec("ESC O", S, 2),
    0x44: Spec("ESC D", S, lambda h: NUL_TERMINATED, nul_terminated_max=33),  # tab stops, NUL-ended
    0x42: Spec("ESC B", S, lambda h: NUL_TERMINATED, nul_terminated_max=33),  # vertical tab stops
    0x07: Spec("ESC BEL", S, 4),  # drawer pulse widths; the drawer fires on a later BEL or SUB
    0x62: Spec("ESC b", C, lambda h: NUL_TERMINATED, nul_terminated_max=260, terminator=RS),  # barcode
    0x58: Spec("ESC X", C, _counted(4, 3)),  # 24-dot bit image: ESC X nL nH, 3 bytes per column
    0x4C: Spec("ESC L", C, _counted(4, 1)),  # 8-dot high-density bit image
    0x4B: Spec("ESC K", C, lambda h: None if len(h) < 4 else 4 + h[2]),  # ESC K n NUL d1..dn
    0x6B: Spec("ESC k", C, _counted(4, 24)),  # Line mode raster: ESC k nL nH, 24 rows of n bytes
    0x1D: Spec("ESC GS", S, _esc_gs, refine=_esc_gs_refined),
    0x1E: Spec(
        "ESC RS",
        S,
        _esc_rs,
        refine=lambda h: (f"ESC RS {chr(h[2]) if 0x20 <= h[2] < 0x7F else hex(h[2])}", S),
    ),
    0x1C: Spec(
        "ESC FS", C, lambda h: None if len(h) < 3 else 5 if h[2] == 0x70 else 3
    ),  # ESC FS p n m: NV logo
    0x06: Spec("ESC ACK", RT, 3),  # ESC ACK SOH: automatic status back to the till
    0x2A: Spec("ESC *", S, _esc_star_r, refine=_esc_star_r_refined),
}

STAR = CommandSet(
    "star",
    {ESC: STAR_ESC},
    {ESC: "ESC"},
    raster_line=Spec("raster b", C, lambda h: None if len(h) < 3 else 3 + u16(h[1], h[2])),
    raster_enter=frozenset({"ESC * r A"}),
    raster_exit=frozenset({"ESC * r B", "ESC @"}),
)
