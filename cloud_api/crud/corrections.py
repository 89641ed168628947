"""HQ correcting a receipt the box could not prove (`needs_review`): the reviewer's transaction is read as
the wire's model, run through the parser's own self-check (edge/parsing/reconcile.py, the one the box
runs), and stored as a new revision — who, when, what changed, the transaction before and after; the
first revision's `before` is the box's parse, kept. A correction that does not add up is refused with
the reasons, so a typo never becomes the truth a POS profile is learned from.

What a correction may change is the sale: kind, date and time, receipt number, items, subtotal,
discounts, taxes, total, payments, change, currency, cashier. Who bought (the member number, the masked
phone) and the store's name as printed stay as the box read them: linking a purchase to a person is the
claim flow's, not a reviewer's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.crud.customer_features import renew_for
from cloud_api.crud.hq import transaction
from cloud_api.crud.users import Scope
from cloud_api.models import Revision, Transaction
from cloud_api.money import parse_decimal
from edge.parsing.reconcile import self_check
from sync.bounds import OutOfBounds, check_json
from sync.wire.model import WireError, from_wire, to_wire
from sync.wire.transaction import Transaction as WireTransaction

ROLES = ("owner", "manager", "store_manager")  # every HQ role, each within its own stores
KEPT_FROM_THE_BOX = ("member_id", "phone_masked", "schema_version", "store")


class CorrectionRefused(ValueError):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class NotYours(LookupError):
    """No such transaction in the asker's stores (another store's is not found, as if it did not exist)."""


@dataclass(frozen=True)
class Checked:
    transaction: WireTransaction  # with the status and reasons the self-check gives
    reasons: list[str]

    @property
    def adds_up(self) -> bool:
        return self.transaction.status == "ok"


def check(current: dict[str, Any], proposed: object) -> Checked:
    """The proposed transaction (fields it leaves out keep their current values) read and self-checked.
    Raises CorrectionRefused for a document that does not read as a transaction."""
    if not isinstance(proposed, dict):
        raise CorrectionRefused(["a transaction (a JSON object) is needed"])
    try:
        check_json(proposed, "correction")  # what no column holds (a NUL), nor a page, nor a report
    except OutOfBounds as e:
        raise CorrectionRefused([str(e)]) from None
    merged = {**current, **proposed}
    for name in KEPT_FROM_THE_BOX:
        merged.pop(name, None)
        if name in current:
            merged[name] = current[name]
    for name in ("status", "reasons", "issues"):  # the self-check's to give
        merged.pop(name, None)
    try:
        tx = from_wire(WireTransaction, merged, "correction")
    except WireError as e:
        raise CorrectionRefused([str(e)]) from None
    if tx.datetime is not None:
        try:
            datetime.fromisoformat(tx.datetime)
        except ValueError:
            raise CorrectionRefused([f"datetime {tx.datetime!r}: no such day or time"]) from None
    checked = self_check(tx)
    if checked.total is not None and parse_decimal(format(checked.total, "f")) is None:
        raise CorrectionRefused([f"total {format(checked.total, 'f')[:40]} is no amount a till prints"])
    return Checked(checked, [r.text for r in checked.reasons])


def changed_fields(before: object, after: object, path: str = "") -> list[str]:
    """The paths where two JSON documents differ: "total", "items[2].amount", "items" (a line added)."""
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[str] = []
        for key in sorted(before.keys() | after.keys()):
            out += changed_fields(before.get(key), after.get(key), f"{path}.{key}" if path else key)
        return out
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            p
            for n, (b, a) in enumerate(zip(before, after, strict=True))
            for p in changed_fields(b, a, f"{path}[{n}]")
        ]
    return [] if before == after else [path]


def correct(session: Session, scope: Scope, transaction_id: int, proposed: object, now: datetime) -> Revision:
    """Store a correction as the transaction's next revision; the caller commits."""
    if scope.role not in ROLES:
        raise NotYours(transaction_id)
    row = transaction(session, scope, transaction_id)
    if row is None:
        raise NotYours(transaction_id)
    before = row.record.get("transaction") if isinstance(row.record, dict) else None
    current = before if isinstance(before, dict) else {}
    checked = check(current, proposed)
    if not checked.adds_up:
        raise CorrectionRefused(checked.reasons)
    after: dict[str, Any] = to_wire(checked.transaction)
    changes = [c for c in changed_fields(current, after) if c not in ("status", "reasons", "issues")]
    number = (
        session.scalar(select(func.max(Revision.number)).where(Revision.transaction_id == row.id)) or 0
    ) + 1
    revision = Revision(
        transaction_id=row.id,
        number=number,
        author=scope.email,
        at=now,
        before=current,
        after=after,
        changes=changes,
    )
    session.add(revision)
    tx = checked.transaction
    row.record = {**row.record, "transaction": after}
    row.kind, row.status, row.currency, row.printed_at = tx.kind, tx.status, tx.currency, tx.datetime
    row.total = parse_decimal(format(tx.total, "f")) if tx.total is not None else None
    row.corrected_at, row.corrected_by = now, scope.email
    renew_for(session, [row.customer_id], now)
    return revision


def revisions(session: Session, scope: Scope, transaction_id: int) -> list[Revision] | None:
    if transaction(session, scope, transaction_id) is None:
        return None
    q = select(Revision).where(Revision.transaction_id == transaction_id).order_by(Revision.number)
    return list(session.scalars(q))


def corrected_of_layout(
    session: Session, retailer_store_ids: frozenset[int], layout: str
) -> list[Transaction]:
    """The corrected receipts of one layout in these stores, newest correction first."""
    q = (
        select(Transaction)
        .where(
            Transaction.layout == layout,
            Transaction.corrected_at.is_not(None),
            Transaction.store_id.in_(retailer_store_ids),
        )
        .order_by(Transaction.corrected_at.desc(), Transaction.id.desc())
    )
    return list(session.scalars(q))
