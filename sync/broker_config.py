"""The shipped broker configuration (sync/broker/), made concrete for one broker: its own CA, server
certificate, dynamic-security file, data directory and port. Used by the tests and the demo to start a
real Mosquitto."""

from __future__ import annotations

import getpass
import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sync.broker_admin import BrokerEndpoint, initial_config
from sync.pki import Issued, issue, make_ca

SHIPPED = Path(__file__).resolve().parent / "broker"
CONTROL_IDENTITY = "cloud-control"  # the common name of the cloud's control certificate
_PLUGIN = "mosquitto_dynamic_security.so"


def dynsec_plugin() -> Path:
    """Where this machine's Mosquitto keeps its dynamic-security plugin (Debian: in package mosquitto)."""
    for pattern in (f"/usr/lib/*/{_PLUGIN}", f"/usr/lib/{_PLUGIN}", f"/usr/local/lib/{_PLUGIN}"):
        found = sorted(glob.glob(pattern))
        if found:
            return Path(found[0])
    raise RuntimeError(f"{_PLUGIN} not found: install Mosquitto 2 (apt-get install -y mosquitto)")


def write_dynsec_file(path: Path, control_identity: str, share_group: str = "tillbox-ingest") -> None:
    """The plugin's first file; refuses to overwrite one (it holds every enrolled box)."""
    with path.open("x", encoding="utf-8") as f:
        json.dump(initial_config(control_identity, share_group), f, indent=1)
    os.chmod(path, 0o600)


@dataclass(frozen=True)
class BrokerFiles:
    conf: Path
    ca: Issued
    ca_path: Path
    directory: Path
    host: str
    port: int

    def client(self, common_name: str) -> tuple[Path, Path]:
        """(key, certificate) files for a box or a cloud worker called `common_name`."""
        return issue(self.ca, common_name).write(self.directory / "clients", common_name)

    def control(self) -> BrokerEndpoint:
        """The cloud's control identity on this broker (registers boxes and ingest workers)."""
        key, cert = self.client(CONTROL_IDENTITY)
        return BrokerEndpoint("127.0.0.1", self.port, self.ca_path, cert, key)


def write_broker(
    directory: Path, port: int, host: str = "127.0.0.1", persistence: bool = False
) -> BrokerFiles:
    directory.mkdir(parents=True, exist_ok=True)
    ca = make_ca("tillbox-test")
    _, ca_path = ca.write(directory, "ca")
    key, cert = issue(ca, "broker", server=True, hosts=(host, "localhost")).write(directory, "broker")
    data = directory / "data"
    data.mkdir(exist_ok=True)
    dynsec = data / "dynamic-security.json"
    if not dynsec.exists():  # a restarted broker keeps who it knows
        write_dynsec_file(dynsec, CONTROL_IDENTITY)
    text = (SHIPPED / "mosquitto.conf").read_text()
    for name, value in {
        "dynsec_plugin": dynsec_plugin(),
        "persistence": "true" if persistence else "false",
        "data": data,
        "port": port,
        "host": host,
        "ca": ca_path,
        "cert": cert,
        "key": key,
        "user": getpass.getuser(),
    }.items():
        text = text.replace("{" + name + "}", str(value))
    conf = directory / "mosquitto.conf"
    conf.write_text(text)
    return BrokerFiles(conf, ca, ca_path, directory, host, port)
