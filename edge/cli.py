"""`tillbox`: every command that runs on the box, plus the till simulators.

Subcommands are registered lazily so `tillbox bridge` loads only the bridge. Commands that live outside
edge/ (the simulators in hardware_tests/) come in through the `tillbox.commands` entry-point group, since
edge may not import them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tillbox", description="the smart till box")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    from firmware_bridge import cli as bridge_cli

    bridge_cli.add_parser(sub)
    from edge import agent, receipt_cli, store_cli

    receipt_cli.add_parsers(sub)
    agent.add_parser(sub)
    store_cli.add_parsers(sub)
    for ep in sorted(entry_points(group="tillbox.commands"), key=lambda e: e.name):
        ep.load()(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
