"""Coverage-guided fuzzing of the decoder and parser with atheris (libFuzzer), beyond the hypothesis
tests in the suite:

    .venv/bin/pip install atheris
    .venv/bin/python -m bench.fuzz_atheris -max_total_time=300 [corpus dir]

Any exception is a crash report. Not part of the test command: it runs as long as you let it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from edge.escpos.decoder import decode
    from edge.parsing.pipeline import parse_bytes
    from edge.render.text import render_text


def one_input(data: bytes) -> None:
    render_text(decode(data))
    parse_bytes(data).to_json()


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
