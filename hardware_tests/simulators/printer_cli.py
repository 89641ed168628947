"""`tillbox printer-sim`: a printer on a link that saves what it prints.

Signals make it misbehave on cue: SIGUSR1 toggles busy (stops reading), SIGUSR2 toggles cover open.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from edge.escpos.printer_profile import PROFILES
from firmware_bridge.links import LinkConfigError, LinkError, open_endpoint


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("printer-sim", help="a simulated receipt printer that saves each job")
    p.add_argument("--listen", required=True, help="link URL to serve, e.g. tcp-listen://127.0.0.1:9100")
    p.add_argument("--out", type=Path, required=True, help="directory for the printed jobs")
    p.add_argument("--idle-gap", type=float, default=2.0)
    p.add_argument(
        "--paper",
        default="generic-80mm",
        choices=sorted(PROFILES),
        help="printer profile for the PNG of each job (paper width, code pages)",
    )
    p.add_argument("--no-png", action="store_true", help="save the bytes only")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s printer-sim: %(message)s", stream=sys.stderr)
    try:
        endpoint = open_endpoint(args.listen)
        if hasattr(endpoint, "bind"):
            endpoint.bind()
    except (LinkConfigError, LinkError) as e:
        print(f"tillbox printer-sim: {e}", file=sys.stderr)
        return 2
    from hardware_tests.simulators.printer import PrinterSimulator  # Pillow and the renderer: only when run

    paper = None if args.no_png else PROFILES[args.paper]
    sim = PrinterSimulator(endpoint, args.out, args.idle_gap, paper).start()
    done = threading.Event()

    def on_stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    def on_busy(signum: int, frame: FrameType | None) -> None:
        sim.set_busy(not sim.busy)

    def on_cover(signum: int, frame: FrameType | None) -> None:
        sim.set_cover_open(not sim.state.cover_open)

    signal.signal(signal.SIGTERM, on_stop)
    signal.signal(signal.SIGINT, on_stop)
    signal.signal(signal.SIGUSR1, on_busy)
    signal.signal(signal.SIGUSR2, on_cover)
    done.wait()
    sim.stop()
    return 0
