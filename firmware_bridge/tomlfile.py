"""Reading a TOML file a person wrote, with every way it can fail as one line: unreadable, not UTF-8,
not TOML, nested deeper than the reader goes (tomllib recurses: 5,000 nested arrays exhaust the stack).
The box's settings, POS profiles and tag rules are all read through here."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class TomlError(ValueError):
    pass


def parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise TomlError(f"{where}: not valid TOML: {e}") from None
    except RecursionError:
        raise TomlError(f"{where}: nested too deeply to be read") from None


def read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise TomlError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise TomlError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    return parse_toml(text, str(path))
