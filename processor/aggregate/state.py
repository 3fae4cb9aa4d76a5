"""The aggregator's state (open windows, watermark, privacy ledger) in a compacted topic.

faust tables lost a few events of state across `kill -9` here (see the restart test), so the
state is kept in memory and every change is written to a compacted Kafka topic and
acknowledged by the broker *before* the events that caused it are acknowledged to faust (whose
offset commit comes after). Changes made while folding a batch of events are written together:
`put_later` marks a key changed, and `flush` (before the batch is acknowledged) writes each
changed key once, with its latest value, so a window folded 500 times in a batch is written
once. The changes that must be durable before anything else happens (a privacy-budget charge
before a release) are written at once (`put`). At start, and after a rebalance gave this
worker partitions another one folded, the topic is read to its end. `delete` leaves a
tombstone, so compaction drops a closed window from the topic as well as from memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
from confluent_kafka import KafkaError, Message

from processor import broker
from processor.config import KafkaSettings


class DurableState:
    def __init__(self, kafka: KafkaSettings, topic: str, max_message_bytes: int = 1_000_000) -> None:
        self.kafka, self.topic = kafka, topic
        self.values: dict[str, Any] = {}
        self.producer = broker.producer(kafka, **{"linger.ms": 0, "message.max.bytes": max_message_bytes})
        self._errors: list[str] = []
        self._changed: set[str] = set()

    def load(self, timeout_s: float = 60) -> DurableState:
        """Read the topic to its end. Everything this process changed must be flushed first
        (the caller reloads between batches, which always end with a flush)."""
        assert not self._changed, "reloading over unwritten changes"
        self.values = {}
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
        """Set now; written (its value at that time) and durable at the next `flush`."""
        self.values[key] = value
        self._changed.add(key)

    def delete(self, key: str) -> None:
        """Forget, here and (by a tombstone, durable at the next `flush`) in the topic."""
        self.values.pop(key, None)
        self._changed.add(key)

    def keys(self, prefix: str) -> Iterator[str]:
        return (k for k in list(self.values) if k.startswith(prefix))

    def produce_later(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> None:
        """A message to another topic, durable at the next `flush`."""
        if partition is None:
            self.producer.produce(topic, key=key, value=value, on_delivery=self._on_delivery)
        else:
            self.producer.produce(topic, key=key, value=value, partition=partition, on_delivery=self._on_delivery)

    def flush(self) -> None:
        """Write every changed key and wait until the broker has every write so far. Raises if
        one was refused or not answered: the caller must then not acknowledge the events
        behind the writes."""
        for key in sorted(self._changed):
            value = self.values.get(key)
            self.producer.produce(self.topic, key=key.encode(), value=None if value is None else orjson.dumps(value), on_delivery=self._on_delivery)
            self.producer.poll(0)
        self._changed.clear()
        if self.producer.flush(30) or self._errors:
            raise RuntimeError(f"state write to {self.topic} not acknowledged: {self._errors}")

    def _on_delivery(self, err: KafkaError | None, _msg: Any) -> None:
        if err is not None:
            self._errors.append(err.name())
