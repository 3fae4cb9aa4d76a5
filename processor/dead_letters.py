"""The dead-letter topic after the fact: what is in it (reasons and counts, never a value) and
replaying dead letters once the cause is fixed (a limit raised, a rule added, a bug fixed).

A replay sends each matching original back to the raw topic it came from, with its own key and
headers and a `pii-replay` header counting its replays, so that the running service processes it
again with everything that applies to any event (consent, audit, transactions, accounting). The
bytes are the original's, so the event keeps its event id. Each reason has its own position in
the dead-letter topic (a consumer group), committed in the same transaction as the replayed
messages: a dead letter is replayed once, and a replay that is stopped half-way is done again
whole or not at all. An event that fails again comes back as a new dead letter with its replay
count (header `replays`); past `max_replays` it is left alone and counted, so nothing loops.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import cast

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Message, Producer, TopicPartition

from processor import broker
from processor.config import PipelineConfig
from processor.errors import ConfigError
from processor.events import REPLAY_HEADER

# Source headers are kept on a dead letter under this prefix (processor/pipeline.py).
SOURCE_HEADER_PREFIX = "source.header."
DEFAULT_MAX_REPLAYS = 3
# Replayed messages per transaction: a long replay commits as it goes.
REPLAY_CHUNK = 5_000
_RELATIVE = re.compile(r"^(\d+)\s*([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_since(text: str, now: datetime | None = None) -> int:
    """A point in time in epoch milliseconds: an ISO 8601 time (`2026-11-30T10:00:00Z`) or a
    span back from now (`30m`, `6h`, `2d`)."""
    now = now or datetime.now(UTC)
    m = _RELATIVE.match(text.strip())
    if m:
        return int((now - timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})).timestamp() * 1000)
    try:
        at = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"--since {text!r}: expected an ISO 8601 time such as 2026-11-30T10:00:00Z, or a span such as 30m, 6h, 2d") from None
    return int((at if at.tzinfo else at.replace(tzinfo=UTC)).timestamp() * 1000)


@dataclass(frozen=True)
class DeadLetterView:
    """What a dead letter says of itself, from its headers: never its value."""

    reason: str
    stream: str
    source_topic: str | None
    timestamp_ms: int
    replays: int
    has_original: bool
    detail: str

    @classmethod
    def of(cls, message: Message) -> DeadLetterView:
        headers = {name: value.decode(errors="replace") for name, value in _headers(message)}
        return cls(
            reason=headers.get("reason", "(none)"),
            stream=headers.get("stream", "(none)"),
            source_topic=headers.get("source.topic"),
            timestamp_ms=message.timestamp()[1],
            replays=_count(headers.get("replays")),
            has_original=message.value() is not None,
            detail=headers.get("detail", ""),
        )


def _headers(message: Message) -> list[tuple[str, bytes]]:
    raw = cast("list[tuple[str, bytes | None]]", message.headers() or [])
    return [(name, value or b"") for name, value in raw]


def _count(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


@dataclass
class ReasonSummary:
    reason: str
    count: int = 0
    streams: Counter[str] = field(default_factory=Counter)
    replayed_before: int = 0  # dead letters of events that had been replayed already
    without_original: int = 0
    first_ms: int | None = None
    last_ms: int | None = None
    detail: str = ""  # the latest one's: a sentence that never holds event content


def summarize(config: PipelineConfig, since_ms: int | None = None, timeout_s: float = 60) -> tuple[int, list[ReasonSummary]]:
    """(dead letters read, a summary per reason, most frequent first) of the dead-letter topic."""
    kafka = config.kafka
    consumer = broker.reader(kafka, "dead-letter-list", **{"enable.partition.eof": True})
    by_reason: dict[str, ReasonSummary] = {}
    total = 0

    def add(message: Message) -> None:
        nonlocal total
        view = DeadLetterView.of(message)
        if since_ms is not None and view.timestamp_ms < since_ms:
            return
        total += 1
        s = by_reason.setdefault(view.reason, ReasonSummary(view.reason))
        s.count += 1
        s.streams[view.stream] += 1
        s.replayed_before += view.replays > 0
        s.without_original += not view.has_original
        s.first_ms = view.timestamp_ms if s.first_ms is None else min(s.first_ms, view.timestamp_ms)
        if s.last_ms is None or view.timestamp_ms >= s.last_ms:
            s.last_ms, s.detail = view.timestamp_ms, view.detail

    try:
        broker.read_to_end(consumer, kafka, kafka.dead_letter_topic, add, timeout_s, "the dead-letter topic")
    finally:
        consumer.close()
    return total, sorted(by_reason.values(), key=lambda s: (-s.count, s.reason))


def format_summary(topic: str, total: int, rows: list[ReasonSummary]) -> str:
    if not rows:
        return f"dead-letter topic {topic}: no dead letters"
    lines = [f"dead-letter topic {topic}: {total} dead letter(s)", f"{'reason':26} {'count':>7} {'replayed':>8}  {'first':20} {'last':20} streams"]
    for s in rows:
        streams = ", ".join(f"{name} {n}" for name, n in s.streams.most_common())
        lines.append(f"{s.reason:26} {s.count:7} {s.replayed_before:8}  {_time(s.first_ms):20} {_time(s.last_ms):20} {streams}")
        if s.detail:
            lines.append(f"{'':26} latest: {s.detail}")
        if s.without_original:
            lines.append(f"{'':26} {s.without_original} without the original (too large to carry; it stays at its source offset)")
    return "\n".join(lines)


def _time(ms: int | None) -> str:
    return "-" if ms is None else datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class ReplayResult:
    replayed: Counter[str] = field(default_factory=Counter)  # per raw topic
    skipped: Counter[str] = field(default_factory=Counter)  # per cause
    read: int = 0

    def describe(self, reason: str) -> str:
        lines = [f"replay of {reason!r}: {sum(self.replayed.values())} replayed of {self.read} dead letter(s) read"]
        lines += [f"  -> {topic}: {n}" for topic, n in sorted(self.replayed.items())]
        lines += [f"  left alone, {cause}: {n}" for cause, n in sorted(self.skipped.items())]
        return "\n".join(lines)


def replay_group(config: PipelineConfig, reason: str) -> str:
    """The consumer group that holds how far dead letters of `reason` have been replayed."""
    return f"{config.kafka.group_id}.dead-letter-replay.{reason}"


def replay(
    config: PipelineConfig,
    reason: str,
    since_ms: int | None = None,
    max_replays: int = DEFAULT_MAX_REPLAYS,
    dry_run: bool = False,
    timeout_s: float = 60,
    on_progress: Callable[[int], None] | None = None,
) -> ReplayResult:
    """Send the originals of the dead letters of `reason` not replayed yet back to their raw
    topics, in transactions that also move the reason's position (see the module docstring)."""
    kafka = config.kafka
    inputs = {s.input_topic for s in config.streams.values()}
    group = replay_group(config, reason)
    consumer = broker.consumer(
        kafka,
        **{"group.id": group, "enable.auto.commit": False, "isolation.level": "read_committed", "enable.partition.eof": True, "auto.offset.reset": "earliest"},
    )
    producer = None
    if not dry_run:
        producer = broker.producer(kafka, **{"transactional.id": group, "transaction.timeout.ms": 60_000})
        producer.init_transactions(kafka.connect_timeout_s)
    result = ReplayResult()
    try:
        ends = broker.end_offsets(kafka, [kafka.dead_letter_topic], timeout_s)
        parts = [TopicPartition(kafka.dead_letter_topic, p) for _, p in ends]
        committed = consumer.committed(parts, timeout=timeout_s)
        consumer.assign([TopicPartition(tp.topic, tp.partition, tp.offset if tp.offset >= 0 else OFFSET_BEGINNING) for tp in committed])
        at_end = {tp.partition for tp in committed if tp.offset >= ends[tp.topic, tp.partition]}
        positions: dict[int, int] = {}
        pending = 0
        started = time.monotonic()
        if producer is not None:
            producer.begin_transaction()
        while len(at_end) < len(parts):
            if time.monotonic() - started > timeout_s:
                raise TimeoutError(f"the dead-letter topic {kafka.dead_letter_topic} could not be read to its end in {timeout_s:.0f} s")
            for message in consumer.consume(1000, timeout=0.5):
                err = message.error()
                if err is not None:
                    if err.code() == KafkaError._PARTITION_EOF:
                        at_end.add(message.partition() or 0)
                    continue
                positions[message.partition() or 0] = (message.offset() or 0) + 1
                result.read += 1
                if _replay_one(message, reason, since_ms, max_replays, inputs, producer, result):
                    pending += 1
                if on_progress is not None:
                    on_progress(result.read)
            if producer is not None and pending >= REPLAY_CHUNK:
                _commit(producer, consumer, kafka.dead_letter_topic, positions, kafka.connect_timeout_s)
                producer.begin_transaction()
                pending = 0
        if producer is not None:
            _commit(producer, consumer, kafka.dead_letter_topic, positions, kafka.connect_timeout_s)
    except BaseException:
        if producer is not None:
            try:
                producer.abort_transaction(kafka.connect_timeout_s)
            except Exception:
                pass  # the transaction times out on the broker; nothing of it is visible
        raise
    finally:
        consumer.close()
    return result


