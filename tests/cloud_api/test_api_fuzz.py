"""schemathesis against the service's own OpenAPI document: whatever it generates for every operation
(HQ's /api/v1 with a real owner token, and the shopper's pages and forms) is answered without a 500."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import schemathesis
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.users import add_user, issue_token
from cloud_api.fleet_push import Pusher
from cloud_api.migrate import upgrade
from edge.parsing.pipeline import parse_bytes
from sync.envelope import Envelope
from tests.cloud_app import app_for
from tests.helpers import corpus


def fuzzed_api(tmp_path: Path) -> tuple[Any, str]:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    upgrade(url)
    secret = ServiceSecret(os.urandom(32))
    now = datetime.now(UTC)
    with make_sessions(make_engine(url)).begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        record = {
            "job_id": "j1",
            "revision": 1,
            "qr_token": "AbCdEfGh12345678",
            "transaction": parse_bytes(corpus("zh-supermarket-00")).to_json(),
            "started_at": now.isoformat(),
            "tags": {},
            "paper": "PAPER",
        }
        store_envelope(s, Envelope("s1-t1", 1, "transaction", now, record), secret)
        user = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        token = issue_token(s, user, "api", "fuzz", now)
    # A service that pushes (to nowhere): the pushes themselves are fuzzed, not answered 503 before them.
    hq = Ed25519PrivateKey.generate()
    pusher = Pusher(lambda: hq, lambda payload, targets: None)
    return schemathesis.openapi.from_asgi("/openapi.json", app_for(url, secret=secret, pusher=pusher)), token


def test_no_input_gives_a_server_error(tmp_path: Path) -> None:
    # Each operation's generated cases through hypothesis directly (schemathesis's pytest plugin does
    # not run under this pytest version).
    schema, token = fuzzed_api(tmp_path)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15  # every route of the API and the shopper's pages is in the document
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
            response = case.call()
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                case.query,
                case.body,
                response.text[:500],
            )

        no_server_error()


def test_a_time_before_the_first_day_is_refused_not_a_server_error(tmp_path: Path) -> None:
    # What the fuzzer found once: "until=0001-01-01T00:00:00+00:01" is before 0001-01-01 in UTC, which
    # no datetime holds; converting it for the query raised OverflowError, a 500.
    from fastapi.testclient import TestClient

    schema, token = fuzzed_api(tmp_path)
    with TestClient(schema.app) as client:
        answer = client.get(
            "/api/v1/transactions",
            params={"since": "0909-05-01T00:00:00Z", "until": "0001-01-01T00:00:00+00:01"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 422 and "until: out of range" in answer.text
