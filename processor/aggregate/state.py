"""The aggregator's state (open windows, watermark, privacy ledger) in a compacted topic.

faust tables lost a few events of state across `kill -9` here (see the restart test), so the
state is kept in memory and every change is written to a compacted Kafka topic and
acknowledged by the broker *before* the events that caused it are acknowledged to faust (whose
offset commit comes after). Changes made while folding a batch of events are written together
(`put_later`, then one `flush` before the batch is acknowledged); the changes that must be
durable before anything else happens (a privacy-budget charge before a release) are written at
once (`put`). At start the topic is read to its end. An event replayed after a crash is
recognized by the source offsets recorded in its window and skipped. `delete` leaves a
tombstone, so compaction drops a closed window from the topic as well as from memory.
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
        """Set and make durable: returns once the broker has acknowledged the write (and every
        write before it)."""
        self.put_later(key, value)
        self.flush()

    def put_later(self, key: str, value: Any) -> None:
        """Set now; durable at the next `flush`."""
        self.producer.produce(self.topic, key=key.encode(), value=orjson.dumps(value), on_delivery=self._on_delivery)
        self.values[key] = value

    def delete(self, key: str) -> None:
        """Forget, here and (by a tombstone, durable at the next `flush`) in the topic."""
        self.producer.produce(self.topic, key=key.encode(), value=None, on_delivery=self._on_delivery)
        self.values.pop(key, None)

    def produce_later(self, topic: str, key: bytes, value: bytes) -> None:
        """A message to another topic, durable at the next `flush` (in order with the state writes)."""
        self.producer.produce(topic, key=key, value=value, on_delivery=self._on_delivery)

    def flush(self) -> None:
        """Wait until the broker has every write so far. Raises if one was refused or not
        answered: the caller must then not acknowledge the events behind the writes."""
        if self.producer.flush(30) or self._errors:
            raise RuntimeError(f"state write to {self.topic} not acknowledged: {self._errors}")

    def _on_delivery(self, err: KafkaError | None, _msg: Any) -> None:
        if err is not None:
            self._errors.append(err.name())
