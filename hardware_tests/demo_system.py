"""The services of the whole-system demo, each a real process: a Mosquitto with the shipped TLS/ACL
configuration, the cloud (`tillbox-cloud serve` and `ingest` on SQLite), and one enrolled box (`tillbox
bridge` and `tillbox agent` from one box.toml). `hardware_tests.demo` drives them with the simulators."""

from __future__ import annotations

import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.users import add_user
from cloud_api.fleet_push import config_key
from cloud_api.migrate import upgrade
from edge.signing import load_or_create_signing_key, public_key_text
from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess

REPO = Path(__file__).resolve().parents[1]
RETAILER, STORE, DEVICE = "demo", "s1", "s1-till1"
HQ_USER = "hq@demo.tillbox"


@dataclass
class Services:
    out: Path
    printer_port: int
    web_port: int = field(default_factory=free_port)
    broker_port: int = field(default_factory=free_port)
    bridge_port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(9))
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: list[IO[bytes]] = field(default_factory=list)
    broker: MosquittoProcess | None = None
    # The box's two links; by default the till connects to the bridge over TCP and the bridge to the
    # printer simulator's TCP port. Tests wire pty pairs here instead.
    pos_link: str | None = None
    printer_link: str | None = None
    commands: dict[str, list[str]] = field(default_factory=dict)
    parser_profile: Path | None = None  # the box's configured POS profile (HQ may push another)
    hq_key: str = ""  # HQ's config-signing public key, written into box.toml

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def cloud_db(self) -> str:
        return f"sqlite:///{self.out / 'cloud' / 'cloud.db'}"

    @property
    def box_db(self) -> Path:
        return self.out / "box" / "box.db"

    def _spawn(self, name: str, *args: str) -> None:
        self.commands[name] = [sys.executable, "-m", *args]
        self.restart(name)

    def kill(self, name: str) -> None:
        """As a power cut or the OOM killer would: SIGKILL, no goodbye."""
        self.procs[name].kill()
        self.procs[name].wait(10)

    def restart(self, name: str) -> None:
        """(Re)start a service; its log file grows across restarts."""
        log = open(self.out / "logs" / f"{name}.log", "ab")  # noqa: SIM115 (open for the process's life)
        self.logs.append(log)
        self.procs[name] = subprocess.Popen(self.commands[name], cwd=REPO, stdout=log, stderr=log)

    def broker_down(self) -> None:
        assert self.broker is not None
        self.broker.kill()

    def broker_up(self) -> None:
        assert self.broker is not None
        self.broker.start()

    def log(self, name: str) -> str:
        return (self.out / "logs" / f"{name}.log").read_text(errors="replace")

    def start(self) -> Services:
        (self.out / "logs").mkdir(parents=True)
        self.broker = MosquittoProcess(write_broker(self.out / "broker", self.broker_port), self.broker_port)
        self.broker.start()
        cloud_toml = self._cloud()
        box_toml = self._box()
        self._spawn(
            "cloud-serve", "cloud_api.cli", "--config", str(cloud_toml), "serve", "--port", str(self.web_port)
        )
        self._spawn("cloud-ingest", "cloud_api.cli", "--config", str(cloud_toml), "ingest")
        self._spawn("box-agent", "edge", "agent", "--config", str(box_toml))
        self._spawn("box-bridge", "edge", "bridge", "--config", str(box_toml))
        self._wait_for_web()
        time.sleep(1.0)  # the agent's inject socket and the ingest subscription
        return self

    def _cloud(self) -> Path:
        assert self.broker is not None
        cloud = self.out / "cloud"
        cloud.mkdir(parents=True)
        upgrade(self.cloud_db)
        signing = load_or_create_signing_key(self.out / "box" / "signing.key")
        engine = make_engine(self.cloud_db)
        with make_sessions(engine).begin() as s:
            enroll(s, RETAILER, STORE, DEVICE, public_key_text(signing))
            add_user(s, HQ_USER, "HQ", "owner", RETAILER, [], self.password, datetime.now(UTC))
        engine.dispose()
        self.hq_key = public_key_text(config_key(cloud / "config.key"))
        key, cert = self.broker.files.client("cloud-ingest")
        path = cloud / "cloud.toml"
        path.write_text(
            f'retailer = "{RETAILER}"\n[database]\nurl = "{self.cloud_db}"\n'
            f'[secrets]\nfile = "{cloud / "secret.key"}"\nconfig_key = "{cloud / "config.key"}"\n'
            '[shoppers]\nregion = "CN"\n'
            f'[broker]\nurl = "mqtts://localhost:{self.broker_port}"\nca = "{self.broker.files.ca_path}"\n'
            f'cert = "{cert}"\nkey = "{key}"\n'
        )
        return path

    def _box(self) -> Path:
        assert self.broker is not None
        box = self.out / "box"
        tls_key, cert = self.broker.files.client(DEVICE)
        path = box / "box.toml"
        path.write_text(
            "\n".join(
                [
                    "[box]",
                    f'device_id = "{DEVICE}"',
                    f'store_id = "{STORE}"',
                    'till_id = "till1"',
                    "[links]",
                    f'pos = "{self.pos_link or f"tcp-listen://127.0.0.1:{self.bridge_port}"}"',
                    f'printer = "{self.printer_link or f"tcp://127.0.0.1:{self.printer_port}"}"',
                    "[printer]",
                    'profile = "chinese-80mm"',
                    *(["[parser]", f'profile = "{self.parser_profile}"'] if self.parser_profile else []),
                    "[qr]",
                    f'url_template = "{self.base_url}/r/{{token}}"',
                    "[paths]",
                    f'spool = "{box / "spool"}"',
                    f'db = "{self.box_db}"',
                    f'key = "{box / "box.key"}"',
                    f'signing_key = "{box / "signing.key"}"',
                    f'inject_socket = "{box / "inject.sock"}"',
                    f'status = "{box / "agent-status.json"}"',
                    "[cloud]",
                    f'broker = "mqtts://localhost:{self.broker_port}"',
                    f'retailer = "{RETAILER}"',
                    f'ca = "{self.broker.files.ca_path}"',
                    f'cert = "{cert}"',
                    f'tls_key = "{tls_key}"',
                    f'hq_key = "{self.hq_key}"',
                    "[metrics]",
                    "port = 0",
                ]
            )
            + "\n"
        )
        return path

    def _wait_for_web(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.base_url}/openapi.json", timeout=1).close()
                return
            except OSError:
                dead = [n for n, p in self.procs.items() if p.poll() is not None]
                if dead or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{dead or 'the web service'} did not start: see {self.out / 'logs'}"
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        # The box first (the bridge flushes the last job), then the cloud, then the broker.
        for name in ("box-bridge", "box-agent", "cloud-ingest", "cloud-serve"):
            proc = self.procs.get(name)
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        if self.broker is not None:
            self.broker.kill(signal.SIGTERM)
        for log in self.logs:
            log.close()
