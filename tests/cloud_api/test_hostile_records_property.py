"""A property, checked on generated inputs: whatever a validly signed envelope carries, a real ingest
worker (behind the real broker, on SQLite and PostgreSQL) accounts for it — stored, or quarantined with
a reason — acknowledges it, and goes on storing the good records that follow; and HQ's daily report
still reads the day. The records are valid ones with one field replaced by generated hostile content:
odd text (NUL, lone surrogates' neighbours, control characters, very long), numbers of any size,
nesting, wrong types."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cloud_api.crud.reports import daily_report
from cloud_api.models import Store
from sync.ledger import Quarantined, Received
from tests.cloud_api.test_poison_records import TX, A, boxes_and_workers, record, stored_jobs

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.sampled_from(
    ["\x00", "a\x00b", "\ufeff", "\u202e", "x" * 5000, "1E+999999", "-0", "NaN", "9" * 80, "0001-01-01"]
)
SCALAR = TEXT | st.integers(min_value=-(2**80), max_value=2**80) | st.booleans() | st.none()
JSON = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["job_id", "revision", "started_at", "qr_token", "tags", "member_id", "transaction"]
TX_FIELDS = ["total", "currency", "items", "status", "kind", "datetime", "payments", "store", "subtotal"]


@st.composite
def hostile(draw: st.DrawFn, n: int) -> dict[str, Any]:
    body = record(f"h-{n}")
    if draw(st.booleans()):
        body[draw(st.sampled_from(FIELDS))] = draw(JSON)
    else:
        tx = dict(TX)
        field = draw(st.sampled_from(TX_FIELDS))
        if field == "items" and draw(st.booleans()):  # one item's field, not the whole list
            items = [dict(i) for i in TX["items"]]
            items[0][draw(st.sampled_from(sorted(items[0])))] = draw(JSON)
            tx["items"] = items
        else:
            tx[field] = draw(JSON)
        body["transaction"] = tx
    return body


def test_hostile_contents_are_accounted_for_and_the_good_records_keep_coming(
    tmp_path: Path, cloud_db: str
) -> None:
    with boxes_and_workers(tmp_path, cloud_db) as (a, b, subs, sessions):
        counter = iter(range(1_000_000))

        @settings(
            max_examples=50,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            database=None,
        )
        @given(st.data())
        def check(data: st.DataObject) -> None:
            n = next(counter)
            body = data.draw(hostile(n))
            [seq] = a.send(body)
            good = a.send(record(f"good-{n}"))
            a.acknowledged([seq, *good])
            assert f"good-{n}" in stored_jobs(sessions, A.device)
            with sessions() as s:
                claimed = s.scalar(
                    select(Received.seq).where(Received.device_id == A.device, Received.seq == seq)
                )
                kept = s.scalar(
                    select(Quarantined.reason).where(
                        Quarantined.device_id == A.device, Quarantined.seq == seq
                    )
                )
            # Claimed in the ledger (stored), or kept aside with a reason: never silently neither.
            assert claimed is not None
            if f"h-{n}" not in stored_jobs(sessions, A.device) and body.get("job_id") == f"h-{n}":
                assert kept is not None, body
            assert all(sub.stopped_by is None for sub in subs)

        check()
        b.acknowledged(b.send(record("b-after")))
        assert "b-after" in stored_jobs(sessions, "s13-t1")
        with sessions() as s:
            store = s.scalars(select(Store).where(Store.code == A.store)).one()
            assert daily_report(s, store, datetime.now(UTC).date()) is not None
