"""The services of the whole-system demo, each a real process: a Mosquitto with the shipped TLS/ACL
configuration, the cloud (`tillbox-cloud serve` and `ingest` on SQLite), and one enrolled box per store
(`tillbox bridge` and `tillbox agent` from one box.toml, with the store's printer profile and currency).
`hardware_tests.demo` drives them with the simulators; the end-to-end and fleet tests use one box."""

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
from cloud_api.crud.stores import StoreChanges, set_store
from cloud_api.crud.users import add_user
from cloud_api.fleet_push import config_key
from cloud_api.migrate import upgrade
from edge.signing import load_or_create_signing_key, public_key_text
from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess
from sync.topics import DeviceTopics

REPO = Path(__file__).resolve().parents[1]
RETAILER, STORE, DEVICE = "demo", "s1", "s1-till1"
HQ_USER = "hq@demo.tillbox"


@dataclass
class Box:
    """One store's box: its store as HQ knows it, its printer, and the two links."""

    store: str = STORE
    device: str = DEVICE
    store_name: str | None = None  # set at HQ (`tillbox-cloud stores set`) with the time zone
    timezone: str = "UTC"
    currency: str | None = None  # box.toml [box] currency, and the store's at HQ
    printer_profile: str = "chinese-80mm"
    printer_port: int = 0  # the printer simulator's, when the bridge reaches it over TCP
    bridge_port: int = field(default_factory=free_port)
    # By default the till connects to the bridge over TCP and the bridge to the printer simulator's TCP
    # port; tests wire pty pairs here instead.
    pos_link: str | None = None
    printer_link: str | None = None
    parser_profile: Path | None = None  # the box's configured POS profile (HQ may push another)
    # How long the bridge waits for the agent's QR block at a cut (None: the bridge's 30 ms). A test of
    # what is on the paper waits longer, so that a loaded machine does not make it a test of failing open.
    inject_deadline_ms: float | None = None


