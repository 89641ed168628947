"""The e-receipt QR code end to end on the line: till -> bridge (asks the agent before each cut) ->
printer simulator's PNG -> the QR decoded back to exactly the URL whose token the store recorded with
that receipt. Native GS ( k and raster QR, on 576- and 384-dot paper; no QR on a kitchen ticket."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from edge.escpos.printer_profile import PrinterProfile
from edge.store.database import open_store
from edge.store.models import Capture
from firmware_bridge.links import open_endpoint
from hardware_tests.conftest import BridgeProcess, start_agent
from hardware_tests.ports import free_port
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator

TEMPLATE = "https://r.example.com/r/{token}"
SALE = "好又多超市\n可口可乐  2 x 3.50  7.00\n合计  7.00\n现金  10.00\n找零  3.00\n".encode("gb18030")
KITCHEN = "厨房单\n桌号 12\n宫保鸡丁 x2\n".encode("gb18030")

PAPERS = [
    PrinterProfile("native-80mm", multibyte="gb18030", multibyte_default_on=True, dots=576, columns=48),
    PrinterProfile("native-58mm", multibyte="gb18030", multibyte_default_on=True, dots=384, columns=32),
    PrinterProfile("raster-80mm", multibyte="gb18030", multibyte_default_on=True, dots=576, native_qr=False),
    PrinterProfile(
        "raster-58mm", multibyte="gb18030", multibyte_default_on=True, dots=384, columns=32, native_qr=False
    ),
]


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name for p in PAPERS])
def test_printed_qr_scans_to_the_receipts_token(tmp_path: Path, paper: PrinterProfile) -> None:
    agent = start_agent(tmp_path, paper, TEMPLATE)
    spool, db, sock = agent.spool, agent.db, agent.sock
    printer_port, pos_port = free_port(), free_port()
    ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
    ep.bind()  # type: ignore[attr-defined]
    printer = PrinterSimulator(ep, tmp_path / "printed", idle_gap_s=0.3, paper=paper).start()
    # A generous deadline: a loaded CI machine must not turn this into a test of fail-open.
    bridge = BridgeProcess(
        f"tcp-listen://127.0.0.1:{pos_port}",
        f"tcp://127.0.0.1:{printer_port}",
        spool,
        ["--inject", str(sock), "--inject-deadline-ms", "1000"],
    ).start()
    try:
        pos = PosSimulator(open_endpoint(f"tcp://127.0.0.1:{pos_port}"), poll=False, per_receipt=True)
        pos.run([b"\x1b@" + SALE + b"\n\x1dV\x00", b"\x1b@" + KITCHEN + b"\x1dV\x01"])
        deadline = time.monotonic() + 20
        while not (tmp_path / "printed" / "job-00002.png").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        sale_png = Image.open(tmp_path / "printed" / "job-00001.png")
        kitchen_png = Image.open(tmp_path / "printed" / "job-00002.png")
        assert sale_png.width == paper.dots
        urls = [r.text for r in zxingcpp.read_barcodes(sale_png.convert("L"))]
        assert len(urls) == 1 and urls[0].startswith("https://r.example.com/r/")
        token = urls[0].rsplit("/", 1)[1]
        assert zxingcpp.read_barcodes(kitchen_png.convert("L")) == []  # no QR on a kitchen ticket
        # the store links the token to the receipt that carried it
        deadline = time.monotonic() + 20
        sessions = open_store(db)
        found: list[str | None] = []
        while time.monotonic() < deadline:
            with sessions() as s:
                found = list(s.scalars(select(Capture.qr_token).where(Capture.has_content)).all())
            if len(found) >= 2:
                break
            time.sleep(0.1)
        assert token in found and found.count(None) == 1
    finally:
        bridge.stop()
        printer.stop()
        agent.close()
