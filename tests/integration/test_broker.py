"""Topics the processor has just created are ready to read; missing ones are named clearly."""

from __future__ import annotations

import uuid

import pytest
from confluent_kafka import Consumer, TopicPartition

from processor import broker
from processor.config import KafkaSettings

from .conftest import produce


def test_a_topic_is_readable_the_moment_ensure_topics_returns(kafka_bootstrap):
    # Reading watermarks right after creation used to meet NOT_LEADER_FOR_PARTITION now and then
    # (a CI run failed on it); ensure_topics now returns only once every partition has a leader.
    settings = KafkaSettings(bootstrap_servers=kafka_bootstrap)
    tag = uuid.uuid4().hex[:8]
    names = [f"b{tag}.fresh-{i}" for i in range(8)]
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": f"b{tag}"})
    try:
        assert sorted(broker.ensure_topics(settings, names, partitions=3)) == sorted(names)
        ends = [consumer.get_watermark_offsets(TopicPartition(t, p), timeout=10) for t in names for p in range(3)]
        assert ends == [(0, 0)] * len(names) * 3
    finally:
        consumer.close()
        broker.delete_topics(settings, names)


def test_reading_a_missing_topic_names_it_and_the_broker(kafka_bootstrap):
    missing = f"b{uuid.uuid4().hex[:8]}.never-created"
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": missing, "enable.partition.eof": True})
    try:
        with pytest.raises(broker.TopicNotReady) as e:
            broker.read_to_end(consumer, KafkaSettings(bootstrap_servers=kafka_bootstrap), missing, lambda m: None, timeout_s=1, what="the consent topic")
    finally:
        consumer.close()
    assert f"{missing}: does not exist" in str(e.value)
    assert kafka_bootstrap in str(e.value) and "after 1 s" in str(e.value)


def test_read_to_end_hands_over_every_record_of_every_partition(kafka_bootstrap):
    settings = KafkaSettings(bootstrap_servers=kafka_bootstrap)
    topic = f"b{uuid.uuid4().hex[:8]}.table"
    broker.ensure_topics(settings, [topic], partitions=3)
    produce(kafka_bootstrap, topic, [str(i).encode() for i in range(30)], keys=[str(i).encode() for i in range(30)])
    seen: list[bytes] = []
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": topic, "enable.partition.eof": True})
    try:
        broker.read_to_end(consumer, settings, topic, lambda m: seen.append(m.value()), timeout_s=30, what="the table")
    finally:
        consumer.close()
        broker.delete_topics(settings, [topic])
    assert sorted(seen, key=int) == [str(i).encode() for i in range(30)]
