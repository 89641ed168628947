"""No file in the spool can stop the agent: every kind of file that is not a job the bridge could have
written is set aside with its reason (`.bad`, `.why`) and counted in `tillbox status`, and the receipts
around it are stored — by ingest directly and by the real agent process at its start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from edge.cli import main
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture
from firmware_bridge.spool import MAGIC, JobMeta, list_jobs, write_job_file
from hardware_tests.receipts import receipts
from tests.box_config import write_box_toml
from tests.helpers import spool_jobs

REPO = Path(__file__).resolve().parents[3]
NOW = datetime.now(UTC).isoformat()
GOOD: dict[str, Any] = {
    "id": "x",
    "started_at": NOW,
    "ended_at": NOW,
    "boundary": "cut",
    "size": 3,
    "has_content": True,
    "stream_start": 0,
}


def framed(meta: bytes, data: bytes = b"abc") -> bytes:
    return MAGIC + len(meta).to_bytes(4, "big") + meta + data


def meta(**changes: Any) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


# name -> the file's bytes (each named so it sorts among the good jobs, which all begin with "2")
CORRUPT: dict[str, bytes] = {
    "deep-json": framed(b"[" * 30_000 + b"]" * 30_000),  # deeper than Python's JSON decoder goes
    "deep-dict": framed(b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
    "meta-too-long": framed(b"[" * 100_000 + b"]" * 100_000),
    "started-at-number": framed(meta(started_at=5)),
    "started-at-list": framed(meta(started_at=[NOW])),
    "started-at-garbage": framed(meta(started_at="yesterday")),
    "started-at-naive": framed(meta(started_at="2026-12-02T10:00:00")),
    "has-content-string": framed(meta(has_content="yes")),
    "has-content-number": framed(meta(has_content=1)),
    "boundary-number": framed(meta(boundary=7)),
    "boundary-unknown": framed(meta(boundary="banana")),
    "size-bool": framed(meta(size=True)),
    "size-negative": framed(meta(size=-3)),
    "size-mismatch": framed(meta(size=99)),
    "stream-start-huge": framed(meta(stream_start=10**30)),
    "continues-number": framed(meta(continues=5)),
    "id-path": framed(meta(id="../../etc/passwd")),
    "id-number": framed(meta(id=12)),
    "label-not-token": framed(meta(label="bad\u0000label")),
    "unknown-field": framed(meta(extra=1)),
    "missing-field": framed(json.dumps({k: v for k, v in GOOD.items() if k != "size"}).encode()),
    "meta-list": framed(b"[1, 2, 3]"),
    "meta-not-utf8": framed(b'{"id": "\xff\xfe"}'),
    "meta-not-json": framed(b"{nope"),
    "header-beyond-file": MAGIC + (10**6).to_bytes(4, "big") + b"{}",
    "wrong-magic": b"TBJ0" + framed(meta())[4:],
    "truncated": b"TB",
    "empty": b"",
}


def corrupt_spool(spool: Path) -> None:
    spool.mkdir(parents=True, exist_ok=True)
    for i, (name, body) in enumerate(CORRUPT.items()):
        (spool / f"2{i:03d}-{name}.job").write_bytes(body)
    (spool / "2900-a-directory.job").mkdir()
    os.symlink("/dev/zero", spool / "2901-link-to-dev-zero.job")


def test_every_kind_of_corrupt_file_is_set_aside_and_the_rest_stored(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(6))
    good = list_jobs(spool)
    corrupt_spool(spool)
    # Well-formed jobs that collide: a receipt's file again under another name (the same id: dropped
    # as a duplicate), and two receipts with one QR label (the second kept, without the label).
    (spool / "2950-same-id.job").write_bytes(good[0].read_bytes())
    labelled = JobMeta(**{**GOOD, "id": "2960-labelled", "label": "Tok0000000000001"})
    twin = JobMeta(**{**asdict(labelled), "id": "2961-labelled-twin"})
    for m in (labelled, twin):
        write_job_file(spool, m, b"abc")

    store = open_store(tmp_path / "box.db")
    result = ingest_spool(spool, store)
    expected_bad = len(CORRUPT) + 2
    assert result.bad == expected_bad
    assert result.stored == 6 + 2 and result.duplicates == 1
    assert list_jobs(spool) == []  # nothing left to stop the next start
    bad = sorted(p.name for p in spool.iterdir() if p.suffix == ".bad")
    assert len(bad) == expected_bad
    for name in bad:  # each with its reason beside it
        why = (spool / name).with_suffix(".why").read_text()
        assert why.strip() and name.removesuffix(".bad") in why
    assert "bad metadata" in (spool / "2000-deep-json.why").read_text()
    assert "not a regular file" in (spool / "2900-a-directory.why").read_text()
    with store() as s:
        tokens = {c.job_id: c.qr_token for c in s.scalars(select(Capture)).all()}
    assert tokens["2960-labelled"] == "Tok0000000000001" and tokens["2961-labelled-twin"] is None
    # Taken again (the agent's next start): nothing more is set aside, nothing fails.
    again = ingest_spool(spool, store)
    assert (again.bad, again.stored) == (0, 0)


def test_the_agent_starts_and_stores_past_every_corrupt_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = write_box_toml(tmp_path)
    spool = tmp_path / "spool"
    corrupt_spool(spool)
    spool_jobs(spool, receipts(4))  # after every corrupt one (their names sort first)
    log = tmp_path / "agent.out"
    with open(log, "wb") as out:
        agent = subprocess.Popen(
            [sys.executable, "-m", "edge", "agent", "--config", str(cfg)], stdout=out, stderr=out, cwd=REPO
        )
    try:
        status: dict[str, Any] = {}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and agent.poll() is None:
            capsys.readouterr()
            if main(["status", "--config", str(cfg), "--json"]) == 0:
                status = json.loads(capsys.readouterr().out)
                if status["receipts_stored"] == 4:
                    break
            time.sleep(0.2)
        assert agent.poll() is None, log.read_text()
        assert status["receipts_stored"] == 4 and status["spool_depth"] == 0, status
        assert status["spool_bad"] == len(CORRUPT) + 2
        assert main(["status", "--config", str(cfg)]) == 0
        assert f"{len(CORRUPT) + 2} set aside" in capsys.readouterr().out
    finally:
        agent.terminate()
        agent.wait(20)
    assert "Traceback" not in log.read_text()


def test_a_damaged_store_is_one_line_naming_the_file_and_what_to_do(tmp_path: Path) -> None:
    cfg = write_box_toml(tmp_path)
    (tmp_path / "spool").mkdir(exist_ok=True)
    store = tmp_path / "box.db"
    store.write_bytes(os.urandom(8192))  # a card that lost its sectors
    before = store.read_bytes()
    for command in (["status"], ["status", "--json"], ["agent"]):
        r = subprocess.run(
            [sys.executable, "-m", "edge", *command, "--config", str(cfg)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 2, (command, r.stdout, r.stderr)
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
        assert str(store) in r.stderr and "Replacing a box" in r.stderr
    assert store.read_bytes() == before  # nothing written over it
