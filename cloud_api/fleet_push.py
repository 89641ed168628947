"""HQ pushing a configuration to a store's boxes: a new version for the store, signed with HQ's config
key (32 bytes, 0600, made at first use; its public half goes into each box.toml as `[cloud] hq_key`),
recorded, and published retained on the config topic of every enrolled, unrevoked box of the store, so
a box that is offline now applies it when it reconnects.

Each version states the whole of HQ's wish for the store: a push that changes one thing carries the
others on from the store's last version — the POS profile by its callers (a rollback withdraws it), the
item-name tag rules here in `prepare` (every push carries them; cloud_api/crud/item_rules.py sets them)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.broker_registry import control_endpoint
from cloud_api.core.config import BrokerSettings
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.stores import find_store
from cloud_api.models import Device, PushedConfig
from sync.config_doc import sign_config
from sync.mqtt_client import mqtt_client
from sync.topics import DeviceTopics
from sync.wire.config import MAX_CONFIG_BYTES, FleetConfig, PushedProfile, Reparse
from sync.wire.model import from_wire


def config_key(path: Path) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(load_or_create_secret(path).key)


@dataclass(frozen=True)
class Pushed:
    version: int
    devices: list[str]


def _last(session: Session, store_id: int) -> PushedConfig | None:
    return session.scalar(
        select(PushedConfig)
        .where(PushedConfig.store_id == store_id)
        .order_by(PushedConfig.version.desc())
        .limit(1)
    )


def current_profile(session: Session, store_id: int) -> tuple[str, str] | None:
    """The profile the store's last configuration carried (name, TOML): each configuration states the
    whole of HQ's wish, so a push that changes something else carries it on."""
    last = _last(session, store_id)
    if last is None or last.pos_profile is None or last.pos_profile_toml is None:
        return None
    return last.pos_profile, last.pos_profile_toml


def current_item_rules(session: Session, store_id: int) -> str | None:
    """The item-name tag rules (TOML) the store's last configuration carried, read from the document as
    it was signed and sent: what the boxes run is that, not a column that could say otherwise."""
    last = _last(session, store_id)
    if last is None:
        return None
    # Our own signed payload, written by `prepare`: read with the wire model, not verified again.
    sent = from_wire(FleetConfig, json.loads(last.payload)["config"], "config")
    return sent.item_rules


def prepare(
    session: Session,
    key: Ed25519PrivateKey,
    retailer: str,
    store_code: str,
    profile: tuple[str, str] | None,  # (name, TOML text)
    reparse: bool,
    by: str,
    item_rules: str | None = None,  # None: those of the store's last configuration, carried on
) -> tuple[PushedConfig, list[DeviceTopics]]:
    store = find_store(session, retailer, store_code)
    if store is None:
        raise ValueError(f"no store {store_code!r} at {retailer}")
    if item_rules is None:
        item_rules = current_item_rules(session, store.id)
    version = (
        session.scalar(select(func.max(PushedConfig.version)).where(PushedConfig.store_id == store.id)) or 0
    ) + 1
    now = datetime.now(UTC)
    config = FleetConfig(
        version=version,
        issued_at=now,
        pos_profile=PushedProfile(*profile) if profile else None,
        reparse=Reparse(secrets.token_hex(8), "needs_review") if reparse else None,
        item_rules=item_rules,
    )
    payload = sign_config(config, key)
    if len(payload) > MAX_CONFIG_BYTES:  # the boxes would refuse it: not recorded as pushed
        raise ValueError(
            f"the configuration is {len(payload)} bytes, more than a box takes ({MAX_CONFIG_BYTES})"
        )
    row = PushedConfig(
        store_id=store.id,
        version=version,
        pos_profile=profile[0] if profile else None,
        pos_profile_toml=profile[1] if profile else None,
        reparse_id=config.reparse.id if config.reparse else None,
        payload=payload.decode(),
        pushed_at=now,
        pushed_by=by,
    )
    session.add(row)
    devices = session.scalars(
        select(Device.device_id).where(Device.store_id == store.id, Device.revoked_at.is_(None))
    )
    return row, [DeviceTopics(retailer, store_code, d) for d in devices]


def publish(
    broker: BrokerSettings, payload: bytes, targets: list[DeviceTopics], timeout_s: float = 20
) -> None:
    # Pushes go out under the control identity: only it may write a box's config topic.
    endpoint = control_endpoint(broker)
    if endpoint is not None:
        client = endpoint.client()
        host, port = endpoint.host, endpoint.port
    else:
        client = mqtt_client(f"config-push-{secrets.token_hex(4)}", None)
        host, port = broker.address
    client.connect(host, port)
    client.loop_start()
    try:
        infos = [client.publish(t.config, payload, qos=1, retain=True) for t in targets]
        for info in infos:
            info.wait_for_publish(timeout_s)
            if not info.is_published():
                raise RuntimeError("the broker did not take the configuration in time")
    finally:
        client.disconnect()
        client.loop_stop()


@dataclass(frozen=True)
class Pusher:
    """What the web service pushes with (HQ approving a learned profile): HQ's key, and the publishing to
    the broker (`publish` with the service's broker settings)."""

    key: Callable[[], Ed25519PrivateKey]  # read when first needed: a service never asked to push makes none
    publish: Callable[[bytes, list[DeviceTopics]], None]


def push(
    sessions: sessionmaker[Session],
    broker: BrokerSettings,
    key: Ed25519PrivateKey,
    retailer: str,
    store_code: str,
    profile_path: Path | None,
    reparse: bool,
    by: str = "cli",
) -> Pushed:
    profile = None
    if profile_path is not None:
        try:
            profile = (profile_path.stem, profile_path.read_text(encoding="utf-8"))
        except OSError as e:
            raise ValueError(f"{profile_path}: {e.strerror}") from None
    with sessions() as s:
        if profile is None and (store := find_store(s, retailer, store_code)) is not None:
            profile = current_profile(s, store.id)
        row, targets = prepare(s, key, retailer, store_code, profile, reparse, by)
        if not targets:
            raise ValueError(f"store {store_code!r} has no enrolled boxes")
        # Published before the commit: a version that never reached the broker is not recorded as pushed.
        publish(broker, row.payload.encode(), targets)
        s.commit()
        return Pushed(row.version, [t.device for t in targets])
