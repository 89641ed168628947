"""Issue 17's learning against what a review of it tried (the reviewer's reproducers, each now asserting
what must happen): rollbacks after other pushes, two approvals at once, a second layout in one store,
another retailer, a store manager's draft, a correction racing an ingest, hostile correction texts and
layouts, an edit without a header pattern, a name in use, a logo for a name, and the migration on a
database that has pushed configurations."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from cloud_api import fleet_push
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud import corrections, ingest, learned_profiles
from cloud_api.crud.learned_profiles import ProfileRefused
from cloud_api.crud.users import Scope
from cloud_api.migrate import alembic_config, upgrade
from cloud_api.models import LearnedProfile, Transaction
from edge.parsing.layout import layout_key
from edge.store.outbox_port import StoreOutbox
from sync.envelope import Envelope
from sync.topics import DeviceTopics
from tests.cloud_api.test_learned_profiles import LAYOUT, Box, Cloud, _money_right
from tests.cloud_app import app_for
from tests.edge.parsing.induce_layouts import icelandic_bakari, swahili_duka
from tests.helpers import clear_of_window_edges

SQLITE = pytest.mark.parametrize("cloud_db", ["sqlite"], indirect=True)


def _approved(tmp_path: Path, cloud_db: str) -> tuple[Cloud, dict[str, Any], list[Box]]:
    """Two stores print the duka's layout; the owner corrects three, drafts, approves."""
    cloud = Cloud(cloud_db)
    s1, s2 = Box(tmp_path / "s1", "s1-t1", cloud), Box(tmp_path / "s2", "s2-t1", cloud)
    truths = s1.prints(swahili_duka, range(0, 8)) + s2.prints(swahili_duka, range(8, 12))
    rows = cloud.rows(LAYOUT)
    owner = cloud.auth("owner@acme.test")
    with cloud.client() as c:
        for i in (0, 2, 8):
            r = c.post(f"/api/v1/transactions/{rows[i].id}/corrections", json=truths[i], headers=owner)
            assert r.status_code == 201
        draft = c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner).json()
        assert c.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner).status_code == 200
    return cloud, draft, [s1, s2]


def _drafted(tmp_path: Path, cloud_db: str) -> tuple[Cloud, dict[str, Any], list[Transaction]]:
    """One store prints four of the duka's receipts; the owner corrects two (cash and M-PESA) and drafts."""
    cloud = Cloud(cloud_db)
    truths = Box(tmp_path / "s1", "s1-t1", cloud).prints(swahili_duka, range(0, 4))
    rows = cloud.rows(LAYOUT)
    owner = cloud.auth("owner@acme.test")
    with cloud.client() as c:
        for i in (0, 2):
            r = c.post(f"/api/v1/transactions/{rows[i].id}/corrections", json=truths[i], headers=owner)
            assert r.status_code == 201
        draft = c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner).json()
    return cloud, draft, rows


def _cli_push(cloud: Cloud, monkeypatch: pytest.MonkeyPatch, store: str, profile_path: Path | None) -> None:
    """`tillbox-cloud config push` (fleet_push.push), the broker being the test's list."""

    def published(broker: object, payload: bytes, targets: list[DeviceTopics]) -> None:
        cloud.published.append((payload, targets))

    monkeypatch.setattr(fleet_push, "publish", published)
    fleet_push.push(cloud.sessions, None, cloud.hq, "acme", store, profile_path, True)  # type: ignore[arg-type]


def _profile_of(payload: bytes) -> str | None:
    p = json.loads(payload)["config"]["pos_profile"]
    return p["name"] if p else None


def _last_to(cloud: Cloud, device: str) -> bytes:
    return [p for p, t in cloud.published if t[0].device == device][-1]


