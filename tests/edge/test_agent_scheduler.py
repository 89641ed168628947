"""The agent's loop (edge/duties/scheduler.py) and its services (edge/duties/services.py), on a clock the
test moves: each duty when due and in order, the loop's pace from its duties, the watchdog pinged from the
loop itself; services started in order and stopped in reverse, also when one fails."""

from __future__ import annotations

import threading

import pytest

from edge.duties.scheduler import Scheduler
from edge.duties.services import started


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Duty:
    def __init__(self, name: str, ran: list[str], answer: float | None = None) -> None:
        self.name, self.ran, self.answer = name, ran, answer

    def run(self) -> float | None:
        self.ran.append(self.name)
        return self.answer


def test_each_duty_runs_when_due_in_the_order_added() -> None:
    clock, ran = Clock(), []
    loop = Scheduler(clock=clock)
    loop.each_pass(Duty("fleet", ran))
    loop.each_pass(Duty("spool", ran, answer=0.2))
    loop.every(600, Duty("retention", ran))
    loop.every(2, Duty("status", ran))
    loop.every(60, Duty("heartbeat", ran))
    loop.every(2, Duty("metrics", ran))

    def at(t: float) -> list[str]:
        clock.now = t
        ran.clear()
        loop.run_pass()
        return list(ran)

    everything = ["fleet", "spool", "retention", "status", "heartbeat", "metrics"]
    assert at(0) == everything  # the first pass runs them all
    assert at(1.9) == ["fleet", "spool"]
    assert at(2.5) == ["fleet", "spool", "status", "metrics"]  # same period: they stay together
    assert at(4.4) == ["fleet", "spool"]  # next due 2 s after they last ran (4.5), not on a grid
    assert at(60) == ["fleet", "spool", "status", "heartbeat", "metrics"]
    assert at(600) == everything


def test_the_loop_waits_the_least_its_duties_ask_or_until_the_next_is_due() -> None:
    clock, ran = Clock(), []
    loop = Scheduler(clock=clock)
    loop.every(2, Duty("status", ran))
    assert loop.run_pass() == 2.0  # nobody sets the pace: until the next duty is due
    clock.now = 0.5
    assert loop.run_pass() == 1.5
    paced = Scheduler(clock=clock)
    paced.each_pass(Duty("spool", ran, answer=5.0))  # the disk is full
    paced.each_pass(Duty("other", ran, answer=0.2))
    paced.every(2, Duty("status", ran))
    assert paced.run_pass() == 0.2


def test_the_watchdog_is_pinged_from_the_loop_so_a_hung_duty_stops_it() -> None:
    clock, ran = Clock(), []
    pings: list[float] = []

    class Hangs:
        def run(self) -> None:
            ran.append("hung")
            clock.now += 100  # a minute and more inside one duty: no ping meanwhile

    loop = Scheduler(lambda: pings.append(clock.now), ping_every_s=1.0, clock=clock)
    loop.each_pass(Hangs())
    loop.run_pass()
    assert pings == [0.0] and ran == ["hung"]
    loop.run_pass()  # the duty came back: the next pass pings again
    assert pings == [0.0, 100.0]
    clock.now = 100.5
    loop.run_pass()
    assert pings == [0.0, 100.0]  # not more often than asked


def test_the_loop_runs_until_stopped_and_a_failing_duty_stops_it() -> None:
    stop, ran = threading.Event(), []

    class StopsThird:
        def run(self) -> float:
            ran.append("x")
            if len(ran) == 3:
                stop.set()
            return 0.0

    loop = Scheduler()
    loop.each_pass(StopsThird())
    loop.run(stop)
    assert ran == ["x", "x", "x"]

    class Fails:
        def run(self) -> None:
            raise OSError("disk gone")

    failing = Scheduler()
    failing.each_pass(Fails())
    with pytest.raises(OSError, match="disk gone"):  # the agent exits; systemd starts it again
        failing.run(threading.Event())


class Service:
    def __init__(self, name: str, log: list[str], fails: str = "") -> None:
        self.name, self.log, self.fails = name, log, fails

    def start(self) -> None:
        if self.fails == "start":
            raise RuntimeError(f"{self.name} cannot start")
        self.log.append(f"start {self.name}")

    def stop(self) -> None:
        self.log.append(f"stop {self.name}")
        if self.fails == "stop":
            raise RuntimeError(f"{self.name} cannot stop")


def test_services_start_in_order_and_stop_in_reverse() -> None:
    log: list[str] = []
    with started([Service("metrics", log), Service("qr", log), Service("uplink", log)]):
        log.append("loop")
    assert log == [
        "start metrics",
        "start qr",
        "start uplink",
        "loop",
        "stop uplink",
        "stop qr",
        "stop metrics",
    ]


def test_services_started_are_stopped_when_a_later_one_fails_to_start() -> None:
    log: list[str] = []
    services = [Service("metrics", log), Service("qr", log, fails="start"), Service("uplink", log)]
    with pytest.raises(RuntimeError, match="qr cannot start"), started(services):
        log.append("loop")
    assert log == ["start metrics", "stop metrics"]


def test_a_service_that_fails_to_stop_does_not_keep_the_others_running() -> None:
    log: list[str] = []
    services = [Service("metrics", log), Service("qr", log, fails="stop"), Service("uplink", log)]
    with pytest.raises(RuntimeError, match="qr cannot stop"), started(services):
        pass
    assert log[3:] == ["stop uplink", "stop qr", "stop metrics"]
