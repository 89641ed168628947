"""Invariant 2's proof from here is in tests/invariants/test_2_printer_answers_reach_the_pos.py:
`test_bytes_pass_both_ways_and_jobs_reach_the_spool`. Invariant 1's proof from here is in
tests/invariants/test_1_till_never_waits.py: `test_no_injector_means_exactly_the_pos_bytes`,
`test_overflowing_copy_is_counted_and_printing_goes_on`."""

from __future__ import annotations

import time
from pathlib import Path

from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.injection import CutRequest, Injection, StaticInjector
from firmware_bridge.spool import iter_jobs
from hardware_tests.receipts import FEED_CUT, receipts
from tests.bridge_harness import recv_exactly, tcp_rig


def test_injected_block_lands_just_before_each_cut_even_split_across_reads(tmp_path: Path) -> None:
    block = b"\x1ba\x01[QR]\n"
    rs = receipts(6)
    with tcp_rig(BridgeConfig(spool_dir=tmp_path), StaticInjector(block)) as rig:
        expected = bytearray()
        for r in rs:
            # send the cut in two pieces, so the bridge must hold back the first half of it
            n = 4 if r.endswith(FEED_CUT) else 3
            head, cut = r[:-n], r[-n:]
            rig.pos.sendall(head + cut[:1])
            time.sleep(0.02)
            rig.pos.sendall(cut[1:])
            expected += head + block + cut
        got = recv_exactly(rig.printer, len(expected))
    assert got == bytes(expected)
    # the spool keeps the POS's bytes only, without the block
    assert b"".join(j.data for j in iter_jobs(tmp_path)) == b"".join(rs)


class RecordingInjector:
    def __init__(self) -> None:
        self.requests: list[CutRequest] = []

    def block_before_cut(self, request: CutRequest) -> Injection:
        self.requests.append(request)
        return Injection()


def test_injector_learns_where_each_cut_is() -> None:
    rs = receipts(4)
    inj = RecordingInjector()
    with tcp_rig(BridgeConfig(), inj) as rig:
        rig.pos.sendall(b"".join(rs))
        assert recv_exactly(rig.printer, sum(map(len, rs))) == b"".join(rs)
    ends = [sum(map(len, rs[: i + 1])) for i in range(4)]
    assert [r.stream_offset + len(r.cut) for r in inj.requests] == ends


class LabellingInjector:
    def __init__(self) -> None:
        self.n = 0

    def block_before_cut(self, request: CutRequest) -> Injection:
        self.n += 1
        return Injection(b"[QR]", f"token-{self.n}")


def test_each_job_records_the_label_printed_before_its_cut(tmp_path: Path) -> None:
    rs = receipts(5)
    with tcp_rig(BridgeConfig(spool_dir=tmp_path), LabellingInjector()) as rig:
        rig.pos.sendall(b"".join(rs))
        recv_exactly(rig.printer, sum(map(len, rs)) + 4 * len(rs))
        deadline = time.monotonic() + 5
        while len(list(iter_jobs(tmp_path))) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
    jobs = list(iter_jobs(tmp_path))
    assert [j.meta.label for j in jobs] == [f"token-{i}" for i in range(1, 6)]
    assert [j.data for j in jobs] == rs
