"""Reconnect delays: exponential, capped, and jittered.

Hundreds of boxes lose the broker together when it restarts; without jitter they would all come back in
the same second, every time, and knock it over again. Each delay is drawn from the upper half of the
current exponential step ("equal jitter"), so a box never retries faster than half the floor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    floor_s: float = 1.0
    cap_s: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def __post_init__(self) -> None:
        if not 0 < self.floor_s <= self.cap_s:
            raise ValueError(f"backoff needs 0 < floor ({self.floor_s}) <= cap ({self.cap_s})")
        self._attempt = 0

    def next(self) -> float:
        step = min(self.cap_s, self.floor_s * 2**self._attempt)
        if step < self.cap_s:
            self._attempt += 1
        return self.rng.uniform(step / 2, step)

    def reset(self) -> None:
        """After a connection the broker accepted: the next outage starts again from the floor."""
        self._attempt = 0
