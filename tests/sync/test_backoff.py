"""Reconnect delays grow to the cap, stay within the upper half of each step, differ between boxes,
and start again from the floor after a good connection."""

from __future__ import annotations

import random

import pytest

from sync.backoff import Backoff


def test_delays_grow_to_the_cap_within_the_upper_half_of_each_step() -> None:
    b = Backoff(1.0, 60.0, random.Random(1))
    delays = [b.next() for _ in range(12)]
    steps = [min(60.0, 2.0**n) for n in range(12)]
    assert all(step / 2 <= d <= step for d, step in zip(delays, steps, strict=True))
    assert max(delays[-4:]) <= 60.0 and min(delays[-4:]) >= 30.0


def test_boxes_do_not_retry_in_lockstep() -> None:
    # A fleet that lost its broker together: the fifth retry of 200 boxes spreads over the step.
    def fifth_delay(box: int) -> float:
        b = Backoff(1.0, 60.0, random.Random(box))
        return [b.next() for _ in range(5)][-1]

    fifth = sorted(fifth_delay(box) for box in range(200))
    assert fifth[0] >= 8.0 and fifth[-1] <= 16.0
    assert fifth[-1] - fifth[0] > 6.0  # spread over most of [8, 16]
    assert len({round(d, 3) for d in fifth}) > 190


def test_reset_starts_again_from_the_floor() -> None:
    b = Backoff(1.0, 60.0, random.Random(2))
    for _ in range(8):
        b.next()
    b.reset()
    assert 0.5 <= b.next() <= 1.0


def test_nonsense_bounds_are_refused() -> None:
    with pytest.raises(ValueError, match="floor"):
        Backoff(0.0, 10.0)
    with pytest.raises(ValueError, match="floor"):
        Backoff(5.0, 1.0)
