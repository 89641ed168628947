"""The e-receipt QR in Star's own language: the agent's block for a Star printer profile (Star's native
ESC GS y QR, or a Star raster image for printers without it) printed before Star's cut, sent over TCP to
the printer simulator, whose PNG decodes with zxing-cpp to exactly the receipt's URL on 576- and 384-dot
paper. And the agent gives no block when the cut's language is not its profile's."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from edge.escpos.printer_profile import GENERIC, STAR_58MM, STAR_80MM, PrinterProfile
from edge.qr.block import PrinterState
from edge.qr.injector import QrInjector
from edge.qr.star_block import star_qr_block, star_qr_symbol
from firmware_bridge.injection import NOTHING
from firmware_bridge.links import open_endpoint
from firmware_bridge.spool import PART_SUFFIX
from hardware_tests.ports import free_port
from hardware_tests.simulators.printer import PrinterSimulator

URL = "https://r.example.com/r/Star9tok3n"
SALE = (
    b"\x1b@\x1b\x1dt\x01\x1b\x1da\x01\x1bi\x01\x01CAFE\x1bi\x00\x00\n"
    b"\x1b\x1da\x00Latte   2 x 3.50   7.00\nTOTAL   7.00\n"
)
PAPERS = [
    STAR_80MM,
    STAR_58MM,
    replace(STAR_80MM, name="star-80mm-raster", native_qr=False),
    replace(STAR_58MM, name="star-58mm-raster", native_qr=False),
]


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name for p in PAPERS])
def test_a_star_qr_block_scans_to_the_url(tmp_path: Path, paper: PrinterProfile) -> None:
    port = free_port()
    ep = open_endpoint(f"tcp-listen://127.0.0.1:{port}")
    ep.bind()  # type: ignore[attr-defined]
    printer = PrinterSimulator(ep, tmp_path / "printed", idle_gap_s=0.3, paper=paper).start()
    try:
        block = star_qr_block(star_qr_symbol(URL, paper), "en", PrinterState())
        with socket.create_connection(("127.0.0.1", port), timeout=5) as pos:
            pos.sendall(SALE + block + b"\x1bd\x03")
        png = tmp_path / "printed" / "job-00001.png"
        deadline = time.monotonic() + 20
        while not png.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        image = Image.open(png)
        assert image.width == paper.dots
        assert [r.text for r in zxingcpp.read_barcodes(image.convert("L"))] == [URL]
        assert len(printer.jobs) == 1  # Star's ESC i (the size of CAFE) cut nothing
    finally:
        printer.stop()


def test_the_agent_answers_only_cuts_in_its_profiles_language(tmp_path: Path) -> None:
    (tmp_path / f"0001{PART_SUFFIX}").write_bytes(SALE)
    star = QrInjector(tmp_path, STAR_80MM, "https://r.example.com/r/{token}")
    escpos = QrInjector(tmp_path, GENERIC, "https://r.example.com/r/{token}")
    try:
        block = star.answer({"head_len": 0, "cut": "1b6403", "language": "star"})
        assert block.label and block.block.startswith(b"\n\x1bi\x00\x00") and b"\x1b\x1dyP" in block.block
        assert b"\x1d(k" not in block.block  # nothing of ESC/POS in it
        assert (
            star.answer({"head_len": 0, "cut": "1d5600", "language": "escpos"}) == NOTHING
        )  # an ESC/POS cut: garbage on Star
        assert escpos.answer({"head_len": 0, "cut": "1b6403", "language": "star"}) == NOTHING
    finally:
        star.close()
        escpos.close()
