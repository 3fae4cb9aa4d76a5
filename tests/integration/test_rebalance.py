"""A second worker joins mid-stream: partitions move while a transaction may be committing on
the helper thread, and still every event comes out exactly once."""

from __future__ import annotations

import threading
import time

import orjson
import pytest
from confluent_kafka import Producer

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import RunningService, consume_all, make_partner_setup

pytestmark = pytest.mark.integration
N = 6000


def start(setup, instance: str) -> RunningService:
    return RunningService(setup.config_path, setup.env, "--instance", instance, "--stop-when-idle", "6")


def stats(stderr: str) -> dict:
    return orjson.loads(next(line for line in reversed(stderr.splitlines()) if '"service stopped"' in line))


def holds_input(service: RunningService, topic: str) -> bool:
    """The worker logged an assignment that includes a partition of `topic`."""
    return any('"partitions assigned"' in line and f'"{topic}[' in line for line in service.log)


def produce_until(bootstrap: str, topic: str, values: list[bytes], joined: threading.Event, give_up_s: float) -> threading.Thread:
    """Events arrive steadily; once half are out and `joined` is not yet set they only trickle
    (one every quarter second: the first worker must not stop as idle), so the join always
    lands while there is work left to share, however slowly the second worker starts. After
    `give_up_s` without a join the rest goes anyway and the test fails on its assertions."""

    def run() -> None:
        producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True})
        sent, deadline = 0, time.monotonic() + give_up_s
        while sent < len(values):
            waiting = sent >= len(values) // 2 and not joined.is_set() and time.monotonic() < deadline
            step = 1 if waiting else 25
            for value in values[sent : sent + step]:
                producer.produce(topic, value)
            sent += step
            producer.poll(0)
            time.sleep(0.25 if waiting else 0.05)
        assert producer.flush(30) == 0

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_worker_joining_mid_stream_neither_loses_nor_duplicates(kafka_bootstrap, tmp_path):
    setup = make_partner_setup(kafka_bootstrap, tmp_path, batch_size=25)
    kind = BuiltinStream.CALL_RECORDS
    input_topic = setup.config.streams[kind].input_topic
    topics = [setup.config.streams[kind].output_topic, *(p.topic(kind) for p in setup.config.partners if kind in p.streams)]

    first = start(setup, "a")
    second = None
    try:
        first.wait_until_assigned()
        joined = threading.Event()
        feeder = produce_until(kafka_bootstrap, input_topic, [orjson.dumps(g.event) for g in generate(kind, N, seed=77)], joined, give_up_s=180)
        time.sleep(1.0)
        second = start(setup, "b")
        deadline = time.monotonic() + 180
        while not holds_input(second, input_topic) and second.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        joined.set()
        feeder.join()
        codes = first.proc.wait(timeout=300), second.proc.wait(timeout=300)
    finally:
        for service in (first, second):
            if service is not None:
                service.close()
    out_first, out_second = first.said, second.said
    assert codes == (0, 0), (out_first[-1500:], out_second[-1500:])

    # The join must have moved partitions while events were flowing, or this proves nothing.
    assert holds_input(second, input_topic), out_second[-1500:]
    consumed = [sum(stats(err)["consumed"].values()) for err in (out_first, out_second)]
    assert all(n > 0 for n in consumed), consumed
    assert sum(consumed) >= N

    got = consume_all(kafka_bootstrap, topics, expected=N * len(topics), timeout_s=120)
    for topic in topics:
        ids = [orjson.loads(m.value())["event_id"] for m in got[topic]]
        assert len(ids) == N and len(set(ids)) == N, f"{topic}: {len(ids)} results, {len(set(ids))} distinct, for {N} events"
