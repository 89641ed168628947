"""Issue 17 through the cloud's API and a real box store, on SQLite and PostgreSQL: receipts of a layout the
built-in reader cannot prove land in review; HQ corrects three; a draft profile is learned and scored on
every stored receipt of the layout; an owner approves it; the box verifies HQ's signature, re-reads its
receipts that need review and sends the corrections; the next receipts of the layout are read right.
Also: corrections that do not add up, another store's receipt, a draft from two layouts, a draft that
would make a receipt worse, a forged configuration, a rollback. (The same with the real processes, the
broker and the browser: tests/system/test_learning_e2e.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.users import add_user, issue_token
from cloud_api.fleet_push import Pusher
from cloud_api.migrate import upgrade
from cloud_api.models import Transaction
from edge.duties.fleet import FleetDuty
from edge.duties.shared import Shared
from edge.fleet import FleetApplier
from edge.parsing.evaluate import judge
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.outbox_port import StoreOutbox
from edge.store.records import ParseSettings
from edge.store.sealing import load_or_create_key
from sync.config_doc import sign_config
from sync.envelope import Envelope
from sync.topics import DeviceTopics
from sync.wire.config import FleetConfig, PushedProfile
from tests.cloud_app import app_for
from tests.edge.parsing.induce_layouts import icelandic_bakari, swahili_duka
from tests.helpers import spool_jobs

Make = Callable[[int], tuple[bytes, dict[str, Any]]]


def _disguised_bakery(seed: int) -> tuple[bytes, dict[str, Any]]:
    """The bakery's till program under the duka's name: another layout whose head starts alike."""
    data, truth = icelandic_bakari(seed)
    return data.replace("    BAKARÍ SIGGA    ".encode("cp1252"), b"DUKA LA MAMA NJERI"), truth


class Box:
    """One till's box: its own store, key and spool; what it prints goes to the cloud as its records."""

    def __init__(self, root: Path, device: str, cloud: Cloud) -> None:
        self.root, self.device, self.cloud = root, device, cloud
        self.sessions = open_store(root / "box.db")
        self.key = load_or_create_key(root / "box.key")
        self.shared = Shared(ParseSettings(key=self.key))
        self.fleet = FleetApplier(cloud.hq.public_key(), root)
        self.sent = 0

    def prints(self, make: Make, seeds: range) -> list[dict[str, Any]]:
        truths = []
        jobs = []
        for seed in seeds:
            data, truth = make(seed)
            jobs.append(data)
            truths.append(truth)
        spool_jobs(self.root / "spool", jobs)
        ingest_spool(self.root / "spool", self.sessions, self.shared.parse)
        self.deliver()
        return truths

    def deliver(self) -> None:
        """What the outbox holds goes to the cloud's ingest, as the uplink would send it."""
        for p in StoreOutbox(self.sessions, self.key).pending(self.sent, 1000):
            kind = "transaction" if p.kind == "transaction" else p.kind
            with self.cloud.sessions.begin() as s:
                store_envelope(s, Envelope(self.device, p.seq, kind, p.created_at, p.body))
            self.sent = p.seq

    def receive(self, payload: bytes) -> None:
        """A configuration from the config topic: verified, applied (re-parse included), corrections sent."""
        self.fleet.receive(payload)
        FleetDuty(self.fleet, self.sessions, self.shared).run()
        self.deliver()


class Cloud:
    def __init__(self, url: str) -> None:
        upgrade(url)
        self.url = url
        self.sessions = make_sessions(make_engine(url))
        self.hq = Ed25519PrivateKey.generate()
        self.published: list[tuple[bytes, list[DeviceTopics]]] = []
        now = datetime.now(UTC)
        self.tokens: dict[str, str] = {}
        with self.sessions.begin() as s:
            for code in ("s1", "s2", "s3"):
                enroll(s, "acme", code, f"{code}-t1", "A" * 43)
            for email, role, codes in (
                ("owner@acme.test", "owner", []),
                ("shop1@acme.test", "store_manager", ["s1"]),
                ("shop2@acme.test", "store_manager", ["s2"]),
            ):
                user = add_user(s, email, email, role, "acme", codes, "correct horse battery", now)
                self.tokens[email] = issue_token(s, user, "api", "test", now)

    def client(self) -> TestClient:
        pusher = Pusher(lambda: self.hq, lambda payload, targets: self.published.append((payload, targets)))
        return TestClient(app_for(self.url, pusher=pusher))

    def auth(self, email: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[email]}"}

    def rows(self, layout: str) -> list[Transaction]:
        with self.sessions() as s:
            return list(
                s.scalars(select(Transaction).where(Transaction.layout == layout).order_by(Transaction.id))
            )


LAYOUT = "DUKALAMAMANJERI"


def _money_right(row: Transaction, truth: dict[str, Any]) -> bool:
    result = judge(row.job_id, row.record["transaction"], truth)
    return result.money_right and row.status == "ok"


