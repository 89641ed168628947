"""What the customer-layer tests share: a cloud.toml for the command line, and sales written straight
into the table (the ingest path has tests of its own) with their items."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.models import Store, Transaction


def cloud_config(tmp_path: Path, url: str, retailer: str = "acme") -> Path:
    config = tmp_path / "cloud.toml"
    config.write_text(
        f'retailer = "{retailer}"\n[database]\nurl = "{url}"\n[secrets]\nfile = "{tmp_path / "cloud.key"}"\n'
    )
    return config


def add_sale(
    s: Session,
    store: Store,
    when: datetime,
    items: list[tuple[str, str]],
    customer_id: int | None = None,
    received: datetime | None = None,
) -> Transaction:
    """One sale in CNY of these (name, amount) items, its total their sum."""
    n = (s.scalar(select(func.max(Transaction.seq))) or 0) + 1
    total = sum((Decimal(a) for _, a in items), Decimal(0))
    row = Transaction(
        device_id=f"{store.code}-t1",
        store_id=store.id,
        job_id=f"sale-{n}",
        seq=n,
        revision=1,
        kind="sale",
        status="ok",
        currency="CNY",
        total=total,
        started_at=when,
        received_at=received or when,
        record={
            "transaction": {
                "kind": "sale",
                "total": str(total),
                "items": [{"name": i, "amount": a} for i, a in items],
            }
        },
        customer_id=customer_id,
    )
    s.add(row)
    s.flush()
    return row
