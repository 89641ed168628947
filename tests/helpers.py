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
