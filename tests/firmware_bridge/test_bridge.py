from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.injection import CutRequest, Injection, StaticInjector
from firmware_bridge.spool import iter_jobs
from hardware_tests.receipts import FEED_CUT, receipts
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


def test_no_injector_means_exactly_the_pos_bytes() -> None:
    data = bytes(range(256)) * 64
    with tcp_rig() as rig:
        rig.pos.sendall(data)
        assert recv_exactly(rig.printer, len(data)) == data


def test_overflowing_copy_is_counted_and_printing_goes_on(tmp_path: Path) -> None:
    config = BridgeConfig(spool_dir=tmp_path, handoff_items=2, read_size=64)
    with tcp_rig(config) as rig:
        spool = rig.bridge._spool
        assert spool is not None
        real_append = spool.append

        def slow_append(*args: Any, **kwargs: Any) -> None:  # a disk that has become very slow
            time.sleep(0.01)
            real_append(*args, **kwargs)

        spool.append = slow_append  # type: ignore[method-assign]
        data = b"\x1b@" + b"x" * 200_000 + b"\n\x1dV\x00"
        t0 = time.monotonic()
        rig.pos.sendall(data)
        assert recv_exactly(rig.printer, len(data)) == data
        elapsed = time.monotonic() - t0
    stats = rig.bridge.stats()
    jobs = list(iter_jobs(tmp_path))
    assert stats.copy_dropped_bytes > 0
    # what the spool has plus what was counted as dropped is exactly what was printed
    assert sum(j.meta.size for j in jobs) + stats.copy_dropped_bytes == len(data)
    assert sum(j.meta.lost_bytes for j in jobs) == stats.copy_dropped_bytes
    # ~3,000 reads at 10 ms each would take 30 s if the pump waited on the spool
    assert elapsed < 5


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
