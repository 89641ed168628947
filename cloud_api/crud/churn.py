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
weeks as chance (P(alive) 0.5 to 0.8 on the generated chain of the acceptance test), while their own
rhythm makes that silence a 2 % event for someone still coming.

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
    out: list[ChurnWarning] = []
    for f in rows:
        span = (f.last_purchase_at - f.first_purchase_at).total_seconds() / 86_400
        cadence = span / (f.purchases - 1)
        if cadence <= 0:
            continue  # all on one day: no cadence to be late against
        if now - f.last_purchase_at < timedelta(days=MISSED * cadence):
            continue
        store = stores[f.store_id]
        key = (store.retailer, f.currency)
        if key not in models:
            models[key] = published_bgnbd(session.get(ValueModel, key))
        bg = models[key]
        alive = None
        if bg is not None:
            age = max((now - f.first_purchase_at).total_seconds() / 86_400, span)
            alive = bg.p_alive(f.purchases - 1, span, age)
            if alive >= ALIVE and now - f.last_purchase_at < timedelta(days=LOST * cadence):
                continue
        basket = f.spend / f.purchases
        at_risk = (basket * Decimal(HORIZON_DAYS) / Decimal(repr(cadence))).quantize(CENT)
        phone, member = _identities(session, secret, f.customer_id, store.retailer)
        out.append(
            ChurnWarning(
                store_id=f.store_id,
                customer_id=f.customer_id,
                purchases=f.purchases,
                last_visit=f.last_purchase_at,
                expected_visit=f.last_purchase_at + timedelta(days=cadence),
                cadence_days=round(cadence, 1),
                p_alive=None if alive is None else round(alive, 3),
                currency=f.currency,
                value_at_risk=at_risk,
                phone=phone,
                member=member,
            )
        )
    out.sort(key=lambda w: (-w.value_at_risk, w.customer_id))
    return out


def _identities(
    session: Session, secret: ServiceSecret | None, customer_id: int, retailer: str
) -> tuple[str | None, str | None]:
    """The customer's phone and member number at this retailer, masked (none without the secret)."""
    if secret is None:
        return None, None
    phone = member = None
    for identity in session.scalars(select(Identity).where(Identity.customer_id == customer_id)):
        try:
            if identity.kind == "phone" and phone is None:
                phone = masked(secret.open("phone", identity.sealed_value))
            elif identity.kind == "member" and identity.retailer == retailer and member is None:
                value = secret.open(f"member/{retailer}", identity.sealed_value)
                member = "•" * max(len(value) - 4, 0) + value[-4:]
        except SecretFileError:
            continue  # sealed under another secret (a restored backup): shown as unknown
    return phone, member
