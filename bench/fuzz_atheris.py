"""Coverage-guided fuzzing (atheris, libFuzzer) of everything that reads printer bytes, beyond the
hypothesis tests in the suite: the stream reader and framer as the bridge runs them (ESC/POS, Star, and the
switch between them, in any chunking), the decoder with its print-position tracker under an ESC/POS and a
Star profile, the text renderer and the parser.

    .venv/bin/pip install atheris
    .venv/bin/python -m bench.fuzz_atheris -max_total_time=300 -rss_limit_mb=512 -timeout=5 [corpus dir]

Any exception is a crash report; -rss_limit_mb bounds memory and -timeout the time of one input (an input
is at most -max_len bytes, 4096 by default, so a slow one means time that is not linear). Not part of the
test command: it runs as long as you let it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from edge.escpos.decoder import decode
    from edge.escpos.printer_profile import GENERIC, STAR_58MM
    from edge.parsing.pipeline import parse_bytes
    from edge.render.text import render_text
    from firmware_bridge.framer import Boundary, JobFramer
    from firmware_bridge.stream_language import StreamReader

PROFILES = (GENERIC, STAR_58MM)


def one_input(raw: bytes) -> None:
    if not raw:
        return
    control, data = raw[0], raw[1:]
    chunk = 1 + (control >> 1)  # 1..128 bytes a read, as a line delivers them
    reader, framer = StreamReader(), JobFramer(max_job_bytes=1 + (control << 4))
    framed = 0
    for i in range(0, len(data), chunk):
        piece = data[i : i + chunk]
        reader.feed(piece)
        framed += sum(len(p.data) for p in framer.feed(piece))
    reader.flush()
    framed += sum(len(p.data) for p in framer.end(Boundary.EOF))
    if framed != len(data):
        raise AssertionError(f"the framer passed {framed} of {len(data)} bytes")
    profile = PROFILES[control & 1]
    render_text(decode(data, profile))
    parse_bytes(data, profile).to_json()


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
