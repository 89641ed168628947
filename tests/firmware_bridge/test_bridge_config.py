"""The bridge reads its part of box.toml (links, spool, the agent's socket) and nothing else: a mistake in
the agent's part of the file never stops the printing."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from firmware_bridge.boxfile import BoxFileError, read_box_file
from firmware_bridge.spool import list_jobs, read_job
from tests.bridge_harness import bridge_process, recv_exactly

REPO = Path(__file__).resolve().parents[2]


def test_reads_links_spool_and_socket_and_ignores_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "box.toml"
    path.write_text(
        '[links]\npos = "tcp-listen://127.0.0.1:9101"\nprinter = "tcp://127.0.0.1:9100"\n'
        f'[paths]\nspool = "{tmp_path}/spool"\n'
        "[retention]\ndays = -5\n[tags]\nrules = 42\n"  # the agent's problems, not the bridge's
    )
    s = read_box_file(path)
    assert (s.pos, s.printer, s.spool, s.inject) == (
        "tcp-listen://127.0.0.1:9101",
        "tcp://127.0.0.1:9100",
        tmp_path / "spool",
        "/run/tillbox/inject.sock",
    )
    path.write_text(path.read_text() + "[qr]\nenabled = false\n")
    assert read_box_file(path).inject is None


def test_missing_links_are_named(tmp_path: Path) -> None:
    path = tmp_path / "box.toml"
    path.write_text('[links]\npos = "tcp-listen://127.0.0.1:9101"\n[paths]\nspool = "relative"\n')
    with pytest.raises(BoxFileError) as e:
        read_box_file(path)
    assert str(e.value).splitlines() == [
        f"{path}: links.printer: required, a link URL",
        f"{path}: paths.spool: an absolute path",
    ]


def test_bridge_started_with_the_box_file_prints_and_spools(tmp_path: Path) -> None:
    with bridge_process(tmp_path) as rig, socket.create_connection(("127.0.0.1", rig.pos_port)) as pos:
        conn, _ = rig.printer_server.accept()
        receipt = b"\x1b@hello from the box file\n\x1dV\x00"
        pos.sendall(receipt)
        assert recv_exactly(conn, len(receipt)) == receipt
        deadline = time.monotonic() + 10
        while not list_jobs(tmp_path / "spool") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert read_job(list_jobs(tmp_path / "spool")[0]).data == receipt
        conn.close()


def test_bridge_without_links_says_what_to_give(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "edge", "bridge"], cwd=REPO, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2 and "give --config, or --pos and --printer" in done.stderr
