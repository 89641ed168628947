"""Small things several benchmarks (and the tests) need."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hardware_tests.ports import free_port

PG_ADMIN_URL = os.environ.get("TILLBOX_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def scratch_postgres(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server setup.sh made sure of; dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        try:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()


@dataclass(frozen=True)
class WrkFigures:
    requests_per_s: str
    p50: str
    p90: str
    p99: str
    non_2xx: int


def run_wrk(
    port: int,
    paths: list[str],
    connections: int,
    seconds: int,
    directory: Path,
    headers: dict[str, str] | None = None,
) -> WrkFigures:
    """wrk (Debian package `wrk`) asking for a random one of `paths` each request, with `connections`
    open at once; its latency distribution."""
    script = directory / "paths.lua"
    listed = ",".join(json.dumps(p) for p in paths)
    sent = "".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in (headers or {}).items())
    script.write_text(
        f"local paths = {{{listed}}}\n{sent}"
        "request = function()\n"
        '  return wrk.format("GET", paths[math.random(#paths)])\n'
        "end\n"
    )
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    dist = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    rps = re.search(r"Requests/sec:\s+(\S+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return WrkFigures(
        rps.group(1) if rps else "?",
        dist.get("50", "?"),
        dist.get("90", "?"),
        dist.get("99", "?"),
        int(errors.group(1)) if errors else 0,
    )


@contextmanager
def served(
    url: str, directory: Path, workers: int, ready: str, headers: dict[str, str] | None = None
) -> Iterator[int]:
    """`tillbox-cloud serve` over the database at `url` (its secret in `directory`), once `ready` (a path)
    answers 200; yields its port, and stops it after."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cloud_api.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env={
            **os.environ,
            "TILLBOX_CLOUD_DATABASE_URL": url,
            "TILLBOX_CLOUD_SECRET_FILE": str(directory / "key"),
        },
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                ask = urllib.request.Request(f"http://127.0.0.1:{port}{ready}", headers=headers or {})
                with urllib.request.urlopen(ask) as r:
                    assert r.status == 200
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(10)
