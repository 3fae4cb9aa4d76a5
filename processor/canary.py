"""The leak canary: synthetic events with marked identifiers, sent through the real pipeline at
an interval, and every output topic watched for them.

Each round produces one event per configured stream to its raw topic, tagged with the header
`pii-canary: 1`. The service carries that header onto every copy it produces, so partners and
the aggregate worker can drop canary events (the aggregate worker does). The canary reads every
output topic (read_committed) and, in every tagged message, looks for the identifiers it
planted: one found where the recipient's policy does not `keep` that type is a leak
(`pii_canary_leaks_total{topic,entity}`: alert at once). The redacted copy of each event gives
the end-to-end latency; an event not seen within `expect_within_s` counts as missing.

The identifiers are valid-looking but come from ranges reserved for fiction and testing, so a
canary can never be mistaken for, or leak, a real subscriber: 555-01xx telephone numbers, the
test network's IMSIs (MCC 001), TEST-NET addresses, example.com mailboxes, a test card number.
Labels and logs name topics and entity types, never the values.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

import orjson
from confluent_kafka import OFFSET_END, TopicPartition

from processor import broker, metrics
from processor.config import PipelineConfig
from processor.events import CANARY_HEADER, BuiltinStream
from recognizers.checksums import luhn_complete

log = logging.getLogger("pii.canary")
# Streams a canary event can be made for: their event shapes are known here.
BUILTIN_STREAM_NAMES = frozenset(BuiltinStream)
HEADER = CANARY_HEADER

_NAMES = ["Ada Whitfield", "Marcus Delaney", "Priya Raman", "Tomasz Nowak", "Chiara Russo", "Kwame Mensah"]


@dataclass(frozen=True)
class Planted:
    entity: str
    value: str


@dataclass
class CanaryEvent:
    stream: str
    event: dict[str, Any]
    planted: list[Planted]
    sent_at: float = 0.0

    @property
    def event_id(self) -> str:
        return str(self.event["event_id"])


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def build(kind: str, rng: random.Random) -> CanaryEvent:
    """One canary event of a built-in stream, with the identifiers it carries."""
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    name = rng.choice(_NAMES)
    phone = f"+1 202 555 01{_digits(rng, 2)}"
    email = f"canary.{uuid.UUID(int=rng.getrandbits(128)).hex[:10]}@example.com"
    event_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if kind == BuiltinStream.CALL_RECORDS:
        imsi, imei = "00101" + _digits(rng, 10), luhn_complete("35209900" + _digits(rng, 6))
        callee = f"+44 20 7946 0{_digits(rng, 3)}"
        event = {
            "event_id": event_id,
            "start_time": now,
            "duration_s": rng.randint(5, 900),
            "call_type": "voice",
            "caller_msisdn": phone,
            "callee_msisdn": callee,
            "imsi": imsi,
            "imei": imei,
            "cell_id": f"001-01-{_digits(rng, 4)}-{_digits(rng, 5)}",
            "notes": f"Call back requested by {name}, email {email}.",
        }
        planted = [Planted("PHONE_NUMBER", phone), Planted("PHONE_NUMBER", callee), Planted("IMSI", imsi)]
        planted += [Planted("IMEI", imei), Planted("PERSON", name), Planted("EMAIL_ADDRESS", email)]
    elif kind == BuiltinStream.SUPPORT_TRANSCRIPTS:
        card = "4111 1111 1111 1111"
        event = {
            "event_id": event_id,
            "conversation_id": f"conv-{_digits(rng, 8)}",
            "channel": "chat",
            "started_at": now,
            "turns": [
                {"speaker": "agent", "text": "Thanks for contacting support, who am I speaking with?"},
                {"speaker": "customer", "text": f"Hi, this is {name}. You can reach me on {phone} or {email}."},
                {"speaker": "customer", "text": f"Please charge the card {card} for the new plan."},
            ],
        }
        planted = [Planted("PERSON", name), Planted("PHONE_NUMBER", phone), Planted("EMAIL_ADDRESS", email), Planted("CREDIT_CARD", card)]
    elif kind == BuiltinStream.NETWORK_TELEMETRY:
        subscriber, src_ip = f"SUB-{_digits(rng, 9)}", f"192.0.2.{rng.randint(1, 254)}"
        event = {
            "event_id": event_id,
            "timestamp": now,
            "subscriber_id": subscriber,
            "src_ip": src_ip,
            "dst_ip": f"198.51.100.{rng.randint(1, 254)}",
            "url": f"https://www.example.com/account?email={email}",
            "bytes_up": rng.randint(100, 10_000),
            "bytes_down": rng.randint(100, 100_000),
        }
        planted = [Planted("SUBSCRIBER_ID", subscriber), Planted("IP_ADDRESS", src_ip), Planted("EMAIL_ADDRESS", email)]
    else:
        raise ValueError(f"no canary for stream {kind}")
    return CanaryEvent(kind, event, planted)


def kept_types(config: PipelineConfig) -> dict[str, Callable[[str], bool]]:
    """For each output topic: whether its recipient's policy keeps an entity type as it is (then
    finding it there is the policy, not a leak). The redacted copies keep nothing."""
    kept: dict[str, Callable[[str], bool]] = {s.output_topic: lambda _entity: False for s in config.streams.values()}
    for p in config.partners:
        listed = {entity: spec.name == "keep" for entity, spec in p.operators.items()}
        default_keeps = p.default_operator.name == "keep"
        for kind in p.streams:
            kept[p.topic(kind)] = lambda entity, listed=listed, default_keeps=default_keeps: listed.get(entity, default_keeps)  # type: ignore[misc]
    return kept


def leaks_in(value: bytes, planted: list[Planted], keeps: Callable[[str], bool]) -> list[str]:
    """The entity types of planted identifiers found in one output message, where not kept on
    purpose: verbatim, or as their digits alone (a phone number with its spaces taken out)."""
    text = value.decode("utf-8", "replace")
    squeezed = "".join(text.split())
    found = []
    for p in planted:
        if keeps(p.entity):
            continue
        digits = "".join(ch for ch in p.value if ch.isdigit())
        if p.value in text or "".join(p.value.split()) in squeezed or (len(digits) >= 9 and digits in text):
            found.append(p.entity)
    return found


@dataclass
class CanaryStats:
    sent: int = 0
    seen: int = 0
    missing: int = 0
    leaks: list[tuple[str, str]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    def as_fields(self) -> dict[str, Any]:
        lat = sorted(self.latencies)
        return {
            "sent": self.sent,
            "seen": self.seen,
            "missing": self.missing,
            "leaks": len(self.leaks),
            "leaked": sorted({f"{topic}:{entity}" for topic, entity in self.leaks}),
            "latency_p50_s": round(lat[len(lat) // 2], 3) if lat else None,
            "latency_max_s": round(lat[-1], 3) if lat else None,
        }


class Canary:
    def __init__(self, config: PipelineConfig, expect_within_s: float = 60.0, seed: int | None = None) -> None:
        self.config = config
        self.expect_within_s = expect_within_s
        self.rng = random.Random(seed)
        self.kept = kept_types(config)
        self.redacted = {s.output_topic for s in config.streams.values()}
        self.pending: dict[str, CanaryEvent] = {}
        # Every event still watched for (seen or not): a partner's copy may come after the redacted one.
        self.watched: dict[str, CanaryEvent] = {}
        self.stats = CanaryStats()
        self.producer = broker.producer(config.kafka)
        self.reader = broker.reader(config.kafka, "canary")
        ends = broker.end_offsets(config.kafka, list(self.kept), config.kafka.connect_timeout_s)
        # From the end: only what is produced from now on is this canary's business.
        self.reader.assign([TopicPartition(t, p, OFFSET_END) for (t, p) in ends])

    def send_round(self) -> None:
        for kind, stream in self.config.streams.items():
            if kind not in BUILTIN_STREAM_NAMES:
                continue  # its event shape is the data engineer's: no canary is made up for it
            canary = build(kind, self.rng)
            canary.sent_at = time.monotonic()
            self.producer.produce(stream.input_topic, value=orjson.dumps(canary.event), headers=[(HEADER, b"1")])
            self.pending[canary.event_id] = self.watched[canary.event_id] = canary
            metrics.CANARY_SENT.labels(kind).inc()
            self.stats.sent += 1
        if self.producer.flush(self.config.kafka.connect_timeout_s):
            log.warning("canary events not acknowledged by the broker")

    def watch(self, seconds: float) -> None:
        """Read the output topics for this long; check every canary-tagged message."""
        until = time.monotonic() + seconds
        while (left := until - time.monotonic()) > 0:
            for m in self.reader.consume(500, timeout=min(left, 0.5)):
                headers = cast("list[tuple[str, bytes | None]]", m.headers() or [])
                if m.error() is not None or not any(k == HEADER for k, _ in headers):
                    continue
                self._check(str(m.topic()), m.value() or b"")
        self._expire()

    def _check(self, topic: str, value: bytes) -> None:
        planted = [p for c in self.watched.values() for p in c.planted]
        for entity in leaks_in(value, planted, self.kept.get(topic, lambda _e: False)):
            self.stats.leaks.append((topic, entity))
            metrics.CANARY_LEAKS.labels(topic, entity).inc()
            log.error("canary identifier leaked", extra={"fields": {"topic": topic, "entity": entity}})
        if topic in self.redacted:
            try:
                event_id = str(orjson.loads(value).get("event_id"))
            except (orjson.JSONDecodeError, AttributeError):
                return
            canary = self.pending.pop(event_id, None)
            if canary is not None:
                latency = time.monotonic() - canary.sent_at
                self.stats.seen += 1
                self.stats.latencies.append(latency)
                metrics.CANARY_LATENCY.observe(latency)

    def _expire(self) -> None:
        now = time.monotonic()
        for event_id, canary in list(self.pending.items()):
            if now - canary.sent_at > self.expect_within_s:
                del self.pending[event_id]
                self.stats.missing += 1
                metrics.CANARY_MISSING.labels(canary.stream).inc()
                log.warning("canary event not seen in its redacted topic", extra={"fields": {"stream": canary.stream, "waited_s": self.expect_within_s}})
        for event_id, canary in list(self.watched.items()):
            if now - canary.sent_at > 2 * self.expect_within_s:
                del self.watched[event_id]

    def close(self) -> None:
        self.reader.close()


def run(config: PipelineConfig, interval_s: float, rounds: int | None, expect_within_s: float, running: Callable[[], bool]) -> CanaryStats:
    """Send a round every `interval_s` and watch in between; with `rounds`, stop after that many
    once every event is seen (or given up on)."""
    canary = Canary(config, expect_within_s)
    metrics.set_ready(True)
    try:
        n = 0
        while running() and (rounds is None or n < rounds):
            canary.send_round()
            n += 1
            canary.watch(interval_s)
        deadline = time.monotonic() + expect_within_s
        while rounds is not None and canary.pending and time.monotonic() < deadline and running():
            canary.watch(1.0)
        # Partners' copies are produced in the same transaction as the redacted one: one more
        # look catches any that were fetched a moment later.
        canary.watch(2.0)
        canary.stats.missing += len(canary.pending)
    finally:
        canary.close()
    log.info("canary done", extra={"fields": canary.stats.as_fields()})
    return canary.stats