def test_a_layout_is_learned_from_three_corrections_approved_and_read_right(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud = Cloud(cloud_db)
    s1, s2 = Box(tmp_path / "s1", "s1-t1", cloud), Box(tmp_path / "s2", "s2-t1", cloud)
    truths = s1.prints(swahili_duka, range(0, 8)) + s2.prints(swahili_duka, range(8, 12))
    rows = cloud.rows(LAYOUT)
    assert len(rows) == 12 and all(r.status == "needs_review" for r in rows)  # the built-in reader fails
    owner, shop1, shop2 = (
        cloud.auth("owner@acme.test"),
        cloud.auth("shop1@acme.test"),
        cloud.auth("shop2@acme.test"),
    )
    with cloud.client() as client:
        [layout] = [x for x in client.get("/api/v1/layouts", headers=owner).json() if x["layout"] == LAYOUT]
        assert layout["receipts"] == layout["needs_review"] == layout["with_print"] == 12
        assert layout["stores"] == ["s1", "s2"]
        # A correction that does not add up is refused with the reason, and nothing is stored.
        wrong = {**truths[0], "total": str(Decimal(truths[0]["total"]) + 1)}
        r = client.post(f"/api/v1/transactions/{rows[0].id}/corrections", json=wrong, headers=owner)
        assert r.status_code == 422 and "total" in " ".join(r.json()["detail"]["reasons"])
        live = client.post(f"/api/v1/transactions/{rows[0].id}/check", json=wrong, headers=owner).json()
        assert not live["adds_up"] and live["reasons"]
        assert client.post(f"/api/v1/transactions/{rows[0].id}/check", json=truths[0], headers=owner).json()[
            "adds_up"
        ]
        # Another store's receipt is not found for a store manager; their own is theirs to correct.
        r = client.post(f"/api/v1/transactions/{rows[0].id}/corrections", json=truths[0], headers=shop2)
        assert r.status_code == 404
        assert client.get(f"/api/v1/transactions/{rows[0].id}/revisions", headers=shop2).status_code == 404
        # The reviewer picks receipts that show the layout's tenders: cash (0), M-PESA (2).
        for i, who in ((0, shop1), (2, owner), (8, shop2)):
            r = client.post(f"/api/v1/transactions/{rows[i].id}/corrections", json=truths[i], headers=who)
            assert r.status_code == 201, r.text
            assert r.json()["number"] == 1 and "total" in r.json()["changes"]
        [revision] = client.get(f"/api/v1/transactions/{rows[0].id}/revisions", headers=owner).json()
        assert revision["author"] == "shop1@acme.test"
        assert revision["before"]["status"] == "needs_review"  # the box's own parse, kept
        assert revision["after"]["status"] == "ok" and revision["after"]["total"] == truths[0]["total"]
        # The draft, learned from the three and scored on all twelve stored receipts of the layout.
        r = client.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner)
        assert r.status_code == 201, r.text
        draft = r.json()
        score = draft["score"]
        assert (score["receipts"], score["corrected"], score["corrected_right"]) == (12, 3, 3)
        assert score["worse_count"] == 0 and score["newly_proven"] == 9 and score["money_right"] == 12
        assert "JUMLA" in draft["toml"] and draft["status"] == "draft"
        # A person may edit the draft's TOML: a new draft, scored the same way; one that does not load,
        # or takes a name in use, is refused with why.
        edits = f"/api/v1/profiles/{draft['id']}/edits"
        r = client.post(edits, json={"toml": "name = 'x'\n[words]\ntotal = 'JUMLA'\n"}, headers=owner)
        assert r.status_code == 422 and "does not load" in r.text and "words.total" in r.text
        assert client.post(edits, json={"toml": draft["toml"]}, headers=owner).status_code == 422  # its name
        renamed = draft["toml"].replace(draft["name"], "duka-by-hand")
        r = client.post(edits, json={"toml": renamed}, headers=owner)
        assert r.status_code == 201 and r.json()["name"] == "duka-by-hand"
        assert r.json()["score"] == draft["score"] and r.json()["status"] == "draft"
        # Approval is an owner's or a manager's, and pushes to both stores of the layout.
        assert client.post(f"/api/v1/profiles/{draft['id']}/approve", headers=shop1).status_code == 403
        r = client.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner)
        assert r.status_code == 200 and r.json()["stores"] == ["s1", "s2"]
        again = client.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner)
        assert again.status_code == 409 and len(cloud.published) == 2  # decided once, pushed once
    assert [t[0].device for _, t in cloud.published] == ["s1-t1", "s2-t1"]
    (to_s1, _), (to_s2, _) = cloud.published
    # A forged configuration (another key) is refused by the box; HQ's is applied.
    pushed = PushedProfile(**json.loads(to_s1)["config"]["pos_profile"])
    forged = sign_config(FleetConfig(9, datetime.now(UTC), pushed), Ed25519PrivateKey.generate())
    s1.receive(forged)
    assert s1.shared.parse.pushed_profile is None and s1.fleet.refused == 1
    s1.receive(to_s1)
    s2.receive(to_s2)
    assert s1.shared.parse.pushed_profile is not None
    # The review queue emptied by itself: the boxes re-read their receipts and sent the corrections; HQ's
    # three corrections stay as HQ made them.
    rows = cloud.rows(LAYOUT)
    assert all(_money_right(r, t) for r, t in zip(rows, truths, strict=True))
    assert sum(r.corrected_at is not None for r in rows) == 3
    # The next 50 receipts of the layout: ok and money-right.
    more = s1.prints(swahili_duka, range(100, 150))
    fresh = cloud.rows(LAYOUT)[12:]
    assert len(fresh) == 50 and all(_money_right(r, t) for r, t in zip(fresh, more, strict=True))
    # A rollback: each store gets the profile it had before (none), the box reads as before.
    with cloud.client() as client:
        r = client.post(f"/api/v1/profiles/{draft['id']}/rollback", headers=owner)
        assert r.status_code == 200 and r.json()["stores"] == ["s1", "s2"]
        assert client.get(f"/api/v1/profiles/{draft['id']}", headers=owner).json()["status"] == "rolled_back"
    s1.receive(cloud.published[-2][0])
    assert s1.shared.parse.pushed_profile is None
    s1.prints(swahili_duka, range(200, 201))
    assert cloud.rows(LAYOUT)[-1].status == "needs_review"


