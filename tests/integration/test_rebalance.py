"""A second worker joins mid-stream: partitions move while a transaction may be committing on
the helper thread, and still every event comes out exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import orjson
import pytest
from confluent_kafka import Producer

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import ROOT, consume_all, make_partner_setup

pytestmark = pytest.mark.integration
N = 6000


def start(setup, instance: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "processor.cli", "run", "--config", str(setup.config_path), "--instance", instance, "--stop-when-idle", "6"],
        env={**os.environ, **setup.env},
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )


def stats(stderr: str) -> dict:
    return orjson.loads(next(line for line in reversed(stderr.splitlines()) if '"service stopped"' in line))


def produce_steadily(bootstrap: str, topic: str, values: list[bytes], seconds: float) -> threading.Thread:
    """Events keep arriving for `seconds`, so the join lands while the first worker is busy."""

    def run() -> None:
        producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True})
        step = max(1, len(values) // int(seconds * 20))
        for i in range(0, len(values), step):
            for value in values[i : i + step]:
                producer.produce(topic, value)
            producer.poll(0)
            time.sleep(0.05)
        assert producer.flush(30) == 0

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_worker_joining_mid_stream_neither_loses_nor_duplicates(kafka_bootstrap, tmp_path):
    setup = make_partner_setup(kafka_bootstrap, tmp_path, batch_size=25)
    kind = BuiltinStream.CALL_RECORDS
    topics = [setup.config.streams[kind].output_topic, *(p.topic(kind) for p in setup.config.partners if kind in p.streams)]

    first = start(setup, "a")
    deadline = time.monotonic() + 120
    assert first.stderr is not None
    for line in first.stderr:
        if '"partitions assigned"' in line or time.monotonic() > deadline:
            break
    feeder = produce_steadily(kafka_bootstrap, setup.config.streams[kind].input_topic, [orjson.dumps(g.event) for g in generate(kind, N, seed=77)], 12)
    time.sleep(1.0)
    second = start(setup, "b")
    out_first, out_second = first.communicate(timeout=300)[1], second.communicate(timeout=300)[1]
    feeder.join()
    assert first.returncode == 0 and second.returncode == 0, (out_first[-1500:], out_second[-1500:])

    # The join must have moved partitions while events were flowing, or this proves nothing.
    consumed = [sum(stats(err)["consumed"].values()) for err in (out_first, out_second)]
    assert out_first.count('"partitions assigned"') >= 1 and all(n > 0 for n in consumed), consumed
    assert sum(consumed) >= N

    got = consume_all(kafka_bootstrap, topics, expected=N * len(topics), timeout_s=120)
    for topic in topics:
        ids = [orjson.loads(m.value())["event_id"] for m in got[topic]]
        assert len(ids) == N and len(set(ids)) == N, f"{topic}: {len(ids)} results, {len(set(ids))} distinct, for {N} events"
