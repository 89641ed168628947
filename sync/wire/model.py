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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
# A decimal beyond 10^±18 is no amount, rate or share any document carries.
MAX_EXPONENT = 18


class WireError(ValueError):
    """A document that does not read as its model: the message names the field."""


class _Refusal(Exception):
    """Inside the readers: what was wrong, and the path to it, gathered on the way out (so that a value
    that reads costs no path of its own)."""

    def __init__(self, reason: str, *path: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = list(path)


@dataclass(frozen=True)
class Limit:
    """Bounds of a field, given in its annotation: ``Annotated[int, Limit(ge=0)]``, ``Annotated[str,
    Limit(max_length=64)]``, ``Annotated[str, Limit(pattern="[A-Z]{3}")]`` (the whole text must match),
    ``Annotated[list[Item], Limit(max_length=5000)]`` (a list's length)."""

    ge: int | None = None
    le: int | None = None
    max_length: int | None = None
    pattern: str | None = None


# Names, ids, labels: what a column of 64 characters holds.
SHORT_MAX = 64
Short = Annotated[str, Limit(max_length=SHORT_MAX)]


def from_wire(cls: type[T], value: Any, where: str = "") -> T:
    """``value`` (parsed JSON) as a ``cls``: every field of the model read and checked; fields the model
    does not know are left out (a newer box may send more); a field with a default may be missing."""
    try:
        return typing.cast(T, _reader(cls)(value))
    except _Refusal as refusal:
        path = "".join(reversed(refusal.path))
        raise WireError(f"{where or cls.__name__}{path}: {refusal.reason}") from None


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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


# A decimal as the wire writes it (format(d, "f")): ASCII digits, no exponent, no sign but minus. Python's
# Decimal() also takes " 1.5", "1_000", "1E+5", "+5" and other scripts' digits, which the schema refuses.
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")

# Each type's reader is built once, from its annotations, and kept: every record the cloud ingests and
# every stored one it shows is read through them (reading the annotations per value took 1 ms a record).
Reader = Callable[[Any], Any]
_READERS: dict[Any, Reader] = {}


def _reader(tp: Any) -> Reader:
    found = _READERS.get(tp)
    if found is None:
        later: list[Reader] = []  # a model that refers to itself reads through this until it is built
        _READERS[tp] = lambda value: later[0](value)
        found = _build(tp)
        later.append(found)
        _READERS[tp] = found
    return found


def _build(tp: Any) -> Reader:
    limit: Limit | None = None
    if get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        limit = next((e for e in extra if isinstance(e, Limit)), None)
    if tp is Any:
        return lambda value: value
    origin = get_origin(tp)
    if origin is dict:
        return _read_object
    if origin is Union or origin is types.UnionType:
        return _build_optional(tp, limit)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _build_model(tp)
    if origin is list:
        return _build_list(_reader(get_args(tp)[0]), limit)
    if origin is Literal:
        return _build_literal(get_args(tp))
    return _build_scalar(tp, limit)


def _read_object(value: Any) -> Any:
    if not isinstance(value, Mapping):
        raise _Refusal(f"an object expected, not {type(value).__name__}")
    return dict(value)


def _build_optional(tp: Any, limit: Limit | None) -> Reader:
    rest = [o for o in get_args(tp) if o is not type(None)]
    if len(rest) != 1 or type(None) not in get_args(tp):

        def refuse(value: Any) -> Any:
            raise _Refusal("unions other than X | None are not wire types")

        return refuse
    inner = _reader(rest[0] if limit is None else Annotated[rest[0], limit])
    return lambda value: None if value is None else inner(value)


def _build_model(cls: type) -> Reader:
    hints = _hints(cls)
    fields = [
        (
            f.name,
            _reader(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    ]

    def read(value: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _Refusal(f"an object expected, not {type(value).__name__}")
        values = {}
        for name, read_field, required in fields:
            if name in value:
                try:
                    values[name] = read_field(value[name])
                except _Refusal as refusal:
                    refusal.path.append(f".{name}")
                    raise
            elif required:
                raise _Refusal("missing", f".{name}")
        return cls(**values)

    return read


def _failed_at(item: Reader, values: list[Any]) -> int:
    # Which entry failed, found again only when one did: no index is kept while all read.
    for i, v in enumerate(values):
        try:
            item(v)
        except _Refusal:
            return i
    return -1


def _build_list(item: Reader, limit: Limit | None) -> Reader:
    most = limit.max_length if limit else None

    def read(value: Any) -> Any:
        if not isinstance(value, list):
            raise _Refusal(f"a list expected, not {type(value).__name__}")
        if most is not None and len(value) > most:
            raise _Refusal(f"more than {most} entries")
        try:
            return [item(v) for v in value]
        except _Refusal as refusal:
            refusal.path.append(f"[{_failed_at(item, value)}]")
            raise

    return read


def _build_literal(options: tuple[Any, ...]) -> Reader:
    def read(value: Any) -> Any:
        # By type as well: JSON's true is no 1, and 1 is no "1".
        if not any(value == a and type(value) is type(a) for a in options):
            raise _Refusal(f"{value!r} is none of {', '.join(map(repr, options))}")
        return value

    return read


def _build_scalar(tp: Any, limit: Limit | None) -> Reader:
    if tp is bool:

        def read_bool(value: Any) -> Any:
            if not isinstance(value, bool):
                raise _Refusal(f"true or false expected, not {value!r}")
            return value

        return read_bool
    if tp is int:
        low, high = (limit.ge, limit.le) if limit else (None, None)

        def read_int(value: Any) -> Any:
            if not isinstance(value, int) or isinstance(value, bool):
                raise _Refusal(f"a whole number expected, not {value!r}")
            if (low is not None and value < low) or (high is not None and value > high):
                raise _Refusal(f"{value} is out of range")
            return value

        return read_int
    if tp is str:
        longest = limit.max_length if limit else None
        form = _pattern(limit.pattern) if limit and limit.pattern is not None else None

        def read_str(value: Any) -> Any:
            if not isinstance(value, str):
                raise _Refusal(f"text expected, not {type(value).__name__}")
            if longest is not None and len(value) > longest:
                raise _Refusal(f"longer than {longest} characters")
            if form is not None and form.fullmatch(value) is None:
                raise _Refusal(f"{value[:40]!r} is not of the form {form.pattern}")
            return value

        return read_str
    if tp is Decimal:
        return _read_decimal
    if tp is datetime:
        return _read_time

    def refuse(value: Any) -> Any:
        raise _Refusal(f"{tp!r} is not a wire type")

    return refuse


def _read_decimal(value: Any) -> Decimal:
    # Money and rates travel as decimal strings, never as JSON numbers (floats).
    if not isinstance(value, str) or len(value) > 40 or _DECIMAL.fullmatch(value) is None:
        raise _Refusal(f"a decimal string expected, not {value!r}")
    number = Decimal(value)
    if number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise _Refusal(f"{value!r} is out of range")
    return number


def _read_time(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise _Refusal(f"an ISO 8601 time expected, not {value!r}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Refusal(f"{value!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise _Refusal(f"{value!r} has no time zone")
    return moment


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
