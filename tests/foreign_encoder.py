"""Runs the pinned npm receipt encoders of tests/encoders (installed by scripts/setup.sh) on documents."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
ENCODERS = REPO / ".venv" / "encoders"


def encode(script: str, package: str, docs: list[dict[str, Any]]) -> list[bytes]:
    """The bytes `tests/encoders/<script>` makes of each of `docs` with the npm `package`."""
    node = shutil.which("node")
    if node is None or not (ENCODERS / "node_modules" / package).is_dir():
        pytest.fail(f"{package} is not installed: run ./scripts/setup.sh (it installs tests/encoders)")
    r = subprocess.run(
        [node, str(REPO / "tests" / "encoders" / script)],
        input=json.dumps(docs),
        capture_output=True,
        text=True,
        timeout=60,
        env={"NODE_PATH": str(ENCODERS / "node_modules"), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return [bytes.fromhex(h) for h in json.loads(r.stdout)]
