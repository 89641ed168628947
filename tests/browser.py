"""Debian's Chromium (apt package `chromium`, which setup.sh installs) driven by Playwright: no browser
download. Skips, saying why, when either is missing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


@contextmanager
def chromium() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (./scripts/setup.sh installs it)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=path,
            # No sandbox: CI runs as root in a container. No GPU, no background traffic: a test machine.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()
