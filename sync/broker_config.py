"""The shipped broker configuration (sync/broker/), made concrete for one broker: its own CA, server
certificate, ACL, data directory and port. Used by the tests and the demo to start a real Mosquitto."""

from __future__ import annotations

import getpass
import shutil
from dataclasses import dataclass
from pathlib import Path

from sync.pki import Issued, issue, make_ca

SHIPPED = Path(__file__).resolve().parent / "broker"


@dataclass(frozen=True)
class BrokerFiles:
    conf: Path
    ca: Issued
    ca_path: Path
    directory: Path

    def client(self, common_name: str) -> tuple[Path, Path]:
        """(key, certificate) files for a box or a cloud worker called `common_name`."""
        return issue(self.ca, common_name).write(self.directory / "clients", common_name)


def write_broker(
    directory: Path, port: int, host: str = "127.0.0.1", persistence: bool = False
) -> BrokerFiles:
    directory.mkdir(parents=True, exist_ok=True)
    ca = make_ca("tillbox-test")
    _, ca_path = ca.write(directory, "ca")
    key, cert = issue(ca, "broker", server=True, hosts=(host, "localhost")).write(directory, "broker")
    acl = directory / "acl"
    shutil.copyfile(SHIPPED / "acl", acl)
    data = directory / "data"
    data.mkdir(exist_ok=True)
    text = (SHIPPED / "mosquitto.conf").read_text()
    for name, value in {
        "acl": acl,
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
    return BrokerFiles(conf, ca, ca_path, directory)
