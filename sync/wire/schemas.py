"""The JSON Schemas of the wire's documents, generated from their models (docs/schemas/ holds them)."""

from __future__ import annotations

import json
from pathlib import Path

from sync.wire.config import FleetConfig
from sync.wire.heartbeat import Heartbeat
from sync.wire.model import json_schema
from sync.wire.record import Record
from sync.wire.transaction import Transaction

DOCUMENTS: dict[str, type] = {
    "config": FleetConfig,
    "heartbeat": Heartbeat,
    "record": Record,
    "transaction": Transaction,
}


def schema_text(doc: type) -> str:
    return json.dumps(json_schema(doc), indent=2, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in DOCUMENTS.items():
        path = out / f"{name}.schema.json"
        path.write_text(schema_text(doc), encoding="utf-8")
        written.append(path)
    return written
