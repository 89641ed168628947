"""The demo: a simulated till printing through the real bridge into a simulated printer, on this machine.

    ./scripts/demo.sh            (sets everything up, then runs this)

The printer simulator listens on TCP, the bridge sits in front of it as a network printer would, and the
till replays a mix of generated receipts (Chinese and English, logos, barcodes, QR codes) and the real
captures in ../shared/captures at the pace of a 115,200-baud line. Printed jobs land in demo-out/printed,
the bridge's captured jobs in demo-out/spool. Ctrl-C stops everything cleanly.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from edge.escpos.printer_profile import GENERIC
from firmware_bridge.links import open_endpoint
from firmware_bridge.spool import list_jobs
from hardware_tests.receipts import receipts
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="run the till -> bridge -> printer demo")
    ap.add_argument("--out", type=Path, default=REPO / "demo-out")
    ap.add_argument("--receipts", type=int, default=40, help="generated receipts to print")
    ap.add_argument("--baud", type=int, default=115200)
    args = ap.parse_args(argv)

    shutil.rmtree(args.out, ignore_errors=True)
    (args.out / "spool").mkdir(parents=True)
    printer_port, bridge_port = free_port(), free_port()
    printer_ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
    printer_ep.bind()  # type: ignore[attr-defined]
    printer = PrinterSimulator(printer_ep, args.out / "printed", idle_gap_s=1.0, paper=GENERIC).start()
    log = open(args.out / "bridge.log", "wb")  # noqa: SIM115 (open for the bridge's whole life)
    bridge = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "edge",
            "bridge",
            "--pos",
            f"tcp-listen://127.0.0.1:{bridge_port}",
            "--printer",
            f"tcp://127.0.0.1:{printer_port}",
            "--spool",
            str(args.out / "spool"),
            "--idle-gap",
            "1",
        ],
        stderr=log,
        stdout=log,
    )
    print(
        f"printer simulator on 127.0.0.1:{printer_port}, bridge on 127.0.0.1:{bridge_port} (as the printer)"
    )
    print(f"printed paper -> {args.out / 'printed'}   captured jobs -> {args.out / 'spool'}")
    captures = sorted((REPO.parent / "shared" / "captures" / "real").glob("*.bin"))
    captures.sort(key=lambda p: "retail" in p.name)  # its lying image length swallows what follows
    till_receipts = receipts(args.receipts) + [p.read_bytes() for p in captures]
    pos = PosSimulator(open_endpoint(f"tcp://127.0.0.1:{bridge_port}"), baud=args.baud, per_receipt=True)
    interrupted = False

    def progress() -> str:
        spooled = len(list_jobs(args.out / "spool"))
        return (
            f"\rreceipts sent {pos.report.receipts}/{len(till_receipts)}  printed {len(printer.jobs)}  "
            f"captured {spooled}  status replies {len(pos.report.replies) - pos.report.poll_timeouts}"
        )

    try:
        time.sleep(1.0)
        for r in till_receipts:
            pos.run([r])
            print(progress(), end="", flush=True)
        time.sleep(1.5)  # idle gap: the last jobs close
        print(progress())
    except KeyboardInterrupt:
        interrupted = True
        print("\nstopping")
    finally:
        bridge.send_signal(signal.SIGTERM)
        bridge.wait(20)
        printer.stop()
        log.close()
    same = bytes(printer.received) == bytes(pos.sent)
    print(
        f"bytes from the till: {len(pos.sent):,}; bytes at the printer: {len(printer.received):,}; "
        f"identical: {same}"
    )
    return 130 if interrupted else (0 if same else 1)


if __name__ == "__main__":
    raise SystemExit(main())
