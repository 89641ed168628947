"""Incremental ESC/POS tokenizer: bytes in any chunking, tokens with absolute offsets out.

It never holds data: a command's header (at most ``MAX_HEADER`` bytes) is kept until its length is known,
then the rest is counted off as it streams past. So a 4 GB image costs a counter, and the bytes of a cut
inside an image or a barcode are data, not a cut. Unknown commands consume their introducer and one byte,
then scanning resumes; the stream never stops being tokenized.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from firmware_bridge.escpos_commands import (
    ESC,
    ESCPOS,
    GS,
    KANJI_FONT_A,
    LONE_CONTROLS,
    MAX_HEADER,
    NUL_TERMINATED,
    CommandSet,
    Parts,
    Role,
    Spec,
    kanji_font,
)

_CONTROL = re.compile(rb"[\x00-\x1f]")
_TEXT_THROUGH_NUL = re.compile(rb"[\x20-\xff]+(?:\x00+[\x20-\xff]+)*")
_RASTER_ROW = 0x62  # "b": a raster row, inside a raster mode only


SETTINGS = "settings"  # the name of a coalesced run of settings (Tokenizer's ``coalesce``)


class Token(NamedTuple):
    role: Role
    name: str
    start: int  # absolute offset of the first byte
    end: int  # absolute offset one past the last byte


# Tokenizer states.
_NORMAL, _HEADER, _SKIP, _SKIP_NUL, _AMP_CHAR, _FSQ_IMAGE = range(6)


@dataclass(slots=True)
class _Pending:
    start: int
    name: str
    role: Role


class Tokenizer:
    """Feed bytes, get the tokens they complete. ``flush()`` closes a command cut short by end of input."""

    def __init__(
        self,
        start_offset: int = 0,
        commands: CommandSet = ESCPOS,
        coalesce: frozenset[str] = frozenset(),
        text_through_nul: bool = False,
    ) -> None:
        """For the decoder, which reads whole jobs: ``coalesce`` names fixed-length settings that, one after
        another, come out as one token named ``SETTINGS`` (receipt encoders send five style commands around
        every piece of text, and a run the decoder has met before is one lookup there); with
        ``text_through_nul`` a text token runs on through NUL bytes between printable ones (receiptline
        puts a NUL after each Thai character). The framer asks for neither."""
        self.commands = commands
        self._introducers = frozenset(commands.tables)
        self._fixed = _fixed_commands(commands)
        self._fixed3 = _fixed_by_three(commands)
        self._run = _settings_run(commands, coalesce) if coalesce else None
        self._coalesce = coalesce
        self._text_through_nul = text_through_nul
        self._raster_names = commands.raster_enter | commands.raster_exit
        # Commands that switch the tokenizer's own state: the raster mode's, and ESC @ while a Kanji font
        # other than A is selected (FS 2's length depends on it).
        self._mode_names = self._raster_names
        self._kanji_glyph = KANJI_FONT_A[1]
        self._raster = False
        self._terminator = b"\x00"
        self._offset = start_offset
        self._state = _NORMAL
        self._header = bytearray()
        self._skip = 0
        self._nul_left = 0
        self._pending: _Pending | None = None
        self._spec: Spec | None = None
        self._after_skip = _NORMAL
        self._parts_left = 0  # ESC & characters / FS q images still to come
        self._amp_y = 0

    @property
    def offset(self) -> int:
        """Bytes consumed so far."""
        return self._offset

    @property
    def pending_start(self) -> int | None:
        """Where the command still being read started, if one is."""
        return self._pending.start if self._pending else None

    def pending_may_be_cut(self) -> bool:
        """True when the unfinished command could still turn out to be a cut (ESC, GS, GS V ...)."""
        p = self._pending
        if p is None:
            return False
        if p.role == Role.CUT:
            return True
        return self._state == _HEADER and len(self._header) == 1 and self._header[0] in (ESC, GS)

    def feed(self, data: bytes | bytearray) -> list[Token]:
        out: list[Token] = []
        pos = 0
        n = len(data)
        base = self._offset
        while pos < n:
            state = self._state
            if state == _NORMAL:
                # Text, controls and whole fixed-length commands; it stops where a header must be read.
                pos = self._scan_simple(data, pos, n, base, out)
                if pos >= n or self._state != _NORMAL:
                    continue
                b = data[pos]
                if self._raster and b == _RASTER_ROW and self.commands.raster_line is not None:
                    self._pending = _Pending(base + pos, self.commands.raster_line.name, Role.CONTENT)
                    self._spec = self.commands.raster_line
                else:  # an introducer whose command the first bytes do not decide, or cut by the chunk
                    self._pending = _Pending(base + pos, self.commands.introducer_names[b], Role.UNKNOWN)
                    self._spec = None
                self._header = bytearray((b,))
                self._state = _HEADER
                pos += 1
            elif state == _HEADER:
                self._header.append(data[pos])
                pos += 1
                self._resolve_header(base + pos, out)
            elif state == _SKIP:
                take = min(self._skip, n - pos)
                self._skip -= take
                pos += take
                if self._skip == 0:
                    self._end_part(base + pos, out)
            elif state == _SKIP_NUL:
                limit = min(n, pos + self._nul_left)
                i = data.find(self._terminator, pos, limit)
                if i >= 0:
                    pos = i + 1
                    self._finish(base + pos, out)
                else:
                    self._nul_left -= limit - pos
                    pos = limit
                    if self._nul_left <= 0:
                        # No terminator where the printer would have given up: the bytes so far are the
                        # command, and what follows is read as fresh input.
                        self._finish(base + pos, out, Role.UNKNOWN)
            elif state == _AMP_CHAR:
                # ESC & ... one character: x (its width in columns), then y*x data bytes.
                x = data[pos]
                pos += 1
                self._skip = self._amp_y * x
                self._parts_left -= 1
                self._after_skip = _AMP_CHAR if self._parts_left > 0 else _NORMAL
                if self._skip == 0:
                    self._end_part(base + pos, out)
                else:
                    self._state = _SKIP
            else:  # _FSQ_IMAGE: xL xH yL yH, then x*y*8 bytes
                self._header.append(data[pos])
                pos += 1
                if len(self._header) == 4:
                    h = self._header
                    self._skip = (h[0] | h[1] << 8) * (h[2] | h[3] << 8) * 8
                    self._header = bytearray()
                    self._parts_left -= 1
                    self._after_skip = _FSQ_IMAGE if self._parts_left > 0 else _NORMAL
                    if self._skip == 0:
                        self._end_part(base + pos, out)
                    else:
                        self._state = _SKIP
        self._offset = base + n
        return out

    def _scan_simple(self, data: bytes | bytearray, pos: int, n: int, base: int, out: list[Token]) -> int:
        """Text, single-byte controls and fixed-length commands wholly inside the chunk, one after another
        (nearly all of a receipt): returns where a command's header must be read (or, in Star's raster
        mode, a raster row begins). Tokens are made with ``tuple.__new__``, which spares the named tuple's
        Python-level constructor for each."""
        new = tuple.__new__
        append = out.append
        fixed_get = self._fixed.get
        fixed3_get = self._fixed3.get
        introducers = self._introducers
        mode_names = self._mode_names
        search = _CONTROL.search
        names = _CONTROL_NAME
        run = self._run.match if self._run is not None else None
        coalesce = self._coalesce
        text_run = _TEXT_THROUGH_NUL.match if self._text_through_nul else None
        raster_rows = self._raster and self.commands.raster_line is not None
        while pos < n:
            b = data[pos]
            if raster_rows and b == _RASTER_ROW:
                return pos
            if b >= 0x20:
                if text_run is not None:
                    end = text_run(data, pos).end()  # type: ignore[union-attr]  # b starts a match
                else:
                    m = search(data, pos)
                    end = m.start() if m else n
                append(new(Token, (_TEXT, "text", base + pos, base + end)))
                pos = end
            elif b in introducers:
                fixed = fixed_get(b << 8 | data[pos + 1]) if pos + 1 < n else None
                if fixed is None and pos + 2 < n:  # Star's ESC GS a n, ESC GS A n1 n2 ...
                    fixed = fixed3_get(b << 16 | data[pos + 1] << 8 | data[pos + 2])
                if fixed is None or pos + fixed[0] > n:
                    return pos
                length, name, role = fixed
                if run is not None and name in coalesce:
                    m = run(data, pos)
                    if m is not None:  # it is, unless the command is not a setting (then not in the pattern)
                        end = m.end()
                        append(new(Token, (_SETTING, SETTINGS, base + pos, base + end)))
                        pos = end
                        continue
                append(new(Token, (role, name, base + pos, base + pos + length)))
                pos += length
                if mode_names and name in mode_names:  # Star's raster mode: its rows are read apart
                    self._switch_mode(name)
                    raster_rows = self._raster and self.commands.raster_line is not None
            else:
                append(new(Token, (_CONTROL_ROLE, names[b], base + pos, base + pos + 1)))
                pos += 1
        return pos

    def flush(self) -> list[Token]:
        """End of input: a command still open is closed as TRUNCATED (its bytes were all forwarded)."""
        if self._pending is None:
            return []
        token = Token(Role.TRUNCATED, self._pending.name, self._pending.start, self._offset)
        self._reset()
        return [token] if token.end > token.start else []

    # -- internals ---------------------------------------------------------------------------------------

    def _reset(self) -> None:
        self._state = _NORMAL
        self._pending = None
        self._spec = None
        self._header = bytearray()
        self._skip = 0

    def _finish(self, end: int, out: list[Token], role: Role | None = None) -> None:
        p = self._pending
        assert p is not None
        out.append(Token(role or p.role, p.name, p.start, end))
        self._reset()
        if p.name in self._mode_names:
            self._switch_mode(p.name)

    def _switch_mode(self, name: str) -> None:
        if name in self._raster_names:
            self._raster = name in self.commands.raster_enter
        if name == "ESC @":
            self._select_kanji_glyph(KANJI_FONT_A[1])

    def _select_kanji_glyph(self, size: int) -> None:
        self._kanji_glyph = size
        default = size == KANJI_FONT_A[1]
        self._mode_names = self._raster_names if default else self._raster_names | {"ESC @"}

    def _end_part(self, end: int, out: list[Token]) -> None:
        nxt = self._after_skip
        if nxt == _NORMAL:
            self._finish(end, out)
        else:
            self._state = nxt
            self._header = bytearray()

    def _resolve_header(self, end: int, out: list[Token]) -> None:
        h = self._header
        p = self._pending
        assert p is not None
        if self._spec is None:
            spec = self.commands.tables[h[0]].get(h[1])
            if spec is None:
                if h[0] in LONE_CONTROLS:
                    # A lone DLE (or DC2) is not a command; it is one control byte and the next byte is
                    # fresh input.
                    out.append(Token(Role.CONTROL, _CONTROL_NAME[h[0]], p.start, p.start + 1))
                    self._reset()
                    self._redo_byte(h[1], end, out)
                    return
                p.name = f"{self.commands.introducer_names[h[0]]} 0x{h[1]:02X}"
                self._finish(end, out, Role.UNKNOWN)
                return
            self._spec = spec
            p.name = spec.name
            p.role = spec.role
        spec = self._spec
        length = spec.length if isinstance(spec.length, int) else spec.length(bytes(h))
        if length is None or (spec.parts != Parts.NONE and len(h) < length):
            if len(h) >= MAX_HEADER:  # cannot happen with the table as written; keeps memory bounded anyway
                self._finish(end, out, Role.UNKNOWN)
            return
        if spec.refine is not None:
            p.name, p.role = spec.refine(bytes(h))
            if p.name == "FS ( A" and (font := kanji_font(bytes(h))) is not None:
                self._select_kanji_glyph(font[1])
        elif p.name == "FS 2":
            length = 4 + self._kanji_glyph
        if length == NUL_TERMINATED:
            self._state = _SKIP_NUL
            self._terminator = bytes((spec.terminator,))
            self._nul_left = spec.nul_terminated_max
            return
        if spec.parts == Parts.CHARACTERS and len(h) == length:
            self._amp_y = h[2]
            self._parts_left = max(0, h[4] - h[3] + 1)
            self._enter_parts(_AMP_CHAR, end, out)
            return
        if spec.parts == Parts.IMAGES and len(h) == length:
            self._parts_left = h[2]
            self._enter_parts(_FSQ_IMAGE, end, out)
            return
        remaining = length - len(h)
        if remaining <= 0:
            self._finish(end, out)
        else:
            self._skip = remaining
            self._after_skip = _NORMAL
            self._state = _SKIP
            self._header = bytearray()  # data is counted, never kept

    def _enter_parts(self, state: int, end: int, out: list[Token]) -> None:
        if self._parts_left <= 0:
            self._finish(end, out)
            return
        self._state = state
        self._header = bytearray()

    def _redo_byte(self, b: int, end: int, out: list[Token]) -> None:
        # Re-read one byte taken as an argument that turned out not to be one (after a lone DLE or DC2).
        pos_abs = end - 1
        if b >= 0x20:
            out.append(Token(Role.TEXT, "text", pos_abs, end))
        elif b in self._introducers:
            self._pending = _Pending(pos_abs, self.commands.introducer_names[b], Role.UNKNOWN)
            self._header = bytearray((b,))
            self._state = _HEADER
        else:
            out.append(Token(Role.CONTROL, _CONTROL_NAME[b], pos_abs, end))


_FIXED_BY_SET: dict[str, dict[int, tuple[int, str, Role]]] = {}
_FIXED3_BY_SET: dict[str, dict[int, tuple[int, str, Role]]] = {}
_RUNS: dict[tuple[str, frozenset[str]], re.Pattern[bytes]] = {}


def _fixed_by_three(commands: CommandSet) -> dict[int, tuple[int, str, Role]]:
    """(introducer << 16 | function << 8 | third byte) -> (length, name, role), for the commands whose
    length rule decides at their third byte (GS V m in ESC/POS, Star's ESC GS and ESC RS families). Found
    by asking each rule with every third byte, as the header state machine asks it, so the two read every
    command alike."""
    fixed = _FIXED3_BY_SET.get(commands.name)
    if fixed is None:
        fixed = _FIXED3_BY_SET[commands.name] = {}
        for intro, table in commands.tables.items():
            for fn, spec in table.items():
                rule = spec.length
                if isinstance(rule, int) or spec.parts != Parts.NONE or spec.nul_terminated_max:
                    continue
                if rule(bytes((intro, fn))) is not None:  # decided at two bytes: not this table's
                    continue
                for third in range(256):
                    header = bytes((intro, fn, third))
                    length = rule(header)
                    if length is None or length < 3:
                        continue
                    name, role = spec.refine(header) if spec.refine is not None else (spec.name, spec.role)
                    fixed[intro << 16 | fn << 8 | third] = (length, name, role)
    return fixed


def _settings_run(commands: CommandSet, names: frozenset[str]) -> re.Pattern[bytes] | None:
    """One or more whole fixed-length settings named in ``names``, one after another (matched in C)."""
    pattern = _RUNS.get((commands.name, names))
    if pattern is None:
        # Commands that share all but the last byte of their prefix and their length are one alternative
        # with a class of last bytes: a handful of alternatives rather than one per command, which the
        # regex engine would try one by one at every command of a run.
        last_bytes: dict[tuple[bytes, int], list[int]] = {}
        for key, (length, name, role) in sorted(_fixed_commands(commands).items()):
            if name in names and role == Role.SETTING:
                last_bytes.setdefault((bytes((key >> 8,)), length), []).append(key & 0xFF)
        for key, (length, name, role) in sorted(_fixed_by_three(commands).items()):
            if name in names and role == Role.SETTING:
                last_bytes.setdefault((bytes((key >> 16, key >> 8 & 0xFF)), length), []).append(key & 0xFF)
        one = [
            re.escape(head)
            + b"["
            + b"".join(re.escape(bytes((b,))) for b in sorted(set(lasts)))
            + b"]"
            + b"." * (length - len(head) - 1)
            for (head, length), lasts in last_bytes.items()
        ]
        if not one:
            return None
        pattern = _RUNS[(commands.name, names)] = re.compile(b"(?:" + b"|".join(one) + b")+", re.DOTALL)
    return pattern


def _fixed_commands(commands: CommandSet) -> dict[int, tuple[int, str, Role]]:
    """(introducer << 8 | function) -> (length, name, role), for the commands whose length the first two
    bytes decide; the header state machine handles the rest, and any command split across chunks."""
    fixed = _FIXED_BY_SET.get(commands.name)
    if fixed is None:
        fixed = _FIXED_BY_SET[commands.name] = {
            intro << 8 | fn: (spec.length, spec.name, spec.role)
            for intro, table in commands.tables.items()
            for fn, spec in table.items()
            if isinstance(spec.length, int)
            and spec.parts == Parts.NONE
            and not spec.nul_terminated_max
            and spec.refine is None
        }
    return fixed


_CONTROL_NAMES = {
    0x00: "NUL",
    0x09: "HT",
    0x0A: "LF",
    0x0C: "FF",
    0x0D: "CR",
    0x10: "DLE",
    0x12: "DC2",
    0x18: "CAN",
    0x11: "XON",
    0x13: "XOFF",
}
_CONTROL_NAME = tuple(_CONTROL_NAMES.get(b, f"0x{b:02X}") for b in range(0x20))
_TEXT = Role.TEXT
_CONTROL_ROLE = Role.CONTROL
_SETTING = Role.SETTING
