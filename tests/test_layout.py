"""The import table of DESIGN.md, enforced: every module of each package imports only what its row
allows (of our own packages; third-party libraries are each package's own business).

One change to the table (issue 17): the cloud reads a corrected receipt again exactly as the box did, to
learn its layout, so it may import the receipt-reading library — `edge.parsing` (with the decoder,
`edge.escpos`, under it) — and nothing else of the box. That library is pure (bytes in, data out: no
store, no network, no box state), which the second test holds it to. The item-name tag rules' parser
lives there too (edge/parsing/tag_rules.py), so that the cloud checks the rules HQ pushes (issue 18)
with the parser the boxes run."""

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
    "cloud_api": {"sync", "edge.parsing", "edge.escpos"},
    "hardware_tests": OURS,
}


# The receipt-reading library the cloud shares, and what each of its packages may import.
READING_LIBRARY = {
    "edge.parsing": {"edge.parsing", "edge.escpos", "firmware_bridge", "sync"},
    "edge.escpos": {"edge.escpos", "firmware_bridge", "sync"},
}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return {m for m in found if m.split(".")[0] in OURS}


def allowed(module: str, allowed: set[str]) -> bool:
    """`edge.parsing.induce` is allowed by "edge.parsing" and by "edge"."""
    return any(module == a or module.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_each_package_imports_only_what_design_allows(package: str) -> None:
    modules = sorted((REPO / package).rglob("*.py"))
    assert modules, f"{package} has no modules"
    wrong = {
        str(m.relative_to(REPO)): sorted(
            i for i in imported_modules(m) if not allowed(i, MAY_IMPORT[package] | {package})
        )
        for m in modules
    }
    assert {m: w for m, w in wrong.items() if w} == {}


@pytest.mark.parametrize("library", sorted(READING_LIBRARY))
def test_the_reading_library_the_cloud_shares_imports_nothing_of_the_box(library: str) -> None:
    modules = sorted((REPO / library.replace(".", "/")).rglob("*.py"))
    assert modules, f"{library} has no modules"
    wrong = {
        str(m.relative_to(REPO)): sorted(
            i for i in imported_modules(m) if not allowed(i, READING_LIBRARY[library])
        )
        for m in modules
    }
    assert {m: w for m, w in wrong.items() if w} == {}
