"""Store health for HQ: boxes offline, outbox backlog, the parse-failure rate per store and per POS
program (the parser a receipt was read with), and core customers gone quiet (crud/churn.py), against
thresholds that raise alerts on the dashboard and in `/api/v1/health`. Scoped like every HQ query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from cloud_api.crud.churn import warnings
from cloud_api.crud.hq import device_views
from cloud_api.crud.users import Scope
from cloud_api.models import Device, Store, Transaction
from cloud_api.schemas import DayReading, DeviceOut, ParserHealth, StoreHealth

RATE = Decimal("0.001")


@dataclass(frozen=True)
class Thresholds:
    offline_after: timedelta = timedelta(minutes=5)  # no heartbeat for this long (they come every minute)
    outbox_depth: int = 500  # receipts a store's boxes hold unsent
    oldest_unsent: timedelta = timedelta(hours=1)
    parse_failure_rate: Decimal = Decimal("0.10")  # needs_review share over the window…
    min_receipts: int = 20  # …once there are this many receipts to judge by
    window: timedelta = timedelta(hours=24)
    # A profile drifting (its POS updated): its needs_review share in the window at least this many times
    # the baseline's, and 5 points above it, with min_receipts in each.
    baseline: timedelta = timedelta(days=7)
    drift_factor: Decimal = Decimal(2)
    drift_points: Decimal = Decimal("0.05")


def reader_label(parser: str | None) -> str:
    """How a box read its receipts, in words: the built-in reader, or the POS profile HQ gave it."""
    if not parser or parser == "unknown" or parser.startswith("tillbox-parser/"):
        return "the built-in reader"
    return f"profile {parser}"


def _rate(failures: int, total: int) -> Decimal | None:
    return (Decimal(failures) / total).quantize(RATE) if total else None


@dataclass
class _Tally:
    """One store's receipts read by one profile: the window's, the baseline's, and each day's."""

    receipts: int = 0
    review: int = 0  # that the reader could not prove (a receipt HQ corrected since counts as it came)
    corrected: int = 0
    before: int = 0
    review_before: int = 0
    days: dict[date, list[int]] = field(default_factory=dict)  # day -> [receipts, review, corrected]

    def add(self, day: date, in_window: bool, n: int, review: int, corrected: int) -> None:
        if in_window:
            self.receipts, self.review, self.corrected = (
                self.receipts + n,
                self.review + review,
                self.corrected + corrected,
            )
        else:
            self.before, self.review_before = self.before + n, self.review_before + review
        counts = self.days.setdefault(day, [0, 0, 0])
        counts[0], counts[1], counts[2] = counts[0] + n, counts[1] + review, counts[2] + corrected

    def health(self, parser: str) -> ParserHealth:
        return ParserHealth(
            parser=parser,
            receipts=self.receipts,
            needs_review=self.review,
            corrected=self.corrected,
            rate=_rate(self.review, self.receipts),
            ok_rate=_rate(self.receipts - self.review, self.receipts),
            corrected_rate=_rate(self.corrected, self.receipts),
            baseline_receipts=self.before,
            baseline_rate=_rate(self.review_before, self.before),
            days=[
                DayReading(day=d, receipts=c[0], needs_review=c[1], corrected=c[2])
                for d, c in sorted(self.days.items())
            ],
        )


def _utc_day(session: Session) -> ColumnElement[Any]:
    """A receipt's day (UTC) in SQL: SQLite keeps the time as UTC text; PostgreSQL's date of a timestamptz
    would be the session's time zone's."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone("UTC", Transaction.started_at))
    return func.date(Transaction.started_at)


def _tallies(
    session: Session, scope: Scope, now: datetime, limits: Thresholds
) -> dict[tuple[int, str], _Tally]:
    """Counted by the database, a row per store, profile, day and side of the window's start: a chain's
    week of receipts is not carried into the web process one by one."""
    start = now - limits.window
    day = _utc_day(session)
    in_window = case((Transaction.started_at >= start, 1), else_=0)
    review = case((or_(Transaction.status != "ok", Transaction.corrected_at.is_not(None)), 1), else_=0)
    rows = session.execute(
        select(
            Transaction.store_id,
            Transaction.parser,
            day,
            in_window,
            func.count(),
            func.sum(review),
            func.count(Transaction.corrected_at),
        )
        .where(Transaction.store_id.in_(scope.store_ids), Transaction.started_at >= start - limits.baseline)
        .group_by(Transaction.store_id, Transaction.parser, day, in_window)
    )
    tallies: dict[tuple[int, str], _Tally] = {}
    for store_id, parser, on, window, n, reviewed, corrected in rows:
        on_day = on if isinstance(on, date) else date.fromisoformat(str(on))
        tally = tallies.setdefault((store_id, parser or "unknown"), _Tally())
        tally.add(on_day, bool(window), int(n), int(reviewed or 0), int(corrected))
    return tallies


