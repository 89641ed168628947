from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def captures_dir() -> Path:
    """The shared ESC/POS captures (read in place, never copied into the repo)."""
    return Path(os.environ.get("TILLBOX_CAPTURES", REPO.parent / "shared" / "captures"))


@pytest.fixture(scope="session")
def captures() -> dict[str, bytes]:
    root = captures_dir()
    files = sorted(p for p in root.glob("*/*") if p.is_file())
    if not files:
        pytest.fail(f"no ESC/POS captures under {root}; set TILLBOX_CAPTURES to the shared/captures folder")
    return {f"{p.parent.name}/{p.name}": p.read_bytes() for p in files}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str, int], Path]]:
    """A real small filesystem (tmpfs of a given size) to fill up; needs root to mount."""
    mounted: list[Path] = []

    def make(name: str, kib: int) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("a full-disk test mounts a small tmpfs, which needs root")
        path = tmp_path / name
        path.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(path)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(path)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def cloud_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The cloud's database URL: embedded SQLite (the demo) and a real PostgreSQL (production)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cloud.db'}"
        return
    from tests.postgres import fresh_database

    with fresh_database() as url:
        yield url


@pytest.fixture(autouse=True)
def _no_logging_into_closed_captures() -> Iterator[None]:
    """A command run in-process (`main([...])`) sets up logging on the stderr it sees, which is this
    test's capture; once that is closed, a later test's background thread logging there prints
    "--- Logging error ---" into the run. Such handlers go with their test."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler) is logging.StreamHandler and handler.stream not in (sys.__stderr__, sys.__stdout__):
            root.removeHandler(handler)
