"""Invariant 2 of DESIGN.md:

    **The printer's answers reach the POS.** Status replies (DLE EOT, GS a / ASB, GS I, GS r) and flow
    control travel back unchanged, or the POS thinks the printer is offline.

The tests below that prove it:

- Status replies travel back unchanged: `test_bytes_pass_both_ways_and_jobs_reach_the_spool` (the printer's
  bytes reach the POS as sent, while the POS's receipts reach the printer and the spool).
- Flow control: `test_flow_mirror_holds_the_pos_while_the_printer_holds_us` (the printer's busy line is
  mirrored to the POS, exactly while the printer is busy).

On real serial lines (pseudo-terminal pairs on CI, `/dev/tty*` on a box) hardware_tests/test_line.py proves
the rest and stays there: `test_hundreds_of_receipts_byte_exact_with_status_replies` (every DLE EOT answered
through the bridge, unchanged), `test_printer_busy_holds_the_pos_and_loses_nothing`,
`test_printer_offline_is_reported_to_the_pos`."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.links import open_endpoint
from firmware_bridge.spool import iter_jobs
from hardware_tests.receipts import receipts
from tests.bridge_harness import recv_exactly, tcp_rig


def test_bytes_pass_both_ways_and_jobs_reach_the_spool(tmp_path: Path) -> None:
    rs = receipts(20)
    stream = b"".join(rs)
    with tcp_rig(BridgeConfig(spool_dir=tmp_path, idle_gap_s=0.3)) as rig:
        rig.pos.sendall(stream)
        assert recv_exactly(rig.printer, len(stream)) == stream
        rig.printer.sendall(b"\x16\x12")  # status replies
        assert recv_exactly(rig.pos, 2) == b"\x16\x12"
        deadline = time.monotonic() + 5
        while len(list(iter_jobs(tmp_path))) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
    jobs = list(iter_jobs(tmp_path))
    assert [j.data for j in jobs] == rs
    assert all(j.meta.boundary == "cut" and j.meta.has_content for j in jobs)
    assert [j.meta.stream_start for j in jobs] == [sum(map(len, rs[:i])) for i in range(20)]


def test_flow_mirror_holds_the_pos_while_the_printer_holds_us() -> None:
    from firmware_bridge.bridge import mirror_flow

    # pyserial's loop:// reads back its own RTS as CTS: the printer "asserts CTS" by our setting it.
    stop = threading.Event()
    printer = open_endpoint("loop://").open(stop).modem()
    pos = open_endpoint("loop://").open(stop).modem()
    assert printer is not None and pos is not None
    ended = threading.Event()
    t = threading.Thread(target=mirror_flow, args=(printer, pos, (True, False), ended, 0.001))
    t.start()
    try:
        for busy in (True, False, True, False):
            printer.set_rts(not busy)
            deadline = time.monotonic() + 2
            while pos.cts() == busy and time.monotonic() < deadline:
                time.sleep(0.001)
            assert pos.cts() is (not busy)  # the POS sees RTS low exactly while the printer is busy
    finally:
        ended.set()
        t.join()