def test_no_draft_from_two_layouts_nor_one_that_would_make_a_receipt_worse(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud = Cloud(cloud_db)
    box = Box(tmp_path / "s1", "s1-t1", cloud)
    owner = cloud.auth("owner@acme.test")
    duka = box.prints(swahili_duka, range(0, 6))
    bakery = box.prints(_disguised_bakery, range(0, 2))  # another till in the store, a head alike
    rows = cloud.rows(LAYOUT)
    assert len(rows) == 8
    with cloud.client() as client:
        for i, truth in ((0, duka[0]), (1, duka[1]), (6, bakery[0]), (7, bakery[1])):
            assert (
                client.post(
                    f"/api/v1/transactions/{rows[i].id}/corrections", json=truth, headers=owner
                ).status_code
                == 201
            )
        r = client.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner)
        assert r.status_code == 422 and "two layouts" in r.text
    with cloud.sessions.begin() as s:  # the bakery's receipts are another layout after all
        for row in s.scalars(select(Transaction).where(Transaction.id.in_([rows[6].id, rows[7].id]))):
            row.layout = "BAKARÍSIGGA"
            row.corrected_at = None
    # A receipt stored `ok` that the draft reads otherwise (an older reading that happened to add up, with
    # a total one more): approval is blocked until someone looks at it.
    with cloud.sessions.begin() as s:
        row = s.get(Transaction, rows[5].id)
        assert row is not None
        misread = dict(duka[5])
        misread["items"] = [
            {**misread["items"][0], "amount": str(Decimal(misread["items"][0]["amount"]) + 1)}
        ]
        misread.update(total=str(Decimal(misread["total"]) + 1), status="ok")
        row.record = {**row.record, "transaction": misread}
        row.status = "ok"
    with cloud.client() as client:
        r = client.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner)
        assert r.status_code == 201, r.text
        draft = r.json()
        assert draft["score"]["worse_count"] == 1
        assert draft["score"]["worse"][0]["transaction_id"] == rows[5].id
        r = client.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner)
        assert r.status_code == 409 and "worse" in r.text
        assert cloud.published == []
        # Corrected, the receipt is the truth the next draft is scored against: nothing worse, approved.
        r = client.post(f"/api/v1/transactions/{rows[5].id}/corrections", json=duka[5], headers=owner)
        assert r.status_code == 201 and "total" in r.json()["changes"]
        r = client.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner)
        assert r.status_code == 201 and r.json()["score"]["worse_count"] == 0
        assert client.post(f"/api/v1/profiles/{r.json()['id']}/approve", headers=owner).status_code == 200


def test_scoring_on_every_core_gives_what_one_core_gives(
    tmp_path: Path, cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cloud_api.crud import learned_profiles

    cloud = Cloud(cloud_db)
    box = Box(tmp_path / "s1", "s1-t1", cloud)
    truths = box.prints(swahili_duka, range(0, 9))
    rows = cloud.rows(LAYOUT)
    with cloud.client() as client:
        for i in (0, 2):
            r = client.post(
                f"/api/v1/transactions/{rows[i].id}/corrections",
                json=truths[i],
                headers=cloud.auth("owner@acme.test"),
            )
            assert r.status_code == 201
        draft = client.post(
            "/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=cloud.auth("owner@acme.test")
        ).json()
    monkeypatch.setattr(learned_profiles, "CHUNK", 2)
    monkeypatch.setattr(learned_profiles, "PARALLEL_FROM", 4)  # 9 receipts: 5 chunks over a process pool
    with cloud.sessions() as s:
        stores = frozenset(s.scalars(select(Transaction.store_id)))
        parallel = learned_profiles.score_profile(s, stores, LAYOUT, draft["toml"])
    assert {**asdict(parallel), "money_right": parallel.money_right} == draft["score"]
    assert parallel.receipts == 9 and parallel.corrected_right == 2 and parallel.newly_proven == 7
