from __future__ import annotations

import os
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
