"""The bridge's part of /etc/tillbox/box.toml: the two links, the spool, and the agent's socket.

The bridge reads only these keys and tolerates everything else in the file, so a mistake in a part that
concerns the agent (tag rules, retention, the cloud) never stops the till from printing. The agent's
`tillbox check-config` validates the whole file. Kept here because the bridge imports nothing of ours.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class BoxFileError(ValueError):
    pass


@dataclass(frozen=True)
class BridgeSettings:
    pos: str
    printer: str
    spool: Path
    inject: str | None  # None when the QR is off


def read_box_file(path: Path) -> BridgeSettings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise BoxFileError(f"{path}: cannot read: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise BoxFileError(f"{path}: not valid TOML: {e}") from None

    def table(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise BoxFileError(f"{path}: {name}: must be a table")
        return value

    links, paths, qr = table("links"), table("paths"), table("qr")
    problems = [
        f"{path}: links.{key}: required, a link URL"
        for key in ("pos", "printer")
        if not isinstance(links.get(key), str)
    ]
    spool = paths.get("spool", "/var/spool/tillbox")
    inject = paths.get("inject_socket", "/run/tillbox/inject.sock")
    for key, value in (("spool", spool), ("inject_socket", inject)):
        if not isinstance(value, str) or not value.startswith("/"):
            problems.append(f"{path}: paths.{key}: an absolute path")
    if problems:
        raise BoxFileError("\n".join(problems))
    return BridgeSettings(
        pos=links["pos"],
        printer=links["printer"],
        spool=Path(spool),
        inject=None if qr.get("enabled", True) is False else inject,
    )
