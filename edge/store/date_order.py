"""What the store's earlier receipts say of day/month order, as evidence for a receipt whose date leaves it
open ("03/04/2026"). A till prints every date the same way: one receipt dated "25/11/2026" shows this
store's tills print day first. Kept as two counters in the store, so it outlives restarts; where the
store has seen both orders (two tills printing differently) it says nothing."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from edge.parsing.model import DayMonthOrder
from edge.store.models import Counter
from edge.store.records import ParseSettings

_NAMES: dict[DayMonthOrder, str] = {"DMY": "date_order:DMY", "MDY": "date_order:MDY"}


def learned_order(session: Session) -> DayMonthOrder | None:
    seen = {order: session.get(Counter, name) for order, name in _NAMES.items()}
    proven = [order for order, counter in seen.items() if counter is not None and counter.value > 0]
    return proven[0] if len(proven) == 1 else None


def note_order(session: Session, order: DayMonthOrder | None) -> None:
    """Count a receipt whose own date proved its order (a day above 12)."""
    if order is None:
        return
    counter = session.get(Counter, _NAMES[order])
    if counter is None:
        session.add(Counter(name=_NAMES[order], value=1))
    else:
        counter.value += 1


def with_learned_order(session: Session, settings: ParseSettings) -> ParseSettings:
    """The settings a receipt is read with: box.toml's date order, else the store's evidence (a POS
    profile's own order still comes first, in the parser)."""
    if settings.date_order is not None:
        return settings
    learned = learned_order(session)
    return settings if learned is None else replace(settings, date_order=learned)
