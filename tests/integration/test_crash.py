"""kill -9 in the middle of a stream, several times: exactly-once, and still nothing leaks."""

from __future__ import annotations

import signal
import time

import orjson
import pytest

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import RunningService, consume_all, make_partner_setup, produce, run_service

pytestmark = pytest.mark.integration
# Enough events that three short lives cannot finish them: the kills must land mid-stream.
N = 6000
KILLS = 3


def test_crashes_neither_lose_nor_duplicate_nor_leak(kafka_bootstrap, tmp_path):
    setup = make_partner_setup(kafka_bootstrap, tmp_path, batch_size=25)
    kind = BuiltinStream.CALL_RECORDS
    events = generate(kind, N, seed=1234)
    produce(kafka_bootstrap, setup.config.streams[kind].input_topic, [orjson.dumps(g.event) for g in events])
    redacted = setup.config.streams[kind].output_topic
    partner_topics = [p.topic(kind) for p in setup.config.partners if kind in p.streams]
    topics = [redacted, *partner_topics]

    for i in range(KILLS):
        service = RunningService(setup.config_path, setup.env)
        service.wait_until_assigned()
        time.sleep(0.3 + 0.2 * i)
        service.proc.send_signal(signal.SIGKILL)
        service.close()
    progress = len(consume_all(kafka_bootstrap, [redacted], expected=N, timeout_s=8)[redacted])
    # The kills must have landed mid-stream, or this test proves nothing.
    assert 0 < progress < N, f"{progress} of {N} processed before the last restart"

    result = run_service(setup.env, "--config", str(setup.config_path), "--stop-when-idle", "5")
    assert result.returncode == 0, result.stderr[-2000:]

    got = consume_all(kafka_bootstrap, topics, expected=N * len(topics), timeout_s=120)
    for topic in topics:
        assert len(got[topic]) == N, f"{topic}: {len(got[topic])} results for {N} events"
    for topic in (redacted, partner_topics[0]):
        ids = [orjson.loads(m.value())["event_id"] for m in got[topic]]
        assert len(set(ids)) == N
    everything = b"\n".join(m.value() for t in topics for m in got[t])
    leaked = [i for g in events for i, v in enumerate(g.planted) if v.encode() in everything]
    assert not leaked, f"{len(leaked)} planted values leaked"
