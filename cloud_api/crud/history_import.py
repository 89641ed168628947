"""A store's history from before its box: one record a line (the published record format, sync/wire/
record.py — a POS export converted to it), stored through ingest's own path (store_envelopes), so an
imported receipt is read, bounded, linked to its member and counted in the customer features exactly as
one a box sent.

Imported receipts belong to the store's import source, a device row `import-<store code>` that was never
enrolled with a key and is revoked from its creation (no broker identity: nothing can publish as it).
Idempotent by job id: a line imported again is a revision the store already has, and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.ingest import UnreadableError, read_record, store_envelopes
from cloud_api.models import Device, Store, Transaction
from sync.bounds import OutOfBounds, check_json
from sync.envelope import Envelope

BATCH = 100  # envelopes per store_envelopes call, as a box's backlog message carries


@dataclass
class ImportResult:
    imported: int = 0  # new receipts
    lines: int = 0  # non-empty lines read
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)


def import_source(session: Session, store: Store, now: datetime) -> Device:
    """The store's import source (made on first use)."""
    device_id = f"import-{store.code}"[:64]
    device = session.get(Device, device_id)
    if device is None:
        device = Device(
            device_id=device_id, store_id=store.id, public_key="", enrolled_at=now, revoked_at=now
        )
        session.add(device)
        session.flush()
    elif device.store_id != store.id:
        raise ValueError(f"{device_id} belongs to another store")
    return device


def import_lines(
    session: Session, store: Store, lines: Iterable[str], now: datetime, secret: ServiceSecret | None = None
) -> ImportResult:
    """Store every good line; every bad one is reported with its number and reason, the rest imported.
    In the caller's transaction."""
    device = import_source(session, store, now)
    result = ImportResult()
    before = (
        session.scalar(
            select(func.count()).select_from(Transaction).where(Transaction.device_id == device.device_id)
        )
        or 0
    )
    batch: list[Envelope] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result.lines += 1
        try:
            body = json.loads(line)
            if not isinstance(body, dict):
                raise UnreadableError("a record is a JSON object")
            check_json(body)
            read_record(body)  # (store_envelopes reads it again; here, to say which line is bad)
        except json.JSONDecodeError as e:
            result.refused.append((number, f"not JSON: {e.msg} at column {e.colno}"))
            continue
        except (UnreadableError, OutOfBounds) as e:
            result.refused.append((number, str(e)))
            continue
        # The line number is the envelope's seq: a refusal below names its line.
        batch.append(Envelope(device.device_id, number, "transaction", now, body))
        if len(batch) == BATCH:
            _store(session, batch, secret, result)
            batch = []
    if batch:
        _store(session, batch, secret, result)
    after = (
        session.scalar(
            select(func.count()).select_from(Transaction).where(Transaction.device_id == device.device_id)
        )
        or 0
    )
    result.imported = after - before
    result.refused.sort()
    return result


def _store(
    session: Session, batch: list[Envelope], secret: ServiceSecret | None, result: ImportResult
) -> None:
    for e, why in store_envelopes(session, batch, secret):
        result.refused.append((e.seq or 0, str(why)))
