"""The real bridge, as its own process, between the simulated till and printer: over pseudo-terminal
pairs, over TCP, and over real serial devices when TILLBOX_HW_POS / TILLBOX_HW_PRINTER name them."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from firmware_bridge.spool import iter_jobs, list_jobs, read_job
from hardware_tests.conftest import Line, run_in_thread
from hardware_tests.receipts import raster_logo, receipts
from tests.helpers import wait_for

CAPTURES = Path(__file__).resolve().parents[2] / "shared" / "captures"


def real_captures() -> list[bytes]:
    files = sorted(CAPTURES.glob("real/*.bin"))
    assert files, f"no captures under {CAPTURES}"
    # The US retail demo declares more image bytes than it holds; it goes last so that its swallowed
    # cut cannot merge the jobs that follow it.
    files.sort(key=lambda p: "retail" in p.name)
    return [p.read_bytes() for p in files]


def test_hundreds_of_receipts_byte_exact_with_status_replies(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    try:
        rs = receipts(300) + real_captures()
        pos = line.pos(baud=0, poll=True, poll_timeout_s=3.0)
        report = pos.run(rs)
        assert report.receipts == len(rs)
        wait_for(lambda: len(printer.received) >= len(pos.sent), 30, "the printer to get every byte")
        assert bytes(printer.received) == bytes(pos.sent)
        # every DLE EOT reached the printer and its answer came back unchanged: online, no error. The
        # last one follows the US retail capture, whose image declares more bytes than it holds: the
        # printer takes that poll as pixels, as a real one would, and does not answer.
        assert report.replies == ["16", "12"] * (len(rs) - 1) + ["16", ""]
    finally:
        bridge.stop()
        printer.stop()
    jobs = list(iter_jobs(line.tmp / "spool"))
    # When this fails, say whether bytes were lost (counted by the bridge) or jobs came out of order.
    lost = [(j.meta.id, j.meta.lost_bytes) for j in jobs if j.meta.lost_bytes]
    spooled = b"".join(j.data for j in jobs)
    assert spooled == bytes(pos.sent), (len(spooled), len(pos.sent), lost)  # the spool kept every byte, once
    assert sum(1 for j in jobs if j.meta.boundary == "cut") >= 300
    assert "Traceback" not in bridge.output()


def test_printer_busy_holds_the_pos_and_loses_nothing(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    rng = random.Random(5)
    # TCP on loopback buffers megabytes; pseudo-terminals a few KB. Send enough to fill either.
    count = 200 if line.kind == "tcp" else 40
    big = [
        b"\x1b@" + raster_logo(rng, 72, 1000 if line.kind == "tcp" else 40) + b"\n\x1dV\x00"
        for _ in range(count)
    ]
    total = sum(map(len, big))
    try:
        printer.set_busy(True)
        pos = line.pos(baud=0, poll=False)
        t, _ = run_in_thread(pos.run, big)
        time.sleep(1.5)
        held_at = len(pos.sent)
        assert t.is_alive() and held_at < total, "the POS was not held back while the printer was busy"
        time.sleep(0.5)
        assert len(pos.sent) - held_at < 64 * 1024, "the POS kept sending into a busy printer"
        printer.set_busy(False)
        t.join(60)
        assert not t.is_alive()
        wait_for(lambda: len(printer.received) >= total, 30, "the printer to catch up")
        assert bytes(printer.received) == bytes(pos.sent) == b"".join(big)
    finally:
        bridge.stop()
        printer.stop()


def test_printer_offline_is_reported_to_the_pos(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    try:
        pos = line.pos(baud=0, poll=True, poll_timeout_s=3.0)
        printer.set_cover_open(True)
        pos.run(receipts(1))
        printer.set_cover_open(False)
        pos.run(receipts(1))
        # DLE EOT 1: 0x1E = offline bit set; DLE EOT 4 paper fine; then online again
        assert pos.report.replies == ["1e", "12", "16", "12"]
    finally:
        bridge.stop()
        printer.stop()


@pytest.mark.parametrize("line", ["tcp"], indirect=True)
def test_printer_switched_off_and_back(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    try:
        pos = line.pos(baud=0, poll=True, poll_timeout_s=1.0)
        first = receipts(2)
        pos.run(first[:1])
        wait_for(lambda: len(printer.received) == len(pos.sent), 10, "first receipt")
        printer.power_off()
        time.sleep(0.5)  # the bridge sees the connection drop
        t, _ = run_in_thread(pos.run, first[1:])
        time.sleep(2.0)
        # While the printer is off, the POS's status query goes unanswered: it learns the truth.
        assert len(printer.received) == len(first[0]) + 6
        printer.power_on()
        t.join(30)
        wait_for(lambda: len(printer.received) >= len(pos.sent), 20, "delivery after power-on")
        assert bytes(printer.received) == bytes(pos.sent)
        assert pos.report.poll_timeouts >= 1
    finally:
        bridge.stop()
        printer.stop()
    assert "printer link back" in bridge.output()


CONSUMER = """
import sys, time
from pathlib import Path
from firmware_bridge.spool import list_jobs, read_job
spool = Path(sys.argv[1])
while True:
    jobs = list_jobs(spool)
    if jobs:
        job = read_job(jobs[0])
        print("TAKEN", jobs[0].name, flush=True)
        time.sleep(60)  # storing it (the agent's work); killed before it deletes the file
        jobs[0].unlink()
    time.sleep(0.05)
