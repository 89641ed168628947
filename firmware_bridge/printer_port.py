"""The printer side of the bridge: one link at a time, reconnected with backoff when it fails.

While the printer is away nothing is read from the POS (the caller is blocked in ``write``), so the POS
is held back by its own flow control or TCP window and its status queries go unanswered: it learns the
truth, that the printer is offline, instead of handing us bytes we could not deliver.
"""

from __future__ import annotations

import logging
import random
import threading
import time

from firmware_bridge.links import READ_TIMEOUT, Endpoint, Link, LinkError

log = logging.getLogger(__name__)


class Stopped(Exception):
    """The bridge is stopping; the operation was abandoned."""


class PrinterPort:
    def __init__(
        self,
        endpoint: Endpoint,
        stop: threading.Event,
        backoff_initial: float = 0.1,
        backoff_max: float = 5.0,
    ) -> None:
        self.endpoint = endpoint
        self.stop = stop
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self._link: Link | None = None
        self._cond = threading.Condition()
        self._connect_lock = threading.Lock()
        self.reconnects = 0
        self.connected_once = False
        # The watchdog forgives a pump that waits on the printer: a write it holds back, or reconnecting.
        self.in_write_since: float | None = None
        self.connecting = False

    @property
    def connected(self) -> bool:
        return self._link is not None

    def ensure_connected(self) -> Link:
        """Connect if not connected, retrying with exponential backoff and jitter until stopped."""
        link = self._link
        if link is not None:
            return link
        with self._connect_lock:
            if self._link is not None:
                return self._link
            self.connecting = True
            try:
                link = self._connect_with_backoff()
            finally:
                self.connecting = False
            with self._cond:
                self._link = link
                self._cond.notify_all()
            return link

    def _connect_with_backoff(self) -> Link:
        delay = self.backoff_initial
        attempt = 0
        while not self.stop.is_set():
            attempt += 1
            try:
                link = self.endpoint.open(self.stop)
            except LinkError as e:
                if attempt == 1 or attempt % 20 == 0:
                    log.warning("printer unreachable (attempt %d), retrying: %s", attempt, e)
                self.stop.wait(delay * random.uniform(0.8, 1.2))
                delay = min(delay * 2, self.backoff_max)
                continue
            if self.connected_once:
                self.reconnects += 1
                log.info("printer link back after %d attempt(s): %s", attempt, self.endpoint.url)
            self.connected_once = True
            return link
        raise Stopped

    def write(self, data: bytes) -> None:
        """Deliver all of ``data``, reconnecting as often as it takes. Raises Stopped on stop."""
        view = data
        while view:
            link = self.ensure_connected()
            self.in_write_since = time.monotonic()
            try:
                link.write(view)
                return
            except LinkError as e:
                # Bytes the failed link accepted are gone with it; the rest goes to the new link.
                view = view[e.sent :]
                self._drop(link, e)
                if self.stop.is_set():
                    raise Stopped from e
            finally:
                self.in_write_since = None

    def read(self, max_bytes: int) -> bytes:
        """Bytes from the printer, b"" on timeout or while disconnected (waits for a link meanwhile)."""
        link = self._link
        if link is None:
            with self._cond:
                self._cond.wait(READ_TIMEOUT)
            return b""
        try:
            return link.read(max_bytes)
        except LinkError as e:
            self._drop(link, e)
            return b""

    def disconnect(self) -> None:
        link = self._link
        if link is not None:
            with self._cond:
                self._link = None
            link.close()

    def _drop(self, link: Link, err: Exception) -> None:
        with self._cond:
            if self._link is not link:
                return
            self._link = None
        log.warning("printer link lost: %s", err)
        link.close()
