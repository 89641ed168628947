"""A POS profile's table as the TOML the profile loader reads (profiles.py): literal strings for regular
expressions, so a person reads and edits the draft as it is written."""

from __future__ import annotations

import json
from typing import Any


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """The draft as the profile format takes it: no empty tables, no unset keys."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if v is None or v == {} or v == []:
            continue
        if isinstance(v, dict):
            v = {kk: vv for kk, vv in v.items() if vv not in (None, [], {})}
            if not v:
                continue
        out[k] = v
    return out


def _toml_string(value: str) -> str:
    # A literal string keeps a regular expression as it is written; a basic one (JSON's escapes are
    # TOML's) where it holds a quote or a control character.
    if "'" not in value and value.isprintable():
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_string(str(value))


def to_toml(data: dict[str, Any]) -> str:
    data = clean(data)
    out = [f"# {data.get('description', 'an induced POS profile')}: a draft to read and edit."]
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for k, v in data.items():
        if k not in tables:
            out.append(f"{k} = {_toml_value(v)}")
    for table, values in tables.items():
        out.append(f"\n[{table}]")
        for k, v in values.items():
            out.append(f"{k} = {_toml_value(v)}")
    return "\n".join(out) + "\n"
