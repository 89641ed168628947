"""Canonical JSON: one byte string per value, so a signature made on the box verifies in the cloud.

Sorted keys, no insignificant whitespace, UTF-8, and no floats anywhere (money travels as decimal
strings; a float would not survive every JSON library the same way).
"""

from __future__ import annotations

import json
from typing import Any


class NotCanonical(ValueError):
    pass


def _check(value: Any, where: str) -> None:
    if isinstance(value, float):
        raise NotCanonical(f"{where}: floats are not allowed (send money and measures as strings)")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise NotCanonical(f"{where}: keys must be strings")
            _check(v, f"{where}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check(v, f"{where}[{i}]")
    elif not (value is None or isinstance(value, bool | int | str)):
        raise NotCanonical(f"{where}: {type(value).__name__} is not a JSON value")


def canonical_bytes(value: Any) -> bytes:
    _check(value, "$")
    return dumps_checked(value)


def canonical_text(value: Any) -> str:
    """canonical_bytes as text: what the box stores of a record is what it will sign."""
    return canonical_bytes(value).decode()


def dumps_checked(value: Any) -> bytes:
    """canonical_bytes for a value already known to hold no floats (parsed by loads_strict, or checked
    when it was signed): the check walks every node, the costliest part of a verify."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _no_floats(text: str) -> Any:
    raise NotCanonical(f"float {text} in a message: not allowed")


def loads_strict(data: bytes) -> Any:
    """Parse a message, refusing floats, NaN and duplicate keys (which would make two readings)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise NotCanonical(f"duplicate key {k!r}")
            out[k] = v
        return out

    return json.loads(
        data.decode("utf-8"), parse_float=_no_floats, parse_constant=_no_floats, object_pairs_hook=pairs
    )
