"""The README's demo, small: the whole system comes up (broker, cloud, one enrolled box per store,
simulators), every store's till prints its day with a QR on each sale, every receipt is parsed and reaches
the cloud, the stores' receipts all add up except those meant to need review — and then the demo keeps
serving: the dashboard answers, the login in demo-out/README.txt works, until Ctrl-C stops everything."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.models import Transaction
from hardware_tests.demo import MARKER, STORES, prepare_out

REPO = Path(__file__).resolve().parents[2]


def start_demo(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "hardware_tests.demo", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal gives it
    )


def read_until(proc: subprocess.Popen[bytes], marker: bytes, timeout: float) -> str:
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        if time.monotonic() > deadline or proc.poll() is not None:
            rest = proc.stdout.read() or b""
            raise AssertionError((seen + rest).decode(errors="replace")[-3000:])
        chunk = proc.stdout.read(65536)
        if chunk:
            seen += chunk
        else:
            time.sleep(0.1)
    return seen.decode(errors="replace")


def bridge_counts(path: Path, since: float) -> dict[str, Any]:
    """The bridge's counters as it writes them (every 5 s), once written after `since`."""
    deadline = time.monotonic() + 20
    while True:
        counts: dict[str, Any] = json.loads(path.read_text())
        if counts["updated"] > since:
            return counts
        assert time.monotonic() < deadline, f"{path} not rewritten since the day ended"
        time.sleep(0.2)


def ctrl_c(proc: subprocess.Popen[bytes]) -> str:
    """As a terminal does: SIGINT to the demo's whole process group."""
    os.killpg(proc.pid, signal.SIGINT)
    rest, _ = proc.communicate(timeout=90)
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # nothing of it is left running
    return rest.decode(errors="replace")


def test_the_demo_prints_its_day_then_serves_until_ctrl_c(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    proc = start_demo("--receipts", "2", "--pace", "0.3", "--out", str(out))
    try:
        shown = read_until(proc, b"Serving until Ctrl-C.", 240)
        day_over = time.time()  # every cut of the day is behind us
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    try:
        # The login and the dashboard's address again at the end, and in README.txt.
        readme = (out / "README.txt").read_text(encoding="utf-8")
        base = re.search(r"HQ dashboard\s+(http://127\.0\.0\.1:\d+)/hq", readme)
        login = re.search(r"HQ login\s+(\S+) / (\S+)", readme)
        assert base and login, readme
        tail = shown[shown.rindex("HQ dashboard") :]
        assert f"{base.group(1)}/hq" in tail and f"{login.group(1)} / {login.group(2)}" in tail
        # Still serving: the page answers, the login works, every e-receipt opens.
        with httpx.Client(base_url=base.group(1), follow_redirects=False, timeout=10) as web:
            assert web.get("/hq/login").status_code == 200
            signed = web.post("/hq/login", data={"email": login.group(1), "password": login.group(2)})
            assert signed.status_code == 303 and signed.headers["location"] == "/hq"
            board = web.get("/hq")
            assert board.status_code == 200 and all(s.name in board.text for s in STORES)
            urls = re.findall(r"http://127\.0\.0\.1:\d+/r/[\w-]{16}", readme)
            assert urls and all(web.get(u).status_code == 200 for u in urls)
        # The day: every receipt in the cloud; every one adds up (or sells nothing) but those meant to
        # need review: the pictures a Windows driver printed, and the coupon slip.
        cloud = make_sessions(make_engine(f"sqlite:///{out / 'cloud' / 'cloud.db'}"))
        with cloud() as s:
            rows = list(s.execute(select(Transaction.device_id, Transaction.status, Transaction.qr_token)))
        for spec in STORES:
            mine = [(status, token) for device, status, token in rows if device == spec.device]
            assert len(mine) == 2 + len(spec.captures), spec.code
            review = sum(1 for c in spec.captures if c.review)
            assert sum(status != "ok" for status, _ in mine) == review, (spec.code, mine)
            # A QR on each of its till's own receipts and on each capture that should have one (not on a
            # kitchen ticket, a coupon, a picture, or a receipt whose cut the bridge cannot see) — but for
            # cuts the bridge printed without waiting longer for the agent (fail open), as it counts them.
            bridge = bridge_counts(out / "boxes" / spec.device / "spool" / "bridge-status.json", day_over)
            tokens = sum(token is not None for _, token in mine)
            assert tokens == bridge["injected_blocks"]  # every QR printed is the one its receipt has
            failed_open = sum(
                bridge[k] for k in ("injection_timeouts", "injection_skipped_busy", "injection_errors")
            )
            expected = 2 + sum(c.qr for c in spec.captures)
            assert expected - failed_open <= tokens <= expected, (spec.code, tokens, bridge)
            assert len(list((out / "printed" / spec.code).glob("job-*.png"))) == len(mine)
        assert "all in order: False" not in shown and shown.count("all in order: True") == len(STORES)
        assert len(set(urls)) == sum(token is not None for _, _, token in rows)
    finally:
        rest = ctrl_c(proc)
    assert proc.returncode == 0, rest[-2000:]
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base.group(1)}/hq/login", timeout=2)  # everything stopped


def test_ctrl_c_mid_day_stops_the_whole_demo_cleanly(tmp_path: Path) -> None:
    proc = start_demo("--receipts", "30", "--pace", "0.5", "--no-captures", "--out", str(tmp_path / "d"))
    try:
        read_until(proc, b"e-receipt", 120)
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    rest = ctrl_c(proc)
    assert proc.returncode == 130 and "stopping" in rest, rest[-2000:]


def test_the_demo_empties_only_a_folder_of_its_own(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    (mine / "notes").mkdir(parents=True)
    (mine / "notes" / "keep.txt").write_text("mine")
    r = subprocess.run(
        [sys.executable, "-m", "hardware_tests.demo", "--out", str(mine)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "not empty and not an earlier demo's" in r.stderr
    assert (mine / "notes" / "keep.txt").read_text() == "mine"  # nothing changed
    earlier = tmp_path / "earlier"
    prepare_out(earlier)
    (earlier / "logs").mkdir()
    assert (earlier / MARKER).exists()
    prepare_out(earlier)  # an earlier demo's folder: emptied for the next one
    assert sorted(p.name for p in earlier.iterdir()) == [MARKER]
