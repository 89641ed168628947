"""The shopper's receipt by its QR token: what the page shows, read from the box's record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cloud_api.crud.records import transaction_of
from cloud_api.models import ReceiptPaper, Store, Transaction
from sync.wire.transaction import Transaction as WireTransaction


@dataclass(frozen=True)
class ReceiptView:
    store_name: str
    printed_at: str | None
    currency: str | None
    status: str
    kind: str
    total: Decimal | None  # the transaction's, else the row's
    tx: WireTransaction  # the receipt as the box read it: items, discounts, taxes, payments, change, …
    paper: str | None = None  # the receipt as it printed (text); the template escapes it
    has_picture: bool = False  # the paper as a picture, at /r/{token}/paper.png
    language: str | None = None  # the receipt's, as the box read it (BCP 47)
    viewed: bool = False  # a shopper has opened it before (the funnel's "scanned")
    retailer: str = ""
    store_code: str = ""


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
            Store.retailer,
            Transaction.kind,
            ReceiptPaper.transaction_id,
            Transaction.first_viewed_at,
        )
        .join(Store, Store.id == Transaction.store_id)
        .outerjoin(ReceiptPaper, ReceiptPaper.transaction_id == Transaction.id)
        .where(Transaction.qr_token == token)
    ).first()
    if row is None:
        return None
    record, printed_at, currency, status, total, store_name, store_code, retailer, kind, picture, viewed = row
    tx = transaction_of(record)
    return ReceiptView(
        # HQ's name for the store when it has set one (a parse can take a slogan for the name), else the
        # name this receipt prints, else the store's code.
        store_name=store_name or tx.store.name or store_code,
        printed_at=printed_at,
        currency=currency,
        status=status,
        kind=kind,
        total=tx.total if tx.total is not None else total,
        tx=tx,
        paper=_text(record.get("paper")) if isinstance(record, dict) else None,
        has_picture=picture is not None,
        language=_text(record.get("language")) if isinstance(record, dict) else None,
        viewed=viewed is not None,
        retailer=retailer,
        store_code=store_code,
    )


def mark_viewed(session: Session, token: str, now: datetime) -> bool:
    """Record the receipt's first view by a shopper (its QR scanned); False if one was recorded already.
    One conditional UPDATE: of two first views in parallel, one sets the time and the other finds it set.
    A Core statement, so the row's version (which guards HQ's corrections against ingest) is left alone."""
    result = session.execute(
        update(Transaction)
        .where(Transaction.qr_token == token, Transaction.first_viewed_at.is_(None))
        .values(first_viewed_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def paper_picture(session: Session, token: str) -> bytes | None:
    """The PNG of the paper of the receipt with this QR token, if the box sent one."""
    png = session.scalar(
        select(ReceiptPaper.png)
        .join(Transaction, Transaction.id == ReceiptPaper.transaction_id)
        .where(Transaction.qr_token == token)
    )
    return bytes(png) if png is not None else None
