"""Invariant 6 of DESIGN.md:

    **Nobody gets in where they don't belong.** A box can only publish as itself; a forged or replayed
    envelope is rejected; a QR token is unguessable and carries no personal data; an HQ user sees only
    their stores; phone numbers are not stored in clear on the box.

The tests below that prove it, part by part:

- A box publishes only as itself: the shipped broker configuration, for real (TLS with client
  certificates, and the dynamic-security roles under which a box speaks only for itself), tried with every
  attempt a second box's certificate could make on another box or on the cloud's workers —
  `test_a_box_publishes_only_as_itself`, `test_a_client_without_a_certificate_is_refused`,
  `test_a_second_box_cannot_read_steal_or_knock_off`,
  `test_a_certificate_the_cloud_never_admitted_or_revoked_can_do_nothing`.
- Forged or replayed envelopes rejected: `test_every_refusal_has_its_reason` (tampered or forged
  signatures, a box's envelope on another box's topic, an unknown device, malformed and oversized
  messages, a replayed heartbeat: each refused, with its reason).
- QR tokens cannot be enumerated: `test_unknown_tokens_are_404_on_its_way_and_misses_are_limited`. (That a
  token is 96 random bits and carries no personal data is edge/qr/token.py's construction; no test here
  checks it.)
- An HQ user sees only their stores: `test_every_endpoint_by_every_role_shows_only_their_stores`,
  `test_a_customer_seen_from_two_stores_shows_only_the_managers_part`,
  `test_the_dashboard_pages_need_a_login_and_show_only_the_users_stores`.
- No phone number (nor member number) in clear on the box:
  `test_the_store_file_holds_no_member_number_or_phone_in_clear`.

More, left with their packages: tests/sync/test_subscriber.py
`test_refusals_are_counted_and_store_nothing` (refused envelopes store nothing);
tests/cloud_api/test_hq_api.py (tokens, logins); tests/cloud_api/test_shopper_limits.py and
tests/cloud_api/test_claims.py (the shopper's codes and limits); tests/cloud_api/test_csrf.py."""

from __future__ import annotations

import base64
import json
import queue
import ssl
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from cloud_api.core.ratelimit import Limit
from cloud_api.deps import Limits
from cloud_api.models import Revision
from edge.parsing.pipeline import parse_bytes
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry, TransactionRow
from edge.store.records import ParseSettings
from edge.store.sealing import RECORD_FIELDS, TRANSACTION_FIELDS, load_or_create_key, open_fields
from sync.canonical import canonical_bytes
from sync.envelope import BadEnvelope, Envelope, encode_message, verify_message
from sync.topics import DeviceTopics, cloud_subscription
from tests.cloud_api.test_receipt_page import TOKEN, stored_receipt
from tests.cloud_app import app_for
from tests.helpers import CORPUS, corpus, spool_jobs
from tests.hq_fleet import PNG, ROLES, Fleet
from tests.mqtt_broker import running_broker
from tests.sync.test_envelope import KEY, NOW, sale

A = DeviceTopics("acme", "s12", "s12-t1")
B = DeviceTopics("acme", "s13", "s13-t1")


def connect(c: mqtt.Client, port: int) -> None:
    done: queue.Queue[Any] = queue.Queue()
    c.on_connect = lambda client, userdata, flags, rc, props: done.put(rc)
    c.connect("127.0.0.1", port)
    c.loop_start()
    rc = done.get(timeout=10)
    assert not rc.is_failure, rc


def publish_reason(c: mqtt.Client, topic: str, payload: bytes) -> int:
    got: queue.Queue[int] = queue.Queue()
    c.on_publish = lambda client, userdata, mid, rc, props: got.put(rc.value)
    c.publish(topic, payload, qos=1)
    return got.get(timeout=10)


