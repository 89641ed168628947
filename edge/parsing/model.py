"""The transaction as the parser builds it: mutable while the parse fills it, with what the parse keeps
for itself (a rounding line's mark, the day/month order a date proves). `Transaction.wire()` gives the
document the box stores and sends (sync/wire/transaction.py: the one definition the cloud reads too),
each text cut to the wire's bounds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, TypeVar

from sync.wire import transaction as on_wire
from sync.wire.model import to_wire
from sync.wire.transaction import CHECKS as CHECKS  # the wire's words, which the parser speaks too
from sync.wire.transaction import ID_MAX, LIST_MAX, TEXT_MAX, Check, Reason, Status, fits
from sync.wire.transaction import Kind as Kind
from sync.wire.transaction import Method as Method

_E = TypeVar("_E")
Numbers = tuple[Decimal | None, ...]

# The order a numeric date with its year last proves by a day above 12 ("25/11/2026": DMY).
DayMonthOrder = Literal["DMY", "MDY"]


def _cut(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit]


@dataclass
class Item:
    name: str
    amount: Decimal
    quantity: Decimal = Decimal(1)
    unit: str | None = None
    unit_price: Decimal | None = None
    code: str | None = None
    discount: Decimal | None = None  # negative: what came off this line

    def wire(self) -> on_wire.Item:
        return on_wire.Item(
            name=self.name[:TEXT_MAX],
            amount=self.amount,
            quantity=self.quantity,
            unit=_cut(self.unit, ID_MAX),
            unit_price=self.unit_price,
            code=_cut(self.code, ID_MAX),
            discount=self.discount,
        )


@dataclass
class Adjustment:
    label: str
    amount: Decimal  # discounts negative
    rounding: bool = False  # a cash rounding, no discount whatever its sign (not on the wire: the label says)

    def wire(self) -> on_wire.Discount:
        return on_wire.Discount(self.label[:TEXT_MAX], self.amount)


@dataclass
class Tax:
    amount: Decimal
    rate: Decimal | None = None  # percent
    included: bool = True

    def wire(self) -> on_wire.Tax:
        return on_wire.Tax(self.amount, self.rate, self.included)


@dataclass
class Payment:
    method: Method
    amount: Decimal
    ref: str | None = None

    def wire(self) -> on_wire.Payment:
        return on_wire.Payment(self.method, self.amount, _cut(self.ref, ID_MAX))


@dataclass
class Transaction:
    kind: Kind = "sale"
    reprint: bool = False
    currency: str | None = None
    store_name: str | None = None
    receipt_no: str | None = None
    datetime: str | None = None
    cashier: str | None = None
    items: list[Item] = field(default_factory=list)
    subtotal: Decimal | None = None
    discounts: list[Adjustment] = field(default_factory=list)
    taxes: list[Tax] = field(default_factory=list)
    total: Decimal | None = None
    payments: list[Payment] = field(default_factory=list)
    change: Decimal | None = None
    member_id: str | None = None
    phone_masked: str | None = None
    status: Status = "needs_review"
    reasons: list[Reason] = field(default_factory=list)
    profile: str | None = None  # the POS profile that read it, if any
    # The day/month order this receipt's own date proves (a day above 12): evidence the box keeps for the
    # store's later receipts whose dates leave it open. Not on the wire.
    date_order_seen: DayMonthOrder | None = field(default=None, compare=False, repr=False)

    @property
    def issues(self) -> list[str]:
        """The reasons as people read them."""
        return [r.text for r in self.reasons]

    def flag(self, check: Check, text: str, field: str | None = None) -> None:
        self.reasons.append(Reason(check, text, field))

    def wire(self) -> on_wire.Transaction:
        """The document the box stores and sends. What no record can carry is kept off it and flagged,
        the paper keeping it all: a print longer than a record holds (thousands of lines: broken, or not
        a receipt), a number no till prints (a loose POS profile reading a run of digits as a count)."""
        reasons, status = list(self.reasons), self.status

        def keep(name: str, entries: list[_E], numbers: Callable[[_E], Numbers]) -> list[_E]:
            nonlocal status
            kept = [e for e in entries if all(fits(n) for n in numbers(e))]
            if len(kept) < len(entries):
                text = f"{len(entries) - len(kept)} {name} with a number no till prints left out"
                reasons.append(Reason("implausible_amount", text, name))
            if len(kept) > LIST_MAX:
                reasons.append(Reason("unread_line", f"{len(kept)} {name}: a record holds {LIST_MAX}", name))
                kept = kept[:LIST_MAX]
            if len(kept) < len(entries):
                status = "needs_review"
            return kept

        def amount(name: str, number: Decimal | None) -> Decimal | None:
            nonlocal status
            if fits(number):
                return number
            reasons.append(Reason("implausible_amount", f"the {name} is no number a till prints", name))
            status = "needs_review"
            return None

        items = keep("items", self.items, lambda i: (i.amount, i.quantity, i.unit_price, i.discount))
        discounts = keep("discounts", self.discounts, lambda d: (d.amount,))
        taxes = keep("taxes", self.taxes, lambda t: (t.amount, t.rate))
        payments = keep("payments", self.payments, lambda p: (p.amount,))
        subtotal, total = amount("subtotal", self.subtotal), amount("total", self.total)
        change = amount("change", self.change)
        # The reasons this adds go first, so that no cut of the list drops them.
        reasons = reasons[len(self.reasons) :] + reasons[: len(self.reasons)]
        reasons = [Reason(r.check, r.text[:TEXT_MAX], r.field) for r in reasons[:LIST_MAX]]
        return on_wire.Transaction(
            kind=self.kind,
            reprint=self.reprint,
            currency=self.currency,
            store=on_wire.Store(_cut(self.store_name, TEXT_MAX)),
            receipt_no=_cut(self.receipt_no, ID_MAX),
            datetime=self.datetime,
            cashier=_cut(self.cashier, TEXT_MAX),
            items=[i.wire() for i in items],
            subtotal=subtotal,
            discounts=[d.wire() for d in discounts],
            taxes=[t.wire() for t in taxes],
            total=total,
            payments=[p.wire() for p in payments],
            change=change,
            member_id=_cut(self.member_id, ID_MAX),
            phone_masked=_cut(self.phone_masked, ID_MAX),
            status=status,
            issues=[r.text for r in reasons],
            reasons=reasons,
        )

    @classmethod
    def of_wire(cls, t: on_wire.Transaction) -> Transaction:
        """The working model of a wire transaction (a correction HQ typed), to run the self-check on."""
        return cls(
            kind=t.kind,
            reprint=t.reprint,
            currency=t.currency,
            store_name=t.store.name,
            receipt_no=t.receipt_no,
            datetime=t.datetime,
            cashier=t.cashier,
            items=[
                Item(i.name, i.amount, i.quantity, i.unit, i.unit_price, i.code, i.discount) for i in t.items
            ],
            subtotal=t.subtotal,
            discounts=[Adjustment(d.label, d.amount) for d in t.discounts],
            taxes=[Tax(x.amount, x.rate, x.included) for x in t.taxes],
            total=t.total,
            payments=[Payment(p.method, p.amount, p.ref) for p in t.payments],
            change=t.change,
            member_id=t.member_id,
            phone_masked=t.phone_masked,
        )

    def to_json(self) -> dict[str, Any]:
        """The document as JSON-native values (decimal strings)."""
        body: dict[str, Any] = to_wire(self.wire())
        return body
