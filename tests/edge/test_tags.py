"""Tags: the rule file (every problem reported), and the tags a stored transaction carries."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from edge.parsing.tag_rules import TagRulesError, load_rules, parse_rules
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import TransactionRow
from edge.store.records import ParseSettings
from edge.tags.tagger import BoxIds, tags_for
from tests.helpers import CORPUS, corpus, spool_jobs

RULES = """
[[rule]]
tag = "drinks"
items = ["可乐", "(?i)\\\\bcola\\\\b", "矿泉水"]

[[rule]]
tag = "baby"
items = ["奶粉", "尿不湿"]
"""


def test_every_problem_of_a_rules_file_is_one_line(tmp_path: Path) -> None:
    bad = {
        "rule": [
            {"tag": "Bad Tag", "items": ["x"]},
            {"tag": "ok", "items": []},
            {"tag": "ok2", "items": ["(unclosed"], "colour": "red"},
            "not a table",
        ],
        "extra": 1,
    }
    with pytest.raises(TagRulesError) as e:
        parse_rules(bad, "tags.toml")
    problems = e.value.problems
    assert len(problems) == 6, problems
    assert any("rule 1: tag" in p for p in problems)
    assert any("rule 2: items" in p for p in problems)
    assert any("'(unclosed' is not a regular expression" in p for p in problems)
    assert any("unknown keys ['colour']" in p for p in problems)
    assert any("rule 4: must be a table" in p for p in problems)
    assert any("unknown keys ['extra']" in p for p in problems)
    path = tmp_path / "tags.toml"
    path.write_text("[[rule]\n")
    with pytest.raises(TagRulesError, match="not valid TOML"):
        load_rules(path)


def test_tags_of_a_transaction(tmp_path: Path) -> None:
    path = tmp_path / "tags.toml"
    path.write_text(RULES, encoding="utf-8")
    rules = load_rules(path)
    body = {
        "kind": "sale",
        "datetime": "2026-09-08T19:42:39",
        "items": [{"name": "可口可乐330ml"}, {"name": "Diet COLA"}, {"name": "面包"}],
        "payments": [{"method": "wechat"}, {"method": "cash"}, {"method": "cash"}],
        "member_id": "8800852669",
    }
    tags = tags_for(body, BoxIds("s12-t1", "s12", "t1"), rules)
    assert tags == {
        "device_id": "s12-t1",
        "store_id": "s12",
        "till_id": "t1",
        "kind": "sale",
        "payment_methods": ["cash", "wechat"],
        "member_id": "8800852669",
        "basket_size": 3,
        "hour": 19,  # as printed: the till's local time
        "labels": ["drinks"],
    }
    undated = tags_for({**body, "datetime": "2026-09-08"}, BoxIds("a", "b", "c"), (), datetime.now(UTC))
    assert undated["hour"] == datetime.now().hour and undated["labels"] == []


def test_stored_transactions_carry_their_tags(tmp_path: Path) -> None:
    path = tmp_path / "tags.toml"
    path.write_text(RULES, encoding="utf-8")
    spool = tmp_path / "spool"
    spool_jobs(spool, map(corpus, ("zh-supermarket-00", "de-baeckerei-00")))
    sessions = open_store(tmp_path / "box.db")
    settings = ParseSettings(box=BoxIds("s12-t1", "s12", "t1"), rules=load_rules(path))
    assert ingest_spool(spool, sessions, settings).stored == 2
    with sessions() as s:
        rows = s.scalars(select(TransactionRow).order_by(TransactionRow.id)).all()
        zh, de = (json.loads(r.tags) for r in rows)
    truth = json.loads((CORPUS / "zh-supermarket-00.json").read_text())
    assert zh["labels"] == ["drinks"] and zh["member_id"] == truth["member_id"]
    assert zh["basket_size"] == len(truth["items"]) and zh["store_id"] == "s12"
    assert de["labels"] == [] and de["payment_methods"]
