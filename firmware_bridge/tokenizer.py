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
    DLE,
    ESC,
    ESCPOS,
    GS,
    MAX_HEADER,
    NUL_TERMINATED,
    CommandSet,
    Parts,
    Role,
    Spec,
)

_CONTROL = re.compile(rb"[\x00-\x1f]")
_RASTER_ROW = 0x62  # "b": a raster row, inside a raster mode only


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

    def __init__(self, start_offset: int = 0, commands: CommandSet = ESCPOS) -> None:
        self.commands = commands
        self._introducers = frozenset(commands.tables)
        self._fixed = _fixed_commands(commands)
        self._mode_names = commands.raster_enter | commands.raster_exit
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
                b = data[pos]
                if self._raster and b == _RASTER_ROW and self.commands.raster_line is not None:
                    self._pending = _Pending(base + pos, self.commands.raster_line.name, Role.CONTENT)
                    self._header = bytearray((b,))
                    self._spec = self.commands.raster_line
                    self._state = _HEADER
                    pos += 1
                elif b >= 0x20:
                    m = _CONTROL.search(data, pos)
                    end = m.start() if m else n
                    out.append(Token(Role.TEXT, "text", base + pos, base + end))
                    pos = end
                elif b in self._introducers:
                    # Fast path: a fixed-length command wholly inside this chunk (most settings are).
                    fixed = self._fixed.get(b << 8 | data[pos + 1]) if pos + 1 < n else None
                    if fixed is not None and pos + fixed[0] <= n:
                        out.append(Token(fixed[2], fixed[1], base + pos, base + pos + fixed[0]))
                        pos += fixed[0]
                        if self._mode_names and fixed[1] in self._mode_names:  # Star's raster mode
                            self._switch_mode(fixed[1])
                        continue
                    self._pending = _Pending(base + pos, self.commands.introducer_names[b], Role.UNKNOWN)
                    self._header = bytearray((b,))
                    self._spec = None
                    self._state = _HEADER
                    pos += 1
                else:
                    out.append(
                        Token(Role.CONTROL, _CONTROL_NAMES.get(b, f"0x{b:02X}"), base + pos, base + pos + 1)
                    )
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
        self._raster = name in self.commands.raster_enter

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
                if h[0] == DLE:
                    # A lone DLE is not a command; it is one control byte and the next byte is fresh input.
                    out.append(Token(Role.CONTROL, "DLE", p.start, p.start + 1))
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
        # Re-read one byte taken as an argument that turned out not to be one (after a lone DLE).
        pos_abs = end - 1
        if b >= 0x20:
            out.append(Token(Role.TEXT, "text", pos_abs, end))
        elif b in self._introducers:
            self._pending = _Pending(pos_abs, self.commands.introducer_names[b], Role.UNKNOWN)
            self._header = bytearray((b,))
            self._state = _HEADER
        else:
            out.append(Token(Role.CONTROL, _CONTROL_NAMES.get(b, f"0x{b:02X}"), pos_abs, end))


_FIXED_BY_SET: dict[str, dict[int, tuple[int, str, Role]]] = {}


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
    0x18: "CAN",
    0x11: "XON",
    0x13: "XOFF",
}
