"""The streaming service against the real broker: nothing planted leaks, nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import orjson
import pytest
from confluent_kafka import Consumer, TopicPartition

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import ROOT, consume_all, produce, run_service

pytestmark = pytest.mark.integration
N = 60
MALFORMED = [b"{broken json", b"[1, 2, 3]"]


def test_events_flow_redacted_and_every_input_is_accounted_for(kafka_bootstrap, topics):
    planted: list[str] = []
    for kind in BuiltinStream:
        events = generate(kind, N, seed=11)
        planted += [v for g in events for v in g.planted]
        # Keys are often identifiers too: they must not be forwarded.
        produce(kafka_bootstrap, topics.input(kind), [orjson.dumps(g.event) for g in events], keys=[(g.planted or ["no-pii"])[0].encode() for g in events])
    produce(kafka_bootstrap, topics.input(BuiltinStream.CALL_RECORDS), MALFORMED)
    total_in = 3 * N + len(MALFORMED)

    result = run_service(topics.env, "--stop-when-idle", "4")
    assert result.returncode == 0, result.stderr[-2000:]

    outputs = [topics.output(k) for k in BuiltinStream]
    got = consume_all(kafka_bootstrap, [*outputs, topics.dead_letter], expected=total_in)
    out_count = sum(len(got[t]) for t in outputs)
    dead = got[topics.dead_letter]
    assert total_in == out_count + len(dead)
    assert [len(got[topics.output(k)]) for k in BuiltinStream] == [N, N, N]

    redacted_bytes = b"\n".join(m.value() + (m.key() or b"") for t in outputs for m in got[t])
    leaked = [i for i, value in enumerate(planted) if value.encode() in redacted_bytes]
    assert not leaked, f"{len(leaked)} planted values reached an output topic"
    # The logs carry counts, never values.
    assert not [i for i, value in enumerate(planted) if value in result.stderr]

    reasons = sorted(dict(m.headers())["reason"].decode() for m in dead)
    assert reasons == ["not-an-object", "not-json"]
    for m in dead:
        headers = dict(m.headers())
        assert headers["source.topic"].decode() == topics.input(BuiltinStream.CALL_RECORDS)
        assert m.value() in MALFORMED  # the original bytes are kept, there and only there
        # The headers point at the very message that failed.
        source = TopicPartition(headers["source.topic"].decode(), int(headers["source.partition"]), int(headers["source.offset"]))
        assert read_at(kafka_bootstrap, source) == m.value()


def read_at(bootstrap: str, where: TopicPartition) -> bytes | None:
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "pii-test-read-at", "enable.auto.commit": False})
    try:
        consumer.assign([where])
        for _ in range(20):
            m = consumer.poll(0.5)
            if m is not None and m.error() is None:
                return m.value()
        return None
    finally:
        consumer.close()


def test_sigterm_finishes_the_batch_commits_and_exits_zero(kafka_bootstrap, topics):
    kind = BuiltinStream.NETWORK_TELEMETRY
    produce(kafka_bootstrap, topics.input(kind), [orjson.dumps(g.event) for g in generate(kind, N, seed=5)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor.cli", "run"],
        env={**os.environ, **topics.env},
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        got = consume_all(kafka_bootstrap, [topics.output(kind)], expected=N, timeout_s=90)
        assert len(got[topics.output(kind)]) == N
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "service stopped" in proc.stderr.read()

    # Everything consumed was committed: the group has no lag left on the input topic.
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": topics.env["PII_GROUP_ID"]})
    try:
        md = consumer.list_topics(topics.input(kind), timeout=10)
        partitions = [TopicPartition(topics.input(kind), p) for p in md.topics[topics.input(kind)].partitions]
        committed = consumer.committed(partitions, timeout=10)
        ends = [consumer.get_watermark_offsets(p, timeout=10)[1] for p in partitions]
        assert [max(c.offset, 0) for c in committed] == ends
    finally:
        consumer.close()


def test_a_restarted_service_does_not_reprocess_committed_events(kafka_bootstrap, topics):
    kind = BuiltinStream.CALL_RECORDS
    produce(kafka_bootstrap, topics.input(kind), [orjson.dumps(g.event) for g in generate(kind, 20, seed=1)])
    assert run_service(topics.env, "--stop-when-idle", "3").returncode == 0
    produce(kafka_bootstrap, topics.input(kind), [orjson.dumps(g.event) for g in generate(kind, 10, seed=2)])
    assert run_service(topics.env, "--stop-when-idle", "3").returncode == 0
    got = consume_all(kafka_bootstrap, [topics.output(kind)], expected=30)
    assert len(got[topics.output(kind)]) == 30


def test_a_misspelt_input_topic_stops_the_service_before_any_data_moves(kafka_bootstrap, topics):
    """A typo in an input topic once created an empty topic and left the service idle, exit 0."""
    right = topics.input(BuiltinStream.CALL_RECORDS)
    typo = right.replace("call-records", "call-recrods")
    result = run_service({**topics.env, "PII_INPUT_TOPIC_CALL_RECORDS": typo}, "--stop-when-idle", "5", timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert typo in result.stderr and f"closest existing: {right}" in result.stderr
    assert "streams.call-records.input_topic" in result.stderr and "Traceback" not in result.stderr
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": "pii-test-topic-check"})
    try:
        assert typo not in consumer.list_topics(timeout=10).topics  # nothing was created under the wrong name
    finally:
        consumer.close()


def test_a_misspelt_output_topic_stops_the_service_instead_of_feeding_a_new_topic(kafka_bootstrap, topics):
    """Created on the fly, a typo in an output topic would send the events where no one reads."""
    right = topics.output(BuiltinStream.CALL_RECORDS)
    typo = right.replace("redacted", "redcated")
    result = run_service({**topics.env, "PII_OUTPUT_TOPIC_CALL_RECORDS": typo}, "--stop-when-idle", "5", timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert typo in result.stderr and f"closest existing: {right}" in result.stderr
    assert "streams.call-records.output_topic" in result.stderr and "pii-processor topics" in result.stderr
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": "pii-test-topic-check"})
    try:
        assert typo not in consumer.list_topics(timeout=10).topics
    finally:
        consumer.close()


def test_a_metrics_port_in_use_is_one_clear_paragraph(topics):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_service({**topics.env, "PII_METRICS_PORT": str(port)}, "--stop-when-idle", "5", timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"cannot serve metrics on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
