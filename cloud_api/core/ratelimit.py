"""Per-client limits on failed lookups, so receipt tokens cannot be enumerated from one address.

In memory, per process: each HTTP worker counts its own clients (behind a load balancer that spreads one
client over N workers the limit is N times looser; a shared store is the next step when that matters).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class MissLimiter:
    limit: int = 20  # failed lookups per client per window
    window_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _misses: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, client: str, now: float) -> deque[float]:
        q = self._misses.setdefault(client, deque())
        while q and now - q[0] > self.window_s:
            q.popleft()
        return q

    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client, self.clock())) >= self.limit

    def miss(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(client, now).append(now)
            if len(self._misses) > 100_000:  # many clients: forget the quiet ones
                for c in [c for c, q in self._misses.items() if not q or now - q[-1] > self.window_s]:
                    del self._misses[c]
