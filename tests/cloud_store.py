"""What the sync tests' cloud stores: one row per envelope its store callback handled, written in the
ledger's transaction — so counting rows counts what was *committed*, and a callback whose transaction
rolled back (another worker won the seq) does not count."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session, sessionmaker

from sync.envelope import Envelope

CLOUD = MetaData()
COMMITTED = Table("committed", CLOUD, Column("seq", Integer), Column("job_id", String(64)))


def store_committed(session: Session, e: Envelope) -> None:
    session.execute(insert(COMMITTED).values(seq=e.seq, job_id=e.body["job_id"]))


def committed(sessions: sessionmaker[Session]) -> list[tuple[int, str]]:
    with sessions() as s:
        return [(seq, job) for seq, job in s.execute(select(COMMITTED.c.seq, COMMITTED.c.job_id))]
