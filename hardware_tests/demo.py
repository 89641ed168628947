"""The demo: the whole system on this machine, with embedded defaults.

    ./scripts/demo.sh [--receipts 40] [--pace 1.5]      (sets everything up, then runs this)

A Mosquitto with the shipped TLS/ACL configuration, the cloud (SQLite, `tillbox-cloud serve` and
`ingest`), one enrolled box (`tillbox bridge` + `tillbox agent` from one box.toml) in front of the printer
simulator on TCP 9100 (another port if 9100 is taken), and a simulated till replaying a day of varied
receipts (generated Chinese and English ones, then the real captures in ../shared/captures) at a
realistic pace. It prints the dashboard URL and the HQ login, each receipt's e-receipt URL as it prints,
and a progress line (printed / parsed / synced); the paper goes to demo-out/printed/job-N.png. At the
end (or on Ctrl-C) everything stops cleanly and the printer's bytes are compared with the till's.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.models import Transaction
from edge.escpos.printer_profile import PROFILES
from edge.store.database import open_store_readonly
from edge.store.models import Capture, TransactionRow
from firmware_bridge.links import LinkError, open_endpoint
from firmware_bridge.spool import list_jobs
from hardware_tests.demo_system import HQ_USER, REPO, Services
from hardware_tests.ports import free_port
from hardware_tests.receipts import receipts
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator


class Progress:
    """Counts from the box's store and the cloud's database, and the e-receipt URLs not yet shown."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.cloud = make_sessions(make_engine(services.cloud_db))
        self.shown: set[str] = set()

    def new_urls(self) -> list[str]:
        if not self.services.box_db.exists():
            return []
        with open_store_readonly(self.services.box_db)() as s:
            tokens = s.scalars(
                select(Capture.qr_token).where(Capture.qr_token.is_not(None)).order_by(Capture.id)
            )
            fresh = [t for t in tokens if t is not None and t not in self.shown]
        self.shown.update(fresh)
        return [f"{self.services.base_url}/r/{t}" for t in fresh]

    def counts(self) -> tuple[int, int]:
        parsed = 0
        if self.services.box_db.exists():
            with open_store_readonly(self.services.box_db)() as s:
                parsed = s.scalar(select(func.count(TransactionRow.id))) or 0
        with self.cloud() as s:
            synced = s.scalar(select(func.count(Transaction.id))) or 0
        return parsed, synced


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="run the whole tillbox system on this machine")
    ap.add_argument("--out", type=Path, default=REPO / "demo-out")
    ap.add_argument("--receipts", type=int, default=40, help="generated receipts before the real captures")
    ap.add_argument("--pace", type=float, default=1.5, help="seconds between receipts at the till")
    ap.add_argument("--baud", type=int, default=115200)
    ap.add_argument("--no-captures", action="store_true", help="only generated receipts")
    args = ap.parse_args(argv)

    shutil.rmtree(args.out, ignore_errors=True)
    paper = PROFILES["chinese-80mm"]
    printer_port = free_port(9100)
    printer_ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
    printer_ep.bind()  # type: ignore[attr-defined]
    services = Services(args.out, printer_port)
    printer = PrinterSimulator(printer_ep, args.out / "printed", idle_gap_s=1.0, paper=paper).start()
    # Ctrl-C reaches every process of the terminal's group at once: the services stop by themselves, and
    # this one stops the till (which would otherwise keep reconnecting to a bridge that is gone).
    stopping = threading.Event()
    pos: PosSimulator | None = None

    def on_signal(signum: int, frame: object) -> None:
        stopping.set()
        if pos is not None:
            pos.stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        services.start()
        progress = Progress(services)
        print(f"dashboard  {services.base_url}/hq   login {HQ_USER} / {services.password}")
        box = f"127.0.0.1:{services.bridge_port}"
        print(f"printer simulator on 127.0.0.1:{printer_port}; the till prints to the box on {box}")
        print(f"paper -> {args.out / 'printed'}/job-N.png   logs -> {args.out / 'logs'}")
        captures = (
            [] if args.no_captures else sorted((REPO.parent / "shared" / "captures" / "real").glob("*.bin"))
        )
        captures.sort(key=lambda p: "retail" in p.name)  # its lying image length swallows what follows
        till = receipts(args.receipts) + [p.read_bytes() for p in captures]
        pos = PosSimulator(
            open_endpoint(f"tcp://127.0.0.1:{services.bridge_port}"), baud=args.baud, per_receipt=True
        )

        def show() -> tuple[int, int]:
            for url in progress.new_urls():
                print(f"\re-receipt  {url}{' ' * 20}")
            parsed, synced = progress.counts()
            print(
                f"\rreceipts printed {len(printer.jobs)}/{len(till)}  parsed {parsed}  synced {synced}   ",
                end="",
                flush=True,
            )
            return parsed, synced

        for receipt in till:
            if stopping.is_set():
                break
            pos.run([receipt])
            deadline = time.monotonic() + args.pace
            while time.monotonic() < deadline and not stopping.is_set():
                show()
                time.sleep(min(0.25, args.pace))
        # The last ones: the bridge closes a job after an idle gap, the agent takes it from the spool, the
        # cloud stores it. Done when that has been still for two seconds.
        deadline = time.monotonic() + 30
        still_since = None
        while time.monotonic() < deadline and not stopping.is_set():
            parsed, synced = show()
            settled = (
                len(printer.jobs) >= len(till)
                and not list_jobs(args.out / "box" / "spool")
                and synced >= parsed
            )
            still_since = (still_since or time.monotonic()) if settled else None
            if still_since is not None and time.monotonic() - still_since >= 2.0:
                break
            time.sleep(0.25)
        show()
        print()
    except LinkError:
        if not stopping.is_set():
            raise
    finally:
        if stopping.is_set():
            print("\nstopping")
        services.stop()
        printer.stop()
    interrupted = stopping.is_set()
    if pos is None:
        return 130 if interrupted else 1
    sent, printed = bytes(pos.sent), bytes(printer.received)
    in_order = in_order_within(sent, printed)
    print(
        f"the till sent {len(sent):,} bytes; the printer got {len(printed):,} "
        f"({len(printed) - len(sent):,} added: the QR blocks); all of the till's, in order: {in_order}"
    )
    return 130 if interrupted else (0 if in_order else 1)


def in_order_within(sent: bytes, printed: bytes) -> bool:
    """Whether every byte the till sent is in what the printer got, in the same order (the bridge adds
    QR blocks before cuts and must never drop or reorder anything)."""
    at = 0
    for b in sent:
        at = printed.find(bytes([b]), at)
        if at < 0:
            return False
        at += 1
    return True


if __name__ == "__main__":
    raise SystemExit(main())
