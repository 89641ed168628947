"""Re-parse after a profile or rule upgrade: changed transactions are queued as corrections (same job,
next revision, new sequence number); unchanged ones send nothing; a second run sends nothing.

Invariant 3's proof from here is in tests/invariants/test_3_no_printed_receipt_lost.py:
`test_a_profile_upgrade_sends_corrections_once`."""

from __future__ import annotations

import json
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
from edge.store.models import OutboxEntry
from edge.store.reparse import reparse
from edge.store.sealing import load_or_create_key
from tests.box_config import write_box_toml
from tests.helpers import corpus, spool_jobs


def test_new_tag_rules_correct_only_what_they_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg_path = write_box_toml(tmp_path)
    cfg = load_config(cfg_path)
    spool_jobs(cfg.paths.spool, map(corpus, ["zh-supermarket-00", "de-baeckerei-00"]))
    sessions = open_store(cfg.paths.db)
    key = load_or_create_key(cfg.paths.key)
    ingest_spool(cfg.paths.spool, sessions, replace(parse_settings(cfg), key=key))
    rules = tmp_path / "tags.toml"
    rules.write_text('[[rule]]\ntag = "drinks"\nitems = ["可乐"]\n', encoding="utf-8")
    cfg_path = write_box_toml(tmp_path, rules=rules)
    assert main(["reparse", "--config", str(cfg_path), "--since", "2020-01-01"]) == 0
    assert "1 corrected" in capsys.readouterr().out
    with sessions() as s:
        correction = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "correction")).one()
    assert json.loads(correction.body)["tags"]["labels"] == ["drinks"]


def test_reparse_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg_path = write_box_toml(tmp_path)
    assert main(["reparse", "--config", str(cfg_path), "--since", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["reparse", "--config", str(cfg_path), "--since", "2026-01-01"]) == 2
    assert "no store" in capsys.readouterr().err
    open_store(tmp_path / "box.db")
    assert main(["reparse", "--config", str(cfg_path), "--since", "2026-01-01", "--profile", "nope"]) == 2
    assert "no POS profile named 'nope'" in capsys.readouterr().err


def test_a_long_reparse_says_it_is_alive_after_each_batch(tmp_path: Path) -> None:
    # HQ's re-parse runs inside one duty of the agent's loop; systemd's watchdog (30 s) would kill a
    # re-parse of thousands of receipts on a Pi, and the kept configuration would start it again from the
    # first receipt at every start. It pings after each batch instead.
    cfg = load_config(write_box_toml(tmp_path))
    names = ["zh-supermarket-00", "de-baeckerei-00", "en-grocery-00", "zh-supermarket-00", "de-baeckerei-00"]
    spool_jobs(cfg.paths.spool, map(corpus, names))
    sessions = open_store(cfg.paths.db)
    settings = replace(parse_settings(cfg), key=load_or_create_key(cfg.paths.key))
    ingest_spool(cfg.paths.spool, sessions, settings)
    pings: list[int] = []
    result = reparse(
        sessions, datetime(2020, 1, 1, tzinfo=UTC), settings, batch=2, alive=lambda: pings.append(1)
    )
    assert result.read == 5 and len(pings) == 3  # batches of 2, 2 and 1
