"""Raster images cut out of a capture: what the box stops keeping first when its disk runs low.

A receipt's logo or an all-raster receipt can be most of its bytes; the text and the commands around the
images are what a re-parse needs. The tokenizer knows each image command's length, so the cut is exact
even when image data contains bytes that look like commands.
"""

from __future__ import annotations

from firmware_bridge.escpos_commands import Role
from firmware_bridge.tokenizer import Tokenizer

RASTER_COMMANDS = frozenset({"GS v", "GS ( L", "GS 8", "ESC *", "GS *", "FS q"})


def without_images(raw: bytes) -> tuple[bytes, int]:
    """The capture without its raster image commands, and how many bytes that removed."""
    tokenizer = Tokenizer()
    tokens = tokenizer.feed(raw) + tokenizer.flush()
    kept: list[bytes] = []
    last = 0
    for t in tokens:
        if t.role is Role.CONTENT and t.name in RASTER_COMMANDS:
            kept.append(raw[last : t.start])
            last = t.end
    if last == 0:
        return raw, 0
    kept.append(raw[last:])
    out = b"".join(kept)
    return out, len(raw) - len(out)
