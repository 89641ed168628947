"""Marketing consent (cloud_api/crud/consents.py), apart from saving receipts: saving one leaves every
channel off; at /me the shopper grants, withdraws and grants again, each change kept in the history and
the latest standing; a form sent from another site is refused; HQ sees each customer's consent with its
date and source, and counts of consenting customers per channel for their stores only. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.crud.consents import ConsentError, consents_of, set_consent
from cloud_api.models import ConsentEvent
from tests.cloud_api.test_claims import PHONE, Cloud, save
from tests.cloud_app import app_for
from tests.hq_fleet import Fleet

TOKEN = "Tok0000000000001"


def _history(cloud: Cloud) -> list[tuple[str, bool, str]]:
    with cloud.sessions() as s:
        events = s.scalars(select(ConsentEvent).order_by(ConsentEvent.id))
        return [(e.channel, e.granted, e.source) for e in events]


def _checked(page: str) -> set[str]:
    return {c for c in ("sms", "email", "wechat", "push") if f'value="{c}" checked' in page}


def test_saving_a_receipt_grants_nothing_and_the_shopper_changes_it_at_me(cloud_db: str) -> None:
    cloud = Cloud(cloud_db)
    cloud.receipt(TOKEN)
    with cloud.client() as c:
        assert c.post("/me/consent", data={"granted": ["sms"]}, follow_redirects=False).status_code == 303
        assert _history(cloud) == []  # not signed in: nothing to record it for
        assert save(c, cloud, TOKEN, PHONE).status_code == 303
        me = c.get("/me").text
        assert "Offers and news" in me and "App notifications" in me and _checked(me) == set()
        assert _history(cloud) == []  # the receipt is saved; no channel is on

        def choose(*channels: str, **headers: str) -> int:
            sent = c.post(
                "/me/consent", data={"granted": list(channels)}, headers=headers, follow_redirects=False
            )
            return sent.status_code

        assert choose("sms", "email", "fax") == 303  # an unknown channel is no channel
        assert _checked(c.get("/me").text) == {"sms", "email"}
        assert choose("email") == 303
        assert choose("email") == 303  # nothing changed: nothing recorded
        assert choose("sms", "email") == 303
        assert _checked(c.get("/me").text) == {"sms", "email"}
        # From another site: refused before the route, nothing recorded.
        assert choose(**{"Sec-Fetch-Site": "cross-site"}) == 403
        assert choose(Origin="https://evil.example") == 403
        assert _checked(c.get("/me").text) == {"sms", "email"}
        zh = c.get("/me?lang=zh-Hans").text
        assert "优惠与资讯" in zh and "保存我的选择" in zh
    assert _history(cloud) == [
        ("sms", True, "me-page"),
        ("email", True, "me-page"),
        ("sms", False, "me-page"),
        ("sms", True, "me-page"),
    ]
    with cloud.sessions() as s:
        customer_id = s.scalars(select(ConsentEvent.customer_id)).first()
        assert customer_id is not None
        now = {c.channel: c.granted for c in consents_of(s, customer_id)}
        assert now == {"sms": True, "email": True}
        for wrong in (("fax", "me-page"), ("sms", "a-form-elsewhere")):
            try:
                set_consent(s, customer_id, wrong[0], True, wrong[1], datetime.now(UTC))
            except ConsentError:
                continue
            raise AssertionError(f"{wrong} accepted")


def test_hq_sees_each_customers_consent_and_counts_for_its_stores_only(fleet: Fleet) -> None:
    t0 = datetime.now(UTC) - timedelta(days=2)
    with fleet.sessions.begin() as s:
        set_consent(s, fleet.customer_of["s1"], "sms", True, "me-page", t0)
        set_consent(s, fleet.both, "sms", True, "receipt-claim", t0)
        set_consent(s, fleet.both, "email", True, "me-page", t0)
        set_consent(s, fleet.both, "email", False, "me-page", t0 + timedelta(days=1))
        set_consent(s, fleet.customer_of["x1"], "wechat", True, "me-page", t0)

    def get(who: str, path: str) -> tuple[int, object]:
        r = client.get(path, headers={"Authorization": f"Bearer {fleet.tokens[who]}"})
        return r.status_code, r.json()

    def summary(who: str) -> dict[str, int]:
        status, body = get(who, "/api/v1/consents/summary")
        assert status == 200 and isinstance(body, list)
        return {c["channel"]: c["customers"] for c in body}

    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        status, body = get("owner@acme.test", f"/api/v1/customers/{fleet.both}")
        assert status == 200 and isinstance(body, dict)
        assert [(c["channel"], c["granted"], c["source"]) for c in body["consents"]] == [
            ("sms", True, "receipt-claim"),
            ("email", False, "me-page"),
        ]
        assert datetime.fromisoformat(body["consents"][1]["at"]) == t0 + timedelta(days=1)
        _, plain = get("owner@acme.test", f"/api/v1/customers/{fleet.customer_of['s3']}")
        assert isinstance(plain, dict) and plain["consents"] == []  # never asked: no consent
        assert summary("owner@acme.test") == {"sms": 2, "email": 0, "wechat": 0, "push": 0}
        assert summary("manager@acme.test") == {"sms": 2, "email": 0, "wechat": 0, "push": 0}
        assert summary("shop3@acme.test") == {"sms": 1, "email": 0, "wechat": 0, "push": 0}
        assert summary("owner@rival.test") == {"sms": 0, "email": 0, "wechat": 1, "push": 0}
        assert get("shop3@acme.test", f"/api/v1/customers/{fleet.customer_of['s1']}")[0] == 404
