"""The device registry: enrolment registers a box's signing key under its store; revocation stops it.
Ingest asks `signing_key` for every message, so a revoked box is refused from its next message on.

A device id is enrolled once, ever. The ledger's sequence numbers belong to the id, and a new box
starts its own at 1: under a revoked box's id it would collide with what the old one sent. So a
replacement box gets a new device id (docs/install-box.md, "Replacing a box")."""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

import sync.keys as sync_keys
from cloud_api.crud.stores import StoreChanges, add_store, find_store
from cloud_api.models import Device, Store
from sync.topics import DeviceTopics


class EnrolmentError(ValueError):
    pass


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The box's key as `tillbox status` prints it."""
    try:
        return sync_keys.parse_public_key(text)
    except ValueError as e:
        raise EnrolmentError(str(e)) from None


def enroll(session: Session, retailer: str, store_code: str, device_id: str, public_key: str) -> Device:
    DeviceTopics(retailer, store_code, device_id)  # the same rules as topics: refuse what cannot be one
    parse_public_key(public_key)
    store = find_store(session, retailer, store_code)
    if store is None:  # the store's first box: HQ names it and sets its time zone afterwards
        store = add_store(session, retailer, store_code, StoreChanges())
    device = session.get(Device, device_id)
    if device is not None and device.revoked_at is not None:
        raise EnrolmentError(
            f"device {device_id} was revoked on {device.revoked_at:%Y-%m-%d}: a device id is enrolled "
            'once; give the new box a new device id (docs/install-box.md, "Replacing a box")'
        )
    if device is not None:
        if device.store_id != store.id or device.public_key != public_key:
            raise EnrolmentError(
                f"device {device_id} is enrolled already, in another store or with another key: a new "
                "box needs a new device id"
            )
        return device  # the same enrolment again: nothing changes
    device = Device(
        device_id=device_id, store_id=store.id, public_key=public_key, enrolled_at=datetime.now(UTC)
    )
    session.add(device)
    session.flush()
    return device


def revoke(session: Session, device_id: str) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise EnrolmentError(f"no device {device_id}")
    if device.revoked_at is None:
        # The broker drops a revoked box without its last will: say here that it is gone.
        device.revoked_at, device.online = datetime.now(UTC), False
    return device


def listed(session: Session) -> list[tuple[Device, Store]]:
    """Every device with its store, by device id (`tillbox-cloud devices list`)."""
    rows = session.execute(
        select(Device, Store).join(Store, Store.id == Device.store_id).order_by(Device.device_id)
    )
    return [(device, store) for device, store in rows.tuples()]


def topics_of(session: Session, device: Device) -> DeviceTopics:
    store = session.get(Store, device.store_id)
    assert store is not None  # a foreign key
    return DeviceTopics(store.retailer, store.code, device.device_id)


def all_devices(session: Session) -> list[tuple[DeviceTopics, bool]]:
    """Every device ever enrolled, with whether it is live (not revoked)."""
    rows = session.execute(
        select(Device.device_id, Device.revoked_at, Store.retailer, Store.code).join(
            Store, Store.id == Device.store_id
        )
    )
    return [(DeviceTopics(r.retailer, r.code, r.device_id), r.revoked_at is None) for r in rows]


def signing_key(session: Session, where: DeviceTopics) -> Ed25519PublicKey | None:
    """The key envelopes on `where`'s topics must carry, if that device is enrolled there and live."""
    row = session.execute(
        select(Device.public_key, Device.revoked_at, Store.retailer, Store.code)
        .join(Store, Store.id == Device.store_id)
        .where(Device.device_id == where.device)
    ).first()
    if row is None or row.revoked_at is not None:
        return None
    if (row.retailer, row.code) != (where.retailer, where.store):
        return None  # enrolled under another store: its topic says otherwise
    return parse_public_key(row.public_key)
