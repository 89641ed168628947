from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from edge.parsing.evaluate import Result
    from tests.hq_fleet import Fleet

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


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The held-out corpus of tests/corpus/foreign.py, built once a session (its truth files)."""
    from tests.corpus.foreign import build

    return build(tmp_path_factory.mktemp("foreign"))


@pytest.fixture(scope="session")
def evaluated(built: list[Path]) -> dict[str, list[tuple[Result, dict[str, Any]]]]:
    """Every receipt of the foreign corpus read by the parser and scored against its truth, by split."""
    from edge.parsing.evaluate import evaluate_case

    by_split: dict[str, list[tuple[Result, dict[str, Any]]]] = defaultdict(list)
    for truth_path in built:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        data = truth_path.with_suffix(".bin").read_bytes()
        by_split[truth["split"]].append((evaluate_case(truth_path.stem, data, truth), truth))
    return by_split


@pytest.fixture
def fleet(cloud_db: str) -> Fleet:
    """HQ's fleet of tests/hq_fleet.py on each of the cloud's databases."""
    from tests.hq_fleet import Fleet

    return Fleet(cloud_db)
