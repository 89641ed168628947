"""Spool -> store throughput of the real agent process, and its peak memory.

    .venv/bin/python -m bench.agent_ingest [--jobs 3000]

A spool is filled with finished jobs (the corpus's receipts, repeated), then `tillbox agent` is started
on it as systemd would (READY over NOTIFY_SOCKET, with the Environment= of systemd/tillbox-agent.service),
twice:
- store only: `--spool --db` (synchronous=FULL commits, customer data sealed, tags, outbox rows);
- as deployed: `--config box.toml` with the QR injector (python-escpos, qrcode, Pillow loaded), the
  Prometheus endpoint, tag rules and a POS profile; every job carries a QR token as printed, so each
  record also gets the picture of its paper (PNG) for the shopper's page.
Measured from READY to the last spool file removed (each removal follows its commit); peak RSS is the
process's VmHWM just before it is stopped.
Target (issue 4): at least 200 receipts/s, RSS under 60 MB.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolWriter, list_jobs
from hardware_tests.ports import free_port

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus" / "generated"
UNIT = REPO / "systemd" / "tillbox-agent.service"


def unit_environment(unit: Path = UNIT) -> dict[str, str]:
    """The variables the unit's Environment= lines set: they are part of the agent as deployed."""
    env: dict[str, str] = {}
    for line in unit.read_text(encoding="utf-8").splitlines():
        if line.startswith("Environment="):
            for word in shlex.split(line.removeprefix("Environment=")):
                name, _, value = word.partition("=")
                env[name] = value
    return env


def vm_hwm_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def box_toml(tmp: Path, port: int) -> Path:
    rules = tmp / "tags.toml"
    rules.write_text('[[rule]]\ntag = "drinks"\nitems = ["可乐", "(?i)cola", "Wasser"]\n', encoding="utf-8")
    path = tmp / "box.toml"
    path.write_text(
        "\n".join(
            [
                '[box]\ndevice_id = "bench-t1"\nstore_id = "bench"\ntill_id = "t1"',
                '[links]\npos = "tcp-listen://127.0.0.1:9101"\nprinter = "tcp://127.0.0.1:9100"',
                '[printer]\nprofile = "chinese-80mm"',
                '[qr]\nurl_template = "https://r.example.com/r/{token}"',
                f'[tags]\nrules = "{rules}"',
                f'[paths]\nspool = "{tmp / "spool"}"\ndb = "{tmp / "box.db"}"\nkey = "{tmp / "box.key"}"',
                f'inject_socket = "{tmp / "inject.sock"}"\nstatus = "{tmp / "status.json"}"',
                f"[metrics]\nport = {port}",
            ]
        ),
        encoding="utf-8",
    )
    return path


def run(jobs: int, tmp: Path, deployed: bool) -> tuple[float, float, int]:
    corpus = [p.read_bytes() for p in sorted(CORPUS.glob("*.bin"))]
    spool = tmp / "spool"
    w = SpoolWriter(spool)
    for i in range(jobs):
        w.append(corpus[i % len(corpus)], i, datetime.now(UTC))
        if deployed:  # as on a box with QR codes: each job printed with its token, and gets a picture
            w.note_label(f"bench{i:011d}", i)
        w.finish(Boundary.CUT, True, datetime.now(UTC))
    notify_path = tmp / "notify.sock"
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(notify_path))
    notify.settimeout(30)
    cmd = [sys.executable, "-m", "edge", "agent"]
    if deployed:
        cmd += ["--config", str(box_toml(tmp, free_port()))]
    else:
        cmd += ["--spool", str(spool), "--db", str(tmp / "box.db")]
    env = {**os.environ, **unit_environment(), "NOTIFY_SOCKET": str(notify_path)}
    proc = subprocess.Popen([*cmd, "--log-format", "json"], env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        while b"READY=1" not in notify.recv(4096):
            pass
        t0 = time.perf_counter()
        while list_jobs(spool):
            time.sleep(0.005)
        elapsed = time.perf_counter() - t0
        hwm = vm_hwm_kib(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    size = sum(len(corpus[i % len(corpus)]) for i in range(jobs)) / jobs
    return jobs / elapsed, hwm / 1024, int(size)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=3000)
    ap.add_argument("--dir", type=Path, help="where to put spool and store (default: a temp dir)")
    args = ap.parse_args(argv)
    print("| agent | jobs | receipts/s (spool -> outbox, fsync on) | peak RSS |\n|---|---|---|---|")
    for deployed in (False, True):
        with tempfile.TemporaryDirectory(dir=args.dir) as d:
            rate, rss, size = run(args.jobs, Path(d), deployed)
        name = "as deployed (QR, metrics, rules)" if deployed else "store only"
        print(f"| {name} | {args.jobs} of {size:,} B avg | {rate:,.0f} | {rss:.1f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
