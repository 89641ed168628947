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
