"""Each retailer's customer value model, fitted nightly from the stored customer features (one model per
currency: money in two currencies is never one spend), and each customer's figures from it.

A customer's history for the model is their purchases across the retailer's stores: x repeat purchases,
t_x days from the first to the last, T days from the first to now, and the mean spend of a purchase
(the features keep no per-receipt values, so the mean of all purchases stands in for the mean of the
repeat ones the papers use). Days are the unit, so "the next 30 days" is t = 30.

The parameters describe the population, so they are fitted on a seeded random sample of at most
SAMPLE_SIZE customers per currency; every customer is then scored from them at once (numpy) and written
in one bulk insert, inside the caller's transaction. A fit that does not converge publishes nothing: its
`value_models` row says so (converged false, the problem) and a warning goes to the log.
"""

from __future__ import annotations

import logging
import time
import zlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from cloud_api.analytics.value_model import (
    PENALIZER,
    SAMPLE_SIZE,
    BgNbd,
    Floats,
    GammaGamma,
    NotConverged,
    money,
    sample,
)
from cloud_api.models import CustomerFeature, CustomerValue, Store, ValueModel

log = logging.getLogger("tillbox.cloud.values")

DAY = 86_400.0
# The youngest customer's age, in days: a first purchase this very second still has T > 0.
MIN_AGE_DAYS = 1 / 1440
LEAST_SPEND = Decimal("0.01")


@dataclass
class _History:
    customer_id: int
    purchases: int
    spend: Decimal
    first: datetime
    last: datetime


@dataclass(frozen=True)
class Fitted:
    """What one currency's fit came to: the customers valued, or why none were (or why no spend)."""

    currency: str
    customers: int
    problem: str | None = None


def fit_values(
    session: Session,
    retailer: str,
    now: datetime,
    *,
    sample_size: int = SAMPLE_SIZE,
    penalizer: float = PENALIZER,
) -> list[Fitted]:
    """Fit the retailer's model per currency and replace its customers' values; a currency whose data
    cannot be fitted keeps no values (its old ones go: they were of another time) and says why."""
    started = time.perf_counter()
    histories = _histories(session, retailer)
    log.info("value model of %s: histories read in %.1f s", retailer, time.perf_counter() - started)
    session.execute(delete(CustomerValue).where(CustomerValue.retailer == retailer))
    session.execute(delete(ValueModel).where(ValueModel.retailer == retailer))
    return [
        _fit_one(session, retailer, currency, rows, now, sample_size, penalizer)
        for currency, rows in sorted(histories.items())
    ]


def published_bgnbd(model: ValueModel | None) -> BgNbd | None:
    """The BG/NBD of a stored model, or None where there is none to use (no fit, or one that failed)."""
    if model is None or not model.converged:
        return None
    if model.r is None or model.alpha is None or model.a is None or model.b is None:
        return None
    return BgNbd(model.r, model.alpha, model.a, model.b)


def _histories(session: Session, retailer: str) -> dict[str, list[_History]]:
    rows = session.execute(
        select(
            CustomerFeature.customer_id,
            CustomerFeature.currency,
            CustomerFeature.purchases,
            CustomerFeature.spend,
            CustomerFeature.first_purchase_at,
            CustomerFeature.last_purchase_at,
        )
        .join(Store, Store.id == CustomerFeature.store_id)
        .where(Store.retailer == retailer)
    )
    # Summed here, not in SQL: SQLite would add the money as floats (the rows are one per customer and
    # store, far fewer than the receipts).
    acc: dict[tuple[str, int], _History] = {}
    for customer_id, currency, purchases, spend, first, last in rows:
        h = acc.get((currency, customer_id))
        if h is None:
            acc[currency, customer_id] = _History(customer_id, purchases, spend, first, last)
            continue
        h.purchases += purchases
        h.spend += spend
        h.first, h.last = min(h.first, first), max(h.last, last)
    out: dict[str, list[_History]] = {}
    # In customer order: the seeded sample then picks the same customers from the same data every night.
    for (currency, _), h in sorted(acc.items()):
        out.setdefault(currency, []).append(h)
    return out


def _seed(retailer: str, currency: str) -> int:
    return zlib.crc32(f"{retailer}\x00{currency}".encode())


