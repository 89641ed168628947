"""The shopper's account: save a receipt with a one-time code, see it at /me; codes expire and allow five
tries, a phone gets three codes an hour, one address ten tries in ten minutes; nothing of a phone's
receipts is shown to someone who has not typed its code; the phone is kept as a keyed hash and sealed,
never in clear; member numbers on saved receipts link that member's later receipts. SQLite and PostgreSQL.
The SMS gateway is the one fake: a sender that keeps the messages (it cannot exist here)."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.claims import ClaimLimits, ClaimRefused, start_claim, verify_code
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.migrate import upgrade
from cloud_api.models import Customer, Identity, Transaction
from edge.parsing.pipeline import parse_bytes
from sync.envelope import Envelope
from tests.cloud_app import app_for
from tests.helpers import clear_of_window_edges, corpus

PHONE, PHONE_TYPED = "+8613800138000", "138 0013 8000"
OTHER = "+8613912345678"
KEY = "A" * 43


class KeptMessages:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        self.sent.append((phone, text))

    def code_for(self, phone: str) -> str:
        found = re.search(r"\b(\d{6})\b", [t for p, t in self.sent if p == phone][-1])
        assert found
        return found.group(1)


class Cloud:
    def __init__(self, url: str) -> None:
        upgrade(url)
        self.url = url
        self.sessions = make_sessions(make_engine(url))
        self.secret = ServiceSecret(os.urandom(32))
        self.sms = KeptMessages()
        self.seq = 0
        with self.sessions.begin() as s:
            enroll(s, "acme", "s12", "s12-t1", KEY)

    def receipt(self, token: str, member_id: str | None = None, name: str = "zh-supermarket-00") -> None:
        tx: dict[str, Any] = parse_bytes(corpus(name)).to_json()
        tx["member_id"] = member_id
        self.seq += 1
        record = {
            "job_id": f"j{self.seq}",
            "revision": 1,
            "qr_token": token,
            "transaction": tx,
            "started_at": (datetime.now(UTC) - timedelta(minutes=100 - self.seq)).isoformat(),
            "tags": {},
        }
        with self.sessions.begin() as s:
            store_envelope(
                s, Envelope("s12-t1", self.seq, "transaction", datetime.now(UTC), record), self.secret
            )

    def client(self) -> TestClient:
        return TestClient(app_for(self.url, secret=self.secret, sms=self.sms, region="CN"))

    def owner(self, token: str) -> int | None:
        with self.sessions() as s:
            return s.scalar(select(Transaction.customer_id).where(Transaction.qr_token == token))


def save(c: TestClient, cloud: Cloud, token: str, phone: str, typed: str | None = None) -> Any:
    page = c.post(f"/r/{token}/claim", data={"phone": typed or phone})
    assert page.status_code == 200 and "Enter your code" in page.text, page.text
    claim_id = re.search(r'action="/codes/([^"?]+)', page.text)
    assert claim_id
    return c.post(
        f"/codes/{claim_id.group(1)}", data={"code": cloud.sms.code_for(phone)}, follow_redirects=False
    )


def test_save_a_receipt_and_see_it_at_me(tmp_path: Path, cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    cloud.receipt("Tok0000000000001")
    with cloud.client() as c:
        page = c.get("/r/Tok0000000000001")
        assert 'action="/r/Tok0000000000001/claim?lang=en"' in page.text
        assert "Your receipts" in c.get("/me").text and "purchase" not in c.get("/me").text  # not signed in
        asked = c.post("/r/Tok0000000000001/claim", data={"phone": PHONE_TYPED})
        assert "+86" in asked.text and "8000" in asked.text and PHONE not in asked.text  # masked
        claim_id = re.search(r'action="/codes/([^"?]+)', asked.text)
        assert claim_id and cloud.sms.sent[-1][0] == PHONE  # the typed number, read as a Chinese mobile
        done = c.post(
            f"/codes/{claim_id.group(1)}", data={"code": cloud.sms.code_for(PHONE)}, follow_redirects=False
        )
        assert done.status_code == 303 and done.headers["location"] == "/me?lang=en"
        assert (
            "httponly" in done.headers["set-cookie"].lower()
            and "samesite=lax" in done.headers["set-cookie"].lower()
        )
        me = c.get("/me").text
        assert 'href="/r/Tok0000000000001?via=me"' in me and "Sign out" in me
        c.post("/me/logout")
        assert 'href="/r/Tok0000000000001?via=me"' not in c.get("/me").text
    assert cloud.owner("Tok0000000000001") is not None
    with cloud.sessions() as s:
        [ident] = s.scalars(select(Identity).where(Identity.kind == "phone"))
        assert cloud.secret.open("phone", ident.sealed_value) == PHONE
    if cloud_db.startswith("sqlite"):  # the whole database file: the number appears nowhere in clear
        raw = Path(cloud_db.removeprefix("sqlite:///")).read_bytes()
        assert b"13800138000" not in raw and b"0013 8000" not in raw


def test_a_signed_in_shopper_saves_without_a_new_code_and_sees_only_their_own(tmp_path: Path) -> None:
    cloud = Cloud(f"sqlite:///{tmp_path / 'cloud.db'}")
    for token in ("Tok0000000000001", "Tok0000000000002", "Tok0000000000003"):
        cloud.receipt(token)
    with cloud.client() as mine, cloud.client() as theirs:
        assert save(mine, cloud, "Tok0000000000001", PHONE).status_code == 303
        sent = len(cloud.sms.sent)
        again = mine.post("/r/Tok0000000000002/claim", data={}, follow_redirects=False)
        assert again.status_code == 303 and len(cloud.sms.sent) == sent  # proven already: no code
        assert save(theirs, cloud, "Tok0000000000003", OTHER).status_code == 303
        # Someone else's saved receipt: refused, without saying whose — signed in or proving a phone.
        taken = theirs.post("/r/Tok0000000000001/claim", data={})
        assert taken.status_code == 409 and "another account" in taken.text and "8000" not in taken.text
        with cloud.client() as stranger:
            proven = save(stranger, cloud, "Tok0000000000001", OTHER)
            assert proven.status_code == 409 and "another account" in proven.text
            assert "Tok0000000000001" not in stranger.get("/me").text
        mine_page, theirs_page = mine.get("/me").text, theirs.get("/me").text
    assert (
        "Tok0000000000001" in mine_page
        and "Tok0000000000002" in mine_page
        and "Tok0000000000003" not in mine_page
    )
    assert "Tok0000000000003" in theirs_page and "Tok0000000000001" not in theirs_page
    assert (
        cloud.owner("Tok0000000000001") == cloud.owner("Tok0000000000002") != cloud.owner("Tok0000000000003")
    )


def test_signing_in_at_me_with_a_code_shows_the_history(tmp_path: Path) -> None:
    cloud = Cloud(f"sqlite:///{tmp_path / 'cloud.db'}")
    cloud.receipt("Tok0000000000001")
    with cloud.client() as first:
        save(first, cloud, "Tok0000000000001", PHONE)
    with cloud.client() as later:  # another phone, another day: no cookie
        asked = later.post("/me/login", data={"phone": PHONE})
        assert "Tok0000000000001" not in asked.text
        claim_id = re.search(r'action="/codes/([^"?]+)', asked.text)
        assert claim_id
        wrong = later.post(f"/codes/{claim_id.group(1)}", data={"code": "000000"})
        assert wrong.status_code == 400 and "Tok0000000000001" not in wrong.text
        assert "Tok0000000000001" not in later.get("/me").text
        later.post(f"/codes/{claim_id.group(1)}", data={"code": cloud.sms.code_for(PHONE)})
        assert 'href="/r/Tok0000000000001?via=me"' in later.get("/me").text


def test_codes_expire_allow_five_tries_and_a_phone_gets_three_an_hour(tmp_path: Path, cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    limits = ClaimLimits()
    now = datetime.now(UTC)
    with cloud.sessions() as s:
        tx = s.scalars(select(Transaction)).first()
        claim, code = start_claim(s, cloud.secret, PHONE, tx, now, limits)
        wrong = "111111" if code != "111111" else "222222"
        for _ in range(limits.attempts_per_code):
            with pytest.raises(ClaimRefused, match="not right"):
                verify_code(s, cloud.secret, claim.id, wrong, now, limits)
        with pytest.raises(ClaimRefused, match="Too many wrong codes"):
            verify_code(s, cloud.secret, claim.id, code, now, limits)  # the right one, too late
        claim2, code2 = start_claim(s, cloud.secret, PHONE, None, now, limits)
        with pytest.raises(ClaimRefused, match="expired"):
            verify_code(
                s, cloud.secret, claim2.id, code2, now + limits.code_ttl + timedelta(seconds=1), limits
            )
        start_claim(s, cloud.secret, PHONE, None, now, limits)
        with pytest.raises(ClaimRefused, match="Too many codes"):
            start_claim(s, cloud.secret, PHONE, None, now, limits)
        start_claim(s, cloud.secret, PHONE, None, now + limits.codes_window + timedelta(seconds=1), limits)
        claim3, code3 = start_claim(s, cloud.secret, OTHER, None, now, limits)
        assert verify_code(s, cloud.secret, claim3.id, code3, now, limits).customer.id
        with pytest.raises(ClaimRefused, match="expired"):  # used once: never again
            verify_code(s, cloud.secret, claim3.id, code3, now, limits)
        s.commit()


def test_one_address_gets_ten_tries_in_ten_minutes(tmp_path: Path) -> None:
    clear_of_window_edges([600])
    cloud = Cloud(f"sqlite:///{tmp_path / 'cloud.db'}")
    with cloud.client() as c:
        asked = c.post("/me/login", data={"phone": PHONE})
        claim_id = re.search(r'action="/codes/([^"?]+)', asked.text)
        assert claim_id
        statuses = [
            c.post(f"/codes/{claim_id.group(1)}", data={"code": f"{i:06d}"}).status_code for i in range(12)
        ]
    # 1 code sent + 9 wrong codes = 10 against this address; then everything is refused for a while.
    assert statuses[:9] == [400] * 9 and set(statuses[9:]) == {429}


def test_bad_phone_numbers_are_refused_with_a_reason(tmp_path: Path) -> None:
    cloud = Cloud(f"sqlite:///{tmp_path / 'cloud.db'}")
    cloud.receipt("Tok0000000000001")
    with cloud.client() as c:
        for typed, reason in [("12", "not a valid"), ("hello", "does not look like")]:
            r = c.post("/r/Tok0000000000001/claim", data={"phone": typed})
            assert r.status_code == 400 and reason in r.text
        # Longer than any phone number: refused by the form's own limit before anything reads it.
        assert c.post("/r/Tok0000000000001/claim", data={"phone": "1" * 41}).status_code == 422
        assert c.post("/r/Nope000000000000/claim", data={"phone": PHONE}).status_code == 404
    assert cloud.sms.sent == []


def test_a_member_number_on_a_saved_receipt_links_that_members_receipts(
    tmp_path: Path, cloud_db: str
) -> None:
    cloud = Cloud(cloud_db)
    cloud.receipt("Tok0000000000001", member_id="M-778 812")  # before anyone saved anything
    cloud.receipt("Tok0000000000002", member_id="M-778812")
    cloud.receipt("Tok0000000000009", member_id="M-000001")
    with cloud.client() as c:
        save(c, cloud, "Tok0000000000002", PHONE)
    owner = cloud.owner("Tok0000000000002")
    assert owner is not None and cloud.owner("Tok0000000000001") == owner  # earlier, same card
    cloud.receipt("Tok0000000000003", member_id="m-778812")  # later: links itself at ingest
    assert cloud.owner("Tok0000000000003") == owner and cloud.owner("Tok0000000000009") is None
    # Another proven phone saving a receipt with that card gets that receipt only, nothing of owner's.
    cloud.receipt("Tok0000000000004", member_id="M-778812")
    assert cloud.owner("Tok0000000000004") == owner  # linked at ingest already: someone else's now
    cloud.receipt("Tok0000000000005")
    with cloud.client() as other:
        save(other, cloud, "Tok0000000000005", OTHER)
        assert "Tok0000000000001" not in other.get("/me").text


def test_a_member_only_customer_is_merged_into_the_phone_that_saves_their_receipt(tmp_path: Path) -> None:
    """As after an import of the retailer's member list (not built yet): a customer known only by a
    member number becomes the phone's customer, and the old id points to the new one."""
    cloud = Cloud(f"sqlite:///{tmp_path / 'cloud.db'}")
    now = datetime.now(UTC)
    with cloud.sessions.begin() as s:
        from cloud_api.crud.customers import link_member

        imported = Customer(created_at=now)
        s.add(imported)
        s.flush()
        link_member(s, cloud.secret, imported, "acme", "M-1", now)
        imported_id = imported.id
    cloud.receipt("Tok0000000000001", member_id="M-1")
    assert cloud.owner("Tok0000000000001") == imported_id
    cloud.receipt("Tok0000000000002", member_id="M-1")
    with cloud.sessions() as s:
        assert s.scalar(text("SELECT count(*) FROM identities WHERE kind = 'member'")) == 1
    with cloud.client() as c:
        # the receipt is the imported member's: saving it by phone merges the two
        r = save(c, cloud, "Tok0000000000002", PHONE)
        assert r.status_code == 303
        me = c.get("/me").text
    assert "Tok0000000000001" in me and "Tok0000000000002" in me
    with cloud.sessions() as s:
        merged = s.get(Customer, imported_id)
        assert merged is not None and merged.merged_into == cloud.owner("Tok0000000000001") != imported_id
