"""The bridge's part of /etc/tillbox/box.toml: the two links, the spool, the agent's socket, and the
printer's command set when it is given (`[printer] command_set`).

The bridge reads only these keys and tolerates everything else in the file, so a mistake in a part that
concerns the agent (tag rules, retention, the cloud) never stops the till from printing. The agent's
`tillbox check-config` validates the whole file. Kept here because the bridge imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from firmware_bridge.links import LinkConfigError, open_endpoint
from firmware_bridge.stream_language import COMMAND_SETS
from firmware_bridge.tomlfile import TomlError, read_toml

# The defaults of [paths] spool and inject_socket: the agent's reader (edge/config.py) takes them from
# here, so that the two processes meet at the same places when the file names neither.
SPOOL = "/var/spool/tillbox"
INJECT_SOCKET = "/run/tillbox/inject.sock"


class BoxFileError(ValueError):
    pass


@dataclass(frozen=True)
class BridgeSettings:
    pos: str
    printer: str
    spool: Path
    inject: str | None  # None when the QR is off
    # "escpos" (ESC/POS until the stream shows Star commands), "star-line" or "starprnt" (Star from the
    # first byte: for a Star driver that sends no ESC GS, ESC RS or ESC ACK, which the bridge would
    # otherwise read as ESC/POS, cutting at Star's ESC i character expansion).
    command_set: str = "escpos"


def read_box_file(path: Path) -> BridgeSettings:
    try:
        data = read_toml(path)
    except TomlError as e:
        raise BoxFileError(str(e)) from None

    def table(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise BoxFileError(f"{path}: {name}: must be a table")
        return value

    links, paths, qr, printer = table("links"), table("paths"), table("qr"), table("printer")
    problems = []
    command_set = printer.get("command_set", "escpos")
    if not isinstance(command_set, str) or command_set not in COMMAND_SETS:
        problems.append(f"{path}: printer.command_set: one of {', '.join(COMMAND_SETS)}, not {command_set!r}")
    for key in ("pos", "printer"):
        url = links.get(key)
        if not isinstance(url, str):
            problems.append(f"{path}: links.{key}: required, a link URL")
            continue
        try:
            open_endpoint(url)  # parses and checks only: nothing is opened
        except LinkConfigError as e:
            problems.append(f"{path}: links.{key}: {e}")
    spool = paths.get("spool", SPOOL)
    inject = paths.get("inject_socket", INJECT_SOCKET)
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
        command_set=command_set,
    )
