"""`python -m sync.wire DIR`: writes the JSON Schema of each wire document into DIR."""

from __future__ import annotations

import sys
from pathlib import Path

from sync.wire.schemas import write_schemas


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m sync.wire DIR", file=sys.stderr)
        return 2
    for path in write_schemas(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
