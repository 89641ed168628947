"""Churn early warning: a store's core customers who are overdue against their own cadence.

A core customer of a store bought there at least CORE_PURCHASES times. Their cadence is their own mean
gap between purchases in that store; they are overdue once twice that has passed since their last visit
(one expected visit missed, with room for an ordinary late one) and — where the retailer's value model
has been fitted — the model no longer counts them likely a customer *of this store* (P(alive) below
ALIVE: the model's parameters, fitted over the chain, applied to their history in this store; a regular
who moved to another branch is lost to this one). A fixed band of days would call a monthly shopper
lost after a fortnight and a daily one safe for weeks.

Past LOST cadences of silence they are warned of whatever the model says: BG/NBD takes a customer's
purchases as random in time, so where the chain's dropout is low it reads a weekly regular's four missed
weeks as chance (measured: P(alive) 0.97 for the acceptance chain's churner 29 days quiet, its fitted
a = 0.014, b = 5.7), while their own rhythm makes that silence a 2 % event for someone still coming.

Value at risk: what their cadence and average basket in that store would bring in 90 days.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.analytics.value_model import BgNbd
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customer_values import published_bgnbd
from cloud_api.models import CustomerFeature, Identity, Store, ValueModel
from cloud_api.phones import masked
from sync.secret_file import SecretFileError

CORE_PURCHASES = 3
MISSED = 2  # cadences since the last visit
ALIVE = 0.5
LOST = 4  # cadences of silence that are a warning whatever the model says
HORIZON_DAYS = 90
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ChurnWarning:
    store_id: int
    customer_id: int
    purchases: int
    last_visit: datetime
    expected_visit: datetime
    cadence_days: float
    p_alive: float | None  # None before the retailer's first fit
    currency: str
    value_at_risk: Decimal
    phone: str | None  # masked
    member: str | None  # masked


def warnings(
    session: Session, store_ids: Collection[int], now: datetime, secret: ServiceSecret | None = None
) -> list[ChurnWarning]:
    """The overdue core customers of these stores, the most valuable first."""
    stores = {s.id: s for s in session.scalars(select(Store).where(Store.id.in_(list(store_ids))))}
    # The columns it needs, not whole rows (their weekday and hour profiles are JSON to decode): an
    # owner's store health asks for every store's core customers.
    rows = session.execute(
        select(
            CustomerFeature.customer_id,
            CustomerFeature.store_id,
            CustomerFeature.currency,
            CustomerFeature.purchases,
            CustomerFeature.spend,
            CustomerFeature.first_purchase_at,
            CustomerFeature.last_purchase_at,
        ).where(CustomerFeature.store_id.in_(list(stores)), CustomerFeature.purchases >= CORE_PURCHASES)
    )
    models: dict[tuple[str, str], BgNbd | None] = {}  # read once a request, not once a customer
    overdue = []
    for f in rows:
        span = (f.last_purchase_at - f.first_purchase_at).total_seconds() / 86_400
        cadence = span / (f.purchases - 1)
        if cadence <= 0:
            continue  # all on one day: no cadence to be late against
        if now - f.last_purchase_at < timedelta(days=MISSED * cadence):
            continue
        key = (stores[f.store_id].retailer, f.currency)
        if key not in models:
            models[key] = published_bgnbd(session.get(ValueModel, key))
        overdue.append((f, key, span, cadence))
    # P(alive) of all of a model's overdue customers in one call (numpy's per-call cost, not per customer).
    alive: list[float | None] = [None] * len(overdue)
    for key, bg in models.items():
        if bg is None:
            continue
        mine = [i for i, (_, k, _, _) in enumerate(overdue) if k == key]
        histories = [overdue[i] for i in mine]
        ages = [
            max((now - f.first_purchase_at).total_seconds() / 86_400, span) for f, _, span, _ in histories
        ]
        found = bg.p_alive_all([f.purchases - 1 for f, _, _, _ in histories], [h[2] for h in histories], ages)
        for i, p in zip(mine, found, strict=True):
            alive[i] = float(p)
    kept = [
        (f, key, cadence, p)
        for (f, key, _, cadence), p in zip(overdue, alive, strict=True)
        if p is None or p < ALIVE or now - f.last_purchase_at >= timedelta(days=LOST * cadence)
    ]
    named = _identities(session, secret, {(f.customer_id, key[0]) for f, key, _, _ in kept})
    out: list[ChurnWarning] = []
    for f, key, cadence, p in kept:
        basket = f.spend / f.purchases
        at_risk = (basket * Decimal(HORIZON_DAYS) / Decimal(repr(cadence))).quantize(CENT)
        phone, member = named.get((f.customer_id, key[0]), (None, None))
        out.append(
            ChurnWarning(
                store_id=f.store_id,
                customer_id=f.customer_id,
                purchases=f.purchases,
                last_visit=f.last_purchase_at,
                expected_visit=f.last_purchase_at + timedelta(days=cadence),
                cadence_days=round(cadence, 1),
                p_alive=None if p is None else round(p, 3),
                currency=f.currency,
                value_at_risk=at_risk,
                phone=phone,
                member=member,
            )
        )
    out.sort(key=lambda w: (-w.value_at_risk, w.customer_id))
    return out


def _identities(
    session: Session, secret: ServiceSecret | None, wanted: set[tuple[int, str]]
) -> dict[tuple[int, str], tuple[str | None, str | None]]:
    """Each (customer, retailer)'s phone and member number there, masked (none without the secret); one
    query for all of them."""
    if secret is None or not wanted:
        return {}
    found: dict[tuple[int, str], list[str | None]] = {w: [None, None] for w in wanted}
    retailers: dict[int, list[str]] = {}
    for customer_id, retailer in wanted:
        retailers.setdefault(customer_id, []).append(retailer)
    for identity in session.scalars(select(Identity).where(Identity.customer_id.in_(sorted(retailers)))):
        for retailer in retailers[identity.customer_id]:
            pair = found[identity.customer_id, retailer]
            try:
                if identity.kind == "phone" and pair[0] is None:
                    pair[0] = masked(secret.open("phone", identity.sealed_value))
                elif identity.kind == "member" and identity.retailer == retailer and pair[1] is None:
                    value = secret.open(f"member/{retailer}", identity.sealed_value)
                    pair[1] = "•" * max(len(value) - 4, 0) + value[-4:]
            except SecretFileError:
                continue  # sealed under another secret (a restored backup): shown as unknown
    return {w: (pair[0], pair[1]) for w, pair in found.items()}