def _drifting(p: ParserHealth, limits: Thresholds) -> bool:
    if p.rate is None or p.baseline_rate is None:
        return False
    enough = p.receipts >= limits.min_receipts and p.baseline_receipts >= limits.min_receipts
    return (
        enough
        and p.rate >= p.baseline_rate * limits.drift_factor
        and p.rate - p.baseline_rate >= limits.drift_points
    )


def store_health(session: Session, scope: Scope, now: datetime, limits: Thresholds) -> list[StoreHealth]:
    stores = list(session.scalars(select(Store).where(Store.id.in_(scope.store_ids)).order_by(Store.code)))
    devices: dict[int, list[Device]] = {}
    for d in session.scalars(
        select(Device).where(Device.store_id.in_(scope.store_ids), Device.revoked_at.is_(None))
    ):
        devices.setdefault(d.store_id, []).append(d)
    tallies = _tallies(session, scope, now, limits)
    quiet: dict[int, list[int]] = {}
    at_risk: dict[tuple[int, str], Decimal] = {}
    for w in warnings(session, scope.store_ids, now):
        quiet.setdefault(w.store_id, []).append(w.customer_id)
        at_risk[w.store_id, w.currency] = at_risk.get((w.store_id, w.currency), Decimal(0)) + w.value_at_risk
    every = device_views(session, [d for ds in devices.values() for d in ds])
    views_of: dict[int, list[DeviceOut]] = {}
    for v in every:
        views_of.setdefault(v.store_id, []).append(v)
    out = []
    for store in stores:
        views = views_of.get(store.id, [])
        offline = sorted(
            v.device_id
            for v in views
            if not v.online or v.last_seen_at is None or now - v.last_seen_at > limits.offline_after
        )
        depth = sum(v.outbox_depth or 0 for v in views)
        oldest = max((v.oldest_unsent_age_s or 0 for v in views), default=0)
        by_parser = [t.health(p) for (sid, p), t in sorted(tallies.items()) if sid == store.id]
        total, failed = sum(p.receipts for p in by_parser), sum(p.needs_review for p in by_parser)
        alerts = [f"{d} offline" for d in offline]
        for v in views:
            if v.quarantined:
                reasons = ", ".join(
                    f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(v.quarantined.items())
                )
                alerts.append(
                    f"{v.device_id}: {sum(v.quarantined.values())} records set aside unstored ({reasons})"
                )
        if depth > limits.outbox_depth:
            alerts.append(f"{depth} receipts unsent on the store's boxes")
        if oldest > limits.oldest_unsent.total_seconds():
            alerts.append(f"a receipt unsent for {oldest // 60} minutes")
        for p in by_parser:
            if (
                p.receipts >= limits.min_receipts
                and p.rate is not None
                and p.rate > limits.parse_failure_rate
            ):
                alerts.append(
                    f"{p.rate:.0%} of {p.receipts} receipts read by {reader_label(p.parser)} need review"
                )
            if _drifting(p, limits):
                was = f"{p.baseline_rate:.0%}"
                alerts.append(
                    f"{reader_label(p.parser)} drifting: {p.rate:.0%} need review against {was} the days "
                    "before (the till's program updated?)"
                )
        if quiet.get(store.id):
            risk = ", ".join(
                f"{v} {c}".rstrip() for (sid, c), v in sorted(at_risk.items()) if sid == store.id
            )
            alerts.append(f"{len(quiet[store.id])} core customers gone quiet ({risk} at risk in 90 days)")
        out.append(
            StoreHealth(
                store_id=store.id,
                store=store.name or store.code,
                devices=len(views),
                offline=offline,
                outbox_depth=depth,
                oldest_unsent_age_s=oldest,
                receipts=total,
                needs_review=failed,
                parse_failure_rate=_rate(failed, total),
                by_parser=by_parser,
                quarantined=sum(sum(v.quarantined.values()) for v in views),
                gone_quiet=len(quiet.get(store.id, [])),
                alerts=alerts,
            )
        )
    return out
