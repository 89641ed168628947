"""What ingest does with each new envelope, inside the ledger's transaction (sync.subscriber's `store`
callback): a transaction or correction becomes one row per (device, job), a heartbeat updates its
device's health. Nothing here commits; the subscriber commits, then acknowledges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import customer_for_member_hash, member_hash
from cloud_api.models import Device, Store, Transaction, UnreadableRecord
from cloud_api.money import parse_money
from sync.envelope import Envelope


class UnreadableError(ValueError):
    pass


@dataclass(frozen=True)
class ParsedRecord:
    job_id: str
    revision: int
    qr_token: str | None
    kind: str
    status: str
    currency: str | None
    total: Decimal | None
    printed_at: str | None
    started_at: datetime
    store_name: str | None
    member_id: str | None


def _aware(text: object, field: str) -> datetime:
    if not isinstance(text, str):
        raise UnreadableError(f"{field}: a timestamp string is needed")
    try:
        t = datetime.fromisoformat(text)
    except ValueError as e:
        raise UnreadableError(f"{field}: {e}") from e
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _opt_str(value: object, field: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise UnreadableError(f"{field}: a string of at most {limit} characters is needed")
    return value


def read_record(body: dict[str, Any]) -> ParsedRecord:
    job_id, revision, tx = body.get("job_id"), body.get("revision", 1), body.get("transaction")
    if not isinstance(job_id, str) or not 0 < len(job_id) <= 64:
        raise UnreadableError("job_id: missing or not a short string")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise UnreadableError("revision: a positive integer is needed")
    if not isinstance(tx, dict):
        raise UnreadableError("transaction: missing")
    store = tx.get("store")
    return ParsedRecord(
        job_id=job_id,
        revision=revision,
        qr_token=_opt_str(body.get("qr_token"), "qr_token", 64),
        kind=_opt_str(tx.get("kind"), "transaction.kind", 32) or "unknown",
        status=_opt_str(tx.get("status"), "transaction.status", 32) or "needs_review",
        currency=_opt_str(tx.get("currency"), "transaction.currency", 8),
        total=parse_money(tx.get("total")),
        printed_at=_opt_str(tx.get("datetime"), "transaction.datetime", 32),
        started_at=_aware(body.get("started_at"), "started_at"),
        store_name=_opt_str(store.get("name"), "transaction.store.name", 200)
        if isinstance(store, dict)
        else None,
        member_id=_opt_str(tx.get("member_id"), "transaction.member_id", 64),
    )


def store_envelope(session: Session, e: Envelope, secret: ServiceSecret | None = None) -> None:
    """A transaction or correction: insert, or replace an older revision; never go back to an older one
    (a live correction may overtake its original in a backlog). With the service's secret, a receipt
    whose member number is linked to a customer is that customer's from the moment it arrives."""
    device = session.get(Device, e.device_id)
    if device is None:  # the registry let it through, so only a device deleted meanwhile
        raise RuntimeError(f"device {e.device_id} vanished during ingest")
    now = datetime.now(UTC)
    try:
        r = read_record(e.body)
    except UnreadableError as err:
        session.add(
            UnreadableRecord(
                device_id=e.device_id, seq=e.seq or 0, error=str(err)[:500], body=e.body, received_at=now
            )
        )
        return
    row = session.scalars(
        select(Transaction).where(Transaction.device_id == e.device_id, Transaction.job_id == r.job_id)
    ).first()
    if row is not None and row.revision >= r.revision:
        return
    if row is None:
        row = Transaction(device_id=e.device_id, store_id=device.store_id, job_id=r.job_id)
        session.add(row)
    row.seq, row.revision, row.qr_token, row.kind = e.seq or 0, r.revision, r.qr_token, r.kind
    row.status, row.currency, row.total, row.printed_at = r.status, r.currency, r.total, r.printed_at
    row.started_at, row.received_at, row.record = r.started_at, now, e.body
    store = session.get(Store, device.store_id)
    if store is None:
        raise RuntimeError(f"store {device.store_id} of device {e.device_id} vanished during ingest")
    if r.store_name and store.name is None:
        store.name = r.store_name
    if secret is not None and r.member_id and r.member_id.strip():
        row.member_hash = member_hash(secret, store.retailer, r.member_id)
        if row.customer_id is None:
            row.customer_id = customer_for_member_hash(session, store.retailer, row.member_hash)


def record_heartbeat(session: Session, e: Envelope) -> None:
    device = session.get(Device, e.device_id)
    if device is None:
        return
    device.last_seen_at, device.online, device.health = e.created_at, True, e.body


def record_offline(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is not None:
        device.online = False
