"""The one secret-file helper of box and cloud (sync/secret_file.py): made once, 0600, never seen half
written — not by a process killed mid-write, not by processes starting together."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from sync.secret_file import SecretFileError, secret_file

REPO = Path(__file__).resolve().parents[2]


def test_made_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "box.key"
    key = secret_file(path, 32)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(key) == 32
    assert secret_file(path, 32) == key


def test_a_secret_others_can_read_or_of_the_wrong_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "box.key"
    secret_file(path, 32)
    os.chmod(path, 0o644)
    with pytest.raises(SecretFileError, match="readable by others"):
        secret_file(path, 32)
    os.chmod(path, 0o600)
    path.write_bytes(b"short")
    with pytest.raises(SecretFileError, match="holds 5 bytes, not 32"):
        secret_file(path, 32)


def test_a_process_killed_mid_write_leaves_no_half_key(tmp_path: Path) -> None:
    # The process dies after its bytes are written and before they are in place (os.fsync is where it is
    # killed here): the box's helper used to create the key file first and fill it after, so a power cut
    # between the two left an empty key and a box that would not start again.
    path = tmp_path / "box.key"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "import sync.secret_file as sf\n"
        "sf.os.fsync = lambda fd: os._exit(9)\n"
        f"sf.secret_file(Path({str(path)!r}), 32)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)
    assert killed.returncode == 9
    assert not path.exists()
    assert len(secret_file(path, 32)) == 32  # the next start makes one, whole


def _read(path: str) -> bytes:
    return secret_file(Path(path), 32)


def test_processes_starting_together_end_with_one_secret(tmp_path: Path) -> None:
    path = str(tmp_path / "secret.key")
    with ProcessPoolExecutor(max_workers=6) as pool:
        secrets = set(pool.map(_read, [path] * 24))
    assert len(secrets) == 1 and len(next(iter(secrets))) == 32
    assert [p.name for p in tmp_path.iterdir()] == ["secret.key"]  # no temporary file left beside it
