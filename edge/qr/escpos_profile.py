"""python-escpos's printer database cut down to what the QR block uses: its default profile and its
encodings.

On import, python-escpos reads its whole database (35 printers) with PyYAML's pure-Python loader. The
agent only ever asks for the default profile (`Dummy()` in edge/qr/block.py), yet the parse left the
agent 2 MB larger after its imports (0.3 MB at its peak, where later work reuses the room). The library
reads the file named by ESCPOS_CAPABILITIES_FILE instead when that is set before it is imported, which
the agent's command does (edge/cli.py); other processes (tools, tests that print with other printers'
profiles) keep the whole database.

The file is generated from the installed python-escpos (`python -m edge.qr.escpos_profile`), and a test
holds it to the library's own default profile, so an upgrade that changes it is noticed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ENV = "ESCPOS_CAPABILITIES_FILE"
DEFAULT_ONLY = Path(__file__).with_name("escpos_default_profile.json")


def use_default_profile_only() -> None:
    """Before python-escpos is imported: have it read the default profile alone. A file someone named
    in the environment is kept."""
    os.environ.setdefault(ENV, str(DEFAULT_ONLY))


def library_database() -> dict[str, Any]:
    """The database python-escpos ships (JSON, which its YAML loader reads too)."""
    from importlib.resources import files  # for the generator and the test, not the agent's start

    data: dict[str, Any] = json.loads(files("escpos").joinpath("capabilities.json").read_text("utf-8"))
    return data


def default_only(database: dict[str, Any]) -> dict[str, Any]:
    return {"encodings": database["encodings"], "profiles": {"default": database["profiles"]["default"]}}


def main() -> int:
    DEFAULT_ONLY.write_text(
        json.dumps(default_only(library_database()), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DEFAULT_ONLY}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