@SQLITE
def test_a_rollback_after_a_reparse_push_withdraws_the_profile(
    tmp_path: Path, cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cloud, draft, _ = _approved(tmp_path, cloud_db)
    _cli_push(cloud, monkeypatch, "s1", None)  # a re-parse asked by hand carries the profile on
    assert _profile_of(cloud.published[-1][0]) == draft["name"]
    with cloud.client() as c:
        r = c.post(f"/api/v1/profiles/{draft['id']}/rollback", headers=cloud.auth("owner@acme.test"))
    assert r.status_code == 200 and r.json()["stores"] == ["s1", "s2"]
    assert _profile_of(_last_to(cloud, "s1-t1")) is None and _profile_of(_last_to(cloud, "s2-t1")) is None


@SQLITE
def test_a_rollback_leaves_a_store_that_runs_another_profile_by_now(
    tmp_path: Path, cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cloud, draft, _ = _approved(tmp_path, cloud_db)
    hand = tmp_path / "by-hand.toml"
    hand.write_text(draft["toml"].replace(draft["name"], "by-hand"), encoding="utf-8")
    _cli_push(cloud, monkeypatch, "s1", hand)
    with cloud.client() as c:
        r = c.post(f"/api/v1/profiles/{draft['id']}/rollback", headers=cloud.auth("owner@acme.test"))
    assert r.status_code == 200 and r.json()["stores"] == ["s2"]
    assert _profile_of(_last_to(cloud, "s1-t1")) == "by-hand"


@SQLITE
def test_rolling_back_a_second_profile_brings_the_first_back_approved(tmp_path: Path, cloud_db: str) -> None:
    cloud, a, _ = _approved(tmp_path, cloud_db)
    owner = cloud.auth("owner@acme.test")
    with cloud.client() as c:
        edit = {"toml": a["toml"].replace(a["name"], "by-hand-b")}
        b = c.post(f"/api/v1/profiles/{a['id']}/edits", json=edit, headers=owner).json()
        assert c.post(f"/api/v1/profiles/{b['id']}/approve", headers=owner).status_code == 200
        assert c.get(f"/api/v1/profiles/{a['id']}", headers=owner).json()["status"] == "superseded"
        assert c.post(f"/api/v1/profiles/{b['id']}/rollback", headers=owner).status_code == 200
        assert _profile_of(cloud.published[-1][0]) == a["name"]  # the stores run A again
        assert c.get(f"/api/v1/profiles/{a['id']}", headers=owner).json()["status"] == "approved"
        assert c.post(f"/api/v1/profiles/{a['id']}/rollback", headers=owner).status_code == 200


@SQLITE
def test_an_approval_leaves_another_retailers_profiles_alone(tmp_path: Path, cloud_db: str) -> None:
    cloud, draft, _ = _drafted(tmp_path, cloud_db)
    with cloud.sessions.begin() as s:
        s.add(
            LearnedProfile(
                retailer="other",
                layout=LAYOUT,
                name="theirs",
                toml="",
                status="approved",
                examples=[],
                score={},
                stores=[],
                replaced={},
                created_by="x@other.test",
                created_at=datetime.now(UTC),
            )
        )
    with cloud.client() as c:
        r = c.post(f"/api/v1/profiles/{draft['id']}/approve", headers=cloud.auth("owner@acme.test"))
        assert r.status_code == 200
    with cloud.sessions() as s:
        theirs = s.scalars(select(LearnedProfile).where(LearnedProfile.retailer == "other")).one()
        assert theirs.status == "approved"


@SQLITE
def test_a_store_managers_draft_is_scored_on_their_store_only(tmp_path: Path, cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    s1, s2 = Box(tmp_path / "s1", "s1-t1", cloud), Box(tmp_path / "s2", "s2-t1", cloud)
    t1 = s1.prints(swahili_duka, range(0, 4))
    s2.prints(swahili_duka, range(10, 16))
    rows = cloud.rows(LAYOUT)
    with cloud.sessions.begin() as s:  # one of s2's receipts stored ok, which the draft reads otherwise
        row = s.get(Transaction, rows[5].id)
        assert row is not None
        row.record = {
            **row.record,
            "transaction": {**row.record["transaction"], "total": "1.00", "status": "ok"},
        }
        row.status = "ok"
    shop1 = cloud.auth("shop1@acme.test")
    with cloud.client() as c:
        for i in (0, 2):
            r = c.post(f"/api/v1/transactions/{rows[i].id}/corrections", json=t1[i], headers=shop1)
            assert r.status_code == 201
        r = c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=shop1)
    score = r.json()["score"]
    assert r.status_code == 201 and score["receipts"] == 4 and score["worse"] == []


@SQLITE
def test_a_second_layout_in_a_store_is_refused_while_the_first_runs(tmp_path: Path, cloud_db: str) -> None:
    """A store's boxes hold one pushed profile: the second layout's approval would silently withdraw the
    first's, so it is refused, saying which runs; the first goes on reading its receipts right."""
    cloud = Cloud(cloud_db)
    box = Box(tmp_path / "s1", "s1-t1", cloud)
    duka = box.prints(swahili_duka, range(0, 4))
    bakery = box.prints(icelandic_bakari, range(0, 4))
    owner = cloud.auth("owner@acme.test")
    answers = []
    with cloud.client() as c:
        for layout, truths in ((LAYOUT, duka), ("BAKARÍSIGGA", bakery)):
            rows = cloud.rows(layout)
            for i in (0, 1, 2):
                r = c.post(f"/api/v1/transactions/{rows[i].id}/corrections", json=truths[i], headers=owner)
                assert r.status_code == 201, r.text
            d = c.post("/api/v1/profiles/drafts", json={"layout": layout}, headers=owner)
            assert d.status_code == 201, d.text
            answers.append(c.post(f"/api/v1/profiles/{d.json()['id']}/approve", headers=owner))
    assert answers[0].status_code == 200
    assert answers[1].status_code == 409 and "s1 runs learned-dukalamamanjeri" in answers[1].text
    box.receive(cloud.published[-1][0])
    [truth] = box.prints(swahili_duka, range(300, 301))
    assert _money_right(cloud.rows(LAYOUT)[-1], truth)


def test_two_approvals_at_once_push_once(tmp_path: Path, cloud_db: str) -> None:
    """The second approval is sent while the first one's configuration is with the broker (its publish
    makes it): the claim is committed by then and no lock is held, so the second is refused at once."""
    cloud, draft, rows = _drafted(tmp_path, cloud_db)
    scope = Scope(0, "owner@acme.test", "owner", "acme", frozenset({rows[0].store_id}))
    seconds: list[str] = []

    def publish(payload: bytes, targets: list[DeviceTopics]) -> None:
        with cloud.sessions() as other:
            try:
                learned_profiles.approve(other, scope, draft["id"], cloud.hq, publish, datetime.now(UTC))
            except ProfileRefused as e:
                seconds.append(str(e))
        cloud.published.append((payload, targets))

    with cloud.sessions() as s:
        assert learned_profiles.approve(s, scope, draft["id"], cloud.hq, publish, datetime.now(UTC)) == ["s1"]
        s.commit()
    assert len(cloud.published) == 1 and seconds and "deciding" in seconds[0]
    with cloud.sessions() as s:
        row = s.get(LearnedProfile, draft["id"])
        assert row is not None and row.status == "approved"


def test_a_push_that_fails_gives_the_claim_back(tmp_path: Path, cloud_db: str) -> None:
    cloud, draft, _ = _drafted(tmp_path, cloud_db)
    owner = cloud.auth("owner@acme.test")

    def broker_down(payload: bytes, targets: list[DeviceTopics]) -> None:
        raise RuntimeError("the broker did not take the configuration in time")

    from cloud_api.fleet_push import Pusher

    with TestClient(
        app_for(cloud.url, pusher=Pusher(lambda: cloud.hq, broker_down)), raise_server_exceptions=False
    ) as c:
        assert c.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner).status_code == 500
        assert c.get(f"/api/v1/profiles/{draft['id']}", headers=owner).json()["status"] == "draft"
    with cloud.client() as c:  # the broker back: approved
        assert c.post(f"/api/v1/profiles/{draft['id']}/approve", headers=owner).status_code == 200


def test_a_correction_racing_an_ingest_is_kept(
    tmp_path: Path, cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HQ's correction commits after an ingest of the box's re-parse read the row and before it writes: the
    ingest's update fails (the row's version moved), and its retry keeps HQ's reading."""
    cloud = Cloud(cloud_db)
    box = Box(tmp_path / "s1", "s1-t1", cloud)
    truths = box.prints(swahili_duka, range(0, 2))
    row0 = cloud.rows(LAYOUT)[0]
    body = next(
        p.body for p in StoreOutbox(box.sessions, box.key).pending(0, 1000) if p.body["job_id"] == row0.job_id
    )
    reparse = {**body, "revision": body["revision"] + 1}  # the box's re-parse (still needs_review)
    scope = Scope(0, "owner@acme.test", "owner", "acme", frozenset({row0.store_id}))
    real = ingest.customers_for_member_hashes

    def correction_meanwhile(*a: Any, **k: Any) -> Any:  # after ingest read the row, before it writes
        monkeypatch.setattr(ingest, "customers_for_member_hashes", real)
        with cloud.sessions.begin() as s:
            corrections.correct(s, scope, row0.id, truths[0], datetime.now(UTC))
        return real(*a, **k)

    monkeypatch.setattr(ingest, "customers_for_member_hashes", correction_meanwhile)
    envelope = Envelope("s1-t1", 99, "transaction", datetime.now(UTC), reparse)
    with pytest.raises(StaleDataError), cloud.sessions.begin() as s:
        ingest.store_envelope(s, envelope)
    with cloud.sessions.begin() as s:  # the subscriber's retry
        ingest.store_envelope(s, envelope)
    with cloud.sessions() as s:
        row = s.get(Transaction, row0.id)
        assert row is not None and row.corrected_at is not None and row.revision == 2
        assert row.status == "ok" and row.record["transaction"]["total"] == truths[0]["total"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"cashier": "a\x00b"}, "NUL"),
        ({"datetime": "2026-13-45T99:00:00"}, "no such day"),
        ({"store": {"name": "Evil Corp"}}, None),  # the printed store name stays the box's
    ],
)
def test_hostile_corrections_are_refused_or_kept_harmless(
    tmp_path: Path, cloud_db: str, change: dict[str, Any], why: str | None
) -> None:
    cloud = Cloud(cloud_db)
    box = Box(tmp_path / "s1", "s1-t1", cloud)
    truths = box.prints(swahili_duka, range(0, 2))
    row0 = cloud.rows(LAYOUT)[0]
    with TestClient(app_for(cloud.url), raise_server_exceptions=False) as c:
        r = c.post(
            f"/api/v1/transactions/{row0.id}/corrections",
            json={**truths[0], **change},
            headers=cloud.auth("owner@acme.test"),
        )
        bad_layout = c.post(
            "/api/v1/profiles/drafts", json={"layout": "\x00"}, headers=cloud.auth("owner@acme.test")
        )
    assert bad_layout.status_code == 422
    if why is not None:
        assert r.status_code == 422 and why in r.text, r.text
    else:
        assert r.status_code == 201 and "store.name" not in r.json()["changes"]
        assert cloud.rows(LAYOUT)[0].record["transaction"]["store"]["name"] == "DUKA LA MAMA NJERI"


