"""The agent has python-escpos read only its default printer profile (2 MB less after the agent's
imports): the file must be the library's own default profile, and the QR blocks made under it the same
bytes as under the whole database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from edge.qr.escpos_profile import DEFAULT_ONLY, ENV, default_only, library_database

REPO = Path(__file__).resolve().parents[1]

SYMBOLS = """
import sys
from dataclasses import replace
from edge.escpos.printer_profile import CHINESE_58MM, CHINESE_80MM, GENERIC
from edge.qr.block import qr_symbol
url = "https://r.example.com/r/Ab3dEf5gHi7jKl9m"
for p in (GENERIC, CHINESE_80MM, CHINESE_58MM):
    for native in (True, False):
        print(qr_symbol(url, replace(p, native_qr=native)).hex())
import escpos.capabilities
print(len(escpos.capabilities.CAPABILITIES["profiles"]))
"""


def test_the_file_is_the_librarys_default_profile() -> None:
    """Fails after an upgrade of python-escpos that changed it: `python -m edge.qr.escpos_profile`."""
    assert json.loads(DEFAULT_ONLY.read_text(encoding="utf-8")) == default_only(library_database())


def _symbols(env: dict[str, str]) -> tuple[list[str], int]:
    out = subprocess.run(
        [sys.executable, "-c", SYMBOLS], env=env, cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    return out[:-1], int(out[-1])


def test_the_qr_symbols_are_the_same_bytes_under_the_default_profile_alone() -> None:
    whole_env = {k: v for k, v in os.environ.items() if k != ENV}
    whole, profiles = _symbols(whole_env)
    alone, one = _symbols({**whole_env, ENV: str(DEFAULT_ONLY)})
    assert (profiles, one) == (len(library_database()["profiles"]), 1)  # each read what it was given
    assert len(whole) == 6 and alone == whole


def test_the_agents_command_has_the_library_read_the_default_profile_alone() -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    code = f"import os; from edge.cli import main; main(['agent']); print(os.environ.get({ENV!r}))"
    run = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True)
    assert run.stdout.strip() == str(DEFAULT_ONLY)
    assert "give --config" in run.stderr  # the command ran (and refused its empty command line)
