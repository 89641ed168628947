"""Limits counted in the database: what one address, phone or account may do in a window.

Each count is one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING, on SQLite and PostgreSQL)
committed at once, so every web worker (`serve --workers N`) and every parallel request sees the same
count: of 40 requests sent together against a limit of 5, 5 pass. Windows are fixed (a key may use its
limit at the end of one window and again at the start of the next: twice the limit at worst, never
more). Keys are hashed: no address, phone or e-mail is kept here in clear.

`take` counts first and answers whether the count is still within the limit: the way to limit an
action (a code sent, a code tried). `blocked` only reads, and `count` counts without asking: for a
limit on failures (a receipt token missed), where counting every success too would write on every page
view; a burst of parallel lookups then all pass the read before their misses are counted, which the
tokens' 96 random bits make worthless to an attacker.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.db import read_sessions
from cloud_api.models import RateCount


@dataclass(frozen=True)
class Limit:
    name: str  # part of the key: limits on the same address do not share a count
    limit: int
    window_s: int

    def key(self, who: str) -> str:
        return hashlib.sha256(f"{self.name}\0{who}".encode()).hexdigest()

    def window_start(self, now: float) -> int:
        return int(now) - int(now) % self.window_s


def count_in(session: Session, limit: Limit, who: str, now: float) -> int:
    """Count one for `who` inside the caller's transaction; the count in this window, this one included.
    Until that transaction ends, the row's lock (PostgreSQL) or the write lock (SQLite) makes every other
    count of this key wait: what the caller decides from the count, it decides alone."""
    start = limit.window_start(now)
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(RateCount)
        .values(key=limit.key(who), window_start=start, count=1, expires_at=start + limit.window_s)
        .on_conflict_do_update(
            index_elements=[RateCount.key, RateCount.window_start], set_={"count": RateCount.count + 1}
        )
        .returning(RateCount.count)
    )
    counted = int(session.execute(stmt).scalar_one())
    if random.random() < 0.001:  # now and then, forget the windows that are over
        session.execute(delete(RateCount).where(RateCount.expires_at < int(now)))
    return counted


class Limiter:
    """Counts in their own transactions, committed at once. `blocked` answers from this process's memory
    when it can: an address found blocked stays blocked here until its window ends; one found free is
    asked again after `fresh_s` (the receipt page must not pay a query per view: it halved the page's
    throughput). So a blocked address may open a real receipt for up to `fresh_s` on a worker that had
    just found it free; its misses are counted exactly everywhere (`count` is always the database's)."""

    def __init__(
        self, sessions: sessionmaker[Session], clock: Callable[[], float] = time.time, fresh_s: float = 1.0
    ) -> None:
        self.sessions, self.clock, self.fresh_s = sessions, clock, fresh_s
        self.reads = read_sessions(sessions)
        self._known: dict[str, tuple[float, bool]] = {}  # key -> (valid until, blocked)

    def _remember(self, key: str, until: float, blocked: bool) -> None:
        if len(self._known) > 100_000:  # many clients: forget what is out of date
            now = self.clock()
            for k in [k for k, (valid, _) in list(self._known.items()) if valid <= now]:
                self._known.pop(k, None)
        self._known[key] = (until, blocked)

    def count(self, limit: Limit, who: str) -> int:
        now = self.clock()
        with self.sessions.begin() as s:
            counted = count_in(s, limit, who, now)
        self._remember(limit.key(who), limit.window_start(now) + limit.window_s, counted >= limit.limit)
        return counted

    def take(self, limit: Limit, who: str) -> bool:
        """Count one for `who`; whether that was within the limit (if not, refuse what it was for)."""
        return self.count(limit, who) <= limit.limit

    def over(self, limit: Limit, who: str) -> bool:
        """Count a failure; whether it went over the limit (then answer it as refused, not as failed)."""
        return self.count(limit, who) > limit.limit

    def blocked(self, limit: Limit, who: str) -> bool:
        key, now = limit.key(who), self.clock()
        known = self._known.get(key)
        if known is not None and now < known[0]:
            return known[1]
        start = limit.window_start(now)
        with self.reads() as s:
            counted = s.scalar(
                select(RateCount.count).where(RateCount.key == key, RateCount.window_start == start)
            )
        blocked = (counted or 0) >= limit.limit
        end = start + limit.window_s
        self._remember(key, end if blocked else min(now + self.fresh_s, end), blocked)
        return blocked
