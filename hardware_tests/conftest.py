"""Fixtures for the line tests: real pseudo-terminal pairs (socat), real TCP sockets, the real bridge as
a subprocess (so it can be killed and restarted), and real devices when the environment names them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from edge.escpos.printer_profile import PrinterProfile
from firmware_bridge.links import open_endpoint
from hardware_tests.ports import free_port
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator

REPO = Path(__file__).resolve().parents[1]


class SocatPair:
    """Two linked pseudo-terminals: what one end writes, the other reads, as over a null-modem cable."""

    def __init__(self, directory: Path, name: str) -> None:
        if shutil.which("socat") is None:
            pytest.fail(
                "socat is not installed: run ./scripts/setup.sh (it installs it) or apt-get install socat"
            )
        self.a = directory / f"{name}-a"
        self.b = directory / f"{name}-b"
        self.proc = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while not (self.a.exists() and self.b.exists()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("socat did not create the pty pair")
            time.sleep(0.01)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


_SOCKET_ACTIVATE = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); "
    "os.environ.update(LISTEN_FDS='1', LISTEN_PID=str(os.getpid())); os.execv(sys.argv[2], sys.argv[2:])"
)


@dataclass
class BridgeProcess:
    """`tillbox bridge` as its own process, started and stopped the way systemd would."""

    pos_url: str
    printer_url: str
    spool: Path
    extra: list[str] = field(default_factory=list)
    listener: socket.socket | None = None  # held by the test as systemd holds a .socket unit's
    proc: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    def start(self) -> BridgeProcess:
        self.log = self.spool.parent / f"bridge-{time.monotonic_ns()}.log"
        notify_path = self.spool.parent / f"notify-{time.monotonic_ns()}.sock"
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(str(notify_path))
        env = {**os.environ, "NOTIFY_SOCKET": str(notify_path)}
        cmd = [sys.executable, "-m", "edge", "bridge", "--pos", self.pos_url, "--printer", self.printer_url]
        cmd += ["--spool", str(self.spool), "--idle-gap", "0.5", *self.extra]
        fds: tuple[int, ...] = ()
        if self.listener is not None:
            # Socket activation as systemd does it: the listening socket as fd 3, LISTEN_PID = our pid.
            fd = self.listener.fileno()
            fds = (fd,)
            cmd = [sys.executable, "-c", _SOCKET_ACTIVATE, str(fd), *cmd]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stderr=log, stdout=log, env=env, cwd=REPO, pass_fds=fds)
        notify.settimeout(15)
        try:
            while True:
                msg = notify.recv(4096)
                if b"READY=1" in msg:
                    break
        except TimeoutError:
            raise RuntimeError(f"bridge did not become ready:\n{self.log.read_text()}") from None
        finally:
            notify.close()
            notify_path.unlink()
        return self

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)
        self.proc.wait(15)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.signal(signal.SIGTERM)

    def output(self) -> str:
        return self.log.read_text() if self.log else ""


@dataclass
class Line:
    """One way of wiring till, bridge and printer: the URLs each party uses."""

    kind: str
    pos_sim_url: str  # where the simulated POS writes
    bridge_pos_url: str  # where the bridge reads the POS
    bridge_printer_url: str  # where the bridge writes the printer
    printer_sim_url: str  # where the simulated printer listens
    tmp: Path
    pos_listener: socket.socket | None = None

    def printer(self, idle_gap_s: float = 0.5, paper: PrinterProfile | None = None) -> PrinterSimulator:
        ep = open_endpoint(self.printer_sim_url)
        if hasattr(ep, "bind"):
            ep.bind()
        return PrinterSimulator(ep, self.tmp / "printed", idle_gap_s, paper).start()

    def bridge(self, *extra: str) -> BridgeProcess:
        return BridgeProcess(
            self.bridge_pos_url, self.bridge_printer_url, self.tmp / "spool", list(extra), self.pos_listener
        ).start()

    def pos(self, **kwargs: object) -> PosSimulator:
        return PosSimulator(open_endpoint(self.pos_sim_url), **kwargs)  # type: ignore[arg-type]


def _hw_pairs() -> tuple[list[str], list[str]] | None:
    pos, printer = os.environ.get("TILLBOX_HW_POS"), os.environ.get("TILLBOX_HW_PRINTER")
    if not pos or not printer:
        return None
    return pos.split(","), printer.split(",")


LINE_KINDS = ["pty", "tcp", "hw"]


@pytest.fixture(params=LINE_KINDS)
def line(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Line]:
    kind = request.param
    pairs: list[SocatPair] = []
    if kind == "pty":
        pos_pair, prn_pair = SocatPair(tmp_path, "pos"), SocatPair(tmp_path, "prn")
        pairs = [pos_pair, prn_pair]
        line = Line(
            kind,
            f"serial://{pos_pair.a}",
            f"serial://{pos_pair.b}",
            f"serial://{prn_pair.a}",
            f"serial://{prn_pair.b}",
            tmp_path,
        )
    elif kind == "tcp":
        listener = socket.create_server(("127.0.0.1", 0))
        bp, pp = listener.getsockname()[1], free_port()
        line = Line(
            kind,
            f"tcp://127.0.0.1:{bp}",
            f"tcp-listen://127.0.0.1:{bp}",
            f"tcp://127.0.0.1:{pp}",
            f"tcp-listen://127.0.0.1:{pp}",
            tmp_path,
            listener,
        )
    else:
        hw = _hw_pairs()
        if hw is None:
            pytest.skip(
                "no real devices: set TILLBOX_HW_POS=SIM_URL,BRIDGE_URL and "
                "TILLBOX_HW_PRINTER=BRIDGE_URL,SIM_URL (two null-modem cables)"
            )
        (pos_sim, bridge_pos), (bridge_prn, prn_sim) = hw
        line = Line(kind, pos_sim, bridge_pos, bridge_prn, prn_sim, tmp_path)
    try:
        yield line
    finally:
        for p in pairs:
            p.close()
        if line.pos_listener is not None:
            line.pos_listener.close()


@dataclass
class Agent:
    """The real agent (edge.agent.run_agent) in a thread: spool in, store out, QR blocks on its socket."""

    spool: Path
    db: Path
    sock: Path
    thread: threading.Thread
    stop: threading.Event

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)


def start_agent(tmp: Path, paper: PrinterProfile, qr_url: str) -> Agent:
    from edge.agent import AgentSettings, run_agent
    from edge.store.records import ParseSettings

    spool, db, sock = tmp / "spool", tmp / "box.db", tmp / "inject.sock"
    spool.mkdir(exist_ok=True)
    settings = AgentSettings(
        spool=spool,
        db=db,
        key=tmp / "box.key",
        parse=ParseSettings(printer=paper),
        inject_socket=sock,
        qr_url=qr_url,
        poll_s=0.05,
    )
    stop = threading.Event()
    thread = threading.Thread(target=run_agent, args=(settings, stop), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not sock.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return Agent(spool, db, sock, thread, stop)


def run_in_thread(fn: object, *args: object) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []

    def target() -> None:
        result.append(fn(*args))  # type: ignore[operator]

    t = threading.Thread(target=target, daemon=True)
    t.start()
    return t, result