def test_a_box_publishes_only_as_itself(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        broker.admit_worker("cloud-ingest-1")
        for box in (A, B):
            broker.admit_box(box)
        cloud = broker.client("cloud-ingest-1")
        received: queue.Queue[tuple[str, bytes]] = queue.Queue()
        cloud.on_message = lambda client, userdata, msg: received.put((msg.topic, msg.payload))
        connect(cloud, broker.port)
        subscribed: queue.Queue[Any] = queue.Queue()
        cloud.on_subscribe = lambda client, userdata, mid, rcs, props: subscribed.put(rcs)
        cloud.subscribe(cloud_subscription("tx"), qos=1)
        assert not subscribed.get(timeout=10)[0].is_failure

        box_a = broker.client("s12-t1")
        connect(box_a, broker.port)
        assert publish_reason(box_a, A.tx, b"from A") == 0
        assert received.get(timeout=10) == (A.tx, b"from A")
        # Box A on box B's topic: the broker refuses (MQTT 5 "not authorized"), the cloud sees nothing.
        assert publish_reason(box_a, B.tx, b"A pretending to be B") == 0x87
        with pytest.raises(queue.Empty):
            received.get(timeout=1)
        # A box never reads another box's acknowledgements: the subscription itself is refused.
        box_b = broker.client("s13-t1")
        connect(box_b, broker.port)
        seen: dict[str, queue.Queue[bytes]] = {"a": queue.Queue(), "b": queue.Queue()}
        box_a.on_message = lambda client, userdata, msg: seen["a"].put(msg.payload)
        box_b.on_message = lambda client, userdata, msg: seen["b"].put(msg.payload)
        for box, expected in ((box_a, True), (box_b, False)):
            box.on_subscribe = lambda client, userdata, mid, rcs, props: subscribed.put(rcs)
            box.subscribe(B.ack, qos=1)
            assert subscribed.get(timeout=10)[0].is_failure is expected
        assert publish_reason(cloud, B.ack, b"stored up to 7") == 0
        assert seen["b"].get(timeout=10) == b"stored up to 7"
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        # Nor does a box publish acknowledgements (only the cloud says what it stored).
        assert publish_reason(box_a, A.ack, b"forged ack") == 0x87
        # Configuration: the cloud's push reaches its box only, and no box writes configuration.
        control = broker.client("cloud-control")
        connect(control, broker.port)
        for box, expected in ((box_a, True), (box_b, False)):
            box.subscribe(B.config, qos=1)
            assert subscribed.get(timeout=10)[0].is_failure is expected
        assert publish_reason(cloud, B.config, b"an ingest worker pushing settings") == 0x87
        assert publish_reason(control, B.config, b'{"profile":"x"}') == 0
        assert seen["b"].get(timeout=10) == b'{"profile":"x"}'
        with pytest.raises(queue.Empty):
            seen["a"].get(timeout=1)
        assert publish_reason(box_a, A.config, b'{"profile":"mine"}') == 0x87
        for c in (box_a, box_b, cloud, control):
            c.loop_stop()
            c.disconnect()


def test_a_client_without_a_certificate_is_refused(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        anon = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
        anon.tls_set(ca_certs=str(broker.files.ca_path), tls_version=ssl.PROTOCOL_TLS_CLIENT)
        with pytest.raises((ssl.SSLError, OSError)):
            anon.connect("127.0.0.1", broker.port)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # the handshake may fail on the first read
                if anon.loop(timeout=0.2) != mqtt.MQTT_ERR_SUCCESS:
                    raise OSError("refused")
            pytest.fail("connected without a certificate")


def subscribe_reasons(c: mqtt.Client, topics: list[str]) -> list[bool]:
    """For each topic, whether the broker refused the subscription."""
    got: queue.Queue[list[Any]] = queue.Queue()
    c.on_subscribe = lambda client, userdata, mid, rcs, props: got.put(rcs)
    refused = []
    for topic in topics:
        c.subscribe(topic, qos=1)
        refused.append(got.get(timeout=10)[0].is_failure)
    return refused


def test_a_second_box_cannot_read_steal_or_knock_off(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        broker.admit_worker("cloud-ingest-1")
        for box in (A, B):
            broker.admit_box(box)
        worker = broker.client("cloud-ingest-1")
        received: queue.Queue[bytes] = queue.Queue()
        worker.on_message = lambda client, userdata, msg: received.put(msg.payload)
        connect(worker, broker.port)
        assert subscribe_reasons(worker, [cloud_subscription("tx")]) == [False]

        # Box A, with its own valid certificate, tries every subscription that would let it read or
        # swallow what is not its own: each is refused at SUBSCRIBE.
        box_a = broker.client("s12-t1")
        connect(box_a, broker.port)
        hostile = [
            cloud_subscription("tx"),  # the workers' group: would take its share of every box's tx
            cloud_subscription("hb"),
            "$share/other/tillbox/+/+/+/tx",
            "#",
            "tillbox/#",
            B.tx,
            B.ack,
            B.config,
            "tillbox/acme/s13/+/ack",
            "$SYS/#",
            "$CONTROL/dynamic-security/v1/response",
            "tillbox-ingest/probe/#",
        ]
        assert subscribe_reasons(box_a, hostile) == [True] * len(hostile)
        assert subscribe_reasons(box_a, [A.ack, A.config]) == [False, False]
        # Nor may it give itself a role over the control topic.
        grant = b'{"commands":[{"command":"addClientRole","username":"s12-t1","rolename":"tillbox-ingest"}]}'
        assert publish_reason(box_a, "$CONTROL/dynamic-security/v1", grant) == 0x87
        assert subscribe_reasons(box_a, [cloud_subscription("tx")]) == [True]

        # With A still connected and subscribed as above, every one of B's messages reaches the worker.
        box_b = broker.client("s13-t1")
        b_down: queue.Queue[object] = queue.Queue()
        box_b.on_disconnect = lambda *args: b_down.put(args)
        connect(box_b, broker.port)
        for n in range(20):
            assert publish_reason(box_b, B.tx, b"B %d" % n) == 0
        assert sorted(received.get(timeout=10) for _ in range(20)) == sorted(b"B %d" % n for n in range(20))

        # A connects again, asking for B's client id and then the worker's: the broker gives it its own
        # (its certificate's name). Mosquitto handles a CONNECT before it answers the next PUBLISH, so
        # a takeover would have dropped B and the worker before these round trips come back.
        worker_down: queue.Queue[object] = queue.Queue()
        worker.on_disconnect = lambda *args: worker_down.put(args)
        for claimed in ("s13-t1", "cloud-ingest-1"):
            impostor = broker.client("s12-t1", client_id=claimed)
            connect(impostor, broker.port)
            assert publish_reason(impostor, A.tx, b"from A as " + claimed.encode()) == 0
            impostor.loop_stop()
            impostor.disconnect()
        assert publish_reason(box_b, B.tx, b"B still here") == 0
        got = [received.get(timeout=10) for _ in range(3)]
        assert sorted(got) == sorted([b"from A as s13-t1", b"from A as cloud-ingest-1", b"B still here"])
        assert b_down.empty() and worker_down.empty()
        # The broker's own record of who connected as what: A's certificate only ever as s12-t1 (its
        # first connection, dropped by the impostors who share its name, comes back on its own).
        as_a = [
            line
            for line in broker.log().splitlines()
            if "New client connected" in line and "u's12-t1'" in line
        ]
        assert len(as_a) >= 3 and all(" as s12-t1 (" in line for line in as_a), as_a
        for c in (box_a, box_b, worker):
            c.loop_stop()
            c.disconnect()


def test_a_certificate_the_cloud_never_admitted_or_revoked_can_do_nothing(tmp_path: Path) -> None:
    with running_broker(tmp_path / "broker") as broker:
        broker.admit_box(A)
        # Signed by the retailer's CA but never enrolled (or enrolled and since revoked).
        stranger = broker.client("s99-t1")
        connect(stranger, broker.port)
        where = DeviceTopics("acme", "s99", "s99-t1")
        assert publish_reason(stranger, where.tx, b"hello") == 0x87
        assert subscribe_reasons(stranger, [where.ack, "#"]) == [True, True]

        box_a = broker.client("s12-t1")
        down: queue.Queue[object] = queue.Queue()
        box_a.on_disconnect = lambda *args: down.put(args)
        connect(box_a, broker.port)
        assert publish_reason(box_a, A.tx, b"before") < 0x80  # 0x10: allowed, nobody subscribed
        box_a.reconnect_delay_set(30, 30)  # stay down long enough to be observed down
        broker.forget_box(A)  # what revocation does: the broker drops the box's connection
        down.get(timeout=10)
        box_a.loop_stop()
        again = broker.client("s12-t1")
        connect(again, broker.port)
        assert publish_reason(again, A.tx, b"after") == 0x87
        for c in (stranger, again):
            c.loop_stop()
            c.disconnect()


OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))


def reason(payload: bytes, device: str = "s12-t1", now: datetime = NOW, known: bool = True) -> str:
    with pytest.raises(BadEnvelope) as e:
        verify_message(payload, device, KEY.public_key() if known else None, now=now)
    return e.value.reason


def test_every_refusal_has_its_reason() -> None:
    good = encode_message([sale(7)])
    tampered = good.replace(b"12.50", b"99.50")
    assert reason(tampered) == "bad_signature"
    forged = encode_message([Envelope("s12-t1", 7, "transaction", NOW, {"x": "1"}).signed_by(OTHER)])
    assert reason(forged) == "bad_signature"
    assert reason(good, device="s13-t1") == "wrong_device"  # box A's envelope on box B's topic
    assert reason(good, known=False) == "unknown_device"
    assert reason(good[: len(good) // 2]) == "malformed"  # truncated
    assert reason(b"\x00\xff garbage \x13") == "malformed"
    assert reason(b"[" * 100_000) == "malformed"  # nesting bomb
    assert reason(b'{"v":1,"envelopes":[]}') == "malformed"
    assert reason(good.replace(b'"v":1', b'"v":2')) == "unsupported_version"
    assert reason(b'{"envelopes":[' + b'{"a":1},' * 200_000 + b'{}],"v":1}') == "too_large"
    no_seq = json.loads(good)
    no_seq["envelopes"][0]["seq"] = 0
    assert reason(canonical_bytes(no_seq)) == "malformed"
    old_hb = Envelope("s12-t1", None, "heartbeat", NOW - timedelta(hours=2), {}).signed_by(KEY)
    assert reason(encode_message([old_hb])) == "replayed"


def test_unknown_tokens_are_404_on_its_way_and_misses_are_limited(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    stored_receipt(url, parse_bytes(corpus("en-grocery-00")).to_json())
    now = [0.0]
    limits = Limits(token_misses=Limit("token-misses-per-address", 5, 60))
    app = app_for(url, per_client=limits, clock=lambda: now[0])
    with TestClient(app) as client:
        waiting = client.get("/r/ZZZZZZZZZZZZZZZZ")  # well-formed: perhaps not synced yet
        assert waiting.status_code == 404 and "on its way" in waiting.text
        assert 'http-equiv="refresh"' in waiting.text
        assert client.get("/r/not-a-token").status_code == 404
        assert client.get("/r/" + "x" * 500).status_code == 404
        for i in range(2):
            assert client.get(f"/r/YYYYYYYYYYYYYYY{i}").status_code == 404
        assert client.get(f"/r/{TOKEN}").status_code == 429  # five misses: even a real token waits
        limited = client.get("/r/QQQQQQQQQQQQQQQQ")
        assert limited.status_code == 429 and limited.headers["retry-after"] == "60"
        now[0] = 61.0  # the window passed
        assert client.get(f"/r/{TOKEN}").status_code == 200


# What each user may see, and a store they may not.
MINE = {"owner@acme.test": "s1", "manager@acme.test": "s2", "shop3@acme.test": "s3", "owner@rival.test": "x1"}


NOT_MINE = {
    "owner@acme.test": "x1",
    "manager@acme.test": "s3",
    "shop3@acme.test": "s1",
    "owner@rival.test": "s2",
}


# The retailer's, set by its owner alone: no store of them to be another's.
RETAILER_WIDE = {"/api/v1/item-rules", "/api/v1/products", "/api/v1/tag-rules", "/api/v1/tag-rules/{rule_id}"}


def _marks(code: str) -> list[str]:
    return [f"{code}-job", f"{code}-t1", f'"code":"{code}"', f"label-{code}", f"PAPER OF {code}"]


def _empty(body: Any) -> bool:
    if isinstance(body, list):
        return not body
    if isinstance(body, dict) and "items" in body:
        return not body["items"] and body["total"] == 0
    return False


def test_every_endpoint_by_every_role_shows_only_their_stores(fleet: Fleet) -> None:
    app = app_for(fleet.url, secret=fleet.secret)
    api_paths = {p for p in app.openapi()["paths"] if p.startswith("/api/v1")}
    with TestClient(app) as client:
        for email, token in fleet.tokens.items():
            auth = {"Authorization": f"Bearer {token}"}
            own, foreign = MINE[email], NOT_MINE[email]
            # A new endpoint must be added to calls or posts (or the retailer-wide ones) to be checked.
            assert set(fleet.calls(own)) | set(fleet.posts(own)) | RETAILER_WIDE == api_paths
            own_seen = ""
            owners_only = {"/api/v1/reports/chain"}
            for template, url in fleet.calls(foreign).items():
                r = client.get(url, headers=auth)
                if template in owners_only and ROLES[email][0] != "owner":
                    assert r.status_code == 403, (email, url, r.status_code)
                    continue
                assert r.status_code in (200, 404), (email, url, r.status_code, r.text)
                if r.status_code == 200:
                    body = r.text
                    leaked = [m for m in _marks(foreign) if m in body]
                    assert not leaked, (email, template, leaked)
                    if template in ("/api/v1/customers",):
                        ids = {c["id"] for c in r.json()["items"]}
                        assert fleet.customer_of[foreign] not in ids
                    if "{" in template or "store_id" in url:
                        # a foreign id or filter: nothing of it may come back at all
                        assert r.status_code == 404 or _empty(r.json()), (email, template, body[:300])
            for template, url in fleet.calls(own).items():
                r = client.get(url, headers=auth)
                if template in owners_only and ROLES[email][0] != "owner":
                    assert r.status_code == 403, (email, url, r.status_code)
                    continue
                assert r.status_code == 200, (email, url, r.text)
                own_seen += r.text
            assert all(m in own_seen for m in _marks(own)[:4]), email
            _posts_reach_only_their_stores(fleet, client, email, auth)
            # The boxes' item rules are the retailer's, set by its owner alone (this service pushes
            # nothing: the owner's is taken up to the push, then refused for that, never a 403).
            r = client.put(
                "/api/v1/item-rules", json={"toml": '[[rule]]\ntag = "x"\nitems = ["x"]\n'}, headers=auth
            )
            expected = 503 if email.startswith("owner@") else 403
            assert r.status_code == expected, (email, r.status_code, r.text)
            # The catalogue and the tag rules likewise; the rules any HQ user reads, of their retailer only.
            owner = ROLES[email][0] == "owner"
            product = {"products": [{"code": f"X-{email}", "name": "Thing", "category": "things"}]}
            r = client.post("/api/v1/products", json=product, headers=auth)
            assert r.status_code == (200 if owner else 403), (email, r.text)
            rule = {"rule": "1 or more things purchases in 9 days -> thing_" + email[:3]}
            r = client.post("/api/v1/tag-rules", json=rule, headers=auth)
            if owner:
                assert r.status_code == 201, (email, r.text)
                mine = r.json()["id"]
                listed = client.get("/api/v1/tag-rules", headers=auth).json()
                assert mine in {x["id"] for x in listed}
                assert client.delete(f"/api/v1/tag-rules/{mine}", headers=auth).status_code == 204
            else:
                assert r.status_code == 403, (email, r.text)
                assert client.get("/api/v1/tag-rules", headers=auth).status_code == 200
                assert client.delete("/api/v1/tag-rules/1", headers=auth).status_code == 403


def _posts_reach_only_their_stores(
    fleet: Fleet, client: TestClient, email: str, auth: dict[str, str]
) -> None:
    """Each changing call on another store's receipt or profile is not found and changes nothing; on the
    user's own it is taken (or refused for what it is: too few corrections to learn from, an approval
    that is not the user's role's, a service that pushes nothing — never "not found")."""
    own, foreign = MINE[email], NOT_MINE[email]
    with fleet.sessions() as s:
        before = s.scalar(select(func.count(Revision.id)))
    for template, (url, body) in fleet.posts(foreign).items():
        r = client.post(url, json=body, headers=auth)
        if template == "/api/v1/profiles/drafts":
            # A layout is a text anyone may name: another store's is refused as one with no corrections.
            assert r.status_code == 422 and "0 corrected" in r.text, (email, r.text)
        else:
            assert r.status_code == 404, (email, template, r.status_code, r.text)
        assert not [m for m in _marks(foreign) if m in r.text], (email, template)
    with fleet.sessions() as s:
        assert s.scalar(select(func.count(Revision.id))) == before
    for template, (url, body) in fleet.posts(own).items():
        r = client.post(url, json=body, headers=auth)
        assert r.status_code != 404, (email, template, r.text)
        if template.endswith("/check"):
            assert r.status_code == 200 and r.json()["adds_up"], (email, r.text)
        elif template.endswith("/corrections"):
            assert r.status_code == 201 and r.json()["author"] == email, (email, r.text)
        elif template.endswith("/edits"):
            if ROLES[email][0] == "store_manager":
                assert r.status_code == 403, (email, r.text)
            else:
                assert r.status_code == 201 and r.json()["name"] == f"edited-{own}", (email, r.text)
        elif template.endswith(("/approve", "/rollback")):
            expected = 403 if ROLES[email][0] == "store_manager" else 503
            assert r.status_code == expected, (email, template, r.text)


def test_a_customer_seen_from_two_stores_shows_only_the_managers_part(fleet: Fleet) -> None:
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:

        def get(email: str, url: str) -> Any:
            return client.get(url, headers={"Authorization": f"Bearer {fleet.tokens[email]}"})

        owner = get("owner@acme.test", f"/api/v1/customers/{fleet.both}").json()
        manager = get("manager@acme.test", f"/api/v1/customers/{fleet.both}").json()
        shop3 = get("shop3@acme.test", f"/api/v1/customers/{fleet.both}").json()
        rival = get("owner@rival.test", f"/api/v1/customers/{fleet.both}")
    assert {t["job_id"] for t in owner["history"]} == {"s1-job1", "s3-job1"}
    assert {t["job_id"] for t in manager["history"]} == {"s1-job1"}
    assert {t["job_id"] for t in shop3["history"]} == {"s3-job1"}
    assert Decimal(owner["spend"]) == Decimal(manager["spend"]) + Decimal(shop3["spend"])
    assert rival.status_code == 404


def test_the_dashboard_pages_need_a_login_and_show_only_the_users_stores(fleet: Fleet) -> None:
    with TestClient(app_for(fleet.url, secret=fleet.secret)) as client:
        assert client.get("/hq", follow_redirects=False).headers["location"] == "/hq/login"
        wrong = client.post("/hq/login", data={"email": "manager@acme.test", "password": "nope"})
        assert wrong.status_code == 401
        ok = client.post(
            "/hq/login",
            data={"email": "manager@acme.test", "password": "correct horse battery"},
            follow_redirects=False,
        )
        assert ok.status_code == 303 and "httponly" in ok.headers["set-cookie"].lower()
        board = client.get("/hq").text
        assert "s1-t1" in board and "s2-t1" in board and "s3-t1" not in board
        review = client.get("/hq/review").text
        # Each reason with the check that failed and the field it concerns, for the reviewer.
        assert 'data-check="tenders_vs_total"' in review and "(payments)" in review
        mine, theirs = fleet.tx_ids["s1-job1"], fleet.tx_ids["s3-job1"]
        assert f'src="/hq/papers/{mine}.png"' in review and f"/hq/papers/{theirs}.png" not in review
        picture = client.get(f"/hq/papers/{mine}.png")
        assert picture.status_code == 200 and picture.content == base64.b64decode(PNG)
        assert client.get(f"/hq/papers/{theirs}.png").status_code == 404  # another store's paper
        today = date.today().isoformat()
        assert client.get(f"/hq/reports/{fleet.store_ids['s1']}/{today}").status_code == 200
        assert client.get(f"/hq/reports/{fleet.store_ids['s3']}/{today}").status_code == 404
        assert client.get(f"/hq/reports/{fleet.store_ids['x1']}/{today}").status_code == 404
        # Correcting and learning: the manager's own receipts and profiles, not s3's (nor another retailer's).
        assert client.get(f"/hq/receipts/{mine}/correct").status_code == 200
        assert client.get(f"/hq/receipts/{theirs}/correct").status_code == 404
        for path in (f"/hq/receipts/{theirs}/check", f"/hq/receipts/{theirs}/corrections"):
            assert client.post(path, json={}).status_code == 404
        learning = client.get("/hq/learning").text
        assert "HEAD OF s1" in learning and "HEAD OF s3" not in learning and "HEAD OF x1" not in learning
        for code, status in (("s1", 200), ("s3", 404), ("x1", 404)):
            assert client.get(f"/hq/learning/profiles/{fleet.profile_ids[code]}").status_code == status
            if status == 404:
                refused = client.post(f"/hq/learning/profiles/{fleet.profile_ids[code]}/approve")
                assert refused.status_code == 404
        client.post("/hq/logout")
        assert client.get("/hq", follow_redirects=False).status_code == 303


MEMBER_RECEIPT = "zh-supermarket-00"  # prints member 8800852669 and phone 137****4716


def test_the_store_file_holds_no_member_number_or_phone_in_clear(tmp_path: Path) -> None:
    raw = (CORPUS / f"{MEMBER_RECEIPT}.bin").read_bytes()
    truth = json.loads((CORPUS / f"{MEMBER_RECEIPT}.json").read_text())
    member, phone = truth["member_id"], truth["phone_masked"]
    assert member.encode() in raw  # the paper carries it, so the capture would too
    spool = tmp_path / "spool"
    spool_jobs(spool, [raw])
    key = load_or_create_key(tmp_path / "box.key")
    sessions = open_store(tmp_path / "box.db")
    assert ingest_spool(spool, sessions, ParseSettings(key=key)).stored == 1
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("box.db*"))  # the database and its WAL
    for secret in (member, phone, phone[-4:] + "\n"):
        assert secret.encode() not in on_disk
        assert secret.encode("utf-16-le") not in on_disk
    with sessions() as s:
        capture = s.scalars(select(Capture)).one()
        assert capture.sealed and capture.raw is not None
        assert key.open(capture.raw, "capture") == raw
        tx = s.scalars(select(TransactionRow)).one()
        body = open_fields(json.loads(tx.body), key, TRANSACTION_FIELDS)
        assert (body["member_id"], body["phone_masked"]) == (member, phone)
        out = open_fields(json.loads(s.scalars(select(OutboxEntry)).one().body), key, RECORD_FIELDS)
        assert out["transaction"]["member_id"] == member and out["tags"]["member_id"] == member
