"""The transaction: the contract the agent, sync and the cloud build on. Money is Decimal inside and a
decimal string on the wire; the date and time are the till's, as printed (ISO 8601 local, no zone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, get_args

SCHEMA_VERSION = 1
Kind = Literal["sale", "refund", "void", "non_sale"]
Method = Literal["cash", "card", "wechat", "alipay", "unionpay", "other"]


# Why a receipt is needs_review, for machines (the review queue groups and filters by them): which check
# failed or what is unsure, and the field it concerns.
Check = Literal[
    "no_total",  # no total found
    "no_items",  # no items found
    "item_arithmetic",  # quantity x unit price != amount
    "all_zero",  # every amount reads 0
    "items_vs_subtotal",  # the items do not add up to the subtotal
    "total_arithmetic",  # subtotal + adjustments + added tax != total
    "tenders_vs_total",  # tendered - change != total
    "change_without_tender",  # change printed, no tender read
    "no_datetime",  # no date read (or something printed like a date not understood)
    "date_order",  # day and month cannot be told apart
    "unread_line",  # a line with an amount the parser did not understand
    "unknown_total_label",  # the total's amount again under a label not known
    "image_only",  # printed as a picture: no text
    "mojibake",  # text that reads as no language
    "unknown_code_page",  # an ESC t page the printer profile does not know
    "lost_bytes",  # bytes of the job never reached the box
    "implausible_amount",  # a sale too small for its currency: thousands read as decimals
]
CHECKS: tuple[Check, ...] = get_args(Check)


# The order a numeric date with its year last proves by a day above 12 ("25/11/2026": DMY).
DayMonthOrder = Literal["DMY", "MDY"]


@dataclass(frozen=True)
class Reason:
    check: Check
    text: str  # for people: what failed, with the numbers
    field: str | None = None  # the transaction field it makes unsure

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "field": self.field, "text": self.text}


def _m(v: Decimal | None) -> str | None:
    return None if v is None else format(v, "f")


@dataclass
class Item:
    name: str
    amount: Decimal
    quantity: Decimal = Decimal(1)
    unit: str | None = None
    unit_price: Decimal | None = None
    code: str | None = None
    discount: Decimal | None = None  # negative: what came off this line

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "quantity": _m(self.quantity),
            "unit": self.unit,
            "unit_price": _m(self.unit_price),
            "amount": _m(self.amount),
            "discount": _m(self.discount),
        }


@dataclass
class Adjustment:
    label: str
    amount: Decimal  # discounts negative
    rounding: bool = False  # a cash rounding, no discount whatever its sign (not on the wire: the label says)

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "amount": _m(self.amount)}


@dataclass
class Tax:
    amount: Decimal
    rate: Decimal | None = None  # percent
    included: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"rate": _m(self.rate), "amount": _m(self.amount), "included": self.included}


@dataclass
class Payment:
    method: Method
    amount: Decimal
    ref: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"method": self.method, "amount": _m(self.amount), "ref": self.ref}


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
    status: Literal["ok", "needs_review"] = "needs_review"
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

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": self.kind,
            "reprint": self.reprint,
            "currency": self.currency,
            "store": {"name": self.store_name},
            "receipt_no": self.receipt_no,
            "datetime": self.datetime,
            "cashier": self.cashier,
            "items": [i.to_json() for i in self.items],
            "subtotal": _m(self.subtotal),
            "discounts": [d.to_json() for d in self.discounts],
            "taxes": [t.to_json() for t in self.taxes],
            "total": _m(self.total),
            "payments": [p.to_json() for p in self.payments],
            "change": _m(self.change),
            "member_id": self.member_id,
            "phone_masked": self.phone_masked,
            "status": self.status,
            "issues": self.issues,
            "reasons": [r.to_json() for r in self.reasons],
        }
