"""The agent's link to the cloud: sync's publisher over this box's outbox, with the box's TLS identity
and signing key, draining in a thread of its own so the store never waits on the network."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.orm import Session, sessionmaker

from edge.signing import load_or_create_signing_key
from edge.store.outbox_port import StoreOutbox
from edge.store.sealing import BoxKey
from sync.mqtt_client import mqtt_client
from sync.publisher import Publisher, PublisherSettings
from sync.topics import DeviceTopics


@dataclass(frozen=True)
class UplinkSettings:
    broker: str  # mqtt://host:port (a local demo broker) or mqtts://host:port
    topics: DeviceTopics
    signing_key: Path
    tls: tuple[Path, Path, Path] | None = None  # (ca, cert, key)
    heartbeat_s: float = 60.0


log = logging.getLogger("tillbox.uplink")


class Uplink:
    def __init__(
        self,
        settings: UplinkSettings,
        sessions: sessionmaker[Session],
        key: BoxKey,
        on_config: Callable[[bytes], None] | None = None,
    ) -> None:
        url = urlsplit(settings.broker)
        self._host = url.hostname or "localhost"
        self._port = url.port or (8883 if url.scheme == "mqtts" else 1883)
        client = mqtt_client(settings.topics.device, settings.tls)
        self.publisher = Publisher(
            client,
            settings.topics,
            load_or_create_signing_key(settings.signing_key),
            StoreOutbox(sessions, key),
            PublisherSettings(),
        )
        self.publisher.on_config = on_config
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self.publisher.run, args=(self._stop,), name="uplink", daemon=True
        )

    def start(self) -> None:
        self.publisher.connect(self._host, self._port)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.publisher.close()
