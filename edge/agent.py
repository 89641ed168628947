"""The agent's main loop (so far: spool -> store). It takes what the bridge spooled, as fast as it
comes, and never touches the print path: if it stops, receipts still print and wait in the spool."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from edge.escpos.printer_profile import PROFILES, PrinterProfile

if TYPE_CHECKING:
    from edge.config import BoxConfig

log = logging.getLogger("tillbox.agent")


def run_agent(
    spool: Path,
    db: Path,
    printer: PrinterProfile,
    stop: threading.Event,
    poll_s: float = 0.2,
    inject_socket: Path | None = None,
    qr_url: str | None = None,
) -> None:
    # Imported here: `tillbox bridge` shares this command line and must start in a blink.
    from edge.store.database import open_store
    from edge.store.ingest import ingest_spool

    sessions = open_store(db)
    server = None
    if inject_socket and qr_url:
        from edge.qr.injector import QrInjector, serve

        server = serve(inject_socket, QrInjector(spool, printer, qr_url))
    from firmware_bridge.systemd import Notifier

    notifier = Notifier()
    notifier.notify("READY=1", f"STATUS=storing {spool} into {db}")
    try:
        while not stop.is_set():
            notifier.notify("WATCHDOG=1")  # each turn of the loop: a hung store stops the pings
            result = ingest_spool(spool, sessions, printer, limit=100)
            if result.stored or result.bad:
                log.info(
                    "stored %d, duplicates %d, empty %d, bad %d",
                    result.stored,
                    result.duplicates,
                    result.skipped,
                    result.bad,
                )
            if not (result.stored or result.duplicates or result.skipped):
                stop.wait(poll_s)
    finally:
        notifier.notify("STOPPING=1")
        if server is not None and inject_socket is not None:
            server.shutdown()
            server.server_close()
            inject_socket.unlink(missing_ok=True)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agent", help="store the bridge's spooled receipts (capture, transaction, outbox)")
    p.add_argument("--config", type=Path, help="the box's configuration (/etc/tillbox/box.toml)")
    p.add_argument("--spool", type=Path, help="(without --config) the bridge's spool directory")
    p.add_argument("--db", type=Path, help="(without --config) the box's SQLite store")
    p.add_argument("--printer-profile", default="generic-80mm", choices=sorted(PROFILES))
    p.add_argument("--inject-socket", type=Path, help="answer the bridge's injection requests here")
    p.add_argument("--qr-url", help="e-receipt URL template, e.g. https://r.example.com/r/{token}")
    p.set_defaults(func=run)
    c = sub.add_parser("check-config", help="check the box's configuration; one line per problem")
    c.add_argument("--config", type=Path, default=Path("/etc/tillbox/box.toml"))
    c.set_defaults(func=run_check_config)


def _load_config(path: Path) -> BoxConfig | None:
    """The configuration, or None after printing each of its problems on a line of its own."""
    from edge.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return None


def run_check_config(args: argparse.Namespace) -> int:
    cfg = _load_config(args.config)
    if cfg is None:
        return 2
    print(
        f"{args.config}: ok (device {cfg.device_id}, store {cfg.store_id}, printer {cfg.printer.name}, "
        f"{cfg.printer.dots} dots, QR {'on' if cfg.qr_url else 'off'})"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.config is not None:
        cfg = _load_config(args.config)
        if cfg is None:
            return 2
        args.spool, args.db, args.inject_socket, args.qr_url = (
            cfg.spool,
            cfg.db,
            cfg.inject_socket,
            cfg.qr_url,
        )
        printer = cfg.printer
    elif args.spool is None or args.db is None:
        print("tillbox agent: give --config, or --spool and --db", file=sys.stderr)
        return 2
    else:
        printer = PROFILES[args.printer_profile]
    if not args.spool.is_dir():
        print(f"tillbox agent: spool directory {args.spool} does not exist", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if bool(args.inject_socket) != bool(args.qr_url):
            raise ValueError("--inject-socket and --qr-url go together")
        run_agent(
            args.spool,
            args.db,
            printer,
            stop,
            inject_socket=args.inject_socket,
            qr_url=args.qr_url,
        )
    except (RuntimeError, ValueError) as e:  # a store or settings this agent cannot use
        print(f"tillbox agent: {e}", file=sys.stderr)
        return 2
    return 0
