"""ESC/POS bytes -> Document. The printer's state (code page, modes, styles) is followed command by
command, using the framer's tokenizer so the two never disagree on where a command ends.

Never raises on input: unknown commands become ``Opaque`` blocks, undecodable text is kept with U+FFFD
and a warning, and an image is only as large as the bytes actually present (a header claiming 65535 x
65535 dots allocates nothing it cannot fill).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field, replace

from edge.escpos.charsets import STAR_CODE_PAGES, decode_text
from edge.escpos.document import (
    CELL_DOTS,
    Align,
    Barcode,
    Block,
    Code2D,
    Cut,
    Document,
    Feed,
    Image,
    NvImage,
    Opaque,
    Run,
    Style,
    TextLine,
    char_columns,
    text_columns,
)
from edge.escpos.page_mode import DEFAULT_LINE_SPACING, PageMode
from edge.escpos.printer_profile import GENERIC, PrinterProfile
from firmware_bridge.escpos_commands import ESCPOS, KANJI_FONT_A, CommandSet, Role, kanji_font
from firmware_bridge.star_commands import STAR
from firmware_bridge.stream_language import STAR_ONLY, may_show_star
from firmware_bridge.tokenizer import SETTINGS, Token, Tokenizer

MAX_IMAGE_DOTS_WIDE = 4096  # wider than any receipt paper: a header claiming more is not an image
_ALIGN: dict[int, Align] = {0: "left", 48: "left", 1: "center", 49: "center", 2: "right", 50: "right"}
_BARCODES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
_BARCODES_B = {
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
    74: "GS1-128",
    75: "GS1-DATABAR",
}
_2D_KINDS = {
    48: "pdf417",
    49: "qr",
    50: "maxicode",
    51: "gs1-databar",
    52: "composite",
    53: "aztec",
    54: "datamatrix",
}


@dataclass(slots=True)
class _State:
    profile: PrinterProfile
    code_page: str = "cp437"
    international: int = 0
    kanji: bool = False
    kanji_jis: bool = False  # FS C 0: JIS code system rather than Shift JIS
    # FS C 1 / FS C 2: Shift JIS (or Shift JIS-2004) code system, in which a Japanese printer takes the
    # double-byte codes by their lead bytes without FS & (receiptline's Japanese receipts rely on it).
    sjis: str | None = None
    style: Style = field(default_factory=Style)
    align: Align = "left"
    margin: int = 0
    print_width: int | None = None
    hri: bool = False
    right_spacing: int = 0  # ESC SP: dots after each character (times the width multiplier)
    kanji_spacing: int = 0  # FS S n1 n2: dots left and right of each double-byte character
    kanji_dots: int = KANJI_FONT_A[0]  # FS ( A: a double-byte character's width in its Kanji font
    # FS ! / FS W: (width, height) of double-byte characters, set apart from the single-byte ones; None:
    # the style's. GS ! sizes both kinds, and for double-byte characters the last of these received counts.
    kanji_size: tuple[int, int] | None = None
    motion_x: int = 0  # GS P x: horizontal motion units per inch for ESC $ / ESC \ (0: the printer's dot)
    tab_stops: tuple[int, ...] = ()  # ESC D, in columns; none set: every 8
    qr_size: int = 3
    stored_2d: dict[int, bytes] = field(default_factory=dict)
    stored_graphic: Image | None = None

    @classmethod
    def fresh(cls, profile: PrinterProfile) -> _State:
        return cls(profile, code_page=profile.code_page, kanji=profile.multibyte_default_on)


class Decoder:
    def __init__(self, profile: PrinterProfile = GENERIC) -> None:
        self.profile = profile
        self.final_state: _State | None = None  # the printer's state after the last decode

    def decode(self, data: bytes) -> Document:
        doc = Document()
        blocks = doc.blocks
        st = _State.fresh(self.profile)
        line: list[Run] = []
        # ESC a, GS L and GS W take effect at the start of a line only: a line keeps what held when its
        # first character arrived.
        layout: tuple[Align, int, int | None] = (st.align, st.margin, st.print_width)
        pos = _Position()  # where the next character prints on this line
        page: PageMode | None = None  # ESC L ... FF
        tokens, commands = tokenize(data, doc, STAR if self.profile.command_language == "star" else None)
        star = commands is STAR
        command = self._star_command if star else self._command
        positions = _POSITIONS[commands.name]
        run_effects = _run_effects(self.profile, commands)
        writes = _RUN_SETTINGS[commands.name]

        # Unpacked (a named tuple's fields are slower), and roles compared by identity.
        for role, name, start, end in tokens:
            if role is _SETTING and name is SETTINGS:
                # Receipt encoders set the style around every piece of text (receiptline: some 130 style
                # commands in a receipt, counted), the tokenizer gives a run of them as one token, and a
                # run met before is one lookup from the style it meets.
                raw = data[start:end]
                s = st.style
                hit = run_effects.get((id(s), raw))
                if hit is not None and hit[0] is s:
                    st.style = hit[1]
                    for field_name, value in hit[2]:
                        setattr(st, field_name, value)
                    for n, relative in hit[3]:  # moves after the fields: none of those it reads follow one
                        if n or line or page is not None or (pos.x_at and not relative):
                            line, layout = self._move(n, relative, line, layout, pos, st, page, star)
                        # else: to where it is (receiptline starts every line so), which moves nothing
                    continue
                warned = len(doc.warnings)
                parts = _split_run(raw, commands)
                moves: list[tuple[int, bool]] = []
                replayable = True
                for part_name, part in parts:
                    move = _position_argument(part, positions.get(part_name))
                    if move is not None:
                        moves.append(move)
                        line, layout = self._move(*move, line, layout, pos, st, page, star)
                    elif part_name not in positions:
                        if moves and _MOVES_READ.intersection(writes[part_name]):
                            replayable = False  # a field a move reads, set after a move: kept in order
                        command(part_name, part, st, doc)
                # A warning (a code page not known) is given every time, so its run is not remembered.
                if replayable and len(doc.warnings) == warned:
                    if len(run_effects) >= 4096:
                        run_effects.clear()
                    written = {f: getattr(st, f) for part_name, _ in parts for f in writes.get(part_name, ())}
                    # The entry keeps its key's style alive, so the id cannot name another style.
                    run_effects[(id(s), raw)] = (s, st.style, tuple(written.items()), tuple(moves))
                continue
            if role is _SETTING and name in positions:
                move = _position_argument(data[start:end], positions[name])
                if move is not None:
                    line, layout = self._move(*move, line, layout, pos, st, page, star)
                continue
            if role is _TEXT:
                if not line:
                    layout = (st.align, st.margin, st.print_width)
                raw = data[start:end]
                if b"\x00" in raw:  # the tokenizer's text runs on through NULs, which print nothing
                    raw = raw.replace(b"\x00", b"")
                if (
                    raw.isascii()
                    and not (st.kanji or st.sjis or st.international)
                    and _ascii_page(st.code_page)
                ):
                    text = raw.decode("ascii")  # most text of every receipt
                else:
                    text = self._text(raw, st, doc)
                    if st.kanji_size is not None and (st.kanji or st.sjis) and not text.isascii():
                        _append_sized(line, text, st, pos.counted)
                        continue
                style = st.style
                if len(line) > pos.counted and line[-1].style is style:  # same style object: the run goes on
                    line[-1] = Run(line[-1].text + text, style)
                else:
                    line.append(Run(text, style))
                continue
            if role is _CONTROL:
                if page is None and name in _LINE_ENDS:
                    blocks.append(
                        TextLine(line, *layout) if line else TextLine([], st.align, st.margin, st.print_width)
                    )
                    line = []  # pos.begin(), inline: every line ends so
                    pos.x_at = pos.origin = pos.counted = pos.columns_at = 0
                elif page is not None and name in _PAGE_CONTROLS:
                    line = self._page_control(name, line, page, pos, blocks)
                    if name == "FF":
                        page = None
                elif name == "HT":
                    col = pos.now(line, st) // CELL_DOTS
                    stop = (
                        next((s for s in st.tab_stops if s > col), None)
                        if st.tab_stops
                        else col + 8 - col % 8
                    )
                    if stop is not None and pos.move(line, st, stop * CELL_DOTS):
                        layout = (st.align, st.margin, st.print_width)
                continue
            if page is None and name == "ESC L" and not star:
                if line:  # page mode: what is pending prints first, in standard mode
                    blocks.append(TextLine(line, *layout))
                line, page = pos.begin(), PageMode()
                continue
            if page is not None and name in _PAGE_COMMANDS:
                raw = data[start:end]
                line = self._page_command(name, raw, line, page, pos, st, blocks)
                if name == "ESC S":
                    doc.warnings.append("ESC S left page mode without printing the page: it is dropped")
                    page = None
                continue
            if role is Role.REALTIME:
                continue  # status queries: nothing on paper
            if role is Role.INIT:
                # ESC @ empties the print buffer: a line not yet printed never is
                line, page = pos.begin(), None
                st = _State.fresh(self.profile)
                continue
            raw = data[start:end]
            block: Block | None
            if role is Role.CUT:
                block = Cut(partial=self._partial(raw))
            elif role is Role.TRUNCATED and name in _DATA_COMMANDS:
                # An image cut short is still an image, as far as its bytes go.
                doc.warnings.append(f"{name} at byte {start} is cut short ({len(raw)} bytes present)")
                block = command(name, raw, st, doc)
            elif role in (Role.UNKNOWN, Role.TRUNCATED):
                if role is Role.TRUNCATED:
                    doc.warnings.append(f"{name} at byte {start} is cut short ({len(raw)} bytes present)")
                block = Opaque(name, raw)
            else:
                block = command(name, raw, st, doc)
                if isinstance(block, Feed) and not (block.lines or block.dots):
                    block = None
                    if line:  # a zero feed still prints the line
                        blocks.append(TextLine(line, *layout))
                        line = pos.begin()
            if block is not None:
                if line:  # whatever prints next prints the pending line first
                    blocks.append(TextLine(line, *layout))
                    line = pos.begin()
                blocks.append(block)
        if page is not None:
            page.keep(line, pos.origin)
            line = []
            if page.fragments:
                doc.warnings.append("page mode not printed (no FF): the page is shown as composed")
                blocks.extend(page.lines())
        if line:
            blocks.append(TextLine(line, *layout))
        self.final_state = st
        return doc

    @staticmethod
    def _move(
        n: int,
        relative: bool,
        line: list[Run],
        layout: tuple[Align, int, int | None],
        pos: _Position,
        st: _State,
        page: PageMode | None,
        star: bool,
    ) -> tuple[list[Run], tuple[Align, int, int | None]]:
        """A print position command (ESC $ / ESC \\, Star's ESC GS A / ESC GS R): the line that goes on
        and its layout."""
        if st.motion_x and not star:  # GS P: units of 1/x inch on a 203-dpi head
            n = n * 203 // st.motion_x
        if page is not None and not line:  # a fragment of the page starts there
            return pos.begin(max(n + pos.x_at if relative else n, 0)), layout
        if pos.move(line, st, n, relative):
            return line, (st.align, st.margin, st.print_width)
        return line, layout

    # -- page mode -----------------------------------------------------------------------------------

    @staticmethod
    def _page_control(
        name: str, line: list[Run], page: PageMode, pos: _Position, blocks: list[Block]
    ) -> list[Run]:
        """LF, CR, FF and CAN in page mode; returns the line that goes on."""
        if name == "CAN":  # the page's data is cancelled
            page.fragments = []
            return pos.begin()
        page.keep(line, pos.origin)
        if name in ("LF", "CR"):
            page.y += page.line_spacing
        else:  # FF: print the page and leave page mode
            blocks.extend(page.lines())
        return pos.begin()

    @staticmethod
    def _page_command(
        name: str,
        raw: bytes,
        line: list[Run],
        page: PageMode,
        pos: _Position,
        st: _State,
        blocks: list[Block],
    ) -> list[Run]:
        """ESC W, GS $, ESC FF, ESC 2/ESC 3, ESC T, ESC S in page mode; returns the line that goes on."""
        if name == "GS $" and len(raw) >= 4:
            # A new height; the horizontal position stays where the text left it.
            x = pos.now(line, st)
            page.keep(line, pos.origin)
            page.y = raw[2] | raw[3] << 8
            return pos.begin(x)
        if name == "ESC W":
            page.keep(line, pos.origin)
            page.area(raw)
            return pos.begin()
        if name == "ESC FF":  # print the page, stay in page mode
            page.keep(line, pos.origin)
            blocks.extend(page.lines())
            return pos.begin()
        if name == "ESC 3" and len(raw) >= 3:
            page.line_spacing = raw[2]
        elif name == "ESC 2":
            page.line_spacing = DEFAULT_LINE_SPACING
        elif name == "ESC S":
            page.fragments = []
            return pos.begin()
        return line  # ESC T: the direction; text is read in the order of its lines either way

    # -- text ----------------------------------------------------------------------------------------

    def _text(self, raw: bytes, st: _State, doc: Document) -> str:
        mb = st.profile.multibyte
        if st.kanji and mb is None:
            # FS & on a printer whose profile names no double-byte set: Chinese printers are by far the
            # most common kind that honours FS &, and GB18030 covers GBK and GB2312.
            mb = "gb18030"
        if st.sjis is not None:
            encoding = st.sjis
        elif st.kanji and mb:
            if st.kanji_jis and mb == "shift_jis":
                # JIS code system: two 7-bit bytes per character; EUC-JP is the same with the high bits set.
                raw, encoding = bytes(b | 0x80 for b in raw), "euc_jp"
            else:
                encoding = mb
        else:
            encoding = st.code_page
        text, bad = decode_text(raw, encoding, st.international)
        if bad:
            doc.warnings.append(f"undecodable bytes in text {raw[:16]!r} ({encoding})")
        return text

    # -- commands -----------------------------------------------------------------------------------------

    @staticmethod
    def _partial(raw: bytes) -> bool:
        if raw[:2] in (b"\x1bi", b"\x1bm"):
            return True
        return len(raw) > 2 and raw[2] in (1, 49, 66, 98, 104)

    def _command(self, name: str, raw: bytes, st: _State, doc: Document) -> Block | None:
        n = raw[2] if len(raw) > 2 else 0
        s = st.style
        if name == "ESC !":
            st.style = _restyle(
                s,
                font="B" if n & 1 else "A",
                bold=bool(n & 8),
                height=2 if n & 16 else 1,
                width=2 if n & 32 else 1,
                underline=1 if n & 128 else 0,
            )
        elif name == "GS !":
            st.style = _restyle(s, width=(n >> 4) % 8 + 1, height=(n & 0x0F) % 8 + 1)
            st.kanji_size = None
        elif name == "FS !":
            st.kanji_size = (2 if n & 4 else 1, 2 if n & 8 else 1)
        elif name == "FS W":
            st.kanji_size = (2, 2) if n & 1 else (1, 1)
        elif name in ("ESC E", "ESC G"):
            st.style = _restyle(s, bold=bool(n & 1))
        elif name == "ESC -":
            st.style = _restyle(s, underline={0: 0, 48: 0, 1: 1, 49: 1, 2: 2, 50: 2}.get(n, 0))
        elif name == "GS B":
            st.style = _restyle(s, inverse=bool(n & 1))
        elif name == "ESC M":
            st.style = _restyle(s, font="B" if n in (1, 49) else "A")
        elif name == "ESC a":
            st.align = _ALIGN.get(n, "left")
        elif name == "ESC SP":
            st.right_spacing = n
        elif name == "FS ( A" and (font := kanji_font(raw)) is not None:
            st.kanji_dots = font[0]
        elif name == "FS S" and len(raw) >= 4:
            st.kanji_spacing = raw[2] + raw[3]
        elif name == "GS P" and len(raw) >= 4:
            st.motion_x = raw[2]
        elif name == "ESC D":
            stops = raw[2:].rstrip(b"\x00")
            # Ascending, as the printer takes them; a stop not after the one before ends the list.
            kept: list[int] = []
            for stop in stops:
                if kept and stop <= kept[-1]:
                    break
                kept.append(stop)
            st.tab_stops = tuple(kept)
        elif name == "GS L" and len(raw) >= 4:
            st.margin = raw[2] | raw[3] << 8
        elif name == "GS W" and len(raw) >= 4:
            st.print_width = (raw[2] | raw[3] << 8) or None
        elif name == "ESC t":
            _select_code_page(st, doc, st.profile.code_pages, name, n)
        elif name == "ESC R":
            st.international = n
        elif name == "FS &":
            st.kanji = True
        elif name == "FS .":
            st.kanji = False
        elif name == "FS C":
            st.kanji_jis = n in (0, 48)
            st.sjis = {1: "cp932", 49: "cp932", 2: "shift_jis_2004", 50: "shift_jis_2004"}.get(n)
        elif name == "ESC d":
            return Feed(lines=n)
        elif name == "ESC J":
            return Feed(dots=n)
        elif name == "GS H":
            st.hri = n in (1, 2, 3, 49, 50, 51)
        elif name == "GS k":
            return self._barcode(raw, st)
        elif name == "GS ( k":
            return self._code2d(raw, st)
        elif name == "GS v":
            return self._raster(raw, st, doc)
        elif name == "ESC *":
            return self._columns(raw, st, doc)
        elif name in ("GS ( L", "GS 8"):
            return self._graphics(raw, st, doc)
        elif name == "FS p":
            return NvImage(f"fs-p:{n}", st.align)
        elif name == "ESC 0x81":  # Daruma QR: size and error level, then the data
            return Code2D("qr", raw[6:].decode("utf-8", "replace"), st.align)
        elif name in ("ESC FF", "GS /", "FS q", "GS *", "FS 2", "ESC &", "GS ( A", "GS ( E"):
            return Opaque(name, raw)
        return None

    def _star_command(self, name: str, raw: bytes, st: _State, doc: Document) -> Block | None:
        """Star Line mode / StarPRNT: the same introducer as ESC/POS, other meanings (ESC E takes no
        argument, ESC a feeds lines, ESC i sets the character size)."""
        n = raw[2] if len(raw) > 2 else 0
        s = st.style
        if name in ("ESC E", "ESC F"):
            st.style = _restyle(s, bold=name == "ESC E")
        elif name in ("ESC 4", "ESC 5"):
            st.style = _restyle(s, inverse=name == "ESC 4")
        elif name == "ESC -":
            st.style = _restyle(s, underline=1 if n in (1, 49) else 0)
        elif name == "ESC i" and len(raw) >= 4:
            st.style = _restyle(s, height=min(raw[2], 5) + 1, width=min(raw[3], 5) + 1)
        elif name == "ESC W":
            st.style = _restyle(s, width=min(n % 48, 5) + 1)
        elif name == "ESC h":
            st.style = _restyle(s, height=min(n % 48, 5) + 1)
        elif name == "ESC RS F":
            st.style = _restyle(s, font="B" if len(raw) > 3 and raw[3] in (1, 49) else "A")
        elif name == "ESC GS a" and len(raw) >= 4:
            st.align = _ALIGN.get(raw[3], "left")
        elif name == "ESC GS t" and len(raw) >= 4:
            _select_code_page(st, doc, STAR_CODE_PAGES, name, raw[3])
        elif name == "ESC R":
            # Star takes the set's number or its hex digit: receiptline sends ESC R "8" (Japan), "D" (Korea).
            st.international = n - 48 if 48 <= n <= 57 else n - 55 if 65 <= n <= 70 else n
        elif name == "ESC $":  # Shift JIS Kanji mode
            st.sjis = "cp932" if n in (1, 49) else None
            # Only Star's Japanese models have a Kanji mode, and out of it they print JIS X 0201 with
            # its line characters: receiptline's rules after ESC $ 0 are 0x95 (─) and 0x96 (│).
            st.code_page = "katakana"
        elif name == "ESC a":
            return Feed(lines=n)
        elif name == "ESC J":
            return Feed(dots=n)
        elif name == "ESC GS y S" and len(raw) >= 6 and raw[4] == 0x32:
            st.qr_size = raw[5]
        elif name == "ESC GS y D" and len(raw) >= 8:
            st.stored_2d[0x79] = raw[8:]
        elif name == "ESC GS y P":
            data = st.stored_2d.get(0x79)
            return Code2D("qr", data.decode("utf-8", "replace"), st.align, st.qr_size) if data else None
        elif name == "ESC GS x D" and len(raw) >= 6:
            st.stored_2d[0x78] = raw[6:]
        elif name == "ESC GS x P":
            data = st.stored_2d.get(0x78)
            return Code2D("pdf417", data.decode("latin-1"), st.align) if data else None
        elif name == "ESC b" and len(raw) >= 6:
            kind = raw[2] - 48 if raw[2] >= 48 else raw[2]  # Star takes the digit's byte or its value
            symbology = _STAR_BARCODES.get(kind, f"star{raw[2]}")
            hri = raw[3] in (2, 4, 50, 52)  # n2: the human-readable line under the bars, or none
            return Barcode(symbology, raw[6:].rstrip(b"\x1e").decode("latin-1"), hri, st.align)
        elif name == "ESC GS S" and len(raw) >= 9:  # raster: m xL xH yL yH n, then x bytes per row
            return self._image(raw[4] | raw[5] << 8, raw[6] | raw[7] << 8, raw[9:], st, doc, name)
        elif name in ("ESC GS S", "ESC X", "ESC K", "ESC L", "ESC k", "raster b", "ESC FS"):
            return Opaque(name, raw)
        return None

    def _barcode(self, raw: bytes, st: _State) -> Block:
        m = raw[2]
        if m < 65:
            data = raw[3:].rstrip(b"\x00")
            if m == 11 and b"," in data[:4]:  # Elgin/Vox QR: "MA,<data>"
                return Code2D("qr", data.split(b",", 1)[1].decode("utf-8", "replace"), st.align)
            return Barcode(_BARCODES_A.get(m, f"m{m}"), data.decode("latin-1"), st.hri, st.align)
        if m == 81:  # Bematech QR: four parameters, a 16-bit length, the data
            return Code2D("qr", raw[9:].decode("utf-8", "replace"), st.align)
        data = raw[4:]
        symbology = _BARCODES_B.get(m, f"m{m}")
        if symbology == "CODE128" and data[:1] == b"{":
            return Barcode(symbology, _code128_text(data), st.hri, st.align)
        return Barcode(symbology, data.decode("latin-1"), st.hri, st.align)

    def _code2d(self, raw: bytes, st: _State) -> Block | None:
        if len(raw) < 8:
            return None
        cn, fn = raw[5], raw[6]
        if cn == 49 and fn == 67:  # QR module size
            st.qr_size = raw[7]
        elif fn == 80:  # store the symbol's data
            st.stored_2d[cn] = raw[8:]
        elif fn == 81:  # print the stored symbol
            data = st.stored_2d.get(cn, b"")
            return Code2D(_2D_KINDS.get(cn, f"cn{cn}"), data.decode("utf-8", "replace"), st.align, st.qr_size)
        return None

    @staticmethod
    def _image(
        width_bytes: int, declared_rows: int, data: bytes, st: _State, doc: Document, source: str
    ) -> Block:
        width = width_bytes * 8
        if width == 0 or width > MAX_IMAGE_DOTS_WIDE:
            doc.warnings.append(f"{source}: {width} dots wide is not an image; kept as opaque")
            return Opaque(source, b"")
        rows = min(declared_rows, len(data) // width_bytes)
        if rows < declared_rows:
            doc.warnings.append(f"{source}: declared {declared_rows} rows, {rows} present")
        return Image(width, rows, bytes(data[: rows * width_bytes]), st.align, source)

    def _raster(self, raw: bytes, st: _State, doc: Document) -> Block:
        if len(raw) < 8:
            return Opaque("GS v", raw)
        xb = raw[4] | raw[5] << 8
        rows = raw[6] | raw[7] << 8
        return self._image(xb, rows, raw[8:], st, doc, "GS v 0")

    def _columns(self, raw: bytes, st: _State, doc: Document) -> Block:
        # ESC * m nL nH: n columns, each 1 byte (8-dot modes) or 3 bytes (24-dot), top bit first.
        if len(raw) < 5:
            return Opaque("ESC *", raw)
        m, n = raw[2], raw[3] | raw[4] << 8
        per_col = 3 if m in (32, 33) else 1
        data = raw[5:]
        n = min(n, len(data) // per_col)
        if n == 0 or n > MAX_IMAGE_DOTS_WIDE:
            return Opaque("ESC *", b"")
        height = per_col * 8
        width_bytes = (n + 7) // 8
        out = bytearray(width_bytes * height)
        for x in range(n):
            col = data[x * per_col : (x + 1) * per_col]
            for byte_i, b in enumerate(col):
                if not b:
                    continue
                for bit in range(8):
                    if b & (0x80 >> bit):
                        y = byte_i * 8 + bit
                        out[y * width_bytes + x // 8] |= 0x80 >> (x % 8)
        return Image(width_bytes * 8, height, bytes(out), st.align, "ESC *")

    def _graphics(self, raw: bytes, st: _State, doc: Document) -> Block | None:
        # GS ( L pL pH m fn ... / GS 8 L p1 p2 p3 p4 m fn ...
        head = 5 if raw[1:3] == b"(L" else 7
        if len(raw) < head + 2:
            return None
        fn = raw[head + 1]
        body = raw[head + 2 :]
        if fn in (0x70, 112) and len(body) >= 8:  # store raster graphics: a bx by c xL xH yL yH d...
            x = body[4] | body[5] << 8
            y = body[6] | body[7] << 8
            image = self._image((x + 7) // 8, y, body[8:], st, doc, "GS ( L")
            st.stored_graphic = image if isinstance(image, Image) else None
            return None
        if fn in (0x32, 50, 2):  # print what was stored
            g = st.stored_graphic
            return replace(g, align=st.align) if g is not None else None
        if fn in (0x45, 69) and len(body) >= 2:  # print NV graphic kc1 kc2
            return NvImage(body[:2].decode("latin-1"), st.align)
        return None


_SETTING, _TEXT, _CONTROL = Role.SETTING, Role.TEXT, Role.CONTROL
# Per language, the settings that change the character style (from the style they meet) or set fields of
# the printer's state to values their bytes decide, and nothing else: never the line, the page or the
# document. Each maps to the state fields it writes besides the style; the tokenizer gives the decoder runs
# of them as one token, and a run's effect is remembered (below). The decoder's commands must agree with
# these tables: tests/edge/escpos/test_decoder_runs.py holds them to it.
_STYLE = ()
_RUN_SETTINGS: dict[str, dict[str, tuple[str, ...]]] = {
    ESCPOS.name: {
        **dict.fromkeys(("ESC !", "ESC E", "ESC G", "ESC -", "GS B", "ESC M", "FS -", "ESC {"), _STYLE),
        **dict.fromkeys(("GS !", "FS !", "FS W"), ("kanji_size",)),
        "GS b": _STYLE,
        "ESC a": ("align",),
        "ESC SP": ("right_spacing",),
        "FS S": ("kanji_spacing",),
        "GS P": ("motion_x",),
        "GS L": ("margin",),
        "GS W": ("print_width",),
        "ESC t": ("code_page",),
        "ESC R": ("international",),
        "FS &": ("kanji",),
        "FS .": ("kanji",),
        "FS C": ("kanji_jis", "sjis"),
    },
    STAR.name: {
        **dict.fromkeys(("ESC E", "ESC F", "ESC 4", "ESC 5", "ESC -", "ESC i", "ESC W", "ESC h"), _STYLE),
        # ESC l / ESC Q (margins) and ESC z / ESC 0 (line spacing) change nothing the decoder keeps.
        **dict.fromkeys(("ESC l", "ESC Q", "ESC z", "ESC 0"), _STYLE),
        "ESC GS a": ("align",),
        "ESC GS t": ("code_page",),
        "ESC R": ("international",),
        "ESC $": ("sjis", "code_page"),  # Kanji mode (in ESC/POS, ESC $ is a print position)
    },
}
# Print position commands: name -> (offset of the 16-bit argument, relative).
_ESCPOS_POSITIONS = {"ESC $": (2, False), "ESC \\": (2, True)}
_STAR_POSITIONS = {"ESC GS A": (3, False), "ESC GS R": (3, True)}
_POSITIONS = {ESCPOS.name: _ESCPOS_POSITIONS, STAR.name: _STAR_POSITIONS}
# Runs hold the position commands too (receiptline sends ESC $ 0 0 ESC \\ n amid the style of every
# column); a run's moves are replayed after its fields, which is the same as in order unless one of the
# fields a move reads is set after a move (then that run is read command by command every time).
_MOVES_READ = frozenset(
    ("align", "margin", "print_width", "motion_x", "right_spacing", "kanji_spacing", "kanji_dots")
)
_COALESCED = {
    language: frozenset(table) | frozenset(_POSITIONS[language]) for language, table in _RUN_SETTINGS.items()
}
_RUN_PARTS: dict[tuple[str, bytes], tuple[tuple[str, bytes], ...]] = {}
# A run's effect: (the style it met, the style it leaves, the fields it writes with their values, its print
# position moves as (count, relative)), by
# (id of the style met, the run's bytes; a Style's own hash is Python code, too slow for every run), per
# printer profile (ESC t's pages are the profile's) and language.
_RunEffects = dict[
    tuple[int, bytes], tuple[Style, Style, tuple[tuple[str, object], ...], tuple[tuple[int, bool], ...]]
]
_RUN_EFFECTS: dict[tuple[PrinterProfile, str], _RunEffects] = {}


def _position_argument(raw: bytes, spec: tuple[int, bool] | None) -> tuple[int, bool] | None:
    """A print position command's (count, relative), or None for another command or one cut short."""
    if spec is None:
        return None
    at, relative = spec
    if len(raw) < at + 2:
        return None
    n = raw[at] | raw[at + 1] << 8
    if relative and n & 0x8000:  # a signed 16-bit count
        n -= 0x10000
    return n, relative


def _run_effects(profile: PrinterProfile, commands: CommandSet) -> _RunEffects:
    key = (profile, commands.name)
    effects = _RUN_EFFECTS.get(key)
    if effects is None:
        if len(_RUN_EFFECTS) >= 64:
            _RUN_EFFECTS.clear()
        effects = _RUN_EFFECTS[key] = {}
    return effects


@functools.cache
def _ascii_page(page: str) -> bool:
    """Whether text of bytes 0x20-0x7F alone reads as ASCII in ``page``, so that it needs no decoder of
    its own (not so in JIS X 0201, which has the yen sign at 0x5C)."""
    printable = bytes(range(0x20, 0x80))
    return decode_text(printable, page)[0] == printable.decode("ascii")


_LINE_ENDS = frozenset(("LF", "FF"))
# What page mode changes, besides ESC $ (which moves along the line as in standard mode).
_PAGE_COMMANDS = frozenset(("ESC W", "GS $", "ESC FF", "ESC 3", "ESC 2", "ESC T", "ESC S"))
_PAGE_CONTROLS = frozenset(("LF", "CR", "FF", "CAN"))
_PLAIN = Style()  # the spaces a print position command leaves: one column each
_FONT_DOTS = {"A": 12, "B": 9}
_DATA_COMMANDS = {"GS 8": 17, "GS ( L": 15, "GS v": 8, "ESC *": 5, "GS ( k": 8}  # name -> header bytes
_MAX_RESYNC_CANDIDATES = 256

_STAR_BARCODES = {
    0: "UPC-E",
    1: "UPC-A",
    2: "EAN8",
    3: "EAN13",
    4: "CODE39",
    5: "ITF",
    6: "CODE128",
    7: "CODE93",
    8: "NW7",
}


def tokenize(
    data: bytes, doc: Document, commands: CommandSet | None = None
) -> tuple[list[Token], CommandSet]:
    """The job's tokens in its printer's language: `commands`, or, when None, ESC/POS unless the job holds
    a command only Star has (then the whole job is read again as Star)."""
    if commands is None:
        as_escpos = Document()
        tokens = _tokenize(data, as_escpos, ESCPOS)
        # The byte search (in C) spares nearly every ESC/POS job the walk over its tokens.
        if may_show_star(data) and any(t.role == Role.UNKNOWN and t.name in STAR_ONLY for t in tokens):
            return _tokenize(data, doc, STAR), STAR
        doc.warnings.extend(as_escpos.warnings)
        return tokens, ESCPOS
    return _tokenize(data, doc, commands), commands


def _tokenize(data: bytes, doc: Document, commands: CommandSet) -> list[Token]:
    """The tokenizer's view of a whole job, with one repair: a data command whose declared length runs
    past the end of the job (the US retail capture declares 19,347 image bytes where 19,167 remain) would
    swallow the barcode and cut after it. Its data is capped where the rest of the job reads as clean
    commands ending in a cut or printed content; the bytes are all still there, only read differently."""
    coalesce = _COALESCED.get(commands.name, frozenset())
    # Text runs on through NULs, which print nothing (receiptline sends one after each Thai character).
    tok = Tokenizer(0, commands, coalesce, text_through_nul=True)
    tokens = tok.feed(data) + tok.flush()
    if not tokens or tokens[-1].role != Role.TRUNCATED or tokens[-1].name not in _DATA_COMMANDS:
        return tokens
    last = tokens[-1]
    begin = last.start + _DATA_COMMANDS[last.name]
    tried = 0
    for i in range(begin, len(data)):
        if data[i] not in (0x1B, 0x1D, 0x1C):
            continue
        tried += 1
        if tried > _MAX_RESYNC_CANDIDATES:
            break
        t = Tokenizer(i, commands, coalesce, text_through_nul=True)
        tail = t.feed(data[i:]) + t.flush()
        if _clean_tail(tail):
            doc.warnings.append(
                f"{last.name} at byte {last.start} declares more data than the job holds; "
                f"read as {i - last.start} bytes, the rest as commands"
            )
            return [*tokens[:-1], Token(Role.CONTENT, last.name, last.start, i), *tail]
    return tokens


def _split_run(raw: bytes, commands: CommandSet) -> tuple[tuple[str, bytes], ...]:
    """A run of settings as its commands (name, bytes), by the same tokenizer; remembered by its bytes."""
    key = (commands.name, raw)
    parts = _RUN_PARTS.get(key)
    if parts is None:
        if len(_RUN_PARTS) >= 4096:
            _RUN_PARTS.clear()
        parts = _RUN_PARTS[key] = tuple(
            (t.name, raw[t.start : t.end]) for t in Tokenizer(0, commands).feed(raw)
        )
    return parts


def _clean_tail(tail: list[Token]) -> bool:
    if len(tail) < 3 or tail[-1].role not in (Role.CUT, Role.CONTENT, Role.CONTROL, Role.TEXT):
        return False
    if any(t.role in (Role.UNKNOWN, Role.TRUNCATED) for t in tail):
        return False
    return any(t.role == Role.CUT for t in tail)


def decode(data: bytes, profile: PrinterProfile = GENERIC) -> Document:
    return Decoder(profile).decode(data)


# A style change is looked up, not built again: one transition gives one Style object, so text after a
# restyle that changed nothing goes on in the same run (the decoder's runs compare styles by identity).
_RESTYLED: dict[tuple[Style, tuple[tuple[str, object], ...]], Style] = {}


def _append_sized(line: list[Run], text: str, st: _State, counted: int) -> None:
    """Text in a double-byte mode under FS ! / FS W: its double-byte (full-width) characters in their own
    size, the others in the style's, each piece a run (merged with the run before, as any text is, when it
    is of the same style and not yet counted by a print position)."""
    assert st.kanji_size is not None
    width, height = st.kanji_size
    sized = _restyle(st.style, width=width, height=height)
    for wide, piece in itertools.groupby(text, key=lambda ch: char_columns(ch) == 2):
        style = sized if wide else st.style
        chunk = "".join(piece)
        if len(line) > counted and line[-1].style is style:
            line[-1] = Run(line[-1].text + chunk, style)
        else:
            line.append(Run(chunk, style))


def _restyle(s: Style, **changes: object) -> Style:
    key = (s, tuple(changes.items()))
    new = _RESTYLED.get(key)
    if new is None:
        if len(_RESTYLED) >= 4096:
            _RESTYLED.clear()
        new = _RESTYLED[key] = replace(s, **changes)  # type: ignore[arg-type]
    return new


def _code128_text(data: bytes) -> str:
    """GS k CODE128 data as the symbol reads: "{A" / "{B" / "{C" select a code set (in C each byte is a pair
    of digits, 0-99), "{{" is a brace, the other "{x" are function codes."""
    out: list[str] = []
    code_c = False
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x7B and i + 1 < len(data):
            sel = data[i + 1]
            if sel == 0x7B:
                out.append("{")
            else:
                code_c = sel == 0x43 or (code_c and sel not in (0x41, 0x42))
            i += 2
            continue
        out.append(f"{b:02d}" if code_c and b < 100 else chr(b))
        i += 1
    return "".join(out)


def _select_code_page(st: _State, doc: Document, pages: dict[int, str], command: str, n: int) -> None:
    page = pages.get(n)
    if page is None:
        doc.unknown_code_pages.append(f"{command} {n}")
        doc.warnings.append(f"{command} {n}: code page not known, keeping {st.code_page}")
    else:
        st.code_page = page


@dataclass(slots=True)
class _Position:
    """Where the next character prints on the current line, in dots from the print area's left edge:
    `x_at` as of the last move plus the runs of the line from `counted` on. Worked out only when a
    position command asks (adding it up on every piece of text cost a fifth of the decoder's time); a
    helper object rather than a closure, whose cell variables slow every line of the decoder's loop."""

    x_at: int = 0
    counted: int = 0
    origin: int = 0  # dots: where the line's first run starts (page mode's fragments; else 0)
    columns_at: int = 0  # text columns written before run `counted` (the origin's included)

    def begin(self, origin: int = 0) -> list[Run]:
        """A new line: at ``origin`` (the left edge), nothing written."""
        self.x_at = self.origin = origin
        self.counted = 0
        self.columns_at = round(origin / CELL_DOTS)
        return []

    def now(self, line: list[Run], st: _State) -> int:
        return self._ahead(line, st)[0]

    def _ahead(self, line: list[Run], st: _State) -> tuple[int, int]:
        """(dots, text columns) from the left edge to where the next character prints. The runs before
        `counted` never change (only the last run grows), so they are counted once, in `x_at`/`columns_at`."""
        x, written = self.x_at, self.columns_at
        for r in line[self.counted :]:
            # A run's dots: its narrow characters in its font, its full-width ones in the Kanji font (ESC M
            # does not change that one), ESC SP's spacing after each narrow one and FS S's around each wide
            # one, times the width multiplier.
            text, style = r.text, r.style
            columns = len(text) if text.isascii() else text_columns(text)
            wide = columns - len(text)
            narrow = len(text) - wide
            dots = narrow * (_FONT_DOTS.get(style.font, 12) + st.right_spacing)
            x += (dots + wide * (st.kanji_dots + st.kanji_spacing)) * style.width
            written += columns * style.width
        return x, written

    def move(self, line: list[Run], st: _State, target: int, relative: bool = False) -> bool:
        """Print position commands (ESC $, ESC \\, HT) lay out columns that the paper shows as gaps: they
        become spaces, so that the next character stands in the text's column where it stands on paper
        (in font A cells). Moving back, or by less than half a column, still leaves one space between
        what was printed apart. A ``relative`` target counts from where the next character prints. True
        when the spaces began the line (its layout is then the state's)."""
        x, written = self._ahead(line, st)
        if relative:
            target += x
        pad = round(target / CELL_DOTS) - written if target > x else 0
        if pad <= 0 and line and not line[-1].text.endswith(" "):
            pad = 1
        began = False
        if pad > 0:
            began = not line
            line.append(Run(" " * pad, _PLAIN))
            written += pad
        self.x_at, self.counted, self.columns_at = max(target, 0), len(line), written
        return began
