"""The command line: one clear line for bad input, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def tillbox(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edge", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["bridge", "--pos", "ttyS0", "--printer", "tcp://127.0.0.1:9100"], "bad link URL 'ttyS0'"),
        (["bridge", "--pos", "serial:///dev/nope-tty", "--printer", "tcp://127.0.0.1:9"], "/dev/nope-tty"),
        (["bridge", "--pos", "tcp-listen://127.0.0.1:1", "--printer", "bogus://x"], "unknown scheme 'bogus'"),
        (["pos-sim", "--to", "tcp://127.0.0.1:9", "/nonexistent.bin"], "/nonexistent.bin"),
        (["printer-sim", "--listen", "serial://dev/x", "--out", "/tmp/x"], "three slashes"),
    ],
)
def test_bad_input_gives_one_line(args: list[str], expect: str) -> None:
    r = tillbox(*args)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert expect in r.stderr.strip().splitlines()[-1]


def test_bad_size_is_rejected_by_argparse() -> None:
    r = tillbox("bridge", "--pos", "loop://", "--printer", "loop://", "--max-job-bytes", "lots")
    assert r.returncode == 2 and "not a size" in r.stderr


def test_help_lists_the_box_commands() -> None:
    r = tillbox("--help")
    for cmd in ("bridge", "pos-sim", "printer-sim"):
        assert cmd in r.stdout


def test_cloud_command_lists_its_commands_and_needs_one() -> None:
    r = subprocess.run([sys.executable, "-m", "cloud_api.cli"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 2 and "migrate" in r.stderr and "ingest" in r.stderr


def test_the_bridge_command_loads_no_heavy_libraries() -> None:
    # The bridge restarts in the line of a till; the agent's libraries must not slow its start.
    code = (
        "import sys; from edge.cli import build_parser; build_parser();"
        "print([m for m in ('PIL', 'sqlalchemy', 'escpos', 'qrcode', 'barcode') if m in sys.modules])"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_the_cloud_serves_from_several_worker_processes(tmp_path: Path) -> None:
    """`serve --workers 2`: uvicorn's processes each build the app from the same cloud.toml."""
    import os
    import time
    import urllib.error
    import urllib.request

    from cloud_api.migrate import upgrade
    from hardware_tests.ports import free_port

    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    upgrade(url)
    (tmp_path / "cloud.toml").write_text(
        f'[database]\nurl = "{url}"\n[secrets]\nfile = "{tmp_path / "key"}"\n'
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILLBOX_CLOUD_")}
    serve = ["serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        [sys.executable, "-m", "cloud_api.cli", "--config", str(tmp_path / "cloud.toml"), *serve],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/r/AbCdEfGh12345678", timeout=2)
            except urllib.error.HTTPError as e:
                assert e.code == 404 and b"on its way" in e.read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert err.count("Started server process") == 2
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600
