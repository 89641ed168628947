"""A real Mosquitto for a test: the shipped configuration (TLS, client certificates, dynamic-security
roles) on a free port, with the boxes and ingest workers the test names registered as enrolment would."""

from __future__ import annotations

import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess, mosquitto_binary
from sync.topics import DeviceTopics

Broker = MosquittoProcess


@contextmanager
def running_broker(
    directory: Path,
    persistence: bool = False,
    boxes: Iterable[DeviceTopics] = (),
    workers: Iterable[str] = (),
) -> Iterator[Broker]:
    try:
        mosquitto_binary()
    except RuntimeError as e:
        pytest.fail(str(e))
    port = free_port()
    broker = MosquittoProcess(write_broker(directory, port, persistence=persistence), port).start()
    try:
        for box in boxes:
            broker.admit_box(box)
        for worker in workers:
            broker.admit_worker(worker)
        yield broker
    finally:
        broker.kill(signal.SIGTERM)


def operator_config(
    broker: Broker, path: Path, db: str, certs: Path, port: int | None = None, control: bool = True
) -> list[str]:
    """A cloud.toml as an operator's for this broker (the database, the retailer CA for enrolment, the
    broker and its control identity) written to `path`; returns `--config PATH` for tillbox-cloud."""
    d = broker.files.directory
    text = (
        f'retailer = "acme"\n[database]\nurl = "{db}"\n'
        f'[enrolment]\nca_cert = "{d / "ca.crt"}"\nca_key = "{d / "ca.key"}"\nout = "{certs}"\n'
        f'[broker]\nurl = "mqtts://localhost:{port or broker.port}"\nca = "{d / "ca.crt"}"\n'
    )
    if control:
        c = broker.files.control()
        text += f'control_cert = "{c.cert}"\ncontrol_key = "{c.key}"\n'
    path.write_text(text)
    return ["--config", str(path)]
