"""Who may do what on the broker: Mosquitto's dynamic-security plugin, driven over its control topic.

Mosquitto's acl_file never checks a SUBSCRIBE (a box could join the ingest workers' shared subscription
and swallow other boxes' messages), and the plugin of Mosquitto 2.0 has no %u/%c patterns. So every
identity has its own role, naming its own topics literally, registered when the cloud enrols it and
deleted (which also disconnects it) when it is revoked:

    a box (CN = device id)    publishes its own tx/hb; subscribes to and receives its own ack/config
    an ingest worker          joins the shared subscription to every tx/hb; sends acks; its own probe
    the cloud's control       this module's commands and the configuration pushes (cloud_api.fleet_push)

Anything not granted is refused (the default access is "deny" for publishing both ways and for
subscribing). The listener also sets use_username_as_clientid, so each certificate connects under its
own common name as client id and no client can knock another off by taking its id.
"""

from __future__ import annotations

import json
import queue
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

from sync.mqtt_client import mqtt_client
from sync.topics import ROOT, DeviceTopics, cloud_subscription

CONTROL = "$CONTROL/dynamic-security/v1"
RESPONSES = CONTROL + "/response"
INGEST_GROUP = "tillbox-ingest-workers"  # the dynamic-security group every ingest worker is a member of
INGEST_ROLE = "tillbox-ingest"
CONTROL_ROLE = "tillbox-control"
PROBE_ROOT = "tillbox-ingest/probe"  # cloud_api.ingest: a worker's probe to itself

# Deleting what is not there is what a re-registration or a second revocation does: not an error.
_ABSENT = ("Client not found", "Role not found", "Group not found")


class BrokerAdminError(RuntimeError):
    """The broker refused a command or did not answer; the message says which and why."""


def _acl(kind: str, topic: str) -> dict[str, Any]:
    return {"acltype": kind, "topic": topic, "allow": True, "priority": 0}


def box_role(where: DeviceTopics) -> str:
    return f"box:{where.device}"


def box_acls(where: DeviceTopics) -> list[dict[str, Any]]:
    return [
        _acl("publishClientSend", where.tx),
        _acl("publishClientSend", where.hb),  # the last will goes there too
        _acl("subscribeLiteral", where.ack),
        _acl("subscribeLiteral", where.config),
        _acl("publishClientReceive", where.ack),
        _acl("publishClientReceive", where.config),
    ]


def ingest_acls(share_group: str) -> list[dict[str, Any]]:
    acls = []
    for leaf in ("tx", "hb"):
        acls.append(_acl("subscribeLiteral", cloud_subscription(leaf, share_group)))
        acls.append(_acl("publishClientReceive", f"{ROOT}/+/+/+/{leaf}"))
    acls.append(_acl("publishClientSend", f"{ROOT}/+/+/+/ack"))
    for kind in ("subscribePattern", "publishClientSend", "publishClientReceive"):
        acls.append(_acl(kind, PROBE_ROOT + "/#"))
    return acls


def control_acls() -> list[dict[str, Any]]:
    return [
        _acl("publishClientSend", CONTROL),
        _acl("subscribeLiteral", RESPONSES),
        _acl("publishClientReceive", RESPONSES),
        _acl("publishClientSend", f"{ROOT}/+/+/+/config"),
    ]


def initial_config(control_identity: str, share_group: str) -> dict[str, Any]:
    """The plugin's file for a new broker: the control identity, the ingest group, no boxes yet."""
    return {
        "defaultACLAccess": [
            {"acltype": "publishClientSend", "allow": False},
            {"acltype": "publishClientReceive", "allow": False},
            {"acltype": "subscribe", "allow": False},
            {"acltype": "unsubscribe", "allow": True},
        ],
        "clients": [{"username": control_identity, "roles": [{"rolename": CONTROL_ROLE}]}],
        "groups": [{"groupname": INGEST_GROUP, "roles": [{"rolename": INGEST_ROLE}]}],
        "roles": [
            {"rolename": CONTROL_ROLE, "acls": control_acls()},
            {"rolename": INGEST_ROLE, "acls": ingest_acls(share_group)},
        ],
    }


