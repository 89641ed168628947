"""Invariant 3 of DESIGN.md:

    **No receipt that printed is lost.** Its raw bytes are on disk (fsync'd) before anything parses them;
    a parser upgrade can re-parse old captures.

The tests below that prove it, part by part:

- On disk whole before anyone reads it: `test_jobs_are_published_whole_with_their_metadata` (a job is
  visible in the spool only once written whole — temporary file, fsync, rename — never half) and
  `test_unfinished_job_of_a_crashed_bridge_is_recovered` (the bridge dying mid-receipt loses nothing).
- Whatever the moment of a crash: `test_agent_killed_at_random_points_loses_and_duplicates_nothing` (the
  agent SIGKILLed anywhere — mid-parse, mid-commit, between commit and unlink — while receipts keep
  arriving: every spooled job stored, once; a job's file leaves the spool only after its capture is
  committed).
- A parser upgrade re-parses old captures: `test_a_profile_upgrade_sends_corrections_once`.

That the store keeps each receipt's raw bytes (its capture) beside what was read from them is
tests/edge/store/test_store.py `test_a_job_becomes_capture_transaction_and_outbox_row`.

Not observable here: the fsync calls themselves (firmware_bridge/atomic_file.py and the spool make them; no
test pulls the power). On the line: hardware_tests/test_line.py
`test_bridge_killed_mid_stream_recovers_its_unfinished_job`."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from edge.agent import parse_settings
from edge.cli import main
from edge.config import load_config
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from edge.store.sealing import RECORD_FIELDS, load_or_create_key, open_fields
from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolWriter, list_jobs, read_job
from hardware_tests.receipts import receipts
from tests.box_config import write_box_toml
from tests.helpers import corpus, spool_jobs

REPO = Path(__file__).resolve().parents[2]


def test_jobs_are_published_whole_with_their_metadata(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path, source="tcp-listen://:9100")
    t0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    w.append(b"\x1b@hello", 0, t0)
    assert list_jobs(tmp_path) == []  # nothing visible until the job ends
    w.append(b"\n\x1dV\x00", 0, t0)
    path = w.finish(Boundary.CUT, True, t0)
    assert path is not None and list_jobs(tmp_path) == [path]
    job = read_job(path)
    assert job.data == b"\x1b@hello\n\x1dV\x00"
    assert job.meta.boundary == "cut" and job.meta.size == len(job.data) and job.meta.has_content
    assert job.meta.started_at.startswith("2026-11-22T10:00:00")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*tmp"))


def test_unfinished_job_of_a_crashed_bridge_is_recovered(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path)
    w.append(b"\x1b@half a receipt", 0, datetime.now(UTC))
    # the bridge dies here: no finish()
    again = SpoolWriter(tmp_path)
    recovered = again.recover()
    assert len(recovered) == 1
    job = read_job(recovered[0])
    assert job.data == b"\x1b@half a receipt" and job.meta.boundary == "recovered"
    assert not list(tmp_path.glob("*.part"))


def test_agent_killed_at_random_points_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    import threading

    spool, db = tmp_path / "spool", tmp_path / "box.db"
    rs = receipts(300, seed=21)
    spool.mkdir()
    ids: list[str] = []

    def bridge() -> None:  # receipts keep arriving while the agent is killed and restarted
        writer = SpoolWriter(spool)
        for i, r in enumerate(rs):
            writer.append(r, i, datetime.now(UTC))
            path = writer.finish(Boundary.CUT, True, datetime.now(UTC))
            assert path is not None
            ids.append(path.name)
            time.sleep(0.025)

    producer = threading.Thread(target=bridge)
    producer.start()
    rng = random.Random(4)
    cmd = [sys.executable, "-m", "edge", "agent", "--spool", str(spool), "--db", str(db)]
    kills = 0
    deadline = time.monotonic() + 240
    while (producer.is_alive() or list_jobs(spool)) and time.monotonic() < deadline:
        proc = subprocess.Popen(cmd, cwd=REPO, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 1.2))  # start-up takes most of this; some jobs get stored
        proc.send_signal(signal.SIGKILL)  # anywhere: mid-parse, mid-commit, between commit and unlink
        proc.wait()
        kills += 1
    producer.join()
    assert kills >= 8 and not list_jobs(spool)
    sessions = open_store(db)
    with sessions() as s:
        stored = sorted(s.scalars(select(Capture.job_id)).all())
        seqs = [r for r in s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)).all()]
    assert [f"{i}.job" for i in stored] == sorted(ids)  # every job, once
    assert seqs == list(range(1, len(rs) + 1))  # one outbox row each, numbered without gaps
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


HUAXIN = [f"zh-huaxin-{i:02d}" for i in range(4)]


def test_a_profile_upgrade_sends_corrections_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text('name = "bare"\n')  # the generic parser only: misreads this POS's receipts
    cfg_path = write_box_toml(tmp_path, parser_profile=str(bare))
    cfg = load_config(cfg_path)
    spool_jobs(cfg.paths.spool, map(corpus, HUAXIN))
    sessions = open_store(cfg.paths.db)
    settings = parse_settings(cfg)
    key = load_or_create_key(cfg.paths.key)
    assert ingest_spool(cfg.paths.spool, sessions, replace(settings, key=key)).stored == 4
    with sessions() as s:
        before = {r.id: r.status for r in s.scalars(select(TransactionRow))}
    assert set(before.values()) == {"needs_review"}

    assert (
        main(["reparse", "--config", str(cfg_path), "--since", "2020-01-01", "--profile", "huaxin-pos"]) == 0
    )
    out = capsys.readouterr().out
    assert "read 4 captures" in out and "4 corrected" in out
    with sessions() as s:
        rows = s.scalars(select(TransactionRow)).all()
        assert {r.status for r in rows} == {"ok"} and {r.revision for r in rows} == {2}
        assert {r.parser for r in rows} == {"huaxin-pos"}
        outbox = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
    assert [o.seq for o in outbox] == list(range(1, 9))
    assert [o.kind for o in outbox] == ["transaction"] * 4 + ["correction"] * 4
    first = {json.loads(o.body)["job_id"]: json.loads(o.body) for o in outbox[:4]}
    for o in outbox[4:]:
        rec = open_fields(json.loads(o.body), key, RECORD_FIELDS)
        assert rec["revision"] == 2 and rec["job_id"] in first  # the cloud replaces that job's transaction
        assert rec["transaction"]["status"] == "ok" and rec["transaction"]["total"] is not None

    assert (
        main(["reparse", "--config", str(cfg_path), "--since", "2020-01-01", "--profile", "huaxin-pos"]) == 0
    )
    assert "0 corrected" in capsys.readouterr().out
    with sessions() as s:
        assert len(s.scalars(select(OutboxEntry)).all()) == 8
