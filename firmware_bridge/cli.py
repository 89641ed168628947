"""`tillbox bridge`: the command that runs the tap, with systemd's notify and watchdog."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from types import FrameType

from firmware_bridge.atomic_file import write_atomically
from firmware_bridge.boxfile import BoxFileError, read_box_file
from firmware_bridge.bridge import Bridge, BridgeConfig
from firmware_bridge.injection import Injector, UnixSocketInjector
from firmware_bridge.links import LinkConfigError, LinkError, open_endpoint
from firmware_bridge.spool import BRIDGE_STATUS_FILE, SpoolError
from firmware_bridge.stream_language import COMMAND_SETS
from firmware_bridge.systemd import Notifier

log = logging.getLogger("tillbox.bridge")

STATUS_FILE = BRIDGE_STATUS_FILE


def parse_size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().removesuffix("b")
    try:
        value = int(float(t[:-1]) * units[t[-1]]) if t and t[-1] in units else int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 8M, 512k, 1048576)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bridge", help="run the line tap between the POS and the printer")
    p.add_argument(
        "--config",
        type=Path,
        help="read links, spool and the agent's socket from the box's box.toml (flags override it)",
    )
    p.add_argument("--pos", help="link URL of the POS side, e.g. serial:///dev/ttyS0?baud=19200")
    p.add_argument("--printer", help="link URL of the printer, e.g. tcp://192.0.2.10:9100")
    p.add_argument("--spool", type=Path, help="directory for finished jobs (no capture without it)")
    p.add_argument("--idle-gap", type=positive_float, default=2.0, help="seconds of silence that end a job")
    p.add_argument("--max-job-bytes", type=parse_size, default=8 * 1024 * 1024, help="split jobs above this")
    p.add_argument("--inject", metavar="SOCKET", help="Unix socket of the agent that supplies the QR block")
    p.add_argument("--inject-deadline-ms", type=positive_float, default=30.0)
    p.add_argument(
        "--command-set",
        choices=sorted(COMMAND_SETS),
        help="the printer's command set (default: box.toml's [printer] command_set, else escpos: ESC/POS "
        "until the stream shows Star commands)",
    )
    p.add_argument(
        "--mirror-flow",
        action="store_true",
        help="drive the POS port's RTS/DTR from the printer's CTS/DSR (real UARTs)",
    )
    p.add_argument("--log-level", default="INFO")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=getattr(logging, str(args.log_level).upper(), logging.INFO),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The pump thread must get the GIL back quickly when bytes arrive, whatever the framer is doing.
    sys.setswitchinterval(0.0005)
    if args.config is not None:
        try:
            box = read_box_file(args.config)
        except BoxFileError as e:
            print(f"tillbox bridge: {e}", file=sys.stderr)
            return 2
        args.pos = args.pos or box.pos
        args.printer = args.printer or box.printer
        args.spool = args.spool or box.spool
        args.inject = args.inject or box.inject
        args.command_set = args.command_set or box.command_set
    if not args.pos or not args.printer:
        print("tillbox bridge: give --config, or --pos and --printer", file=sys.stderr)
        return 2
    try:
        pos = open_endpoint(args.pos, mirror_flow=args.mirror_flow)
        printer = open_endpoint(args.printer)
        config = BridgeConfig(
            spool_dir=args.spool,
            idle_gap_s=args.idle_gap,
            max_job_bytes=args.max_job_bytes,
            inject_deadline_s=args.inject_deadline_ms / 1000,
            command_set=args.command_set or "escpos",
        )
        injector: Injector | None = UnixSocketInjector(args.inject) if args.inject else None
        bridge = Bridge(pos, printer, config, injector)
        if hasattr(pos, "bind"):
            pos.bind()  # a port already in use is a start-up error, not a retry
    except (LinkConfigError, LinkError, SpoolError, OSError) as e:
        print(f"tillbox bridge: {e}", file=sys.stderr)
        return 2

    def on_signal(signum: int, frame: FrameType | None) -> None:
        bridge.shutdown()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    error: list[BaseException] = []

    def pump() -> None:
        try:
            bridge.run()
        except LinkError as e:
            error.append(e)
        except BaseException as e:  # keep the supervisor informed; the traceback goes to the log
            log.exception("bridge failed")
            error.append(e)

    t = threading.Thread(target=pump, name="downstream")
    t.start()
    supervise(bridge, t, args.spool)
    t.join()
    if error:
        print(f"tillbox bridge: {error[0]}", file=sys.stderr)
        return 1
    return 0


def supervise(bridge: Bridge, pump: threading.Thread, spool: Path | None) -> None:
    """Tell systemd we are ready, ping the watchdog only while the pumps turn, publish counters."""
    notifier = Notifier()
    interval = notifier.watchdog_interval()
    while pump.is_alive() and not bridge.ready.wait(0.2):
        if interval:
            notifier.notify("WATCHDOG=1")  # starting up (waiting for a serial POS port) is not hung
    if not bridge.ready.is_set():
        return  # it failed to start; run() prints the one-line reason
    notifier.notify("READY=1", f"STATUS=pumping {bridge.pos.url} -> {bridge.printer.endpoint.url}")
    last_status = 0.0
    while pump.is_alive():
        pump.join(timeout=min(interval or 1.0, 1.0))
        now = time.monotonic()
        if interval and pump.is_alive() and bridge.healthy():
            notifier.notify("WATCHDOG=1")
        if spool is not None and now - last_status >= 5.0:
            write_status(spool, bridge)
            last_status = now
    notifier.notify("STOPPING=1")
    if spool is not None:
        write_status(spool, bridge)
    s = bridge.stats()
    log.info("stopped: %s", json.dumps(asdict(s)))


def write_status(spool: Path, bridge: Bridge) -> None:
    """Counters for `tillbox status` and the agent: the bridge's word on lost copies, reconnects, jobs."""
    path = spool / STATUS_FILE
    body = {**asdict(bridge.stats()), "pid": os.getpid(), "updated": time.time()}
    try:
        write_atomically(path, json.dumps(body).encode(), durable=False)
    except OSError as e:
        log.warning("cannot write %s: %s", path, e)
