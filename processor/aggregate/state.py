"""The aggregator's state (open windows, watermark, privacy ledger) in a compacted topic.

faust tables lost a few events of state across `kill -9` here (see the restart test), so the
state is kept in memory and every change is written through to a compacted Kafka topic and
acknowledged by the broker *before* the event that caused it is acknowledged to faust (whose
offset commit comes after). At start the topic is read to its end. An event replayed after a
crash is recognized by the source offsets recorded in its window and skipped.
"""

from __future__ import annotations

from typing import Any

import orjson
from confluent_kafka import KafkaError, Message

from processor import broker
from processor.config import KafkaSettings


class DurableState:
    def __init__(self, kafka: KafkaSettings, topic: str) -> None:
        self.kafka, self.topic = kafka, topic
        self.values: dict[str, Any] = {}
        self.producer = broker.producer(kafka, **{"linger.ms": 0})
        self._errors: list[str] = []

    def load(self, timeout_s: float = 60) -> DurableState:
        consumer = broker.reader(self.kafka, "agg-state", **{"enable.partition.eof": True})
        try:
            broker.read_to_end(consumer, self.kafka, self.topic, self._apply, timeout_s, "the aggregate state topic")
        finally:
            consumer.close()
        return self

    def _apply(self, m: Message) -> None:
        key = (m.key() or b"").decode()
        value = m.value()
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = orjson.loads(value)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def put(self, key: str, value: Any) -> None:
        """Set and make durable: returns once the broker has acknowledged the write."""
        self.produce_now(self.topic, key.encode(), orjson.dumps(value))
        self.values[key] = value

    def produce_now(self, topic: str, key: bytes, value: bytes) -> None:
        self.producer.produce(topic, key=key, value=value, on_delivery=self._on_delivery)
        if self.producer.flush(30) or self._errors:
            raise RuntimeError(f"state write to {topic} not acknowledged: {self._errors}")

    def _on_delivery(self, err: KafkaError | None, _msg: Any) -> None:
        if err is not None:
            self._errors.append(err.name())
