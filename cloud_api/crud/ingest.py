"""What ingest does with each new envelope, inside the ledger's transaction (sync.subscriber's `store`
callback): a transaction or correction becomes one row per (device, job), a heartbeat updates its
device's health. A record this service cannot store as it is (unreadable, out of range, a QR token
another receipt holds) is handed back to the subscriber, which quarantines it; nothing here commits."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customer_features import renew_for
from cloud_api.crud.customers import customers_for_member_hashes, member_hash
from cloud_api.crud.tags import touched
from cloud_api.models import Device, ReceiptPaper, ReceiptPrint, Store, Transaction
from cloud_api.money import parse_decimal
from edge.parsing.layout import layout_key
from sync.bounds import OutOfBounds, check_time
from sync.envelope import Envelope
from sync.subscriber import Refusal
from sync.wire.heartbeat import Heartbeat
from sync.wire.model import WireError, from_wire, to_wire
from sync.wire.record import MAX_JOB_BYTES, RECORD_VERSION, Record


class UnreadableError(ValueError):
    pass


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PAPER_PNG = 256 * 1024  # the box sends none over 192 KiB


def paper_png(body: dict[str, Any]) -> bytes | None:
    """The picture of the paper a record carries (record_version 3), if it is one: a PNG of sane size.
    Anything else is left out; the record's text paper still stands."""
    text = body.get("paper_png")
    if not isinstance(text, str) or len(text) > MAX_PAPER_PNG * 4 // 3 + 4:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(PNG_SIGNATURE) else None


def job_bytes(body: dict[str, Any]) -> bytes | None:
    """The print job's bytes a record carries (record_version 4), if they read as base64 of sane size."""
    text = body.get("job_bytes")
    if not isinstance(text, str) or len(text) > (MAX_JOB_BYTES + 2) // 3 * 4:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


# What a record carries that is kept beside it, not in its JSON (the queries over records carry neither).
BESIDE = ("paper_png", "job_bytes")
# The columns a box's later parse does not change once HQ corrected the receipt.
CORRECTED_COLUMNS = ("kind", "status", "currency", "total", "printed_at")


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
    parser: str | None
    layout: str | None


def _aware(text: object, field: str) -> datetime:
    if not isinstance(text, str) or len(text) > 40:
        raise UnreadableError(f"{field}: a timestamp string is needed")
    try:
        t = datetime.fromisoformat(text)
    except ValueError as e:
        raise UnreadableError(f"{field}: {e}") from e
    t = t if t.tzinfo else t.replace(tzinfo=UTC)
    try:
        check_time(t, field)
    except OutOfBounds as e:
        raise UnreadableError(str(e)) from None
    return t


def read_record(body: dict[str, Any]) -> ParsedRecord:
    """The record as the wire's model (sync/wire/record.py); one of a version this cloud does not know
    yet is refused whole rather than stored in part."""
    try:
        record = from_wire(Record, body)
    except WireError as err:
        raise UnreadableError(str(err)) from None
    if not record.job_id:
        raise UnreadableError("Record.job_id: empty")
    if record.record_version > RECORD_VERSION:
        newer = record.record_version
        text = f"Record.record_version: {newer} is newer than this cloud reads ({RECORD_VERSION})"
        raise UnreadableError(text)
    tx = record.transaction
    total = None
    if tx.total is not None:
        total = parse_decimal(format(tx.total, "f"))
        if total is None:  # the wire's decimals reach further than a NUMERIC column or a sum should
            raise UnreadableError(
                f"Record.transaction.total: {format(tx.total, 'f')[:40]!r} is no amount a till prints"
            )
    return ParsedRecord(
        job_id=record.job_id,
        revision=record.revision,
        qr_token=record.qr_token,
        kind=tx.kind,
        status=tx.status,
        currency=tx.currency,
        total=total,
        printed_at=tx.datetime,
        started_at=_aware(body.get("started_at"), "started_at"),
        store_name=tx.store.name[:200] if tx.store.name is not None else None,
        member_id=tx.member_id,
        parser=record.parser,
        layout=layout_key(record.paper.splitlines()) if record.paper is not None else None,
    )


def store_envelope(session: Session, e: Envelope, secret: ServiceSecret | None = None) -> list[Refusal]:
    return store_envelopes(session, [e], secret)


