"""`tillbox pos-sim`: replay captures into a link as a till would."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from firmware_bridge.links import LinkConfigError, LinkError, open_endpoint
from hardware_tests.simulators.pos import PosSimulator


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pos-sim", help="a simulated till: replay ESC/POS or Star captures into a link")
    p.add_argument("--to", required=True, help="link URL to print to, e.g. tcp://127.0.0.1:9100")
    p.add_argument("files", nargs="+", type=Path, help="ESC/POS captures, one receipt each")
    p.add_argument("--baud", type=int, default=115200, help="pace like a UART at this rate (0: unpaced)")
    p.add_argument("--no-poll", action="store_true", help="do not poll the status between receipts")
    p.add_argument(
        "--language",
        choices=("escpos", "star"),
        default="escpos",
        help="the printer's language: how to poll its status (DLE EOT, or Star's ESC ACK SOH)",
    )
    p.add_argument("--repeat", type=int, default=1, help="send the files this many times")
    p.add_argument("--per-receipt", action="store_true", help="one connection per receipt (spooler style)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        endpoint = open_endpoint(args.to)
        receipts = [f.read_bytes() for f in args.files]
    except (LinkConfigError, OSError) as e:
        print(f"tillbox pos-sim: {e}", file=sys.stderr)
        return 2
    sim = PosSimulator(
        endpoint,
        baud=args.baud,
        poll=not args.no_poll,
        per_receipt=args.per_receipt,
        connect_timeout_s=5.0,
        language=args.language,
    )
    try:
        report = sim.run(r for _ in range(max(1, args.repeat)) for r in receipts)
    except LinkError as e:
        print(f"tillbox pos-sim: {e}", file=sys.stderr)
        return 1
    print(json.dumps(asdict(report)))
    return 0
