"""Added latency and throughput of the bridge on the POS -> printer path, against a direct connection
measured in the same run.

    .venv/bin/python -m bench.bridge_latency [--chunks 1000] [--quick]

Over TCP loopback, "direct" is the till writing straight into the printer's socket; over pseudo-terminals
it is one socat pair (the cable). Through the bridge the bytes cross the bridge process (spool on, as on
a box) and, over ptys, a second socat pair, so the pty figures include one extra socat hop: they
overstate the bridge's cost, never understate it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from firmware_bridge.links import Link, open_endpoint

BAUD_115200_BYTES_PER_S = 115200 / 10


@dataclass
class LatencyResult:
    transport: str
    path: str
    chunk: int
    p50_ms: float
    p99_ms: float
    max_ms: float


@dataclass
class ThroughputResult:
    transport: str
    path: str
    bytes_per_s: float


@dataclass
class Wire:
    """Where the till writes and where the printer reads, for one way of connecting them."""

    write: Link
    read: Link


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def socat_pair(tmp: Path, name: str) -> Iterator[tuple[str, str]]:
    a, b = tmp / f"{name}-a", tmp / f"{name}-b"
    proc = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"], stderr=subprocess.DEVNULL
    )
    while not (a.exists() and b.exists()):
        time.sleep(0.01)
    try:
        yield f"serial://{a}?baud=115200", f"serial://{b}?baud=115200"
    finally:
        proc.terminate()
        proc.wait()


@contextmanager
def bridge_process(pos_url: str, printer_url: str, spool: Path) -> Iterator[None]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "edge",
            "bridge",
            "--pos",
            pos_url,
            "--printer",
            printer_url,
            "--spool",
            str(spool),
            "--log-level",
            "WARNING",
        ],
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    try:
        yield
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)


@contextmanager
def wire(transport: str, through_bridge: bool, tmp: Path) -> Iterator[Wire]:
    stop = threading.Event()
    if transport == "tcp":
        printer_port = _free_port()
        printer_ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
        printer_ep.bind()  # type: ignore[attr-defined]
        if through_bridge:
            pos_port = _free_port()
            with bridge_process(f"tcp-listen://127.0.0.1:{pos_port}", f"tcp://127.0.0.1:{printer_port}", tmp):
                till = open_endpoint(f"tcp://127.0.0.1:{pos_port}").open(stop)
                till.write(b"\x1b@")  # the bridge connects to the printer when the till connects
                printer = printer_ep.open(stop)
                printer.read(16)
                yield Wire(till, printer)
                till.close()
                printer.close()
        else:
            till = open_endpoint(f"tcp://127.0.0.1:{printer_port}").open(stop)
            printer = printer_ep.open(stop)
            yield Wire(till, printer)
            till.close()
            printer.close()
        printer_ep.close()
        return
    with socat_pair(tmp, "pos") as (pos_a, pos_b):
        if not through_bridge:
            till, printer = open_endpoint(pos_a).open(stop), open_endpoint(pos_b).open(stop)
            yield Wire(till, printer)
            till.close()
            printer.close()
            return
        with socat_pair(tmp, "prn") as (prn_a, prn_b), bridge_process(pos_b, prn_a, tmp):
            till, printer = open_endpoint(pos_a).open(stop), open_endpoint(prn_b).open(stop)
            yield Wire(till, printer)
            till.close()
            printer.close()


def payload(n: int) -> bytes:
    from hardware_tests.receipts import receipts

    text = b"".join(r.replace(b"\x1dV", b"\x1dv") for r in receipts(200))  # no cuts: one long job
    return (text * (n // len(text) + 1))[:n]


def measure_latency(w: Wire, chunk: int, count: int, interval_s: float) -> list[float]:
    data = payload(chunk * count)
    sent_at: list[float] = [0.0] * count
    got_at: list[float] = [0.0] * count

    def receive() -> None:
        total, k = 0, 0
        while k < count:
            b = w.read.read(65536)
            now = time.perf_counter()
            total += len(b)
            while k < count and total >= (k + 1) * chunk:
                got_at[k] = now
                k += 1

    t = threading.Thread(target=receive)
    t.start()
    next_at = time.perf_counter()
    for i in range(count):
        delay = next_at - time.perf_counter()
        if delay > 0:
            time.sleep(delay)  # sleeping, not spinning: the receiving thread needs the GIL
        sent_at[i] = time.perf_counter()
        w.write.write(data[i * chunk : (i + 1) * chunk])
        next_at += interval_s
    t.join(60)
    return [(g - s) * 1000 for s, g in zip(sent_at, got_at, strict=True)]


def measure_throughput(w: Wire, total: int) -> float:
    data = payload(1 << 20)
    done = threading.Event()
    result: list[float] = []

    def receive() -> None:
        got = 0
        t0 = 0.0
        while got < total:
            b = w.read.read(1 << 20)
            if b and not t0:
                t0 = time.perf_counter()
            got += len(b)
        result.append(got / (time.perf_counter() - t0))
        done.set()

    t = threading.Thread(target=receive)
    t.start()
    sent = 0
    while sent < total:
        piece = data[: min(len(data), total - sent)]
        w.write.write(piece)
        sent += len(piece)
    t.join(120)
    return result[0]


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if q < 100 else max(values)


def run(chunks: int, sizes: list[int], throughput_mb: dict[str, int]) -> dict[str, object]:
    lat: list[LatencyResult] = []
    thr: list[ThroughputResult] = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for transport in ("tcp", "pty"):
            for through in (False, True):
                path = "bridge" if through else "direct"
                spool = tmp / f"spool-{transport}-{path}"
                spool.mkdir()
                with wire(transport, through, spool) as w:
                    for size in sizes:
                        ms = measure_latency(w, size, chunks, 0.002)
                        lat.append(
                            LatencyResult(
                                transport,
                                path,
                                size,
                                round(statistics.median(ms), 3),
                                round(pct(ms, 99), 3),
                                round(max(ms), 3),
                            )
                        )
                    bps = measure_throughput(w, throughput_mb[transport] << 20)
                    thr.append(ThroughputResult(transport, path, round(bps)))
    return {"latency": [asdict(r) for r in lat], "throughput": [asdict(r) for r in thr]}


def _three(r: dict[str, float]) -> str:
    return f"{r['p50_ms']:.3f} / {r['p99_ms']:.3f} / {r['max_ms']:.3f}"


def report(results: dict[str, object]) -> str:
    lat = results["latency"]
    thr = results["throughput"]
    assert isinstance(lat, list) and isinstance(thr, list)
    lines = [
        "| transport | chunk (B) | direct p50/p99/max ms | bridge p50/p99/max ms | added p50 / p99 ms | "
        "p99 ratio |",
        "|---|---|---|---|---|---|",
    ]
    for d in (r for r in lat if r["path"] == "direct"):
        b = next(
            r
            for r in lat
            if r["path"] == "bridge" and r["transport"] == d["transport"] and r["chunk"] == d["chunk"]
        )
        lines.append(
            f"| {d['transport']} | {d['chunk']} | {_three(d)} | {_three(b)} | "
            f"{b['p50_ms'] - d['p50_ms']:.3f} / {b['p99_ms'] - d['p99_ms']:.3f} | "
            f"{b['p99_ms'] / d['p99_ms']:.2f}x |"
        )
    lines += [
        "",
        "| transport | direct (B/s) | bridge (B/s) | bridge/direct | bridge / 115,200-baud line |",
        "|---|---|---|---|---|",
    ]
    for d in (r for r in thr if r["path"] == "direct"):
        b = next(r for r in thr if r["path"] == "bridge" and r["transport"] == d["transport"])
        lines.append(
            f"| {d['transport']} | {d['bytes_per_s']:,} | {b['bytes_per_s']:,} | "
            f"{b['bytes_per_s'] / d['bytes_per_s']:.2f} | "
            f"{b['bytes_per_s'] / BAUD_115200_BYTES_PER_S:,.0f}x |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=1000, help="chunks per latency measurement")
    ap.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args(argv)
    # Sender and receiver are threads of this process; let the receiver run the moment bytes arrive.
    sys.setswitchinterval(0.0001)
    chunks = 50 if args.quick else args.chunks
    mb = {"tcp": 2, "pty": 1} if args.quick else {"tcp": 64, "pty": 8}
    results = run(chunks, [256, 2048], mb)
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
