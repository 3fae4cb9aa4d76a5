"""`make demo`: sample events through the real broker, with a before/after view.

Produces generated events (and two malformed ones) to the raw topics, runs the same service
as `pii-processor run` until it has caught up, then reads the redacted topics back with a
read_committed consumer and prints one event per stream before and after, and the counts.
"""

from __future__ import annotations

import random
import time
import uuid

import orjson
from confluent_kafka import Consumer, Producer

from processor import broker
from processor.config import PipelineConfig
from processor.events import StreamKind
from processor.generate import generate
from processor.service import Service

MALFORMED = (b"{this is not json", b'["an array, not an object"]')


def run_demo(config: PipelineConfig, count: int, seed: int | None) -> int:
    seed = random.randrange(1 << 30) if seed is None else seed
    kafka = config.kafka
    print(f"demo: broker {kafka.bootstrap_servers}, {count} events per stream, seed {seed}")
    broker.wait_for_broker(kafka.bootstrap_servers, kafka.connect_timeout_s, **kafka.client)
    producer = Producer(broker.client_config(kafka, **{"acks": "all", "enable.idempotence": True}))
    samples: dict[StreamKind, dict] = {}
    produced = 0
    for kind, stream in config.streams.items():
        events = generate(kind, count, seed)
        samples[kind] = events[0].event
        broker.ensure_topics(kafka, [stream.input_topic, stream.output_topic, kafka.dead_letter_topic])
        for g in events:
            producer.produce(stream.input_topic, orjson.dumps(g.event))
        produced += len(events)
    first = next(iter(config.streams.values()))
    for bad in MALFORMED:
        producer.produce(first.input_topic, bad)
        produced += 1
    producer.flush(30)
    print(f"demo: produced {produced} raw events ({len(MALFORMED)} of them malformed on purpose)")

    started = time.monotonic()
    stats = Service(config, stop_when_idle_s=3.0).run()
    elapsed = time.monotonic() - started
    consumed = sum(stats.consumed.values())
    out = sum(stats.produced.values())
    dead = sum(stats.dead_lettered.values())

    redacted = _read_back(config, {str(s["event_id"]) for s in samples.values()})
    for kind, before in samples.items():
        print(f"\n=== {kind.value}: before ({config.streams[kind].input_topic})")
        print(orjson.dumps(before, option=orjson.OPT_INDENT_2).decode())
        print(f"=== {kind.value}: after ({config.streams[kind].output_topic})")
        after = redacted.get(str(before["event_id"]))
        print(orjson.dumps(after, option=orjson.OPT_INDENT_2).decode() if after else "(not found in the output topic)")

    print(f"\ndemo: processed in {elapsed:.1f} s (including the idle wait)")
    print(f"demo: in {consumed} = out {out} + dead-letter {dead}  (dead-letter reasons: {dict(stats.dead_lettered)})")
    print(f"demo: entities replaced: {dict(stats.entities.most_common())}")
    print("demo: the broker keeps running; `make kafka-down` stops it.")
    return 0 if consumed == out + dead else 1


def _read_back(config: PipelineConfig, event_ids: set[str], timeout_s: float = 20) -> dict[str, dict]:
    consumer = Consumer(
        broker.client_config(
            config.kafka,
            **{
                "group.id": f"pii-demo-reader-{uuid.uuid4()}",
                "auto.offset.reset": "earliest",
                "enable.auto.commit": False,
                "isolation.level": "read_committed",
            },
        )
    )
    consumer.subscribe([s.output_topic for s in config.streams.values()])
    found: dict[str, dict] = {}
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and len(found) < len(event_ids):
            for m in consumer.consume(500, timeout=0.5):
                if m.error() is None:
                    event = orjson.loads(m.value())
                    if str(event.get("event_id")) in event_ids:
                        found[str(event["event_id"])] = event
    finally:
        consumer.close()
    return found
