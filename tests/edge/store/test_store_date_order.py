"""The store's earlier receipts as evidence of day/month order: once one receipt's date proves the order
(a day above 12), a later receipt from the same store dated "03/04/2026" is read in that order and `ok`,
where alone it stays `needs_review`; the evidence outlives the agent (it is in the store), box.toml's
order wins over it, and two orders seen say nothing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from edge.store.database import open_store
from edge.store.date_order import learned_order
from edge.store.ingest import ingest_spool
from edge.store.models import TransactionRow
from edge.store.records import ParseSettings
from tests.helpers import spool_jobs


def _receipt(date: str) -> bytes:
    # A store that prints "$" and nothing else of its country: the date's order is not in the receipt.
    body = f"CORNER CAFE\n{date} 10:15\nLATTE   $3.50\nSCONE   $2.50\nTOTAL   $6.00\nCASH   $6.00\n"
    return b"\x1b@" + body.encode("ascii") + b"\x1dV\x00"


def _read(tmp_path: Path, dates: list[str], settings: ParseSettings | None = None) -> list[tuple[str, str]]:
    spool = tmp_path / "spool"
    spool_jobs(spool, [_receipt(d) for d in dates])
    sessions = open_store(tmp_path / "box.db")
    ingest_spool(spool, sessions, settings or ParseSettings())
    with sessions() as s:
        rows = s.scalars(select(TransactionRow).order_by(TransactionRow.id)).all()
        return [(json.loads(r.body)["datetime"], r.status) for r in rows]


def test_an_open_date_alone_is_unsure(tmp_path: Path) -> None:
    assert _read(tmp_path, ["03/04/2026"]) == [("2026-04-03T10:15:00", "needs_review")]


def test_an_earlier_receipt_of_the_store_decides_the_order(tmp_path: Path) -> None:
    read = _read(tmp_path, ["12/25/2026", "03/04/2026"])
    assert read == [("2026-12-25T10:15:00", "ok"), ("2026-03-04T10:15:00", "ok")]
    # A day-first store, and the evidence kept across agent restarts (a new ingest, the same store file).
    other = tmp_path / "other"
    assert _read(other, ["25/12/2026"]) == [("2026-12-25T10:15:00", "ok")]
    assert _read(other, ["03/04/2026"])[-1] == ("2026-04-03T10:15:00", "ok")


def test_box_toml_wins_and_two_orders_say_nothing(tmp_path: Path) -> None:
    read = _read(tmp_path, ["12/25/2026", "03/04/2026"], ParseSettings(date_order="DMY"))
    assert read[1] == ("2026-04-03T10:15:00", "ok")
    both = tmp_path / "both"
    assert _read(both, ["12/25/2026", "25/12/2026", "03/04/2026"])[-1][1] == "needs_review"
    sessions = open_store(both / "box.db")
    with sessions() as s:
        assert learned_order(s) is None
