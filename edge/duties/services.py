"""The agent's duties that run beside its loop, in threads of their own (the QR injector, the uplink, the
metrics endpoint): started in order, stopped in reverse order, and those started are stopped even when a
later one fails to start or an earlier one fails to stop."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Protocol


class Service(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


@contextlib.contextmanager
def started(services: Iterable[Service]) -> Iterator[None]:
    # ExitStack already unwinds in reverse and goes on past a failing callback (re-raising at the end).
    with contextlib.ExitStack() as running:
        for service in services:
            service.start()
            running.callback(service.stop)
        yield