@SQLITE
def test_an_edit_needs_a_header_pattern_and_a_name_of_its_own(tmp_path: Path, cloud_db: str) -> None:
    cloud, d1, _ = _drafted(tmp_path, cloud_db)
    owner = cloud.auth("owner@acme.test")
    with cloud.client() as c:
        edits = f"/api/v1/profiles/{d1['id']}/edits"
        undetected = d1["toml"].replace(d1["name"], "no-detect").split("[detect]")[0]
        undetected += "\n[words]\ntotal = ['JUMLA KUU']\n"
        r = c.post(edits, json={"toml": undetected}, headers=owner)
        assert r.status_code == 422 and "[detect]" in r.text
        nxt = f"learned-dukalamamanjeri-{d1['id'] + 1}"  # the next draft's name
        r = c.post(edits, json={"toml": d1["toml"].replace(d1["name"], nxt)}, headers=owner)
        assert r.status_code == 422 and "new name" in r.text
        d2 = c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner).json()
        names = [p["name"] for p in c.get("/api/v1/profiles", headers=owner).json()]
    assert d2["name"] == nxt and len(names) == len(set(names)) == 2
    assert f'name = "{d2["name"]}"' in d2["toml"]  # the TOML says the name it is pushed under


def test_a_logo_is_not_a_layout() -> None:
    assert layout_key(["[image 384x96]", "GREEN VALLEY GROCERS", "12 Main St"]) == "GREENVALLEYGROCERS"
    assert layout_key(["[image 512x80]", "CORNER PHARMACY"]) == "CORNERPHARMACY"
    assert layout_key(["[image 384x96]", "[QR https://x.test/1]"]) is None


