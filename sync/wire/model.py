"""Typed documents of the wire: frozen dataclasses read from and written to JSON-native values, each field
checked on the way in, and their JSON Schema generated from the same definition.

The box and the cloud import one definition of each document (DESIGN.md: `sync/` holds them). A library
(pydantic, msgspec) would do this, but the box runs under an 80 MB resident budget it already presses, and
importing either adds megabytes; the types the wire uses are few (text, whole numbers, flags, decimal
strings, aware times, lists, nested documents), so this module reads them with the standard library.

    from_wire(Heartbeat, body)   # -> Heartbeat, or WireError naming the field ("conditions.disk_alarm: …")
    to_wire(heartbeat)           # -> dict of str/int/bool/None/list/dict: Decimal as a string, times ISO
    json_schema(Heartbeat)       # -> the JSON Schema (draft 2020-12) of the same
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
# A decimal beyond 10^±18 is no amount, rate or share any document carries.
MAX_EXPONENT = 18


class WireError(ValueError):
    """A document that does not read as its model: the message names the field."""


@dataclass(frozen=True)
class Limit:
    """Bounds of a field, given in its annotation: ``Annotated[int, Limit(ge=0)]``, ``Annotated[str,
    Limit(max_length=64)]``, ``Annotated[str, Limit(pattern="[A-Z]{3}")]`` (the whole text must match),
    ``Annotated[list[Item], Limit(max_length=5000)]`` (a list's length)."""

    ge: int | None = None
    le: int | None = None
    max_length: int | None = None
    pattern: str | None = None


def from_wire(cls: type[T], value: Any, where: str = "") -> T:
    """``value`` (parsed JSON) as a ``cls``: every field of the model read and checked; fields the model
    does not know are left out (a newer box may send more); a field with a default may be missing."""
    return typing.cast(T, _read(cls, value, where or cls.__name__))


def to_wire(doc: Any) -> Any:
    """A model (or a value of one) as JSON-native values."""
    kind = type(doc)
    if kind is str or kind is int or kind is bool or doc is None:  # most values: answered first
        return doc
    if kind is Decimal:
        return format(doc, "f")
    names = _field_names(kind)
    if names is not None:
        return {name: to_wire(getattr(doc, name)) for name in names}
    if isinstance(doc, datetime):
        return doc.isoformat()
    if isinstance(doc, list | tuple):
        return [to_wire(v) for v in doc]
    if isinstance(doc, dict):
        return {k: to_wire(v) for k, v in doc.items()}
    return doc


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    # Every receipt the box stores goes through to_wire: its models' fields are looked up once, not per
    # value (dataclasses.fields each time made it nine times slower than a hand-written dict).
    try:
        return _FIELD_NAMES[kind]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
        _FIELD_NAMES[kind] = names
        return names


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a model, nested models under ``$defs``."""
    defs: dict[str, Any] = {}
    root = _schema(cls, defs)
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": cls.__name__}
    out.update(defs.pop(cls.__name__) if root == {"$ref": f"#/$defs/{cls.__name__}"} else root)
    if defs:
        out["$defs"] = defs
    return out


# -- reading ----------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def _read(tp: Any, value: Any, where: str) -> Any:
    limit: Limit | None = None
    if get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        limit = next((e for e in extra if isinstance(e, Limit)), None)
    if tp is Any:
        return value  # a part the model leaves to its reader (the transaction, until it is typed)
    origin = get_origin(tp)
    if origin is dict:
        if not isinstance(value, Mapping):
            raise WireError(f"{where}: an object expected, not {type(value).__name__}")
        return dict(value)
    if origin is Union or origin is types.UnionType:
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        rest = [o for o in options if o is not type(None)]
        if len(rest) == 1:
            return _read(rest[0] if limit is None else Annotated[rest[0], limit], value, where)
        raise WireError(f"{where}: unions other than X | None are not wire types")
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, Mapping):
            raise WireError(f"{where}: an object expected, not {type(value).__name__}")
        hints = _hints(tp)
        values = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                values[f.name] = _read(hints[f.name], value[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise WireError(f"{where}.{f.name}: missing")
        return tp(**values)
    if origin is list:
        if not isinstance(value, list):
            raise WireError(f"{where}: a list expected, not {type(value).__name__}")
        if limit and limit.max_length is not None and len(value) > limit.max_length:
            raise WireError(f"{where}: more than {limit.max_length} entries")
        (item,) = get_args(tp)
        return [_read(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is Literal:
        # By type as well: JSON's true is no 1, and 1 is no "1".
        if not any(value == a and type(value) is type(a) for a in get_args(tp)):
            raise WireError(f"{where}: {value!r} is none of {', '.join(map(repr, get_args(tp)))}")
        return value
    return _scalar(tp, value, where, limit)


def _scalar(tp: Any, value: Any, where: str, limit: Limit | None) -> Any:
    if tp is bool:
        if not isinstance(value, bool):
            raise WireError(f"{where}: true or false expected, not {value!r}")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise WireError(f"{where}: a whole number expected, not {value!r}")
        low, high = (limit.ge, limit.le) if limit else (None, None)
        if (low is not None and value < low) or (high is not None and value > high):
            raise WireError(f"{where}: {value} is out of range")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise WireError(f"{where}: text expected, not {type(value).__name__}")
        if limit and limit.max_length is not None and len(value) > limit.max_length:
            raise WireError(f"{where}: longer than {limit.max_length} characters")
        if limit and limit.pattern is not None and _pattern(limit.pattern).fullmatch(value) is None:
            raise WireError(f"{where}: {value[:40]!r} is not of the form {limit.pattern}")
        return value
    if tp is Decimal:
        # Money and rates travel as decimal strings, never as JSON numbers (floats).
        if not isinstance(value, str) or len(value) > 40:
            raise WireError(f"{where}: a decimal string expected, not {value!r}")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise WireError(f"{where}: {value!r} is not a decimal") from None
        if not number.is_finite():
            raise WireError(f"{where}: {value!r} is not a finite decimal")
        if not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
            raise WireError(f"{where}: {value!r} is out of range")  # "1e999999" would stall arithmetic
        return number
    if tp is datetime:
        if not isinstance(value, str) or len(value) > 40:
            raise WireError(f"{where}: an ISO 8601 time expected, not {value!r}")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise WireError(f"{where}: {value!r} is not an ISO 8601 time") from None
        if moment.tzinfo is None:
            raise WireError(f"{where}: {value!r} has no time zone")
        return moment
    raise WireError(f"{where}: {tp!r} is not a wire type")


# -- the schema -------------------------------------------------------------------------------------------


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    limit: Limit | None = None
    if get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        limit = next((e for e in extra if isinstance(e, Limit)), None)
    if tp is Any:
        return {}
    origin = get_origin(tp)
    if origin is dict:
        return {"type": "object"}
    if origin is Union or origin is types.UnionType:
        rest = [o for o in get_args(tp) if o is not type(None)]
        inner = _schema(rest[0] if limit is None else Annotated[rest[0], limit], defs)
        return {"anyOf": [inner, {"type": "null"}]}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # (a placeholder: a model may refer to itself)
            hints = _hints(tp)
            fields = dataclasses.fields(tp)
            body: dict[str, Any] = {
                "type": "object",
                "properties": {f.name: _schema(hints[f.name], defs) for f in fields},
                "required": [
                    f.name
                    for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                ],
            }
            if tp.__doc__ and not tp.__doc__.startswith(f"{tp.__name__}("):
                body["description"] = " ".join(tp.__doc__.split())
            defs[tp.__name__] = body
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin is list:
        array: dict[str, Any] = {"type": "array", "items": _schema(get_args(tp)[0], defs)}
        if limit and limit.max_length is not None:
            array["maxItems"] = limit.max_length
        return array
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    out: dict[str, Any]
    if tp is bool:
        out = {"type": "boolean"}
    elif tp is int:
        out = {"type": "integer"}
        if limit and limit.ge is not None:
            out["minimum"] = limit.ge
        if limit and limit.le is not None:
            out["maximum"] = limit.le
    elif tp is str:
        out = {"type": "string"}
        if limit and limit.max_length is not None:
            out["maxLength"] = limit.max_length
        if limit and limit.pattern is not None:
            out["pattern"] = f"^(?:{limit.pattern})$"
    elif tp is Decimal:
        out = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "maxLength": 40}
    elif tp is datetime:
        out = {"type": "string", "format": "date-time", "maxLength": 40}
    else:
        raise TypeError(f"{tp!r} is not a wire type")
    return out
