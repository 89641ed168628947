"""How long the bridge waits at a cut for the agent's QR block, against its deadline (30 ms by default;
past it the bridge prints the cut alone).

    .venv/bin/python -m bench.qr_injection [--cuts 200]

The agent's injector serves a Unix socket; a receipt is "printing" (its bytes in the spool's part file);
the bridge's own client (UnixSocketInjector) asks for the block before the cut, as the bridge does. Two
paces: one cut every 250 ms (already eight times a rushed till's pace: receipts are seconds apart), and
back to back (a burst faster than the worker renders: after the few ready symbols, each is rendered
inside the request).
Native QR (GS ( k) and raster QR (GS v 0 image), 80 mm paper.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from edge.escpos.printer_profile import PrinterProfile
from edge.qr.injector import QrInjector, serve
from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.injection import CutRequest, UnixSocketInjector
from firmware_bridge.spool import PART_SUFFIX

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "generated"
PRINTERS = [
    PrinterProfile("native-80mm", multibyte="gb18030", multibyte_default_on=True, dots=576, columns=48),
    PrinterProfile("raster-80mm", multibyte="gb18030", multibyte_default_on=True, dots=576, native_qr=False),
]


def measure(printer: PrinterProfile, cuts: int, pace_s: float, tmp: Path) -> list[float]:
    spool = tmp / printer.name
    spool.mkdir()
    receipt = (CORPUS / "zh-supermarket-00.bin").read_bytes()
    (spool / f"0001{PART_SUFFIX}").write_bytes(receipt[:-4])  # all of it but the cut
    sock = tmp / f"{printer.name}.sock"
    injector = QrInjector(spool, printer, "https://r.example.com/r/{token}")
    server = serve(sock, injector)
    client = UnixSocketInjector(str(sock), timeout_s=1.0)
    times = []
    try:
        time.sleep(0.5)  # the worker fills its few ready symbols, as it has between receipts
        for i in range(cuts):
            t0 = time.perf_counter()
            got = client.block_before_cut(CutRequest(i, b"\x1dV\x00", "bench", receipt[-64:-4]))
            times.append((time.perf_counter() - t0) * 1000)
            assert got.label and got.block
            time.sleep(pace_s)
    finally:
        server.shutdown()
        server.server_close()
        injector.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cuts", type=int, default=200)
    args = ap.parse_args(argv)
    deadline_ms = BridgeConfig().inject_deadline_s * 1000
    print(f"bridge deadline {deadline_ms:.0f} ms; {args.cuts} cuts each")
    print("| QR | pace | p50 ms | p99 ms | max ms | over deadline |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as d:
        for printer in PRINTERS:
            for pace_name, pace in (("every 250 ms", 0.25), ("back to back", 0.0)):
                tmp = Path(d) / f"{printer.name}-{pace}"
                tmp.mkdir()
                t = sorted(measure(printer, args.cuts, pace, tmp))
                p99 = t[min(len(t) - 1, int(len(t) * 0.99))]
                over = sum(x > deadline_ms for x in t)
                kind = "native" if printer.native_qr else "raster"
                print(
                    f"| {kind} | {pace_name} | {statistics.median(t):.2f} | {p99:.2f} | {t[-1]:.2f} | "
                    f"{over}/{len(t)} |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
