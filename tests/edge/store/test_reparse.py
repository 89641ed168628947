"""Re-parse after a profile or rule upgrade: changed transactions are queued as corrections (same job,
next revision, new sequence number); unchanged ones send nothing; a second run sends nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from edge.agent import parse_settings
from edge.cli import main
from edge.config import load_config
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import OutboxEntry, TransactionRow
from edge.store.sealing import RECORD_FIELDS, load_or_create_key, open_fields
from tests.box_config import write_box_toml
from tests.helpers import corpus, spool_jobs

HUAXIN = [f"zh-huaxin-{i:02d}" for i in range(4)]


def test_a_profile_upgrade_sends_corrections_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text('name = "bare"\n')  # the generic parser only: misreads this POS's receipts
    cfg_path = write_box_toml(tmp_path, parser_profile=str(bare))
    cfg = load_config(cfg_path)
    spool_jobs(cfg.spool, map(corpus, HUAXIN))
    sessions = open_store(cfg.db)
    settings = parse_settings(cfg)
    key = load_or_create_key(cfg.key)
    assert ingest_spool(cfg.spool, sessions, replace(settings, key=key)).stored == 4
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


def test_new_tag_rules_correct_only_what_they_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg_path = write_box_toml(tmp_path)
    cfg = load_config(cfg_path)
    spool_jobs(cfg.spool, map(corpus, ["zh-supermarket-00", "de-baeckerei-00"]))
    sessions = open_store(cfg.db)
    ingest_spool(cfg.spool, sessions, replace(parse_settings(cfg), key=load_or_create_key(cfg.key)))
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