@dataclass
class Services:
    out: Path
    boxes: list[Box]
    web_port: int = field(default_factory=free_port)
    broker_port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(9))
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: list[IO[bytes]] = field(default_factory=list)
    broker: MosquittoProcess | None = None
    commands: dict[str, list[str]] = field(default_factory=dict)
    hq_key: str = ""  # HQ's config-signing public key, written into each box.toml
    database_url: str | None = None  # the cloud's database; None: SQLite under out/cloud (the demo's)

    @classmethod
    def one_box(
        cls,
        out: Path,
        printer_port: int,
        pos_link: str | None = None,
        printer_link: str | None = None,
        parser_profile: Path | None = None,
        inject_deadline_ms: float | None = None,
    ) -> Services:
        """The system with a single store and box (s1, s1-till1): what the tests drive."""
        box = Box(
            printer_port=printer_port,
            pos_link=pos_link,
            printer_link=printer_link,
            parser_profile=parser_profile,
            inject_deadline_ms=inject_deadline_ms,
        )
        return cls(out, [box])

    @property
    def box(self) -> Box:
        return self.boxes[0]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def cloud_db(self) -> str:
        return self.database_url or f"sqlite:///{self.out / 'cloud' / 'cloud.db'}"

    def box_dir(self, box: Box | None = None) -> Path:
        """A single box lives in out/box, several in out/boxes/DEVICE."""
        b = box or self.box
        return self.out / "box" if len(self.boxes) == 1 else self.out / "boxes" / b.device

    def box_db(self, box: Box | None = None) -> Path:
        return self.box_dir(box) / "box.db"

    def agent(self, box: Box | None = None) -> str:
        """The name of a box's agent process (for kill, restart, log)."""
        return "box-agent" if len(self.boxes) == 1 else f"{(box or self.box).device}-agent"

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

    def dead(self) -> list[str]:
        """The services that have exited."""
        return [name for name, p in self.procs.items() if p.poll() is not None]

    def start(self) -> Services:
        (self.out / "logs").mkdir(parents=True)
        self.broker = MosquittoProcess(write_broker(self.out / "broker", self.broker_port), self.broker_port)
        self.broker.start()
        cloud_toml = self._cloud()
        self._spawn(
            "cloud-serve", "cloud_api.cli", "--config", str(cloud_toml), "serve", "--port", str(self.web_port)
        )
        self._spawn("cloud-ingest", "cloud_api.cli", "--config", str(cloud_toml), "ingest")
        for box in self.boxes:
            box_toml = self._box(box)
            prefix = "box" if len(self.boxes) == 1 else box.device
            self._spawn(f"{prefix}-agent", "edge", "agent", "--config", str(box_toml))
            deadline = ["--inject-deadline-ms", str(box.inject_deadline_ms)] if box.inject_deadline_ms else []
            self._spawn(f"{prefix}-bridge", "edge", "bridge", "--config", str(box_toml), *deadline)
        self._wait_for_web()
        time.sleep(1.0)  # the agents' inject sockets and the ingest subscription
        return self

    def _cloud(self) -> Path:
        assert self.broker is not None
        cloud = self.out / "cloud"
        cloud.mkdir(parents=True)
        upgrade(self.cloud_db)
        engine = make_engine(self.cloud_db)
        with make_sessions(engine).begin() as s:
            for box in self.boxes:
                signing = load_or_create_signing_key(self.box_dir(box) / "signing.key")
                enroll(s, RETAILER, box.store, box.device, public_key_text(signing))
                self.broker.admit_box(DeviceTopics(RETAILER, box.store, box.device))
                changes = StoreChanges(box.store_name, box.timezone, None, box.currency)
                set_store(s, RETAILER, box.store, changes)
            add_user(s, HQ_USER, "HQ", "owner", RETAILER, [], self.password, datetime.now(UTC))
        engine.dispose()
        self.hq_key = public_key_text(config_key(cloud / "config.key"))
        self.broker.admit_worker("cloud-ingest-1")
        key, cert = self.broker.files.client("cloud-ingest-1")
        control = self.broker.files.control()
        path = cloud / "cloud.toml"
        path.write_text(
            f'retailer = "{RETAILER}"\n[database]\nurl = "{self.cloud_db}"\n'
            f'[secrets]\nfile = "{cloud / "secret.key"}"\nconfig_key = "{cloud / "config.key"}"\n'
            '[shoppers]\nregion = "CN"\n'
            f'[broker]\nurl = "mqtts://localhost:{self.broker_port}"\nca = "{self.broker.files.ca_path}"\n'
            f'cert = "{cert}"\nkey = "{key}"\n'
            f'control_cert = "{control.cert}"\ncontrol_key = "{control.key}"\n'
        )
        return path

    def _box(self, b: Box) -> Path:
        assert self.broker is not None
        box = self.box_dir(b)
        tls_key, cert = self.broker.files.client(b.device)
        path = box / "box.toml"
        path.write_text(
            "\n".join(
                [
                    "[box]",
                    f'device_id = "{b.device}"',
                    f'store_id = "{b.store}"',
                    'till_id = "till1"',
                    *([f'currency = "{b.currency}"'] if b.currency else []),
                    "[links]",
                    f'pos = "{b.pos_link or f"tcp-listen://127.0.0.1:{b.bridge_port}"}"',
                    f'printer = "{b.printer_link or f"tcp://127.0.0.1:{b.printer_port}"}"',
                    "[printer]",
                    f'profile = "{b.printer_profile}"',
                    *(["[parser]", f'profile = "{b.parser_profile}"'] if b.parser_profile else []),
                    "[qr]",
                    f'url_template = "{self.base_url}/r/{{token}}"',
                    "[paths]",
                    f'spool = "{box / "spool"}"',
                    f'db = "{box / "box.db"}"',
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
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.base_url}/openapi.json", timeout=1).close()
                return
            except OSError:
                dead = self.dead()
                if dead or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{dead or 'the web service'} did not start: see {self.out / 'logs'}"
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        # In stages: the bridges (each flushes its last job), the agents, the cloud, then the broker.
        bridges = [n for n in self.procs if n.endswith("-bridge")]
        agents = [n for n in self.procs if n.endswith("-agent")]
        for stage in (bridges, agents, ["cloud-ingest", "cloud-serve"]):
            running = [self.procs[n] for n in stage if n in self.procs and self.procs[n].poll() is None]
            for proc in running:
                proc.send_signal(signal.SIGTERM)
            for proc in running:
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        if self.broker is not None:
            self.broker.kill(signal.SIGTERM)
        for log in self.logs:
            log.close()
