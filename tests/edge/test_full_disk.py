"""A full disk, for real (a small tmpfs filled up): the till keeps printing, the store drops raster
images first, then stops taking jobs (they wait in the spool), never corrupts, and catches up.

Invariant 1's proof from here is in tests/invariants/test_1_till_never_waits.py:
`test_bridge_keeps_printing_when_the_spool_disk_is_full`."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from edge.agent import AgentSettings, run_agent
from edge.escpos.decoder import decode
from edge.store.database import open_store
from edge.store.images import without_images
from edge.store.ingest import ingest_spool
from edge.store.models import Capture, OutboxEntry
from edge.store.records import ParseSettings
from firmware_bridge.spool import list_jobs
from firmware_bridge.tokenizer import Tokenizer
from hardware_tests.receipts import raster_logo, receipts
from tests.helpers import spool_jobs

SmallDisk = Callable[[str, int], Path]


def logo_receipts(n: int) -> list[bytes]:
    rng = random.Random(3)
    # A 576-dot-wide, 400-row logo (28.8 kB) on top of each receipt: most of its bytes.
    return [b"\x1b@" + raster_logo(rng, 72, 400) + r for r in receipts(n)]


def test_images_are_cut_exactly_even_when_their_bytes_look_like_commands() -> None:
    job = logo_receipts(1)[0]
    lean, removed = without_images(job)
    tokenizer = Tokenizer()
    images = [t for t in tokenizer.feed(job) + tokenizer.flush() if t.name == "GS v"]
    assert len(images) == 2 and removed == sum(t.end - t.start for t in images)
    assert lean == job[: images[0].start] + job[images[0].end : images[1].start] + job[images[1].end :]
    assert [ln.text for ln in decode(lean).text_lines()] == [ln.text for ln in decode(job).text_lines()]


def test_store_on_a_full_disk_drops_images_then_waits_and_never_corrupts(
    tmp_path: Path, small_disk: SmallDisk
) -> None:
    disk = small_disk("store", 4096)
    spool = tmp_path / "spool"
    jobs = logo_receipts(30)
    spool_jobs(spool, jobs)
    sessions = open_store(disk / "box.db")
    # Room for a few whole receipts (each adds about 70 kB to the WAL), then one without its logo
    # (about 40 kB), then none.
    ballast = disk / "ballast"
    with open(ballast, "wb") as f:
        f.write(b"\0" * (shutil.disk_usage(disk).free - 200 * 1024))
    result = ingest_spool(spool, sessions, ParseSettings())
    assert result.disk_full, result
    assert result.stored >= 2 and result.images_dropped >= 1, result
    waiting = len(list_jobs(spool))
    assert waiting > 0 and result.stored + waiting == len(jobs)
    conn = sqlite3.connect(disk / "box.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    ballast.unlink()  # room again: everything waiting is taken, nothing twice
    again = ingest_spool(spool, sessions, ParseSettings())
    assert not again.disk_full and again.stored == waiting and list_jobs(spool) == []
    with sessions() as s:
        assert s.scalar(select(func.count(Capture.id))) == len(jobs)
        seqs = s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)).all()
        assert seqs == list(range(1, len(jobs) + 1))
        dropped = s.scalars(select(Capture).where(Capture.images_dropped)).all()
        assert dropped and all(c.raw is not None and len(c.raw) < 4000 for c in dropped)


def test_agent_reports_a_low_disk_and_stores_without_images(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool_jobs(spool, logo_receipts(3))
    stop = threading.Event()
    status = tmp_path / "agent-status.json"
    settings = AgentSettings(
        spool=spool,
        db=tmp_path / "box.db",
        key=tmp_path / "box.key",
        parse=ParseSettings(),
        min_free_bytes=2**62,  # more than any disk: the low-disk mode from the first job
        status=status,
        poll_s=0.05,
        health_s=0.05,
    )
    t = threading.Thread(target=run_agent, args=(settings, stop), daemon=True)
    t.start()
    deadline = time.monotonic() + 15
    state: dict[str, object] = {}
    while time.monotonic() < deadline:
        if status.exists():
            state = json.loads(status.read_text())
            if state["health"]["receipts_stored"] == 3:  # type: ignore[index]
                break
        time.sleep(0.05)
    stop.set()
    t.join(10)
    conditions = state["conditions"]
    assert isinstance(conditions, dict) and (conditions["disk_low"], conditions["disk_full"]) == (True, False)
    sessions = open_store(tmp_path / "box.db")
    with sessions() as s:
        assert s.scalar(select(func.count(Capture.id)).where(Capture.images_dropped)) == 3


def test_agent_raises_the_alarm_at_80_percent_used(tmp_path: Path, small_disk: SmallDisk) -> None:
    disk = small_disk("store", 4096)
    (disk / "ballast").write_bytes(b"\0" * int(shutil.disk_usage(disk).total * 0.85))
    spool = tmp_path / "spool"
    spool_jobs(spool, receipts(2))
    status = tmp_path / "agent-status.json"
    settings = AgentSettings(
        spool=spool,
        db=disk / "box.db",
        key=tmp_path / "box.key",
        parse=ParseSettings(),
        min_free_bytes=0,
        status=status,
        poll_s=0.05,
        health_s=0.05,
    )
    stop = threading.Event()
    t = threading.Thread(target=run_agent, args=(settings, stop), daemon=True)
    t.start()
    deadline = time.monotonic() + 15
    state: dict[str, object] = {}
    while time.monotonic() < deadline:
        if status.exists():
            state = json.loads(status.read_text())
            if state["health"]["receipts_stored"] == 2:  # type: ignore[index]
                break
        time.sleep(0.05)
    stop.set()
    t.join(10)
    assert state["conditions"] == {"disk_alarm": True, "disk_low": False, "disk_full": False}
