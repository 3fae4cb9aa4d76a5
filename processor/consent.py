"""Opt-outs: which subscriber opted out of which purpose.

The table is fed by a compacted Kafka topic: key = subscriber id, value = JSON list of the
purposes opted out of (`["advertising"]`), tombstone (null value) = no opt-out any more. The
service reads the topic to its end before it processes any event, then keeps reading it
between batches, so an opt-out takes effect within one batch of arriving.
"""

from __future__ import annotations

import logging
import time
import uuid

import orjson
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

from processor import broker
from processor.config import KafkaSettings

log = logging.getLogger("pii.consent")


class ConsentTable:
    def __init__(self) -> None:
        self._opted_out: dict[str, frozenset[str]] = {}

    def opted_out(self, subscriber: str, purpose: str) -> bool:
        return purpose in self._opted_out.get(subscriber, ())

    def set(self, subscriber: str, purposes: frozenset[str]) -> None:
        if purposes:
            self._opted_out[subscriber] = purposes
        else:
            self._opted_out.pop(subscriber, None)

    def apply(self, key: bytes | None, value: bytes | None) -> None:
        """One record of the consent topic. A malformed one is skipped, and said so (without its content)."""
        if key is None:
            log.warning("consent record without a key skipped")
            return
        subscriber = key.decode("utf-8", "replace")
        if value is None:
            self.set(subscriber, frozenset())
            return
        try:
            purposes = orjson.loads(value)
            if not isinstance(purposes, list) or not all(isinstance(p, str) for p in purposes):
                raise ValueError("not a list of purposes")
        except ValueError:
            log.warning("malformed consent record skipped (expected a JSON list of purposes)")
            return
        self.set(subscriber, frozenset(purposes))

    def __len__(self) -> int:
        return len(self._opted_out)


class ConsentFeed:
    """Keeps a ConsentTable current from the consent topic (every partition, from the start)."""

    def __init__(self, settings: KafkaSettings, topic: str, table: ConsentTable) -> None:
        self.topic, self.table = topic, table
        self.consumer = Consumer(
            broker.client_config(
                settings,
                **{"group.id": f"pii-consent-reader-{uuid.uuid4().hex}", "enable.auto.commit": False, "enable.partition.eof": True},
            )
        )
        md = self.consumer.list_topics(topic, timeout=10).topics[topic]
        self.partitions = [TopicPartition(topic, p, OFFSET_BEGINNING) for p in md.partitions]
        self.consumer.assign(self.partitions)

    def load(self, timeout_s: float) -> None:
        """Read to the end of every partition, or fail: processing without the opt-outs would ignore them."""
        at_end: set[int] = set()
        deadline = time.monotonic() + timeout_s
        ends = {p.partition: self.consumer.get_watermark_offsets(p, timeout=10)[1] for p in self.partitions}
        at_end = {p for p, end in ends.items() if end == 0}
        while len(at_end) < len(self.partitions):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the consent topic {self.topic} could not be read to its end in {timeout_s:.0f} s")
            for m in self.consumer.consume(1000, timeout=0.5):
                err = m.error()
                if err is not None:
                    if err.code() == KafkaError._PARTITION_EOF:
                        at_end.add(m.partition())
                    continue
                self.table.apply(m.key(), m.value())
        log.info("consent table loaded", extra={"fields": {"opted_out_subscribers": len(self.table)}})

    def poll(self) -> None:
        for m in self.consumer.consume(1000, timeout=0):
            if m.error() is None:
                self.table.apply(m.key(), m.value())

    def close(self) -> None:
        self.consumer.close()
