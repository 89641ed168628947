"""Which printer language a byte stream speaks, learnt from the stream itself, and its tokens in it.

ESC/POS and Star share the introducer ESC but not its meanings (ESC d n is Star's cut and ESC/POS's feed;
ESC i is ESC/POS's cut and Star's character expansion). ESC/POS has no command introduced by ESC GS,
ESC RS or ESC ACK; Star Line mode and StarPRNT have many (ESC GS a alignment, ESC GS t code page, ESC RS a
automatic status, ESC ACK SOH the status request), and Star drivers send them from a job's start. So a
stream is read as ESC/POS until its first such command and as Star from that command on, for good: a
printer keeps its language. The framer, the bridge's injection scanner and the printer simulator each read
the stream through one of these, so they agree on every cut.
"""

from __future__ import annotations

from firmware_bridge.escpos_commands import ESCPOS, CommandSet, Role
from firmware_bridge.star_commands import STAR
from firmware_bridge.tokenizer import Token, Tokenizer

# The ESC/POS tokenizer's names for the two-byte unknowns ESC GS, ESC RS and ESC ACK.
STAR_ONLY = frozenset({"ESC 0x1D", "ESC 0x1E", "ESC 0x06"})

LANGUAGES: dict[str, CommandSet] = {ESCPOS.name: ESCPOS, STAR.name: STAR}
# A printer's command set as box.toml's `[printer] command_set` and the printer profiles name it -> the
# language its stream is read in from the first byte. None: ESC/POS until the stream shows Star commands
# (so a Star stream under an ESC/POS setting is still seen, and reported). Star Line mode and StarPRNT
# share one table, StarPRNT being Line mode plus the ESC GS / ESC RS families.
COMMAND_SETS: dict[str, CommandSet | None] = {"escpos": None, "star-line": STAR, "starprnt": STAR}


def language_of(command_set: str) -> str:
    """The language a command set's stream is read in: "escpos" or "star"."""
    return (COMMAND_SETS[command_set] or ESCPOS).name


_STAR_SECOND = (0x1D, 0x1E, 0x06)


def may_show_star(data: bytes | bytearray) -> bool:
    """Whether ``data`` may hold a Star-only command: the byte search (in C) spares the print path a walk
    over the tokens of nearly every ESC/POS read. Its ESC may have ended the last read."""
    return bool(data) and (
        data[0] in _STAR_SECOND or b"\x1b\x1d" in data or b"\x1b\x1e" in data or b"\x1b\x06" in data
    )


class StreamReader:
    """A tokenizer that switches from ESC/POS to Star where the stream shows it is Star.

    ``commands`` given: the stream is read in that language from its first byte and never switches."""

    def __init__(self, start_offset: int = 0, commands: CommandSet | None = None) -> None:
        self._detecting = commands is None
        self._tok = Tokenizer(start_offset, commands or ESCPOS)
        self.switched_at: int | None = None  # the offset of the command that showed the stream is Star

    @property
    def commands(self) -> CommandSet:
        return self._tok.commands

    @property
    def offset(self) -> int:
        return self._tok.offset

    @property
    def pending_start(self) -> int | None:
        return self._tok.pending_start

    def pending_may_be_cut(self) -> bool:
        return self._tok.pending_may_be_cut()

    def feed(self, data: bytes | bytearray) -> list[Token]:
        """The tokens ``data`` completes. Where it shows the stream is Star, the tokens before that command
        stay as ESC/POS read them and the rest are read again as Star, from that command's first byte."""
        start = self._tok.offset
        tokens = self._tok.feed(data)
        if not self._detecting or not may_show_star(data):
            return tokens
        for i, tok in enumerate(tokens):
            if tok.role == Role.UNKNOWN and tok.name in STAR_ONLY:
                self._detecting = False
                self.switched_at = tok.start
                self._tok = Tokenizer(tok.start, STAR)
                # Its ESC may have ended the last chunk (then only the tokens are read again).
                redo = data[tok.start - start :] if tok.start >= start else b"\x1b" + data
                return tokens[:i] + self._tok.feed(redo)
        return tokens

    def flush(self) -> list[Token]:
        return self._tok.flush()

    def gap(self, lost_bytes: int) -> None:
        """Bytes passed that this reader never saw: resynchronise on what comes next, same language."""
        self._tok = Tokenizer(self._tok.offset + lost_bytes, self._tok.commands)
