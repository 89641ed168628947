"""`tillbox-cloud` as an operator types it: stores named and set, users and tokens listed and revoked,
`--config` before or after the command, and one clear line (never a traceback, never an empty database
made in the current folder) when there is no database to work on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.cloud_app import app_for

REPO = Path(__file__).resolve().parents[2]


def cloud(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TILLBOX_CLOUD_")}
    return subprocess.run(
        [sys.executable, "-m", "cloud_api.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, "PYTHONPATH": str(REPO), **(env or {})},
    )


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "cloud.toml"
    path.write_text(
        f'retailer = "acme"\n[database]\nurl = "sqlite:///{tmp_path / "cloud.db"}"\n'
        f'[secrets]\nfile = "{tmp_path / "cloud.key"}"\n'
    )
    assert cloud("--config", str(path), "migrate").returncode == 0
    return path


def test_a_newcomer_without_a_config_gets_one_line_and_no_stray_database(tmp_path: Path) -> None:
    r = cloud("report", "--store", "s1", "--date", "2026-12-01", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0, r.stderr
    assert "no database" in r.stderr and "--config" in r.stderr and "migrate" in r.stderr
    assert list(tmp_path.iterdir()) == []  # nothing made here
    for command in (
        ("warnings", "--store", "s1"),
        ("funnel", "--store", "s1"),
        ("customers", "show", "1"),
        ("features", "refresh"),
    ):
        r = cloud(*command, cwd=tmp_path)
        assert r.returncode == 2 and "no database" in r.stderr, (command, r.stderr)
        assert list(tmp_path.iterdir()) == [], command  # no secret made beside a database not there
    missing = cloud("--config", str(tmp_path / "nope.toml"), "stores", "list")
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr


def test_an_unmigrated_database_is_named_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "cloud.toml").write_text(f'[database]\nurl = "sqlite:///{tmp_path / "empty.db"}"\n')
    (tmp_path / "empty.db").write_bytes(b"")
    r = cloud("stores", "list", "--config", str(tmp_path / "cloud.toml"))
    assert r.returncode == 2 and "no tillbox schema" in r.stderr and "tillbox-cloud migrate" in r.stderr


def test_stores_are_added_listed_and_set_with_checked_values(config: Path) -> None:
    c = str(config)
    assert cloud("--config", c, "stores", "add", "sh12", "--name", "好又多超市 第12店").returncode == 0
    # --config after the command works as well as before it
    ok = cloud(
        "stores", "set", "sh12", "--timezone", "Asia/Shanghai", "--closing-time", "21:30", "--config", c
    )
    assert ok.returncode == 0, ok.stderr
    assert cloud("stores", "set", "sh12", "--currency", "CNY", "--config", c).returncode == 0
    listed = cloud("stores", "list", "--config", c).stdout
    assert "sh12\t好又多超市 第12店\tAsia/Shanghai\tcloses 21:30\tCNY" in listed
    for bad, says in (
        (["--timezone", "Mars/Olympus"], "time zone 'Mars/Olympus' is not known"),
        (["--closing-time", "25:00"], "HH:MM"),
        (["--currency", "yuan"], "ISO 4217"),
        ([], "nothing to change"),
    ):
        r = cloud("stores", "set", "sh12", *bad, "--config", c)
        assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr
    assert "exists already" in cloud("stores", "add", "sh12", "--config", c).stderr
    assert "no store 'nope'" in cloud("stores", "set", "nope", "--name", "x", "--config", c).stderr
    assert cloud("stores", "add", "bad/code", "--config", c).returncode == 2
    # The report knows the store's day by its own time zone now.
    report = cloud("report", "--store", "sh12", "--date", "2026-12-01", "--config", c)
    assert report.returncode == 0 and '"store": "好又多超市 第12店"' in report.stdout


def test_users_and_tokens_are_listed_and_revoked(config: Path) -> None:
    c = ["--config", str(config)]
    assert cloud(*c, "stores", "add", "s1").returncode == 0
    env = {"TILLBOX_CLOUD_PASSWORD": "a long password"}
    assert (
        cloud(
            *c, "users", "add", "--email", "m@acme.test", "--role", "store_manager", "--stores", "s1", env=env
        ).returncode
        == 0
    )
    token = cloud(*c, "tokens", "create", "--email", "m@acme.test", "--name", "bulk tool").stdout.strip()
    users = cloud(*c, "users", "list").stdout
    assert "m@acme.test\tstore_manager\ts1\tactive" in users
    listed = cloud(*c, "tokens", "list", "--email", "m@acme.test").stdout.splitlines()
    assert len(listed) == 1 and "\tbulk tool\t" in listed[0] and listed[0].endswith("live")
    token_id = listed[0].split("\t")[0]
    client = TestClient(app_for(f"sqlite:///{config.parent / 'cloud.db'}"))
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/stores", headers=auth).status_code == 200
    assert cloud(*c, "tokens", "revoke", token_id).returncode == 0
    assert cloud(*c, "tokens", "list").stdout.strip().endswith("revoked")
    assert client.get("/api/v1/stores", headers=auth).status_code == 401
    # Disabling a user signs them out for good: every token of theirs stops, and so does the login.
    second = cloud(*c, "tokens", "create", "--email", "m@acme.test").stdout.strip()
    assert "1 token(s) revoked" in cloud(*c, "users", "disable", "m@acme.test").stdout
    assert client.get("/api/v1/stores", headers={"Authorization": f"Bearer {second}"}).status_code == 401
    assert "disabled" in cloud(*c, "users", "list").stdout
    for bad in (["tokens", "revoke", "abc"], ["tokens", "revoke", "f" * 12], ["users", "disable", "x@y.z"]):
        r = cloud(*c, *bad)
        assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.strip()