def _fit_one(
    session: Session,
    retailer: str,
    currency: str,
    rows: list[_History],
    now: datetime,
    sample_size: int,
    penalizer: float,
) -> Fitted:
    x = np.array([h.purchases - 1 for h in rows], dtype=np.float64)
    t_x = np.array([(h.last - h.first).total_seconds() / DAY for h in rows], dtype=np.float64)
    age = np.array([(now - h.first).total_seconds() / DAY for h in rows], dtype=np.float64)
    age = np.maximum(np.maximum(age, t_x), MIN_AGE_DAYS)
    mean = [h.spend / h.purchases for h in rows]
    picked = sample(len(rows), sample_size, _seed(retailer, currency))
    model = ValueModel(
        retailer=retailer,
        currency=currency,
        customers=0,
        fitted_on=len(picked),
        converged=True,
        fitted_at=now,
    )
    session.add(model)
    started = time.perf_counter()
    try:
        bg = BgNbd.fit(x[picked], t_x[picked], age[picked], penalizer=penalizer)
    except ValueError as e:
        model.converged, model.problem = False, f"purchase frequency: {e}"[:500]
        _warn(retailer, currency, model.problem, e)
        return Fitted(currency, 0, model.problem)
    model.r, model.alpha, model.a, model.b = bg.r, bg.alpha, bg.a, bg.b

    gg: GammaGamma | None = None
    spend_problem: str | None = None
    try:
        # (Only customers who spent something: a refund-heavy customer's mean is no price.)
        gg = GammaGamma.fit(
            [x[i] if mean[i] > 0 else 0.0 for i in picked],
            [max(mean[i], LEAST_SPEND) for i in picked],
            penalizer=penalizer,
        )
    except ValueError as e:
        spend_problem = f"spend: {e}"
        _warn(retailer, currency, spend_problem, e)
    if gg is not None and gg.q <= 1:
        spend_problem = f"spend: q = {gg.q:.3g} <= 1, an unbounded mean spend: no spend figure"
        gg = None
    if gg is not None:
        model.p, model.q, model.v = gg.p, gg.q, gg.v

    fitted = time.perf_counter()
    p_alive = bg.p_alive_all(x, t_x, age)
    expected_30 = bg.expected_purchases_all(30, x, t_x, age)
    expected_90 = bg.expected_purchases_all(90, x, t_x, age)
    m = np.array([float(v) for v in mean], dtype=np.float64)  # float only inside the statistics
    # A spend figure for a newcomer (the population's mean) or a customer whose own mean is a price.
    priced = (x == 0) | (m > 0)
    spend = (
        gg.expected_average_spend_all(np.where(priced, x, 0.0), np.where(priced, m, 1.0))
        if gg is not None
        else np.full(len(rows), np.nan)
    )
    spend = np.where(priced, spend, np.nan)
    clv_90 = expected_90 * spend
    scored = np.isfinite(p_alive) & np.isfinite(expected_30) & np.isfinite(expected_90)
    values: list[dict[str, Any]] = [
        {
            "customer_id": h.customer_id,
            "retailer": retailer,
            "currency": currency,
            "p_alive": float(p_alive[i]),
            "expected_30": float(expected_30[i]),
            "expected_90": float(expected_90[i]),
            "expected_spend": _money_or_none(spend, i),
            "clv_90": _money_or_none(clv_90, i),
            "fitted_at": now,
        }
        for i, h in enumerate(rows)
        if scored[i]
    ]
    scored_at = time.perf_counter()
    if values:
        # One executemany (batched multi-row INSERTs on PostgreSQL), in the caller's transaction.
        session.execute(insert(CustomerValue), values)
    model.customers = len(values)
    problems = [p for p in (spend_problem, _unscored(retailer, currency, len(rows) - len(values))) if p]
    model.problem = "; ".join(problems)[:500] or None
    session.flush()
    log.info(
        "value model of %s in %s: fitted on %d in %.1f s, %d customers scored in %.1f s, written in %.1f s",
        retailer,
        currency,
        len(picked),
        fitted - started,
        len(values),
        scored_at - fitted,
        time.perf_counter() - scored_at,
    )
    return Fitted(currency, len(values), model.problem)


def _money_or_none(amounts: Floats, i: int) -> Decimal | None:
    value = float(amounts[i])
    return money(value) if np.isfinite(value) else None


def _unscored(retailer: str, currency: str, n: int) -> str | None:
    if n == 0:
        return None
    log.warning(
        "value model of %s in %s: %d customers' figures were not finite numbers; they are left unvalued",
        retailer,
        currency,
        n,
    )
    return f"{n} customers' figures were not finite numbers: not valued"


def _warn(retailer: str, currency: str, problem: str, error: ValueError) -> None:
    if isinstance(error, NotConverged):
        estimates = ", ".join(f"{k}={v:.4g}" for k, v in error.estimates.items())
        log.warning(
            "value model of %s in %s NOT fitted, nothing published from it: %s (stopped at %s)",
            retailer,
            currency,
            problem,
            estimates,
        )
    else:
        log.info("value model of %s in %s not fitted: %s", retailer, currency, problem)