def _replay_one(
    message: Message, reason: str, since_ms: int | None, max_replays: int, inputs: set[str], producer: Producer | None, result: ReplayResult
) -> bool:
    view = DeadLetterView.of(message)
    if view.reason != reason or (since_ms is not None and view.timestamp_ms < since_ms):
        return False
    if view.replays >= max_replays:
        result.skipped[f"replayed {view.replays} time(s) already (--max-replays {max_replays})"] += 1
        return False
    if not view.has_original:
        result.skipped["original too large to carry (it stays at its source offset)"] += 1
        return False
    if view.source_topic not in inputs:
        result.skipped["source topic is not a configured stream's input"] += 1
        return False
    headers: list[tuple[str, str | bytes | None]] = [
        (name.removeprefix(SOURCE_HEADER_PREFIX), value)
        for name, value in _headers(message)
        if name.startswith(SOURCE_HEADER_PREFIX) and name != SOURCE_HEADER_PREFIX + REPLAY_HEADER
    ]
    headers.append((REPLAY_HEADER, str(view.replays + 1).encode()))
    assert view.source_topic is not None
    if producer is not None:
        producer.produce(view.source_topic, value=message.value(), key=message.key(), headers=headers)
    result.replayed[view.source_topic] += 1
    return True


def _commit(producer: Producer, consumer: Consumer, topic: str, positions: dict[int, int], timeout_s: float) -> None:
    offsets = [TopicPartition(topic, p, offset) for p, offset in sorted(positions.items())]
    if offsets:
        producer.send_offsets_to_transaction(offsets, consumer.consumer_group_metadata(), timeout_s)
    producer.commit_transaction(timeout_s)
