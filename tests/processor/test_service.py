"""The service's pure parts; the service itself runs against a real broker in tests/integration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from processor.service import OutageWatchdog

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def watchdog(since: list[float | None], clock: Clock, ended: list[float]) -> OutageWatchdog:
    return OutageWatchdog("127.0.0.1:9092", limit_s=60.0, unreachable_since=lambda: since[0], clock=clock, end=ended.append)


def test_the_watchdog_leaves_a_reachable_broker_and_a_short_outage_alone():
    clock, since, ended = Clock(), [None], []
    dog = watchdog(since, clock, ended)
    assert not dog.check()
    since[0] = clock.now
    clock.now += 59.0
    assert not dog.check()
    assert ended == []


def test_the_watchdog_ends_the_process_once_the_outage_outlasts_its_limit():
    clock, since, ended = Clock(), [100.0], []
    dog = watchdog(since, clock, ended)
    clock.now = 161.0
    assert dog.check()
    assert ended == [61.0]


def test_an_outage_that_ended_resets_the_watchdog():
    clock, since, ended = Clock(), [100.0], []
    dog = watchdog(since, clock, ended)
    clock.now = 150.0
    assert not dog.check()
    since[0] = None  # the broker answered
    clock.now = 400.0
    assert not dog.check()
    since[0] = 390.0  # a second, short outage
    assert not dog.check()


def test_the_watchdog_thread_acts_on_its_own_and_stops_when_told():
    clock, since, ended = Clock(), [0.0], []
    dog = OutageWatchdog("b:9092", limit_s=1.0, unreachable_since=lambda: since[0], clock=clock, end=ended.append, every_s=0.01)
    dog.start()
    dog._thread.join(timeout=5)
    assert ended == [100.0]
    calm = OutageWatchdog("b:9092", limit_s=1.0, unreachable_since=lambda: None, every_s=0.01)
    calm.start()
    calm.stop()
    calm._thread.join(timeout=5)
    assert not calm._thread.is_alive()


def test_ending_the_process_names_the_broker_and_prints_every_thread(tmp_path):
    script = "from processor.service import OutageWatchdog\nOutageWatchdog('10.0.0.7:9092', 1.0, lambda: 0.0)._end_process(331.0)\nprint('still here')"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1
    assert "still here" not in done.stdout
    assert "lost the Kafka broker at 10.0.0.7:9092 and could not get it back in 331 s" in done.stderr
    assert "the watchdog ended it" in done.stderr and "Current thread" in done.stderr
