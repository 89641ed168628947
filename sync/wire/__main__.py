"""`python -m sync.wire DIR`: writes the JSON Schema of each wire document into DIR."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sync.wire.heartbeat import Heartbeat
from sync.wire.model import json_schema

DOCUMENTS: dict[str, type] = {"heartbeat": Heartbeat}


def schema_text(doc: type) -> str:
    return json.dumps(json_schema(doc), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m sync.wire DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, doc in DOCUMENTS.items():
        (out / f"{name}.schema.json").write_text(schema_text(doc), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
