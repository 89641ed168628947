"""The shopper's receipt by its QR token: what the page shows, read from the box's record."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.crud.records import transaction_of
from cloud_api.models import ReceiptPaper, Store, Transaction
from sync.wire.transaction import Discount, Item, Payment, Tax


@dataclass(frozen=True)
class ReceiptView:
    store_name: str
    printed_at: str | None
    currency: str | None
    status: str
    items: list[Item] = field(default_factory=list)
    subtotal: Decimal | None = None
    taxes: list[Tax] = field(default_factory=list)
    discounts: list[Discount] = field(default_factory=list)
    total: Decimal | None = None
    payments: list[Payment] = field(default_factory=list)
    change: Decimal | None = None
    receipt_no: str | None = None
    paper: str | None = None  # the receipt as it printed (text); the template escapes it
    has_picture: bool = False  # the paper as a picture, at /r/{token}/paper.png
    language: str | None = None  # the receipt's, as the box read it (BCP 47)
    kind: str = "sale"
    reprint: bool = False
    cashier: str | None = None


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def receipt_by_token(session: Session, token: str) -> ReceiptView | None:
    # Only the columns the page shows, not whole ORM objects: this is the most requested page there is.
    row = session.execute(
        select(
            Transaction.record,
            Transaction.printed_at,
            Transaction.currency,
            Transaction.status,
            Transaction.total,
            Store.name,
            Store.code,
            Transaction.kind,
            ReceiptPaper.transaction_id,
        )
        .join(Store, Store.id == Transaction.store_id)
        .outerjoin(ReceiptPaper, ReceiptPaper.transaction_id == Transaction.id)
        .where(Transaction.qr_token == token)
    ).first()
    if row is None:
        return None
    record, printed_at, currency, status, total, store_name, store_code, kind, picture = row
    tx = transaction_of(record)
    return ReceiptView(
        # HQ's name for the store when it has set one (a parse can take a slogan for the name), else the
        # name this receipt prints, else the store's code.
        store_name=store_name or tx.store.name or store_code,
        printed_at=printed_at,
        currency=currency,
        status=status,
        items=tx.items,
        subtotal=tx.subtotal,
        taxes=tx.taxes,
        discounts=tx.discounts,
        total=tx.total if tx.total is not None else total,
        payments=tx.payments,
        change=tx.change,
        receipt_no=tx.receipt_no,
        paper=_text(record.get("paper")) if isinstance(record, dict) else None,
        has_picture=picture is not None,
        language=_text(record.get("language")) if isinstance(record, dict) else None,
        kind=kind,
        reprint=tx.reprint,
        cashier=tx.cashier,
    )


def paper_picture(session: Session, token: str) -> bytes | None:
    """The PNG of the paper of the receipt with this QR token, if the box sent one."""
    png = session.scalar(
        select(ReceiptPaper.png)
        .join(Transaction, Transaction.id == ReceiptPaper.transaction_id)
        .where(Transaction.qr_token == token)
    )
    return bytes(png) if png is not None else None
