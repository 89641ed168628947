"""The shoppers' limits under attack, against a real `tillbox-cloud serve --workers 2` on SQLite and
PostgreSQL: requests sent in parallel, spread over both worker processes, with forged forwarded
headers. Each limit holds exactly, because each is one atomic statement in the shared database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import func, select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.customers import phone_hash
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.migrate import upgrade
from cloud_api.models import ClaimCode
from edge.parsing.pipeline import parse_bytes
from hardware_tests.ports import free_port
from sync.envelope import Envelope
from tests.helpers import clear_of_window_edges, corpus, wait_for

T = TypeVar("T")
# The limits' windows (cloud_api.deps.Limits, ClaimLimits): token misses, tries per address, codes per phone.
MISSES, TRIES, CODES = 60, 600, 3600
REPO = Path(__file__).resolve().parents[2]
CLOUD = [sys.executable, "-m", "cloud_api.cli"]
TOKEN = "RealTok123456789"


@dataclass
class Served:
    base: str
    url: str
    secret_file: Path


@pytest.fixture
def served(tmp_path: Path, cloud_db: str) -> Iterator[Served]:
    with serving(tmp_path, cloud_db) as s:
        yield s


@contextmanager
def serving(tmp_path: Path, cloud_db: str, extra: str = "") -> Iterator[Served]:
    upgrade(cloud_db)
    secret = load_or_create_secret(tmp_path / "cloud.key")
    engine = make_engine(cloud_db)
    with make_sessions(engine).begin() as s:
        enroll(s, "acme", "s12", "s12-t1", "A" * 43)
        record = {
            "job_id": "j1",
            "revision": 1,
            "qr_token": TOKEN,
            "transaction": parse_bytes(corpus("en-grocery-00")).to_json(),
            "started_at": datetime.now(UTC).isoformat(),
            "tags": {},
        }
        store_envelope(s, Envelope("s12-t1", 1, "transaction", datetime.now(UTC), record), secret)
    engine.dispose()
    (tmp_path / "cloud.toml").write_text(
        f'retailer = "acme"\n[database]\nurl = "{cloud_db}"\n[secrets]\nfile = "{tmp_path / "cloud.key"}"\n'
        '[shoppers]\nregion = "CN"\n' + extra
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILLBOX_CLOUD_")}
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [*CLOUD, "--config", str(tmp_path / "cloud.toml"), "serve", "--port", str(port), "--workers", "2"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/openapi.json", timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, (
                    tmp_path / "server.log"
                ).read_text()
                time.sleep(0.2)
        yield Served(base, cloud_db, tmp_path / "cloud.key")
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()
    assert "Traceback" not in (tmp_path / "server.log").read_text()


def post(url: str, form: dict[str, str], headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def get(url: str, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=60) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return e.code


def parallel(n: int, call: Callable[[], T]) -> list[T]:
    """`n` calls at once (each on its own thread and connection)."""
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda _: call(), range(n)))


def test_forty_parallel_guesses_at_one_code_get_five_tries(served: Served) -> None:
    clear_of_window_edges((TRIES,))
    status, page = post(f"{served.base}/me/login", {"phone": "138 0013 8000"})
    found = re.search(r'action="/codes/([^"?]+)', page)
    assert status == 200 and found
    claim_id = found.group(1)
    answers = parallel(40, lambda: post(f"{served.base}/codes/{claim_id}", {"code": "000000"}))
    checked = [text for _, text in answers if "is not right" in text]
    assert len(checked) == 5, [s for s, _ in answers]
    with make_sessions(make_engine(served.url))() as s:
        claim = s.get(ClaimCode, claim_id)
        assert claim is not None and claim.attempts == 5


def test_twelve_parallel_code_requests_for_one_phone_send_three(served: Served) -> None:
    clear_of_window_edges((TRIES, CODES))
    # Twelve addresses would be needed to get past the per-address limit (10): a proxy we trust would
    # give them; here the phone's own limit is what is under test, so they come from one address and
    # the address's limit keeps at most 10 of them in play.
    answers = parallel(12, lambda: post(f"{served.base}/me/login", {"phone": "138 0013 8001"}))
    sent = [s for s, text in answers if 'action="/codes/' in text]
    assert len(sent) == 3
    secret = load_or_create_secret(served.secret_file)
    with make_sessions(make_engine(served.url))() as s:
        ph = phone_hash(secret, "+8613800138001")
        assert s.scalar(select(func.count()).where(ClaimCode.phone_hash == ph)) == 3


def test_token_misses_are_counted_once_across_workers_claims_and_forged_headers(served: Served) -> None:
    clear_of_window_edges((MISSES, TRIES))
    # Forged X-Forwarded-For on every request: no proxy is configured, so the peer's address counts.
    statuses = [
        get(f"{served.base}/r/Miss{i:012d}", {"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(12)
    ]
    # The claim form names a token too: its misses count with the page's.
    for i in range(8):
        status, _ = post(
            f"{served.base}/r/Claim{i:011d}/claim",
            {"phone": "138 0013 8002"},
            {"X-Forwarded-For": "10.9.9.9"},
        )
        statuses.append(status)
    assert statuses == [404] * 20
    # A 21st miss, on either worker, is refused: the count is the database's.
    assert [get(f"{served.base}/r/Over{i:012d}") for i in range(4)] == [429] * 4
    # A real token waits too; a worker that had just found the address free may still show it for up
    # to a second (cloud_api.core.ratelimit), so this is observed rather than assumed at once.
    wait_for(lambda: get(f"{served.base}/r/{TOKEN}") == 429, 10, "the real token refused")
    # And the claim form, whichever worker answers it (each finds the address blocked within a second).
    for token in (TOKEN, "Another12345678"):
        wait_for(
            lambda token=token: post(f"{served.base}/r/{token}/claim", {})[0] == 429, 10, "claims refused"
        )


def test_forwarded_addresses_count_apart_only_from_a_configured_proxy(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cloud.db'}"
    with serving(tmp_path, db, '[web]\ntrusted_proxies = ["127.0.0.1"]\n') as served:
        clear_of_window_edges((MISSES,))
        # Behind the proxy, each shopper's own address counts: 20 misses from one do not block another.
        for i in range(20):
            assert get(f"{served.base}/r/Miss{i:012d}", {"X-Forwarded-For": "198.51.100.1"}) == 404
        wait_for(
            lambda: get(f"{served.base}/r/{TOKEN}", {"X-Forwarded-For": "198.51.100.1"}) == 429,
            10,
            "the blocked shopper refused",
        )
        assert get(f"{served.base}/r/{TOKEN}", {"X-Forwarded-For": "198.51.100.2"}) == 200
