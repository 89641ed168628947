"""The record: what a box delivers for one print job (envelope kind "transaction"), and the same record
with a higher revision when the job is read again (kind "correction"). The box builds it from its store
(edge/store/records.py); the cloud reads it (cloud_api/crud/ingest.py) and refuses one newer than it
knows (`record_version`), keeping it aside as unreadable instead of storing half of it.

The transaction inside is the wire's transaction (sync/wire/transaction.py), read whole: a record whose
transaction does not read as one is refused whole too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from sync.wire.model import Limit, Short
from sync.wire.transaction import Transaction

# 1: the record. 2: `paper`, the receipt as printed (text), for the shopper's page. 3: `paper_png`, the
# paper as a picture (base64 PNG, 1 bit), and `language`, the receipt's (BCP 47). 4: `job_bytes`, the
# print job's bytes as the till sent them (base64), and `printer`, the printer profile they were decoded
# with: the cloud reads a corrected receipt again exactly as the box did, to learn its layout (issue 17).
RECORD_VERSION = 4
MAX_JOB_BYTES = 192 * 1024  # a larger job (a long receipt of raster images) travels without its bytes



@dataclass(frozen=True)
class Record:
    """One print job as the box read it."""

    job_id: Short  # the spool's id: the cloud keys the job on (device, job_id)
    transaction: Transaction
    record_version: Annotated[int, Limit(ge=1)] = 1
    revision: Annotated[int, Limit(ge=1)] = 1  # a correction is the same job with a higher revision
    qr_token: Short | None = None  # the token printed on the receipt (its e-receipt's address)
    started_at: Annotated[str, Limit(max_length=40)] | None = None  # the job's first byte, ISO 8601
    ended_at: Annotated[str, Limit(max_length=40)] | None = None
    boundary: Short | None = None  # what ended the job: cut, idle, ...
    parser: Short | None = None
    tags: dict[str, Any] | None = None
    paper: str | None = None  # the receipt as printed (text), sealed
    paper_png: str | None = None  # the paper as a picture, base64 PNG, sealed
    language: Annotated[str, Limit(max_length=35)] | None = None  # BCP 47
    job_bytes: Annotated[str, Limit(max_length=(MAX_JOB_BYTES + 2) // 3 * 4)] | None = None  # base64, sealed
    printer: Short | None = None  # the printer profile's name (edge/escpos/printer_profile.py)
