"""The broker's side of enrolment: a box the cloud enrols is registered with the broker under its own
role, a revoked one is deleted there (which also drops its connection). Without TLS there are no
identities to register (a development broker on localhost)."""

from __future__ import annotations

from typing import Any

import sync.broker_admin as admin
from cloud_api.core.config import BrokerSettings
from sync.broker_admin import BrokerEndpoint
from sync.topics import DeviceTopics


def control_endpoint(broker: BrokerSettings) -> BrokerEndpoint | None:
    control = broker.control
    if control is None:
        return None
    host, port = broker.address
    ca, cert, key = control
    return BrokerEndpoint(host, port, ca, cert, key)


def registered(broker: BrokerSettings, commands: list[dict[str, Any]]) -> bool:
    """Run control commands (sync.broker_admin's *_commands) on the broker; False when it has no
    identities to keep (no TLS)."""
    endpoint = control_endpoint(broker)
    if endpoint is None:
        return False
    admin.run(endpoint, commands)
    return True


def admit_box(broker: BrokerSettings, where: DeviceTopics) -> bool:
    return registered(broker, admin.admit_box_commands(where))


def forget_box(broker: BrokerSettings, where: DeviceTopics) -> bool:
    return registered(broker, admin.forget_box_commands(where))


def admit_worker(broker: BrokerSettings, identity: str) -> bool:
    return registered(broker, admin.admit_worker_commands(identity))
