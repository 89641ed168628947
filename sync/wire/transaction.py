"""The transaction: one receipt read into data, as the box's parser produced it (edge/parsing builds it)
and the cloud stores and shows it. Money is a decimal string on the wire and Decimal here; the date and
time are the till's own, as printed (ISO 8601 local time, no zone: the store's zone is the cloud's to
apply). The customer's member number and masked phone travel in the clear inside the signed, TLS-carried
record; on the box they are stored sealed.

Every text and list has a bound: a record that exceeds one is kept aside by the cloud as unreadable
instead of reaching a page or a report. The box cuts its own texts to these bounds (see
edge/parsing/model.py), so only a broken or hostile box meets them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal, get_args

from sync.wire.model import SHORT_MAX, Limit, Short

SCHEMA_VERSION: Literal[1] = 1
Kind = Literal["sale", "refund", "void", "non_sale"]
Method = Literal["cash", "card", "wechat", "alipay", "unionpay", "other"]
Status = Literal["ok", "needs_review"]

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

# Bounds no real receipt comes near (a line of paper holds 64 characters at most; a long supermarket
# receipt, a few hundred items), each one a column, a page or a report would otherwise have to survive.
TEXT_MAX = 1000
ID_MAX = SHORT_MAX
LIST_MAX = 5000

# No till prints an amount, quantity or rate past these; a number that does (a run of digits read as money)
# would fail a NUMERIC column, a sum's rounding or a page. The box keeps such numbers off the wire
# (edge/parsing/model.py), the cloud refuses them (cloud_api/money.py).
LARGEST = Decimal(10) ** 15
FINEST_EXPONENT = -8

Text = Annotated[str, Limit(max_length=TEXT_MAX)]
Ident = Short
Currency = Annotated[str, Limit(pattern="[A-Z]{3}")]
# The till's local time as printed: a date, or a date and a time to the second.
LocalTime = Annotated[str, Limit(pattern=r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?")]


@dataclass(frozen=True)
class Store:
    name: Text | None = None  # as the receipt prints it (a parse may take a slogan for it)


@dataclass(frozen=True)
class Item:
    name: Text
    amount: Decimal  # what the line costs, its discount not taken off
    quantity: Decimal = Decimal(1)
    unit: Ident | None = None
    unit_price: Decimal | None = None
    code: Ident | None = None  # the item's code, PLU or barcode as printed
    discount: Decimal | None = None  # negative: what came off this line


@dataclass(frozen=True)
class Discount:
    """An adjustment of the whole receipt: a discount or coupon (negative), a surcharge, a rounding."""

    label: Text
    amount: Decimal


@dataclass(frozen=True)
class Tax:
    amount: Decimal
    rate: Decimal | None = None  # percent
    included: bool = True  # in the prices (VAT) or added to them (US sales tax)


@dataclass(frozen=True)
class Payment:
    method: Method
    amount: Decimal
    ref: Ident | None = None  # a card's masked number, a wallet's transaction id


@dataclass(frozen=True)
class Reason:
    """Why a receipt is needs_review: the check that failed, for people and for the review queue."""

    check: Check
    text: Text  # for people: what failed, with the numbers
    field: Ident | None = None  # the transaction field it makes unsure


@dataclass(frozen=True)
class Transaction:
    """One receipt read into data. `ok` only when its numbers prove each other; otherwise `needs_review`
    with the reasons."""

    schema_version: Literal[1] = SCHEMA_VERSION
    kind: Kind = "sale"
    reprint: bool = False
    currency: Currency | None = None  # ISO 4217
    store: Store = Store()
    receipt_no: Ident | None = None
    datetime: LocalTime | None = None
    cashier: Text | None = None
    items: Annotated[list[Item], Limit(max_length=LIST_MAX)] = field(default_factory=list)
    subtotal: Decimal | None = None
    discounts: Annotated[list[Discount], Limit(max_length=LIST_MAX)] = field(default_factory=list)
    taxes: Annotated[list[Tax], Limit(max_length=LIST_MAX)] = field(default_factory=list)
    total: Decimal | None = None
    payments: Annotated[list[Payment], Limit(max_length=LIST_MAX)] = field(default_factory=list)
    change: Decimal | None = None
    member_id: Ident | None = None
    phone_masked: Ident | None = None
    status: Status = "needs_review"
    # The reasons' texts (older readers show these), then the reasons themselves.
    issues: Annotated[list[Text], Limit(max_length=LIST_MAX)] = field(default_factory=list)
    reasons: Annotated[list[Reason], Limit(max_length=LIST_MAX)] = field(default_factory=list)


def fits(number: Decimal | None) -> bool:
    """Whether an amount, quantity or rate is one a till could print (None: nothing printed)."""
    if number is None:
        return True
    exponent = number.as_tuple().exponent
    return abs(number) < LARGEST and isinstance(exponent, int) and exponent >= FINEST_EXPONENT
