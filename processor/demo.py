"""`make demo`: sample events through the real broker, with a before/after view.

Produces generated events (and two malformed ones) to the raw topics and opt-outs to the
consent topic, runs the same service as `pii-processor run` until it has caught up, then
reads the output topics back with a read_committed consumer and prints one event per stream
before and after, what each partner received, and the counts.
"""

from __future__ import annotations

import random
import time
from typing import Any

import orjson

from processor import broker
from processor.config import PartnerSettings, PipelineConfig
from processor.events import BuiltinStream
from processor.generate import generate
from processor.pipeline import Outcome
from processor.progress import live_count
from processor.service import Service

MALFORMED = (b"{this is not json", b'["an array, not an object"]')
OPT_OUT_SHARE = 0.2


def _json(value: dict[str, Any] | None) -> str:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() if value is not None else "(nothing)"


def run_demo(config: PipelineConfig, count: int, seed: int | None) -> int:
    seed = random.randrange(1 << 30) if seed is None else seed
    rng = random.Random(seed)
    kafka = config.kafka
    print(f"demo: broker {kafka.bootstrap_servers}, {count} events per stream, seed {seed}")
    broker.wait_until_reachable(kafka)
    broker.ensure_pipeline_topics(config)
    producer = broker.producer(kafka)
    samples: dict[str, dict[str, Any]] = {}
    produced = opted_out = 0
    for kind, stream in config.streams.items():
        if kind not in set(BuiltinStream):
            print(f"demo: {kind} is a declared stream; the demo makes events of the built-in streams only")
            continue
        events = generate(kind, count, seed)
        samples[kind] = events[0].event
        key_path = config.consent.subscriber_key.get(kind)
        for g in events:
            producer.produce(stream.input_topic, orjson.dumps(g.event))
            if key_path and key_path in g.event and rng.random() < OPT_OUT_SHARE:
                producer.produce(config.consent.topic, key=str(g.event[key_path]).encode(), value=b'["advertising"]')
                opted_out += 1
        produced += len(events)
    first = next(iter(config.streams.values()))
    for bad in MALFORMED:
        producer.produce(first.input_topic, bad)
        produced += 1
    producer.flush(30)
    print(f"demo: produced {produced} raw events ({len(MALFORMED)} of them malformed on purpose), {opted_out} advertising opt-outs")

    started = time.monotonic()
    progress, done = live_count("demo: processing"), 0

    def on_batch(outcomes: list[Outcome]) -> None:
        nonlocal done
        done += len(outcomes)
        progress(done)

    try:
        stats = Service(config, stop_when_idle_s=3.0, on_batch=on_batch).run().totals
    finally:
        progress.stop()
    elapsed = time.monotonic() - started
    consumed = sum(stats.consumed.values())
    dead = sum(stats.dead_lettered.values())

    partner_topics = {p.topic(k): p for p in config.partners for k in p.streams}
    redacted, partner_samples = _read_back(config, {str(s["event_id"]) for s in samples.values()}, set(partner_topics))
    for kind, before in samples.items():
        print(f"\n=== {kind}: before ({config.streams[kind].input_topic})")
        print(_json(before))
        print(f"=== {kind}: after, fully redacted copy ({config.streams[kind].output_topic})")
        print(_json(redacted.get(str(before["event_id"]))))
    for topic, partner in partner_topics.items():
        print(f"\n=== what {partner.name} ({partner.purpose}) receives, a sample of {topic}")
        print(_json(partner_samples.get(topic)))

    print(f"\ndemo: processed in {elapsed:.1f} s (including the idle wait)")
    print(f"demo: events in {consumed}, dead-lettered {dead} {dict(stats.dead_lettered)}")
    ok = True
    for kind, stream in config.streams.items():
        n_in = stats.consumed.get(kind, 0)
        dead_here = n_in - stats.produced.get(stream.output_topic, 0)
        recipients: list[tuple[str, PartnerSettings | None]] = [(stream.output_topic, None)]
        recipients += [(p.topic(kind), p) for p in config.partners if kind in p.streams]
        for topic, recipient in recipients:
            out = stats.produced.get(topic, 0)
            drops = sum(n for (who, _), n in stats.dropped.items() if recipient is not None and who == recipient.name)
            balanced = n_in == out + drops + dead_here
            ok = ok and balanced
            who = recipient.name if recipient else "redacted copy"
            print(f"demo: {kind:20} -> {who:20} in {n_in} = out {out} + dropped {drops} + dead-letter {dead_here}  {'ok' if balanced else 'MISMATCH'}")
    print(f"demo: entities found: {dict(stats.entities.most_common())}")
    print("demo: the broker keeps running; `make kafka-down` stops it.")
    return 0 if ok and consumed else 1


def _read_back(
    config: PipelineConfig, event_ids: set[str], partner_topics: set[str], timeout_s: float = 20
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    consumer = broker.reader(config.kafka, "demo-reader")
    consumer.subscribe([s.output_topic for s in config.streams.values()] + sorted(partner_topics))
    found: dict[str, dict[str, Any]] = {}
    partner_samples: dict[str, dict[str, Any]] = {}
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and (len(found) < len(event_ids) or len(partner_samples) < len(partner_topics)):
            for m in consumer.consume(500, timeout=0.5):
                topic, value = m.topic(), m.value()
                if m.error() is not None or topic is None or value is None:
                    continue
                event = orjson.loads(value)
                if topic in partner_topics:
                    partner_samples.setdefault(topic, event)
                elif str(event.get("event_id")) in event_ids:
                    found[str(event["event_id"])] = event
    finally:
        consumer.close()
    return found, partner_samples
