"""Stores as HQ names them: code (the store id in box.toml and topics), name, time zone, closing time,
currency and region. A store also appears by itself when its first box is enrolled; HQ then sets the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cloud_api.models import Device, Store
from sync.topics import DeviceTopics

_CLOSING = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_CURRENCY = re.compile(r"[A-Z]{3}")


class StoreError(ValueError):
    pass


@dataclass(frozen=True)
class StoreChanges:
    name: str | None = None
    timezone: str | None = None
    closing_time: str | None = None
    currency: str | None = None
    region: str | None = None

    def checked(self) -> StoreChanges:
        if self.name is not None and not 0 < len(self.name.strip()) <= 200:
            raise StoreError("a store's name is 1 to 200 characters")
        if self.timezone is not None:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise StoreError(
                    f"time zone {self.timezone!r} is not known: an IANA name such as Asia/Shanghai"
                ) from None
        if self.closing_time is not None and not _CLOSING.fullmatch(self.closing_time):
            raise StoreError(f"closing time {self.closing_time!r}: HH:MM, 24-hour, local time")
        if self.currency is not None and not _CURRENCY.fullmatch(self.currency):
            raise StoreError(f"currency {self.currency!r}: an ISO 4217 code such as CNY, EUR, USD")
        if self.region is not None and not 0 < len(self.region.strip()) <= 64:
            raise StoreError("a region's name is 1 to 64 characters")
        return self


def store_code_checked(retailer: str, code: str) -> None:
    try:
        DeviceTopics(retailer, code, "x")  # a store code must be usable in topics
    except ValueError as e:
        raise StoreError(f"store code {code!r}: {e}") from None


def find_store(session: Session, retailer: str, code: str) -> Store | None:
    return session.scalars(select(Store).where(Store.retailer == retailer, Store.code == code)).first()


def add_store(session: Session, retailer: str, code: str, changes: StoreChanges) -> Store:
    store_code_checked(retailer, code)
    changes.checked()
    if find_store(session, retailer, code) is not None:
        raise StoreError(f"store {code!r} exists already: change it with `tillbox-cloud stores set`")
    store = Store(retailer=retailer, code=code, timezone="UTC", closing_time="22:00")
    session.add(store)
    _apply(store, changes)
    session.flush()
    return store


def set_store(session: Session, retailer: str, code: str, changes: StoreChanges) -> Store:
    changes.checked()
    store = find_store(session, retailer, code)
    if store is None:
        raise StoreError(f"no store {code!r} at {retailer}")
    _apply(store, changes)
    return store


def _apply(store: Store, c: StoreChanges) -> None:
    if c.name is not None:
        store.name = c.name.strip()
    if c.timezone is not None:
        store.timezone = c.timezone
    if c.closing_time is not None:
        store.closing_time = c.closing_time
    if c.currency is not None:
        store.currency = c.currency
    if c.region is not None:
        store.region = c.region.strip()


def stores_with_devices(session: Session, retailer: str) -> list[tuple[Store, int]]:
    devices = (
        select(Device.store_id, func.count().label("n"))
        .where(Device.revoked_at.is_(None))
        .group_by(Device.store_id)
        .subquery()
    )
    rows = session.execute(
        select(Store, func.coalesce(devices.c.n, 0))
        .outerjoin(devices, devices.c.store_id == Store.id)
        .where(Store.retailer == retailer)
        .order_by(Store.code)
    )
    return [(store, int(n)) for store, n in rows]