def store_envelopes(
    session: Session, envelopes: list[Envelope], secret: ServiceSecret | None = None
) -> list[Refusal]:
    """One device's new transactions and corrections (one MQTT message): insert each job once, or replace
    an older revision; never go back to an older one (a live correction may overtake its original in a
    backlog). With the service's secret, a receipt whose member number is linked to a customer is that
    customer's from the moment it arrives. A few statements per message, not per envelope: a backlog
    arrives 100 envelopes to a message. Returns the envelopes left unstored, with why."""
    if not envelopes:
        return []
    device_id = envelopes[0].device_id
    if any(e.device_id != device_id for e in envelopes):
        raise ValueError("one device's envelopes at a time")
    device = session.get(Device, device_id)
    if device is None:  # the registry let it through, so only a device deleted meanwhile
        raise RuntimeError(f"device {device_id} vanished during ingest")
    store = session.get(Store, device.store_id)
    if store is None:
        raise RuntimeError(f"store {device.store_id} of device {device_id} vanished during ingest")
    now = datetime.now(UTC)
    refused: list[Refusal] = []
    latest: dict[str, tuple[Envelope, ParsedRecord]] = {}
    for e in envelopes:
        try:
            r = read_record(e.body)
        except UnreadableError as err:
            refused.append((e, OutOfBounds("unreadable", str(err))))
            continue
        kept = latest.get(r.job_id)
        if kept is None or kept[1].revision < r.revision:
            latest[r.job_id] = (e, r)
    if not latest:
        return refused
    with session.no_autoflush:
        existing = {
            t.job_id: t
            for t in session.scalars(
                select(Transaction).where(Transaction.device_id == device_id, Transaction.job_id.in_(latest))
            )
        }
    refused += _tokens_taken(session, device_id, latest)
    hashes = {
        job: member_hash(secret, store.retailer, r.member_id)
        for job, (_, r) in latest.items()
        if secret is not None and r.member_id and r.member_id.strip()
    }
    owners = customers_for_member_hashes(session, store.retailer, set(hashes.values()))
    new_rows: list[dict[str, Any]] = []
    for job, (e, r) in latest.items():
        fields: dict[str, Any] = {
            "seq": e.seq or 0,
            "revision": r.revision,
            "qr_token": r.qr_token,
            "kind": r.kind,
            "status": r.status,
            "currency": r.currency,
            "total": r.total,
            "printed_at": r.printed_at,
            "started_at": r.started_at,
            "received_at": now,
            "record": {k: v for k, v in e.body.items() if k not in BESIDE},
            "member_hash": hashes.get(job),
            "layout": r.layout,
            "parser": r.parser,
        }
        row = existing.get(job)
        if row is None:
            customer = owners.get(hashes[job]) if job in hashes else None
            new_rows.append(
                {
                    **fields,
                    "device_id": device_id,
                    "store_id": device.store_id,
                    "job_id": job,
                    "customer_id": customer,
                }
            )
        elif row.revision < r.revision:
            if row.corrected_at is not None:
                # HQ's correction is the truth: the box's later parse renews the rest of the record only.
                fields = {k: v for k, v in fields.items() if k not in CORRECTED_COLUMNS}
                fields["record"] = {**fields["record"], "transaction": row.record["transaction"]}
            for name, value in fields.items():
                setattr(row, name, value)
            if row.customer_id is None and job in hashes:
                row.customer_id = owners.get(hashes[job])
    if new_rows:
        session.execute(insert(Transaction), new_rows)
    revised = [existing[j].customer_id for j in latest if j in existing]
    # A revision may take an item away: its customer's tags are re-applied whatever it holds.
    retag = touched(session, store.retailer, [(r["customer_id"], r["record"]) for r in new_rows])
    renew_for(
        session,
        [r["customer_id"] for r in new_rows] + revised,
        now,
        retag=retag | {c for c in revised if c is not None},
    )
    _store_papers(session, device_id, {job: e for job, (e, r) in latest.items()}, existing)
    return refused


def _tokens_taken(
    session: Session, device_id: str, latest: dict[str, tuple[Envelope, ParsedRecord]]
) -> list[Refusal]:
    """Drop from `latest` the records whose QR token another receipt holds (stored, or earlier in this
    message): a token opens one receipt's page, so the first one keeps it."""
    wanted = {r.qr_token for _, r in latest.values() if r.qr_token is not None}
    if not wanted:
        return []
    with session.no_autoflush:
        holders = {
            token: (device, job)
            for token, device, job in session.execute(
                select(Transaction.qr_token, Transaction.device_id, Transaction.job_id).where(
                    Transaction.qr_token.in_(wanted)
                )
            )
        }
    refused: list[Refusal] = []
    for job, (e, r) in list(latest.items()):
        if r.qr_token is None:
            continue
        holder = holders.setdefault(r.qr_token, (device_id, job))
        if holder != (device_id, job):
            del latest[job]
            refused.append(
                (e, OutOfBounds("qr_token_taken", f"job {job}: its QR token opens another receipt"))
            )
    return refused


def _store_papers(
    session: Session, device_id: str, sent: dict[str, Envelope], existing: dict[str, Transaction]
) -> None:
    """The pictures of the papers and the print jobs just stored, each beside its transaction (a
    correction's replaces the one before; a record without one leaves none)."""
    ids = {
        job: tid
        for job, tid in session.execute(
            select(Transaction.job_id, Transaction.id).where(
                Transaction.device_id == device_id, Transaction.job_id.in_(sent)
            )
        )
    }
    # Only rows this message wrote: an older revision that arrived late changed nothing, nor does its paper.
    written = {
        job: ids[job]
        for job, e in sent.items()
        if job in ids and (job not in existing or existing[job].seq == (e.seq or 0))
    }
    replaced = [tid for job, tid in written.items() if job in existing]
    if replaced:
        session.execute(delete(ReceiptPaper).where(ReceiptPaper.transaction_id.in_(replaced)))
        session.execute(delete(ReceiptPrint).where(ReceiptPrint.transaction_id.in_(replaced)))
    papers = [
        {"transaction_id": tid, "png": png}
        for job, tid in written.items()
        if (png := paper_png(sent[job].body)) is not None
    ]
    if papers:
        session.execute(insert(ReceiptPaper), papers)
    prints = [
        {"transaction_id": tid, "data": data, "printer": printer if isinstance(printer, str) else None}
        for job, tid in written.items()
        if (data := job_bytes(sent[job].body)) is not None
        for printer in [sent[job].body.get("printer")]
    ]
    if prints:
        session.execute(insert(ReceiptPrint), prints)


def record_heartbeat(session: Session, e: Envelope) -> None:
    """The device's health from its heartbeat, read as the wire's model (sync/wire/heartbeat.py); one that
    does not read is kept aside as unreadable (the subscriber quarantines an OutOfBounds), the device's
    last good health kept."""
    try:
        heartbeat = from_wire(Heartbeat, e.body)
    except WireError as err:
        raise OutOfBounds("unreadable", str(err)) from None
    device = session.get(Device, e.device_id)
    if device is None:
        return
    device.last_seen_at, device.online, device.health = e.created_at, True, to_wire(heartbeat)


def record_offline(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is not None:
        device.online = False
