"""Opt-outs: which subscriber opted out of which purpose.

The table is fed by a compacted Kafka topic: key = subscriber id, value = JSON list of the
purposes opted out of (`["advertising"]`), tombstone (null value) = no opt-out any more. The
service reads the topic to its end before it processes any event, then keeps reading it
between batches, so an opt-out takes effect within one batch of arriving.
"""

from __future__ import annotations

import logging

import orjson

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
        self.consumer = broker.reader(settings, "consent-reader", **{"enable.partition.eof": True})
        self.settings = settings

    def load(self, timeout_s: float) -> None:
        """Read to the end of every partition, or fail: processing without the opt-outs would ignore them."""
        broker.read_to_end(self.consumer, self.settings, self.topic, lambda m: self.table.apply(m.key(), m.value()), timeout_s, "the consent topic")
        log.info("consent table loaded", extra={"fields": {"opted_out_subscribers": len(self.table)}})

    def poll(self) -> None:
        for m in self.consumer.consume(1000, timeout=0):
            if m.error() is None:
                self.table.apply(m.key(), m.value())

    def close(self) -> None:
        self.consumer.close()
