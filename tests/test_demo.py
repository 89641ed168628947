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
