"""Each retailer's customer value model, fitted nightly from the stored customer features (one model per
currency: money in two currencies is never one spend), and each customer's figures from it.

A customer's history for the model is their purchases across the retailer's stores: x repeat purchases,
t_x days from the first to the last, T days from the first to now, and the mean spend of a purchase
(the features keep no per-receipt values, so the mean of all purchases stands in for the mean of the
repeat ones the papers use). Days are the unit, so "the next 30 days" is t = 30.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cloud_api.analytics.value_model import BgNbd, GammaGamma, clv
from cloud_api.models import CustomerFeature, CustomerValue, Store, ValueModel

DAY = 86_400.0
# The youngest customer's age, in days: a first purchase this very second still has T > 0.
MIN_AGE_DAYS = 1 / 1440


@dataclass
class _History:
    customer_id: int
    purchases: int
    spend: Decimal
    first: datetime
    last: datetime


@dataclass(frozen=True)
class Fitted:
    """What one currency's fit came to: the customers valued, or why none were."""

    currency: str
    customers: int
    problem: str | None = None


def fit_values(session: Session, retailer: str, now: datetime) -> list[Fitted]:
    """Fit the retailer's model per currency and replace its customers' values; a currency whose data
    cannot be fitted keeps no values (its old ones go: they were of another time) and says why."""
    histories = _histories(session, retailer)
    session.execute(delete(CustomerValue).where(CustomerValue.retailer == retailer))
    session.execute(delete(ValueModel).where(ValueModel.retailer == retailer))
    return [_fit_one(session, retailer, currency, rows, now) for currency, rows in sorted(histories.items())]


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
    for (currency, _), h in acc.items():
        out.setdefault(currency, []).append(h)
    return out


def _fit_one(session: Session, retailer: str, currency: str, rows: list[_History], now: datetime) -> Fitted:
    x = [float(h.purchases - 1) for h in rows]
    t_x = [(h.last - h.first).total_seconds() / DAY for h in rows]
    age = [
        max((now - h.first).total_seconds() / DAY, t, MIN_AGE_DAYS) for h, t in zip(rows, t_x, strict=True)
    ]
    mean = [h.spend / h.purchases for h in rows]
    try:
        bg = BgNbd.fit(x, t_x, age)
    except ValueError as e:
        return Fitted(currency, 0, f"purchase frequency: {e}")
    gg: GammaGamma | None
    try:
        # (Only customers who spent something: a refund-heavy customer's mean is no price.)
        gg = GammaGamma.fit(
            [xi if m > 0 else 0.0 for xi, m in zip(x, mean, strict=True)],
            [max(m, Decimal("0.01")) for m in mean],
        )
        if gg.q <= 1:
            gg = None  # an unbounded mean spend: no spend figure rather than an infinite one
    except ValueError:
        gg = None
    session.add(
        ValueModel(
            retailer=retailer,
            currency=currency,
            customers=len(rows),
            r=bg.r,
            alpha=bg.alpha,
            a=bg.a,
            b=bg.b,
            p=gg.p if gg else None,
            q=gg.q if gg else None,
            v=gg.v if gg else None,
            fitted_at=now,
        )
    )
    for h, xi, ti, Ti, m in zip(rows, x, t_x, age, mean, strict=True):
        spend = gg.expected_average_spend(xi, m) if gg and (xi == 0 or m > 0) else None
        session.add(
            CustomerValue(
                customer_id=h.customer_id,
                retailer=retailer,
                currency=currency,
                p_alive=bg.p_alive(xi, ti, Ti),
                expected_30=bg.expected_purchases(30, xi, ti, Ti),
                expected_90=bg.expected_purchases(90, xi, ti, Ti),
                expected_spend=spend,
                clv_90=clv(bg, gg, xi, ti, Ti, m, 90) if gg and spend is not None else None,
                fitted_at=now,
            )
        )
    session.flush()
    return Fitted(currency, len(rows), None if gg else "spend: too few customers bought again to fit it")
