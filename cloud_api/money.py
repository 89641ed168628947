"""Money in the database: exact decimals on both engines.

PostgreSQL has NUMERIC, unconstrained so that it keeps each amount's own scale ("206.12" stays
"206.12", ¥500 stays "500"; a fixed scale would hand back "206.1200" there and "206.12" on SQLite).
SQLite would store a NUMERIC column as a float, so there the value is kept as its decimal string.
Python sees `Decimal` either way; amounts never pass through float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Dialect, Numeric, String
from sqlalchemy.types import TypeDecorator, TypeEngine

from sync.wire.transaction import fits


class Money(TypeDecorator[Decimal]):
    impl = Numeric()
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


MAX_CHARS = 40  # SQLite keeps money as its text, in a column this wide


def parse_decimal(value: object) -> Decimal | None:
    """A decimal string from the wire (an amount, a quantity, a rate), or None when absent, unreadable
    or out of any till's range (the record keeps the text)."""
    if value is None or isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    if len(text) > MAX_CHARS:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and fits(amount) else None


# ISO 4217 currencies whose amounts have no minor unit (yen, won, dong …): an average of them is whole.
NO_MINOR_UNIT = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF", "KMF", "RWF"})


def average(total: Decimal, count: int, currency: str | None) -> Decimal | None:
    """`total / count` to the currency's smallest unit (cents, or whole yen and won); None for no count."""
    if not count:
        return None
    step = Decimal(1) if currency in NO_MINOR_UNIT else Decimal("0.01")
    return (total / count).quantize(step)
