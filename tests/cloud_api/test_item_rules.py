"""Issue 18: the item-name tag rules of the boxes, edited at HQ and pushed signed in the stores'
configuration. The cloud refuses a bad file with every problem and pushes nothing; a good one is signed
and published to each store's boxes; a later push (a POS profile) carries it on; only an owner sets it.
The box applies pushed rules from the next receipt on, in place of its own file's, keeps them across a
restart, and refuses a tampered document or a bad rule set while the rules running stay. (The same
through the real broker and processes: tests/system/test_fleet_config.py.)"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from cloud_api.cli import main as cloud
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user, issue_token
from cloud_api.fleet_push import Pusher, prepare
from cloud_api.migrate import upgrade
from cloud_api.models import PushedConfig
from edge.duties.fleet import FleetDuty
from edge.duties.shared import Shared
from edge.fleet import FleetApplier
from edge.parsing.tag_rules import parse_rules
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import TransactionRow
from edge.store.records import ParseSettings
from edge.tags.tagger import BoxIds
from sync.config_doc import sign_config, verify_config
from sync.topics import DeviceTopics
from sync.wire.config import FleetConfig
from tests.cloud_app import app_for
from tests.helpers import corpus, spool_jobs

REPO = Path(__file__).resolve().parents[2]
HUAXIN = REPO / "edge" / "parsing" / "profiles" / "huaxin-pos.toml"
PUSHED = """
[[rule]]
tag = "soda"
items = ["可口可乐", "(?i)\\\\bcola\\\\b"]

[[rule]]
tag = "water"
items = ["农夫山泉"]
"""
BAD = """
[[rule]]
tag = "Bad Tag"
items = ["x"]

[[rule]]
tag = "ok"
items = ["(unclosed"]

[[rule]]
tag = "huge"
items = ["a{99999999999}"]
"""


class Cloud:
    def __init__(self, url: str) -> None:
        upgrade(url)
        self.sessions = make_sessions(make_engine(url))
        self.hq = Ed25519PrivateKey.generate()
        self.published: list[tuple[bytes, list[DeviceTopics]]] = []
        now = datetime.now(UTC)
        self.tokens: dict[str, str] = {}
        with self.sessions.begin() as s:
            enroll(s, "acme", "s1", "s1-t1", "A" * 43)
            enroll(s, "acme", "s1", "s1-t2", "B" * 43)
            enroll(s, "acme", "s2", "s2-t1", "C" * 43)
            enroll(s, "other", "s1", "o1-t1", "D" * 43)  # another retailer's store of the same code
            for email, role, codes in (
                ("owner@acme.test", "owner", []),
                ("manager@acme.test", "manager", ["s1", "s2"]),
                ("shop1@acme.test", "store_manager", ["s1"]),
            ):
                user = add_user(s, email, email, role, "acme", codes, "correct horse battery", now)
                self.tokens[email] = issue_token(s, user, "api", "test", now)
        pusher = Pusher(lambda: self.hq, lambda payload, targets: self.published.append((payload, targets)))
        self.client = TestClient(app_for(url, pusher=pusher))

    def put_rules(self, email: str, toml: str) -> Any:
        return self.client.put(
            "/api/v1/item-rules",
            json={"toml": toml},
            headers={"Authorization": f"Bearer {self.tokens[email]}"},
        )

    def versions(self) -> int:
        with self.sessions() as s:
            return s.scalar(select(func.count()).select_from(PushedConfig)) or 0


def sent(payload: bytes, cloud: Cloud) -> FleetConfig:
    return verify_config(payload, cloud.hq.public_key())


def test_a_bad_rules_file_is_refused_with_every_problem_and_nothing_pushed(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud = Cloud(cloud_db)
    answer = cloud.put_rules("owner@acme.test", BAD)
    assert answer.status_code == 422
    problems = answer.json()["detail"]["problems"]
    assert len(problems) == 3
    assert "rule 1: tag: required" in problems[0] and "'(unclosed' is not a regular expression" in problems[1]
    assert "rule 3: items: 'a{99999999999}' is not a regular expression" in problems[2]
    not_toml = cloud.put_rules("owner@acme.test", "[[rule]\ntag =")
    assert not_toml.status_code == 422 and "not valid TOML" in not_toml.json()["detail"]["problems"][0]
    assert cloud.published == [] and cloud.versions() == 0


def test_good_rules_are_signed_and_published_to_each_stores_boxes(tmp_path: Path, cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    answer = cloud.put_rules("owner@acme.test", PUSHED)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "rules": 2,
        "stores": [
            {"store": "s1", "version": 1, "devices": ["s1-t1", "s1-t2"]},
            {"store": "s2", "version": 1, "devices": ["s2-t1"]},
        ],
    }
    # Each store's boxes, on their config topics, and no other retailer's.
    assert [sorted(t.config for t in targets) for _, targets in cloud.published] == [
        ["tillbox/acme/s1/s1-t1/config", "tillbox/acme/s1/s1-t2/config"],
        ["tillbox/acme/s2/s2-t1/config"],
    ]
    for payload, _ in cloud.published:
        config = sent(payload, cloud)
        assert config.version == 1 and config.item_rules == PUSHED and config.pos_profile is None
    # Pushed again: a new, higher version for each store.
    assert [s["version"] for s in cloud.put_rules("owner@acme.test", PUSHED).json()["stores"]] == [2, 2]


def test_a_later_profile_push_carries_the_rules_and_a_rules_push_the_profile(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud = Cloud(cloud_db)
    assert cloud.put_rules("owner@acme.test", PUSHED).status_code == 200
    profile = ("huaxin-pos", HUAXIN.read_text(encoding="utf-8"))
    with cloud.sessions.begin() as s:  # what `config push --profile` and an approval go through
        row, _ = prepare(s, cloud.hq, "acme", "s1", profile, True, "test")
        payload = row.payload.encode()
    later = sent(payload, cloud)
    assert later.version == 2 and later.item_rules == PUSHED
    assert later.pos_profile is not None and later.pos_profile.name == "huaxin-pos"
    # New rules keep the store's profile.
    cloud.published.clear()
    newer = PUSHED.replace('"soda"', '"fizzy"')
    assert cloud.put_rules("owner@acme.test", newer).status_code == 200
    by_store = {targets[0].store: sent(payload, cloud) for payload, targets in cloud.published}
    assert by_store["s1"].version == 3 and by_store["s1"].item_rules == newer
    assert by_store["s1"].pos_profile is not None and by_store["s1"].pos_profile.name == "huaxin-pos"
    assert by_store["s2"].pos_profile is None and by_store["s2"].item_rules == newer


@pytest.mark.parametrize("email", ["manager@acme.test", "shop1@acme.test"])
def test_only_an_owner_sets_the_rules(tmp_path: Path, cloud_db: str, email: str) -> None:
    cloud = Cloud(cloud_db)
    answer = cloud.put_rules(email, PUSHED)
    assert answer.status_code == 403
    assert cloud.published == [] and cloud.versions() == 0
    assert cloud.client.put("/api/v1/item-rules", json={"toml": PUSHED}).status_code == 401


LOCAL = parse_rules({"rule": [{"tag": "drinks", "items": ["可乐", "矿泉水"]}]}, "box.toml")


class Box:
    """A box with its own tag rules file (box.toml `[tags] rules`), and HQ's key."""

    def __init__(self, root: Path, hq: Ed25519PrivateKey) -> None:
        self.root, self.hq = root, hq
        self.sessions = open_store(root / "box.db")
        self.start()

    def start(self) -> None:
        """The agent starting (again): settings from box.toml, then what HQ pushed and the box kept."""
        self.shared = Shared(ParseSettings(box=BoxIds("s1-t1", "s1", "t1"), rules=LOCAL))
        self.fleet = FleetApplier(self.hq.public_key(), self.root)
        FleetDuty(self.fleet, self.sessions, self.shared).run()

    def receive(self, payload: bytes) -> None:
        self.fleet.receive(payload)
        FleetDuty(self.fleet, self.sessions, self.shared).run()

    def labels(self, receipt: str) -> list[str]:
        spool_jobs(self.root / "spool", [corpus(receipt)])
        assert ingest_spool(self.root / "spool", self.sessions, self.shared.parse).stored == 1
        with self.sessions() as s:
            row = s.scalars(select(TransactionRow).order_by(TransactionRow.id.desc()).limit(1)).one()
        labels: list[str] = json.loads(row.tags)["labels"]
        return labels


