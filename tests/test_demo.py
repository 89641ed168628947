"""The README's demo, small: the whole system comes up (broker, cloud, enrolled box, simulators), every
receipt prints with a QR whose e-receipt URL is printed and answers, is parsed and reaches the cloud, and
everything stops cleanly."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_demo_runs_the_whole_system(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    small = ["--receipts", "3", "--pace", "0.3", "--no-captures", "--out", str(out)]
    r = subprocess.run(
        [sys.executable, "-m", "hardware_tests.demo", *small],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    urls = re.findall(r"e-receipt  (http://127\.0\.0\.1:\d+/r/[\w-]{16})", r.stdout)
    assert len(set(urls)) == 3
    assert "receipts printed 3/3  parsed 3  synced 3" in r.stdout
    assert re.search(r"login hq@demo\.tillbox / \S+", r.stdout)
    assert "all of the till's, in order: True" in r.stdout
    assert len(list((out / "printed").glob("job-*.png"))) == 3
    # Everything stopped: the web service no longer answers.
    try:
        urllib.request.urlopen(urls[0], timeout=2)
        raise AssertionError("the cloud is still serving after the demo ended")
    except OSError:
        pass


def test_ctrl_c_stops_the_whole_demo_cleanly(tmp_path: Path) -> None:
    """As a terminal does: SIGINT to the demo's whole process group once receipts are printing."""
    import os
    import signal
    import time

    day = ["--receipts", "30", "--pace", "0.5", "--no-captures", "--out", str(tmp_path / "demo-out")]
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardware_tests.demo", *day],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    assert proc.stdout is not None
    seen = b""
    deadline = time.monotonic() + 60
    while b"e-receipt" not in seen and time.monotonic() < deadline:
        seen += proc.stdout.read1(4096)
    assert b"e-receipt" in seen, seen.decode(errors="replace")
    os.killpg(proc.pid, signal.SIGINT)
    rest, _ = proc.communicate(timeout=60)
    out = (seen + rest).decode(errors="replace")
    assert proc.returncode == 130 and "stopping" in out, out[-2000:]
    time.sleep(0.5)
    try:
        os.killpg(proc.pid, 0)
        raise AssertionError("processes of the demo are still running")
    except ProcessLookupError:
        pass
