"""The box's outbox as the publisher sees it: the cloud's acknowledgement (contiguous mark plus what is
stored past a gap) marks exactly those rows delivered, once."""

from __future__ import annotations

from pathlib import Path

from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.outbox_port import StoreOutbox
from tests.helpers import corpus, spool_jobs


def test_an_acknowledgement_marks_exactly_what_the_cloud_stored(tmp_path: Path) -> None:
    spool_jobs(tmp_path / "spool", [corpus("en-grocery-00")] * 10)
    sessions = open_store(tmp_path / "box.db")
    assert ingest_spool(tmp_path / "spool", sessions).stored == 10
    outbox = StoreOutbox(sessions, None)
    assert [p.seq for p in outbox.pending(0, 100)] == list(range(1, 11))
    assert outbox.delivered(3, [5, 7, 12]) == 5  # 1-3, 5 and 7; 12 is not the box's (yet)
    assert [p.seq for p in outbox.pending(0, 100)] == [4, 6, 8, 9, 10]
    assert [p.seq for p in outbox.pending(0, 2, newest_first=True)] == [10, 9]
    assert outbox.delivered(3, [5, 7]) == 0  # the same acknowledgement again
    for n in range(1, 60):  # acknowledgements of every length: one statement text, whatever the length
        outbox.delivered(0, list(range(100, 100 + n)))
    assert outbox.delivered(10, []) == 5
    assert outbox.pending(0, 100) == []