def config(version: int, rules: str | None) -> FleetConfig:
    return FleetConfig(version, datetime.now(UTC), item_rules=rules)


def test_the_box_tags_by_pushed_rules_from_the_next_receipt_and_keeps_them(tmp_path: Path) -> None:
    hq = Ed25519PrivateKey.generate()
    box = Box(tmp_path, hq)
    assert box.labels("zh-supermarket-00") == ["drinks"]  # its own file's rule
    box.receive(sign_config(config(1, PUSHED), hq))
    # HQ's rules in place of the file's, not beside them: "drinks" is gone.
    assert box.labels("zh-supermarket-00") == ["soda"]
    assert box.labels("zh-supermarket-01") == ["water"]
    box.start()  # a restart, no broker: the kept configuration applies again
    assert box.fleet.version == 1 and box.labels("zh-supermarket-00") == ["soda"]
    # A configuration with no rules: the box's own file's again.
    box.receive(sign_config(config(2, None), hq))
    assert box.labels("zh-supermarket-00") == ["drinks"]


def test_a_tampered_document_or_a_bad_rule_set_is_refused_and_the_rules_running_stay(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hq = Ed25519PrivateKey.generate()
    box = Box(tmp_path, hq)
    box.receive(sign_config(config(1, PUSHED), hq))
    assert box.labels("zh-supermarket-00") == ["soda"]
    tampered = sign_config(config(2, PUSHED), hq).replace(b"soda", b"evil")
    box.receive(tampered)
    box.receive(sign_config(config(3, PUSHED.replace("soda", "evil")), Ed25519PrivateKey.generate()))
    assert box.fleet.refused == 2 and box.fleet.version == 1
    # Signed by HQ, but rules that do not load: refused whole, every problem on the refusal's line.
    caplog.clear()
    with caplog.at_level("WARNING", logger="tillbox.fleet"):
        box.receive(sign_config(config(4, BAD), hq))
    assert box.fleet.refused == 3 and box.fleet.version == 1
    refusal = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusal) == 1 and "rule 1: tag" in refusal[0] and "(unclosed" in refusal[0]
    assert box.labels("zh-supermarket-00") == ["soda"]
    box.start()  # the refused one was not kept
    assert box.fleet.version == 1 and box.labels("zh-supermarket-00") == ["soda"]


def test_the_command_refuses_a_bad_file_with_every_problem_before_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the default database would be here: it must not be made
    monkeypatch.delenv("TILLBOX_CLOUD_CONFIG", raising=False)
    bad = tmp_path / "tags.toml"
    bad.write_text(BAD, encoding="utf-8")
    assert cloud(["tags", "push-rules", str(bad), "--all"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.startswith(f"{bad}: item rules: rule ") for line in lines[:3]] == [True] * 3
    assert lines[3:] == ["tillbox-cloud: the rules were not pushed"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tags.toml"]
    with pytest.raises(SystemExit):  # one of --store and --all
        cloud(["tags", "push-rules", str(bad)])
