"""The agent's one loop: its duties, each when due, in the order they were added, on one thread.

A pass runs every duty added with `each_pass`, then each periodic one whose time has come (all measured
against one clock reading, taken at the first of them, so duties of the same period stay together). A
duty may answer how long the loop may wait before the next pass (taking jobs from the spool does: not at
all while jobs come, a poll interval when idle, longer when the disk is full); the loop waits the least
of the answers, or until the next periodic duty is due when none answers.

The systemd watchdog is pinged from the loop itself, at the start of a pass, never from a thread of its
own: a duty that hangs stops the pings, and systemd restarts the agent."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class Duty(Protocol):
    def run(self) -> float | None:
        """Do the duty once; optionally, the longest the loop may wait before its next pass."""
        ...


@dataclass
class _Entry:
    duty: Duty
    every_s: float | None  # None: each pass
    due: float = 0.0  # (monotonic) the first pass runs every duty


class Scheduler:
    def __init__(
        self,
        ping: Callable[[], None] = lambda: None,
        ping_every_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ping, self._ping_every_s, self._clock = ping, ping_every_s, clock
        self._next_ping = 0.0
        self._entries: list[_Entry] = []

    def each_pass(self, duty: Duty) -> None:
        self._entries.append(_Entry(duty, None))

    def every(self, seconds: float, duty: Duty) -> None:
        self._entries.append(_Entry(duty, seconds))

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            wait = self.run_pass()
            if wait > 0:
                stop.wait(wait)

    def run_pass(self) -> float:
        """One pass; the time to wait before the next."""
        if self._clock() >= self._next_ping:
            self._ping()
            self._next_ping = self._clock() + self._ping_every_s
        answers: list[float] = []
        now: float | None = None
        for entry in self._entries:
            if entry.every_s is not None:
                now = self._clock() if now is None else now
                if now < entry.due:
                    continue
                entry.due = now + entry.every_s
            answer = entry.duty.run()
            if answer is not None:
                answers.append(answer)
        if answers:
            return min(answers)
        periodic = [e.due for e in self._entries if e.every_s is not None]
        return max(0.0, min(periodic) - self._clock()) if periodic else 0.0
