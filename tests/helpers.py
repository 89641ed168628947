"""Small helpers the store, agent and sync tests share."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from firmware_bridge.framer import Boundary
from firmware_bridge.spool import SpoolWriter

CORPUS = Path(__file__).parent / "corpus" / "generated"


def corpus(name: str) -> bytes:
    """A generated corpus receipt's bytes (tests/corpus/generated/NAME.bin)."""
    return (CORPUS / f"{name}.bin").read_bytes()


def spool_jobs(spool: Path, jobs: Iterable[bytes], qr_tokens: Iterable[str] = ()) -> None:
    """Each of `jobs` as a finished job in the spool, as the bridge writes them; the first ones labelled
    with `qr_tokens`, as when the agent's QR block printed before their cuts."""
    w = SpoolWriter(spool)
    tokens = list(qr_tokens)
    for i, job in enumerate(jobs):
        w.append(job, i, datetime.now(UTC))
        if i < len(tokens):
            w.note_label(tokens[i], i)
        w.finish(Boundary.CUT, True, datetime.now(UTC))


def wait_for(cond: Callable[[], bool], timeout: float, what: str = "a condition") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def clear_of_window_edges(windows: Iterable[int], margin_s: float = 10.0) -> None:
    """Wait, if need be, until none of these limit windows (their lengths in seconds) ends within
    `margin_s`: the cloud's limits count in fixed windows (cloud_api.core.ratelimit), and a test whose
    requests straddle a window's end would see its count start again half way."""
    while True:
        now = time.time()
        left = [w - now % w for w in windows if w - now % w < margin_s]
        if not left:
            return
        time.sleep(max(left) + 0.05)