"""


def test_spool_consumer_killed_mid_receipt(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    consumer = subprocess.Popen(
        [sys.executable, "-c", CONSUMER, str(line.tmp / "spool")], stdout=subprocess.PIPE, text=True
    )
    try:
        rs = receipts(30)
        pos = line.pos(baud=115200, poll=True, poll_timeout_s=3.0)
        t, _ = run_in_thread(pos.run, rs)
        assert consumer.stdout is not None
        taken = consumer.stdout.readline().split()[1]
        consumer.send_signal(signal.SIGKILL)
        consumer.wait(5)
        t.join(60)
        wait_for(lambda: len(printer.received) >= len(pos.sent), 20, "printing to finish")
        assert bytes(printer.received) == bytes(pos.sent)  # printing did not notice
        assert pos.report.poll_timeouts == 0
        assert (line.tmp / "spool" / taken).exists()  # the job the consumer held is still there
        assert read_job(line.tmp / "spool" / taken).data
    finally:
        consumer.kill()
        bridge.stop()
        printer.stop()


def test_bridge_restarted_mid_stream(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    rs = receipts(80, seed=11)
    per_receipt = line.kind == "tcp"  # network POS drivers connect once per job, and retry
    pos = line.pos(baud=230400, poll=False, per_receipt=per_receipt)
    try:
        t, _ = run_in_thread(pos.run, rs)
        time.sleep(1.5)
        assert t.is_alive(), "the till finished before the restart; send more"
        bridge.stop()  # SIGTERM, as systemd restarts it
        time.sleep(0.3)
        bridge = line.bridge()
        t.join(120)
        assert not t.is_alive()
        wait_for(lambda: bytes(printer.received).endswith(rs[-1]), 30, "delivery after restart")
        # Over a serial line the next bytes wait in the line; over TCP the old bridge finishes the POS's
        # connection and the listening socket (systemd's, socket activation) queues the next one.
        assert bytes(printer.received) == bytes(pos.sent) == b"".join(rs)
        assert pos.report.reconnects == 0
    finally:
        bridge.stop()
        printer.stop()


@pytest.mark.parametrize("line", ["pty"], indirect=True)
def test_bridge_killed_mid_stream_recovers_its_unfinished_job(line: Line) -> None:
    printer = line.printer()
    bridge = line.bridge()
    rs = receipts(60, seed=12)
    pos = line.pos(baud=230400, poll=False)
    try:
        t, _ = run_in_thread(pos.run, rs)
        # Kill while a receipt is being captured: wait for one (a loaded machine starts the till late),
        # then for a few more kilobytes, so the kill lands mid-stream.
        spool = line.tmp / "spool"
        wait_for(
            lambda: len(printer.received) > 4096 and any(spool.glob("*.part")), 30, "a receipt in progress"
        )
        bridge.signal(signal.SIGKILL)
        assert list((line.tmp / "spool").glob("*.part")), "no receipt was in progress at the kill"
        bridge = line.bridge()
        t.join(120)
        wait_for(lambda: len(printer.received) >= len(pos.sent) - 16384, 30, "delivery after the kill")
        time.sleep(0.5)
        sent, got = bytes(pos.sent), bytes(printer.received)
        # A SIGKILL can lose at most the one read that was between the POS and the printer at that
        # instant; everything else arrives, in order.
        prefix = next(
            (i for i, (a, b) in enumerate(zip(sent, got, strict=False)) if a != b), min(len(sent), len(got))
        )
        assert sent.endswith(got[prefix:])
        assert len(sent) - len(got) <= 16384
    finally:
        bridge.stop()
        printer.stop()
    recovered = [read_job(p) for p in list_jobs(line.tmp / "spool")]
    assert any(j.meta.boundary == "recovered" for j in recovered)
