"""The import table of DESIGN.md, enforced: every module of each package imports only what its row
allows (of our own packages; third-party libraries are each package's own business)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OURS = {"firmware_bridge", "edge", "sync", "cloud_api", "hardware_tests"}
MAY_IMPORT = {
    "firmware_bridge": set(),
    "sync": set(),
    "edge": {"firmware_bridge", "sync"},
    "cloud_api": {"sync"},
    "hardware_tests": OURS,
}


def imported_packages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_each_package_imports_only_what_design_allows(package: str) -> None:
    modules = sorted((REPO / package).rglob("*.py"))
    assert modules, f"{package} has no modules"
    wrong = {
        str(m.relative_to(REPO)): sorted(imported_packages(m) - MAY_IMPORT[package] - {package})
        for m in modules
    }
    assert {m: w for m, w in wrong.items() if w} == {}
