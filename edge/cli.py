"""`tillbox`: every command that runs on the box, plus the till simulators.

Only the module of the command being run is imported: `tillbox bridge` must start in a blink, and the
agent's memory budget (60 MB) has no room for the bridge's or the simulators' modules. Commands that live
outside edge/ (the simulators in hardware_tests/) come in through the `tillbox.commands` entry-point
group, since edge may not import them; that group is read only for a command that is not ours (or for
--help).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# command -> the module whose add_parser(s) registers it
BUILTIN: dict[str, str] = {
    "bridge": "firmware_bridge.cli",
    "render": "edge.receipt_cli",
    "parse": "edge.receipt_cli",
    "split": "edge.receipt_cli",
    "induce-profile": "edge.receipt_cli",
    "agent": "edge.agent",
    "check-config": "edge.agent",
    "status": "edge.store_cli",
    "reparse": "edge.store_cli",
}


def _register(sub: argparse._SubParsersAction[argparse.ArgumentParser], module: str) -> None:
    mod = importlib.import_module(module)
    (getattr(mod, "add_parsers", None) or mod.add_parser)(sub)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tillbox", description="the smart till box")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    if command in BUILTIN:
        _register(sub, BUILTIN[command])
        return parser
    for module in dict.fromkeys(BUILTIN.values()):
        _register(sub, module)
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group="tillbox.commands"), key=lambda e: e.name):
        ep.load()(sub)
    return parser


def config_after_command(argv: list[str]) -> list[str]:
    """`tillbox --config box.toml status` as `tillbox status --config box.toml`: the commands that read
    box.toml take --config after their name, and people type it before as often."""
    if argv and argv[0].startswith("--config="):
        return [*argv[1:2], argv[0], *argv[2:]]
    if len(argv) >= 3 and argv[0] == "--config":
        return [argv[2], "--config", argv[1], *argv[3:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    argv = config_after_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
