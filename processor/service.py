"""The Kafka shell around the pipeline: consume a batch, process it, produce, commit.

Delivery is at-least-once: offsets are committed only after every output and dead letter of
the batch is acknowledged by the broker, so a crash replays, never loses. A failed delivery
stops the service without committing. SIGTERM and SIGINT finish the batch in hand, flush,
commit and exit 0.
"""

from __future__ import annotations

import logging
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from confluent_kafka import Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from processor import broker
from processor.config import PipelineConfig
from processor.pipeline import Origin, Outcome, Pipeline, Record

log = logging.getLogger("pii.service")


class DeliveryFailed(RuntimeError):
    pass


@dataclass
class ServiceStats:
    consumed: Counter[str] = field(default_factory=Counter)  # per stream
    produced: Counter[str] = field(default_factory=Counter)  # per output topic
    dead_lettered: Counter[str] = field(default_factory=Counter)  # per reason
    entities: Counter[str] = field(default_factory=Counter)
    batches: int = 0

    def as_fields(self) -> dict[str, Any]:
        return {
            "consumed": dict(self.consumed),
            "produced": dict(self.produced),
            "dead_lettered": dict(self.dead_lettered),
            "entities": dict(self.entities),
            "batches": self.batches,
        }


def dead_letter_headers(outcome: Outcome) -> list[tuple[str, bytes]]:
    dl, rec = outcome.dead_letter, outcome.record
    assert dl is not None
    headers = [("reason", dl.reason.encode()), ("detail", dl.detail.encode()), ("stream", rec.stream.value.encode())]
    if rec.origin is not None:
        headers += [
            ("source.topic", rec.origin.topic.encode()),
            ("source.partition", str(rec.origin.partition).encode()),
            ("source.offset", str(rec.origin.offset).encode()),
        ]
    return headers


class Service:
    def __init__(self, config: PipelineConfig, pipeline: Pipeline | None = None, *, stop_when_idle_s: float | None = None) -> None:
        self.config = config
        self.kafka = config.kafka
        self.stop_when_idle_s = stop_when_idle_s
        self.stats = ServiceStats()
        self._running = True
        self._delivery_errors: list[str] = []
        self._stream_of_topic = config.stream_for_topic()
        broker.wait_for_broker(self.kafka.bootstrap_servers, self.kafka.connect_timeout_s, **self.kafka.client)
        self.pipeline = pipeline or Pipeline(config)

    def stop(self, *_: Any) -> None:
        self._running = False

    def _topics(self) -> list[str]:
        out = [self.kafka.dead_letter_topic]
        for s in self.config.streams.values():
            out += [s.input_topic, s.output_topic]
        return out

    def run(self) -> ServiceStats:
        broker.ensure_topics(self.kafka, self._topics())
        consumer = Consumer(
            broker.client_config(
                self.kafka,
                **{
                    "group.id": self.kafka.group_id,
                    "enable.auto.commit": False,
                    "auto.offset.reset": "earliest",
                    "isolation.level": "read_committed",
                },
            )
        )
        producer = Producer(
            broker.client_config(self.kafka, **{"acks": "all", "enable.idempotence": True, "linger.ms": 5, "compression.type": "lz4"})
        )
        assigned = False

        def on_assign(_c: Consumer, partitions: list[TopicPartition]) -> None:
            nonlocal assigned
            assigned = True
            log.info("partitions assigned", extra={"fields": {"partitions": [f"{p.topic}[{p.partition}]" for p in partitions]}})

        consumer.subscribe(list(self._stream_of_topic), on_assign=on_assign)
        previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, self.stop), signal.SIGINT: signal.signal(signal.SIGINT, self.stop)}
        log.info("service started", extra={"fields": {"bootstrap": self.kafka.bootstrap_servers, "topics": list(self._stream_of_topic)}})
        last_message = time.monotonic()
        try:
            while self._running:
                messages = consumer.consume(num_messages=self.kafka.batch_size, timeout=self.kafka.poll_timeout_s)
                records = self._records(messages)
                if not records:
                    idle = time.monotonic() - last_message
                    if self.stop_when_idle_s is not None and assigned and idle >= self.stop_when_idle_s:
                        log.info("idle, stopping", extra={"fields": {"idle_s": round(idle, 1)}})
                        break
                    continue
                last_message = time.monotonic()
                self._process(records, producer)
                self._commit(consumer, records)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            consumer.close()
        log.info("service stopped", extra={"fields": self.stats.as_fields()})
        return self.stats

    def _records(self, messages: list[Message]) -> list[Record]:
        records = []
        for m in messages:
            err = m.error()
            if err is not None:
                if err.code() == KafkaError._PARTITION_EOF:
                    continue
                if err.fatal():
                    raise KafkaException(err)
                log.warning("consumer error", extra={"fields": {"error": err.name()}})
                continue
            stream = self._stream_of_topic[m.topic()]
            records.append(Record(stream, m.value(), m.key(), Origin(m.topic(), m.partition(), m.offset())))
        return records

    def _process(self, records: list[Record], producer: Producer) -> None:
        outcomes = self.pipeline.process(records)
        for o in outcomes:
            self.stats.consumed[o.record.stream.value] += 1
            if o.dead_letter is not None:
                self.stats.dead_lettered[o.dead_letter.reason] += 1
                producer.produce(
                    self.kafka.dead_letter_topic,
                    value=o.record.value,
                    key=o.record.key,
                    headers=dead_letter_headers(o),
                    on_delivery=self._on_delivery,
                )
                continue
            self.stats.entities.update(o.entities)
            for out in o.outputs:
                self.stats.produced[out.topic] += 1
                producer.produce(out.topic, value=out.value, key=out.key, on_delivery=self._on_delivery)
            producer.poll(0)
        remaining = producer.flush(30)
        if remaining or self._delivery_errors:
            raise DeliveryFailed(
                f"{remaining} message(s) unacknowledged after 30 s, delivery errors: {sorted(set(self._delivery_errors))}; "
                "offsets not committed, the batch will be processed again on restart"
            )
        self.stats.batches += 1

    def _on_delivery(self, err: KafkaError | None, _msg: Message) -> None:
        if err is not None:
            self._delivery_errors.append(err.name())

    def _commit(self, consumer: Consumer, records: list[Record]) -> None:
        next_offsets: dict[tuple[str, int], int] = {}
        for r in records:
            assert r.origin is not None
            key = (r.origin.topic, r.origin.partition)
            next_offsets[key] = max(next_offsets.get(key, 0), r.origin.offset + 1)
        consumer.commit(offsets=[TopicPartition(t, p, o) for (t, p), o in next_offsets.items()], asynchronous=False)
