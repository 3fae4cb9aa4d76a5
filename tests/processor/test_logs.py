"""The JSON log lines, and the filter that keeps a broker outage from burying them."""

from __future__ import annotations

import logging

import orjson

from processor.logs import JsonFormatter, RepeatedLines


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(msg: str) -> logging.LogRecord:
    return logging.LogRecord("pii.kafka", logging.ERROR, __file__, 1, msg, None, None)


def test_a_line_repeated_within_the_window_is_held_back_and_counted_on_the_next_one_let_through():
    clock = Clock()
    repeated = RepeatedLines(window_s=30.0, clock=clock)
    refused = "Connect to ipv4#127.0.0.1:9092 failed: Connection refused"
    passed = []
    for second in range(0, 70):
        clock.now = float(second)
        for _ in range(20):  # librdkafka's rate while the broker is down
            r = record(refused)
            if repeated.filter(r):
                passed.append((second, getattr(r, "fields", {})))
    assert passed == [(0, {}), (30, {"repeated": 599}), (60, {"repeated": 599})]


def test_other_lines_pass_while_one_is_held_back():
    repeated = RepeatedLines(window_s=30.0, clock=Clock())
    assert repeated.filter(record("broker 1 down"))
    assert not repeated.filter(record("broker 1 down"))
    assert repeated.filter(record("broker 2 down"))


def test_the_count_reaches_the_json_line():
    clock = Clock()
    repeated = RepeatedLines(window_s=1.0, clock=clock)
    repeated.filter(record("x"))
    repeated.filter(record("x"))
    clock.now = 2.0
    r = record("x")
    assert repeated.filter(r)
    assert orjson.loads(JsonFormatter().format(r))["repeated"] == 1


def test_memory_stays_bounded_by_lines_of_the_last_window():
    clock = Clock()
    repeated = RepeatedLines(window_s=1.0, clock=clock)
    for n in range(5 * RepeatedLines.MAX_KEPT):
        clock.now = n / 10
        repeated.filter(record(f"line {n}"))
    assert len(repeated._seen) <= RepeatedLines.MAX_KEPT
