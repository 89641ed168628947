"""The printer simulator keeps a picture of the paper it printed, faithful enough to scan its QR code."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from edge.escpos.printer_profile import CHINESE_58MM, GENERIC, PrinterProfile
from firmware_bridge.links import TcpListenEndpoint
from hardware_tests.receipts import qr, raster_logo
from hardware_tests.simulators.printer import PrinterSimulator


@pytest.mark.parametrize("paper", [GENERIC, CHINESE_58MM], ids=["576-dots", "384-dots"])
def test_png_of_each_job_with_a_scannable_qr(tmp_path: Path, paper: PrinterProfile) -> None:
    import random

    ep = TcpListenEndpoint("tcp-listen://127.0.0.1:0", "127.0.0.1", 0)
    ep.bind()
    sim = PrinterSimulator(ep, tmp_path, idle_gap_s=0.3, paper=paper).start()
    url = "https://r.example.com/r/Zk3xPq7LmN2a"
    job = (
        b"\x1b@"
        + raster_logo(random.Random(1))
        + "扫码获取电子小票\n".encode("gb18030")
        + qr(url)
        + b"\n\x1dV\x00"
    )
    with socket.create_connection(("127.0.0.1", ep.bound_port)) as s:
        s.sendall(job)
        deadline = time.monotonic() + 10
        while not (tmp_path / "job-00001.png").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    sim.stop()
    img = Image.open(tmp_path / "job-00001.png")
    assert img.width == paper.dots
    assert [r.text for r in zxingcpp.read_barcodes(img.convert("L"))] == [url]
    assert (tmp_path / "job-00001.bin").read_bytes() == job
