"""The benchmark command runs and reports every figure (timings are not asserted: see BENCHMARKS.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m bench.<args>`, which must succeed."""
    r = subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


def test_bridge_benchmark_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    r = run_bench("bench.bridge_latency", "--quick", "--json", str(out))
    data = json.loads(out.read_text())
    assert {(x["transport"], x["path"]) for x in data["throughput"]} == {
        ("tcp", "direct"),
        ("tcp", "bridge"),
        ("pty", "direct"),
        ("pty", "bridge"),
    }
    assert all(x["bytes_per_s"] > 0 for x in data["throughput"])
    assert len(data["latency"]) == 8 and all(x["p99_ms"] >= x["p50_ms"] > 0 for x in data["latency"])
    assert "| tcp | 256 |" in r.stdout


def test_parse_benchmark_runs() -> None:
    r = run_bench("bench.parse_throughput", "--seconds", "0.2")
    assert "| decode + parse |" in r.stdout and "60 receipts" in r.stdout
    mixed = run_bench("bench.parse_throughput", "--seconds", "0.1", "--mixed")
    assert "| decode |" in mixed.stdout and int(mixed.stdout.split(" receipts")[0]) > 60


def test_agent_benchmarks_run() -> None:
    r = run_bench("bench.agent_ingest", "--jobs", "60")
    assert "| store only | 60 of" in r.stdout and "| as deployed" in r.stdout
    q = run_bench("bench.qr_injection", "--cuts", "5")
    assert q.stdout.count("| native |") == 2 and q.stdout.count("| raster |") == 2
    assert "media.width" not in q.stdout + q.stderr  # nothing from python-escpos on the agent's stdout


def test_sync_benchmark_runs() -> None:
    r = run_bench("bench.sync_drain", "--rows", "300")
    assert "| bare paho QoS 1 loop |" in r.stdout and "| tillbox sync" in r.stdout


def test_device_view_benchmark_runs() -> None:
    r = run_bench("bench.device_view", "--devices", "6", "--seqs", "50", "--runs", "2", "--sqlite")
    assert "| no gaps |" in r.stdout and "100,000 ahead" in r.stdout


def test_induce_benchmarks_run(tmp_path: Path) -> None:
    r = run_bench("bench.induce_speed", "--receipts", "30")
    assert "| 3 |" in r.stdout and "| 20 |" in r.stdout and "| 30 | 30 | 0 |" in r.stdout


def test_the_cloud_learning_benchmark_runs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    r = run_bench("bench.cloud_learning", "--receipts", "60", "--database", url)
    assert "| sqlite | 3 | 60 |" in r.stdout and "| sqlite | 20 | 60 |" in r.stdout


def test_the_customer_refresh_benchmark_runs() -> None:
    r = run_bench("bench.customer_refresh", "--receipts", "3000", "--customers", "300", "--stores", "3")
    assert "| features (INSERT ... SELECT) |" in r.stdout and "| basket rules |" in r.stdout
    assert "feature rows; valued" in r.stdout and "| all |" in r.stdout
