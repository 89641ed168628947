"""A Mosquitto process with the shipped configuration, for tests, benchmarks and the demo."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

import sync.broker_admin as admin
from sync.broker_config import BrokerFiles
from sync.mqtt_client import mqtt_client
from sync.topics import DeviceTopics


def mosquitto_binary() -> str:
    found = shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
    )
    if found is None:
        raise RuntimeError(
            "mosquitto is not installed: run ./scripts/setup.sh (apt-get install -y mosquitto)"
        )
    return found


@dataclass
class MosquittoProcess:
    files: BrokerFiles
    port: int
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> MosquittoProcess:
        self.proc = subprocess.Popen([mosquitto_binary(), "-c", str(self.files.conf)], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                    raise RuntimeError(f"mosquitto exited: {err}\n{self.log()}") from None
                time.sleep(0.05)
        raise RuntimeError(f"mosquitto did not listen on {self.port}\n{self.log()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(10)

    def log(self) -> str:
        path = self.files.directory / "data" / "mosquitto.log"
        return path.read_text() if path.exists() else ""

    def admit_box(self, where: DeviceTopics) -> None:
        """Register a box as the cloud's enrolment does: it may then speak for itself, and only that."""
        admin.run(self.files.control(), admin.admit_box_commands(where))

    def forget_box(self, where: DeviceTopics) -> None:
        admin.run(self.files.control(), admin.forget_box_commands(where))

    def admit_worker(self, name: str) -> None:
        """Register an ingest worker's certificate name (each worker has its own)."""
        admin.run(self.files.control(), admin.admit_worker_commands(name))

    def client(self, name: str, client_id: str | None = None, **kw: Any) -> mqtt.Client:
        """An MQTT 5 client with a certificate for `name` (its user name and, on this broker, its client
        id whatever `client_id` says), not yet connected."""
        key, cert = self.files.client(name)
        return mqtt_client(client_id or name, (self.files.ca_path, cert, key), **kw)