def test_the_migration_keeps_each_pushed_profiles_text(
    tmp_path: Path, cloud_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Down to 0006 (configurations without their profile's text) and up again: the text comes back
    from each signed document, so a re-parse pushed after the upgrade carries the store's profile on."""
    cloud, draft, _ = _approved(tmp_path, cloud_db)
    cloud.sessions.kw["bind"].dispose()
    command.downgrade(alembic_config(cloud_db), "0006")
    upgrade(cloud_db)
    cloud.sessions = make_sessions(make_engine(cloud_db))
    _cli_push(cloud, monkeypatch, "s1", None)
    assert _profile_of(cloud.published[-1][0]) == draft["name"]


@SQLITE
def test_drafts_are_limited_per_account(tmp_path: Path, cloud_db: str) -> None:
    """Each draft reads the layout's stored receipts again on every core: a loop of them is refused."""
    from cloud_api.core.ratelimit import Limit
    from cloud_api.deps import Limits

    cloud = Cloud(cloud_db)
    limits = Limits(drafts=Limit("profile-drafts-per-account", 2, 3600))
    owner, shop1 = cloud.auth("owner@acme.test"), cloud.auth("shop1@acme.test")
    clear_of_window_edges([3600])  # the limit counts in fixed hours: not across one's end
    with TestClient(app_for(cloud.url, per_client=limits)) as c:
        codes = [
            c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=owner).status_code
            for _ in range(3)
        ]
        other = c.post("/api/v1/profiles/drafts", json={"layout": LAYOUT}, headers=shop1).status_code
    assert codes == [422, 422, 429] and other == 422  # (nothing corrected yet: refused for that first)


@SQLITE
def test_a_store_manager_sees_only_their_stores_receipts_in_an_owners_draft(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud, draft, _ = _approved(tmp_path, cloud_db)
    rows = cloud.rows(LAYOUT)
    s2_ids = {r.id for r in rows[8:]}
    assert set(draft["examples"]) - s2_ids and set(draft["examples"]) & s2_ids  # learned from both stores
    with cloud.client() as c:
        seen = c.get(f"/api/v1/profiles/{draft['id']}", headers=cloud.auth("shop2@acme.test")).json()
        c.post("/hq/login", data={"email": "shop2@acme.test", "password": "correct horse battery"})
        page = c.get(f"/hq/learning/profiles/{draft['id']}").text
    assert seen["examples"] and set(seen["examples"]) <= s2_ids
    assert f"from receipts {', '.join(map(str, seen['examples']))}." in page  # theirs only