def admit_box_commands(where: DeviceTopics) -> list[dict[str, Any]]:
    return [
        *forget_box_commands(where),
        {"command": "createRole", "rolename": box_role(where), "acls": box_acls(where)},
        {"command": "createClient", "username": where.device, "roles": [{"rolename": box_role(where)}]},
    ]


def forget_box_commands(where: DeviceTopics) -> list[dict[str, Any]]:
    return [
        {"command": "deleteClient", "username": where.device},
        {"command": "deleteRole", "rolename": box_role(where)},
    ]


def admit_worker_commands(identity: str) -> list[dict[str, Any]]:
    return [
        {"command": "deleteClient", "username": identity},
        {"command": "createClient", "username": identity, "groups": [{"groupname": INGEST_GROUP}]},
    ]


@dataclass(frozen=True)
class BrokerEndpoint:
    """Where the broker listens and the certificate to speak to it with."""

    host: str
    port: int
    ca: Path
    cert: Path
    key: Path

    def client(self, manual_ack: bool = False) -> mqtt.Client:
        # The broker sets the client id to the certificate's common name; this one only names the
        # connection in paho's own logs.
        return mqtt_client(f"tillbox-{secrets.token_hex(8)}", (self.ca, self.cert, self.key), manual_ack)


def run(endpoint: BrokerEndpoint, commands: list[dict[str, Any]], timeout_s: float = 10.0) -> None:
    """Send `commands` in one control message and wait for every answer; raise on the first refusal
    (deleting something already gone is not one)."""
    tagged = [{**c, "correlationData": f"{i}-{secrets.token_hex(6)}"} for i, c in enumerate(commands)]
    wanted = {c["correlationData"]: c for c in tagged}
    answers: queue.Queue[dict[str, Any] | str] = queue.Queue()
    client = endpoint.client()

    def on_connect(c: mqtt.Client, userdata: object, flags: object, rc: Any, props: object) -> None:
        if rc.is_failure:
            answers.put(f"the broker refused the control identity: {rc}")
            return
        c.subscribe(RESPONSES, qos=1)

    def on_subscribe(c: mqtt.Client, userdata: object, mid: int, rcs: list[Any], props: object) -> None:
        if rcs[0].is_failure:
            answers.put(f"the broker refused the control identity its responses: {rcs[0]}")
            return
        c.publish(CONTROL, json.dumps({"commands": tagged}), qos=1)

    def on_message(c: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        try:
            for answer in json.loads(msg.payload).get("responses", []):
                if answer.get("correlationData") in wanted:
                    answers.put(answer)
        except (ValueError, AttributeError):
            pass  # another admin's answer, or not one at all: not ours

    client.on_connect, client.on_subscribe, client.on_message = on_connect, on_subscribe, on_message
    try:
        client.connect(endpoint.host, endpoint.port)
    except OSError as e:
        raise BrokerAdminError(f"broker {endpoint.host}:{endpoint.port}: {e}") from None
    client.loop_start()
    try:
        pending = set(wanted)
        while pending:
            try:
                answer = answers.get(timeout=timeout_s)
            except queue.Empty:
                raise BrokerAdminError(
                    f"broker {endpoint.host}:{endpoint.port} did not answer its control commands "
                    f"within {timeout_s:g} s (is the dynamic-security plugin loaded?)"
                ) from None
            if isinstance(answer, str):
                raise BrokerAdminError(answer)
            pending.discard(answer["correlationData"])
            error = answer.get("error")
            if error and error not in _ABSENT:
                sent = wanted[answer["correlationData"]]
                raise BrokerAdminError(f"broker refused {sent['command']}: {error}")
    finally:
        client.disconnect()
        client.loop_stop()
