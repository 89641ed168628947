"""A real Mosquitto for a test: the shipped configuration (TLS, client certificates, ACL) on a free port."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hardware_tests.ports import free_port
from sync.broker_config import write_broker
from sync.broker_process import MosquittoProcess, mosquitto_binary

Broker = MosquittoProcess


@contextmanager
def running_broker(directory: Path, persistence: bool = False) -> Iterator[Broker]:
    try:
        mosquitto_binary()
    except RuntimeError as e:
        pytest.fail(str(e))
    port = free_port()
    broker = MosquittoProcess(write_broker(directory, port, persistence=persistence), port).start()
    try:
        yield broker
    finally:
        broker.kill(signal.SIGTERM)
