"""Store health for HQ: boxes offline, outbox backlog, and the parse-failure rate per store and per POS
program (the parser a receipt was read with), against thresholds that raise alerts on the dashboard and
in `/api/v1/health`. Scoped like every HQ query."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def _parser_health(
    store_id: int,
    parser: str,
    receipts: Counter[tuple[int, str]],
    failures: Counter[tuple[int, str]],
    fixed: Counter[tuple[int, str]],
    before: Counter[tuple[int, str]],
    failed_before: Counter[tuple[int, str]],
    by_day: dict[tuple[int, str], Counter[tuple[date, str]]],
) -> ParserHealth:
    key = (store_id, parser)
    n, review, corrected = receipts[key], failures[key], fixed[key]
    day = by_day.get(key, Counter())
    return ParserHealth(
        parser=parser,
        receipts=n,
        needs_review=review,
        corrected=corrected,
        rate=_rate(review, n),
        ok_rate=_rate(n - review, n),
        corrected_rate=_rate(corrected, n),
        baseline_receipts=before[key],
        baseline_rate=_rate(failed_before[key], before[key]),
        days=[
            DayReading(
                day=d,
                receipts=day[(d, "receipts")],
                needs_review=day[(d, "needs_review")],
                corrected=day[(d, "corrected")],
            )
            for d in sorted({d for d, _ in day})
        ],
    )


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
    receipts: Counter[tuple[int, str]] = Counter()
    failures: Counter[tuple[int, str]] = Counter()
    fixed: Counter[tuple[int, str]] = Counter()
    before: Counter[tuple[int, str]] = Counter()
    failed_before: Counter[tuple[int, str]] = Counter()
    by_day: dict[tuple[int, str], Counter[tuple[date, str]]] = {}
    start = now - limits.window
    rows = session.execute(
        select(
            Transaction.store_id,
            Transaction.status,
            Transaction.parser,
            Transaction.corrected_at,
            Transaction.started_at,
        ).where(Transaction.store_id.in_(scope.store_ids), Transaction.started_at >= start - limits.baseline)
    )
    for store_id, status, parser, corrected_at, started_at in rows:
        key = (store_id, parser or "unknown")
        # Whether the reader could prove it: a receipt HQ corrected since is counted as it came.
        review = status != "ok" or corrected_at is not None
        day = by_day.setdefault(key, Counter())
        day[(started_at.astimezone(UTC).date(), "receipts")] += 1
        day[(started_at.astimezone(UTC).date(), "needs_review")] += review
        day[(started_at.astimezone(UTC).date(), "corrected")] += corrected_at is not None
        if started_at >= start:
            receipts[key] += 1
            failures[key] += review
            fixed[key] += corrected_at is not None
        else:
            before[key] += 1
            failed_before[key] += review
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
        parsers = sorted({p for s, p in receipts | before if s == store.id})
        by_parser = [
            _parser_health(store.id, p, receipts, failures, fixed, before, failed_before, by_day)
            for p in parsers
        ]
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
                alerts=alerts,
            )
        )
    return out
