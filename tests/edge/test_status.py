"""Operations: `tillbox status` (for people and as JSON), the Prometheus endpoint, JSON log lines — from a
real agent process started the way systemd starts it."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pytest

from edge.cli import main
from firmware_bridge.spool import SpoolWriter
from hardware_tests.ports import free_port
from hardware_tests.receipts import receipts
from tests.box_config import write_box_toml
from tests.helpers import spool_jobs

REPO = Path(__file__).resolve().parents[2]


def test_status_metrics_and_json_logs_of_a_running_agent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    cfg = write_box_toml(tmp_path).read_text().replace("port = 0", f"port = {port}")
    cfg_path = tmp_path / "box.toml"
    cfg_path.write_text(cfg)
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(5))
    SpoolWriter(spool).append(
        b"not finished", 0, datetime.now(UTC)
    )  # a receipt still printing: not counted, not taken
    (spool / "junk.job").write_bytes(b"garbage")  # not a job: set aside, reported

    log = tmp_path / "agent.out"
    with open(log, "wb") as out:
        agent = subprocess.Popen(
            [sys.executable, "-m", "edge", "agent", "--config", str(cfg_path)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
    try:
        status_file = tmp_path / "agent-status.json"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if status_file.exists() and json.loads(status_file.read_text())["health"]["receipts_stored"] == 5:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(log.read_text())

        assert main(["status", "--config", str(cfg_path), "--json"]) == 0
        st = json.loads(capsys.readouterr().out)
        assert st["agent"]["running"] and st["device_id"] == "s12-t1"
        assert st["agent"]["version"] == version("tillbox")  # the software the agent says it runs
        assert st["receipts_stored"] == 5 and st["outbox_depth"] == 5
        assert st["spool_depth"] == 0 and st["spool_bad"] == 1
        assert st["oldest_unsent_age_s"] is not None and st["oldest_unsent_age_s"] >= 0
        assert st["last_receipt_status"] in ("ok", "needs_review") and st["disk_free_bytes"] > 0
        assert st["broker"] == {"url": None, "connected": None}  # with one: tests/system/test_agent_uplink.py
        assert 0 <= st["parse_failure_rate"] <= 1

        assert main(["status", "--config", str(cfg_path)]) == 0
        text = capsys.readouterr().out
        for label in ("last receipt", "spool          0 waiting, 1 set aside", "outbox         5 unsent"):
            assert label in text, text
        assert f"agent          running (tillbox {version('tillbox')})" in text
        assert "broker         not configured" in text

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            metrics = r.read().decode()
        assert 'tillbox_jobs_total{result="stored"} 5.0' in metrics
        assert "tillbox_outbox_depth 5.0" in metrics and "tillbox_spool_bad_files 1.0" in metrics
        assert "tillbox_disk_free_bytes" in metrics
        # Only on localhost: the shop's LAN does not see it.
        lan = [a for a in socket.gethostbyname_ex(socket.gethostname())[2] if not a.startswith("127.")]
        if lan:
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((lan[0], port)) != 0
    finally:
        agent.send_signal(signal.SIGTERM)
        agent.wait(15)
    assert agent.returncode == 0
    lines = [json.loads(ln) for ln in log.read_text().splitlines() if ln.strip()]
    stored = [e for e in lines if e["msg"].startswith("stored")]
    assert stored and stored[0]["logger"] == "tillbox.agent" and stored[0]["level"] == "info"
    assert sum(e["stored"] for e in stored) == 5  # fields travel as fields


def test_status_without_a_store_or_agent_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg_path = write_box_toml(tmp_path)
    assert main(["status", "--config", str(cfg_path)]) == 2
    assert "no store at" in capsys.readouterr().err
    from edge.store.database import open_store

    open_store(tmp_path / "box.db")
    assert main(["status", "--config", str(cfg_path)]) == 0
    out = capsys.readouterr().out
    assert "agent          NOT running" in out and "none yet" in out
    assert "line           the bridge has said nothing yet" in out
    # The bridge's counters, as it writes them beside the spool, reach `tillbox status` (and the heartbeat).
    said = {
        "injection_timeouts": 2,
        "injection_errors": 1,
        "copy_dropped_bytes": 0,
        "printer_connected": True,
    }
    (tmp_path / "spool").mkdir(exist_ok=True)
    (tmp_path / "spool" / "bridge-status.json").write_text(json.dumps(said), encoding="utf-8")
    assert main(["status", "--config", str(cfg_path)]) == 0
    out = capsys.readouterr().out
    assert "line           printer connected; 3 cuts without QR, 0 bytes not read, 0 jobs not spooled" in out


def test_status_prints_the_key_to_enrol_and_takes_config_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/install-box.md: `tillbox status` prints the public key `tillbox-cloud devices enroll` takes;
    it never makes the key itself (the agent does, as its own user)."""
    from edge.signing import load_or_create_signing_key, public_key_text
    from edge.store.database import open_store

    cfg_path = write_box_toml(tmp_path)
    open_store(tmp_path / "box.db")
    signing = tmp_path / "signing.key"
    cfg_path.write_text(cfg_path.read_text().replace("[paths]\n", f'[paths]\nsigning_key = "{signing}"\n'))
    assert main(["--config", str(cfg_path), "status"]) == 0
    assert "public key     none yet: the agent makes" in capsys.readouterr().out
    assert not signing.exists()
    key = public_key_text(load_or_create_signing_key(signing))
    assert main([f"--config={cfg_path}", "status"]) == 0
    assert f"public key     {key}" in capsys.readouterr().out
    assert main(["status", "--json", "--config", str(cfg_path)]) == 0
    assert json.loads(capsys.readouterr().out)["public_key"] == key
