"""Talking to the Kafka broker: client settings, reachability, topics.

Kept apart from the service so that the CLI, the demo, the tests and the benchmarks reach
the broker the same way, and say the same clear thing when they cannot.
"""

from __future__ import annotations

import difflib
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic, OffsetSpec  # type: ignore[attr-defined]

from processor.config import KafkaSettings, PipelineConfig
from processor.errors import BrokerUnreachable, ConfigError, TopicNotReady
from processor.logs import RepeatedLines
from processor.provisioning import plan

T = TypeVar("T")

# Answers a broker gives about a topic that exists but whose partitions are not served yet (it was
# created a moment ago, or a leader is being elected); they pass by themselves, so they are waited
# out, not reported. A fresh clone's `make test` once died on UNKNOWN_LEADER_EPOCH: every error
# librdkafka marks retriable counts too (see `passes_by_itself`).
_LEADERLESS = frozenset(
    {
        KafkaError.LEADER_NOT_AVAILABLE,
        KafkaError.NOT_LEADER_FOR_PARTITION,
        KafkaError.UNKNOWN_TOPIC_OR_PART,
        KafkaError.UNKNOWN_LEADER_EPOCH,
        KafkaError.FENCED_LEADER_EPOCH,
        KafkaError.OFFSET_NOT_AVAILABLE,
        KafkaError.NOT_COORDINATOR,
        KafkaError.REQUEST_TIMED_OUT,
        KafkaError._TIMED_OUT,
        KafkaError._TRANSPORT,
    }
)


def passes_by_itself(error: object) -> bool:
    """Whether a Kafka error is one to wait out rather than report: the one place that says so."""
    return isinstance(error, KafkaError) and (error.code() in _LEADERLESS or error.retriable())


# librdkafka's own log lines (a refused connection, a broker down) go through Python's logging,
# so that they are JSON lines like the rest; the same line again within half a minute is only counted.
_CLIENT_LOG = logging.getLogger("pii.kafka")
_CLIENT_LOG.addFilter(RepeatedLines(window_s=30.0))


def client_config(settings: KafkaSettings, **extra: Any) -> dict[str, Any]:
    return {"bootstrap.servers": settings.bootstrap_servers, "logger": _CLIENT_LOG, **settings.client, **extra}


# -- the clients every part of the project makes: one recipe each ---------------------------


def _built(make: Callable[[dict[str, Any]], T], config: dict[str, Any]) -> T:
    """A Kafka client, or a ConfigError that says which setting librdkafka refused (an unknown
    property under `kafka.client`, an `ssl.ca.location` that does not exist...)."""
    # librdkafka's own word for a missing certificate file is an OpenSSL error code.
    missing = [f"{k}: {v}" for k, v in config.items() if k.endswith(".location") and isinstance(v, str) and not os.path.exists(v)]
    if missing:
        raise ConfigError(f"kafka.client names file(s) that do not exist: {'; '.join(missing)}")
    try:
        return make(config)
    except KafkaException as e:
        error = e.args[0] if e.args else None
        said = error.str() if isinstance(error, KafkaError) else str(e)
        raise ConfigError(f"the Kafka client refused its settings (kafka.client and the built-in ones): {said}") from None


def admin_client(settings: KafkaSettings) -> AdminClient:
    """An admin client (topics, offsets) with the configured client settings."""
    return _built(AdminClient, client_config(settings))


def consumer(settings: KafkaSettings, **extra: Any) -> Consumer:
    """A consumer with the configured client settings."""
    return _built(Consumer, client_config(settings, **extra))


def producer(settings: KafkaSettings, **extra: Any) -> Producer:
    """An idempotent producer that waits for every in-sync replica: nothing produced twice by
    a retry, nothing acknowledged before it is safe."""
    return _built(Producer, client_config(settings, **{"acks": "all", "enable.idempotence": True, **extra}))


def reader(settings: KafkaSettings, purpose: str, **extra: Any) -> Consumer:
    """A consumer that reads committed messages from the start, as a group of its own (a fresh
    group id named after `purpose`), and commits nothing: for tables loaded from a topic
    (consent, aggregate state), reports, the demo and tests."""
    return consumer(
        settings,
        **{
            "group.id": f"pii-{purpose}-{uuid.uuid4().hex}",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            "isolation.level": "read_committed",
            **extra,
        },
    )


def _quiet_admin(bootstrap: str, **extra: Any) -> AdminClient:
    # librdkafka logs every refused connection; while we wait on purpose, that is noise.
    return _built(AdminClient, {"bootstrap.servers": bootstrap, "log_level": 0, **extra})


def wait_until_reachable(settings: KafkaSettings) -> None:
    """Wait for the configured broker (`kafka.connect_timeout_s`), with the configured client
    settings (TLS, SASL); BrokerUnreachable names the address and the wait."""
    wait_for_broker(settings.bootstrap_servers, settings.connect_timeout_s, **settings.client)


def wait_for_broker(bootstrap: str, timeout_s: float, **extra: Any) -> None:
    """Return once the broker answers a metadata request, or raise BrokerUnreachable."""
    admin = _quiet_admin(bootstrap, **extra)
    start = time.monotonic()
    last = "no answer"
    while True:
        remaining = timeout_s - (time.monotonic() - start)
        if remaining <= 0:
            raise BrokerUnreachable(bootstrap, time.monotonic() - start, last)
        try:
            md = admin.list_topics(timeout=min(2.0, max(remaining, 0.1)))
            if md.brokers:
                return
            last = "metadata without brokers"
        except KafkaException as e:
            err = e.args[0] if e.args else None
            last = err.name() if isinstance(err, KafkaError) else type(e).__name__
        time.sleep(0.2)


def ensure_topics(
    settings: KafkaSettings,
    topics: Iterable[str],
    partitions: int | None = None,
    timeout_s: float = 30,
    compacted: Iterable[str] = (),
    max_message_bytes: int | None = None,
    settings_of: dict[str, dict[str, str]] | None = None,
) -> list[str]:
    """Create the topics that do not exist yet; return the names created. `max_message_bytes`
    sets their max.message.bytes, so that what the processor may produce, they accept;
    `settings_of` gives topics their own settings (retention.ms, min.insync.replicas...)."""
    compacted = set(compacted)
    settings_of = settings_of or {}
    admin = admin_client(settings)
    existing = set(admin.list_topics(timeout=timeout_s).topics)
    wanted = [t for t in dict.fromkeys(topics) if t not in existing]
    if not wanted:
        return []
    futures = admin.create_topics(
        [
            NewTopic(
                t,
                num_partitions=partitions or settings.partitions,
                replication_factor=settings.replication_factor,
                config={
                    **({"cleanup.policy": "compact"} if t in compacted else {}),
                    **({"max.message.bytes": str(max_message_bytes)} if max_message_bytes else {}),
                    **settings_of.get(t, {}),
                },
            )
            for t in wanted
        ],
        operation_timeout=timeout_s,
    )
    created = []
    for topic, fut in futures.items():
        try:
            fut.result()
            created.append(topic)
        except KafkaException as e:
            if e.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise
    # The controller answers before the partitions are served: a client that reads the
    # watermarks in that moment is told NOT_LEADER_FOR_PARTITION (a CI run failed on it).
    end_offsets(settings, wanted, timeout_s)
    return created


def ensure_pipeline_topics(config: PipelineConfig, inputs: bool = True) -> list[str]:
    """Every topic a pipeline reads or writes, created where missing with the settings of
    processor/provisioning.py (retention by class, min.insync.replicas, the consent topic
    compacted, each accepting the largest message the pipeline may produce). Without `inputs`,
    the streams' input topics are left out: the service never creates them, since a misspelt
    one would be created empty and the service would wait on it for ever."""
    wanted = [t for t in plan(config) if inputs or t.role != "raw"]
    return ensure_topics(config.kafka, [t.name for t in wanted], settings_of={t.name: t.settings for t in wanted})


def require_topics(config: PipelineConfig, outputs: bool = True) -> None:
    """Fail before any data moves if a topic the service reads (or, with `outputs`, writes) does
    not exist, naming it, the key that names it and the closest existing topics (a typo such as
    `raw.call-recrods`)."""
    kafka = config.kafka
    admin = admin_client(kafka)
    try:
        existing = set(admin.list_topics(timeout=kafka.connect_timeout_s).topics)
    except KafkaException as e:
        raise BrokerUnreachable(kafka.bootstrap_servers, kafka.connect_timeout_s, str(e.args[0] if e.args else e)) from None
    where = {s.input_topic: f"streams.{kind}.input_topic" for kind, s in config.streams.items()}
    if outputs:
        where.update({s.output_topic: f"streams.{kind}.output_topic" for kind, s in config.streams.items()})
        where.update({p.topic(k): f"partners.{p.name}.streams.{k}" for p in config.partners for k in p.streams})
        where.update({kafka.dead_letter_topic: "kafka.dead_letter_topic", config.audit_topic: "audit_topic", config.consent.topic: "consent.topic"})
    missing = [(topic, key) for topic, key in where.items() if topic not in existing]
    if missing:
        said = []
        for topic, key in missing:
            close = difflib.get_close_matches(topic, sorted(existing), n=3, cutoff=0.6)
            hint = f"closest existing: {', '.join(close)}" if close else "no existing topic has a similar name"
            said.append(f"{topic} ({key}; {hint})")
        raise TopicNotReady(
            f"topic(s) missing on the Kafka broker at {kafka.bootstrap_servers}: {'; '.join(said)}. The service never creates "
            f"input topics, and creates the others only with kafka.create_topics: true: fix the name, or create them "
            f"(`pii-processor topics --config FILE` creates every configured topic)."
        )


def end_offsets(settings: KafkaSettings, topics: Iterable[str], timeout_s: float = 30) -> dict[tuple[str, int], int]:
    """The end offset (high watermark) of every partition of every topic, once each is served.

    Raises TopicNotReady if a topic is missing or a partition is not served in time. The metadata
    names a partition's leader a moment before that broker serves it, so the leader being known
    is not enough: a topic counts once each of its partitions has answered an offsets request.
    """
    start = time.monotonic()
    admin = admin_client(settings)
    request_timeout = max(1.0, min(10.0, timeout_s))
    pending = list(dict.fromkeys(topics))
    ends: dict[tuple[str, int], int] = {}
    while True:
        waiting: dict[str, str] = {}
        try:
            md = admin.list_topics(timeout=request_timeout)
        except KafkaException as e:
            if not passes_by_itself(e.args[0] if e.args else None):
                raise
            md = None
            waiting = {topic: f"no metadata ({e.args[0].name()})" for topic in pending}
        asks: dict[TopicPartition, OffsetSpec] = {}
        for topic in pending if md is not None else ():
            assert md is not None
            t = md.topics.get(topic)
            if t is None:
                waiting[topic] = "does not exist"
            elif t.error is not None:
                waiting[topic] = t.error.name()
            elif not t.partitions:
                waiting[topic] = "no partitions yet"
            elif leaderless := sorted(p for p, pm in t.partitions.items() if pm.leader < 0 or pm.error is not None):
                waiting[topic] = f"no leader for partitions {leaderless}"
            else:
                asks.update({TopicPartition(topic, p): OffsetSpec.latest() for p in t.partitions})  # type: ignore[no-untyped-call]
        for tp, fut in (admin.list_offsets(asks, request_timeout=request_timeout) if asks else {}).items():
            try:
                ends[tp.topic, tp.partition] = fut.result().offset
            except KafkaException as e:
                err = e.args[0] if e.args else None
                if err is None or not passes_by_itself(err):
                    raise
                waiting[tp.topic] = f"partition {tp.partition} not served ({err.name()})"
        pending = list(waiting)
        if not pending:
            return ends
        waited = time.monotonic() - start
        if waited >= timeout_s:
            said = "; ".join(f"{t}: {why}" for t, why in waiting.items())
            raise TopicNotReady(f"topics on the Kafka broker at {settings.bootstrap_servers} not ready after {waited:.0f} s ({said})")
        time.sleep(0.1)


def read_to_end(consumer: Consumer, settings: KafkaSettings, topic: str, apply: Callable[[Message], None], timeout_s: float, what: str) -> None:
    """Assign every partition of `topic` from its start and hand each record to `apply` until all are at their end.

    The consumer must have `enable.partition.eof` set: the end of a partition is the moment
    librdkafka says so, which also holds for read_committed (the watermark would count
    transaction markers). Raises TimeoutError, naming `what`, if the end is not reached in time.
    """
    start = time.monotonic()
    ends = end_offsets(settings, [topic], timeout_s)
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for _, p in ends])
    at_end = {p for (_, p), end in ends.items() if end == 0}
    while len(at_end) < len(ends):
        if time.monotonic() - start > timeout_s:
            raise TimeoutError(f"{what} {topic} could not be read to its end in {timeout_s:.0f} s")
        for m in consumer.consume(1000, timeout=0.5):
            err = m.error()
            if err is None:
                apply(m)
            elif err.code() == KafkaError._PARTITION_EOF:
                at_end.add(m.partition() or 0)


def sample(settings: KafkaSettings, topic: str, count: int, timeout_s: float = 30) -> list[bytes | None]:
    """The values of the latest `count` committed messages of `topic` (about as many from each
    partition), for looking at a topic's shape; nothing is committed."""
    ends = end_offsets(settings, [topic], timeout_s)
    consumer = reader(settings, "sample", **{"enable.partition.eof": True})
    try:
        lows = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=timeout_s)[0] for (_, p) in ends}
        takes = _shares(count, {p: max(0, end - lows[p]) for (_, p), end in ends.items()})
        starts = [TopicPartition(topic, p, ends[topic, p] - takes[p]) for (_, p) in ends]
        consumer.assign(starts)
        values: list[bytes | None] = []
        at_end = {tp.partition for tp in starts if tp.offset >= ends[topic, tp.partition]}
        deadline = time.monotonic() + timeout_s
        while len(at_end) < len(starts) and len(values) < count and time.monotonic() < deadline:
            for m in consumer.consume(500, timeout=0.5):
                err = m.error()
                if err is None:
                    values.append(m.value())
                elif err.code() == KafkaError._PARTITION_EOF:
                    at_end.add(m.partition() or 0)
        return values[:count]
    finally:
        consumer.close()


def _shares(count: int, available: dict[int, int]) -> dict[int, int]:
    """`count` messages taken from partitions holding `available` each, as evenly as they
    allow: what a short partition cannot give, the others give (unkeyed producers often fill
    one partition far more than the rest)."""
    takes = dict.fromkeys(available, 0)
    left = count
    while left > 0:
        open_ = [p for p in available if takes[p] < available[p]]
        if not open_:
            break
        share = max(1, left // len(open_))
        for p in open_:
            give = min(share, available[p] - takes[p], left)
            takes[p] += give
            left -= give
    return takes


def delete_topics(settings: KafkaSettings, topics: Iterable[str], timeout_s: float = 30) -> None:
    admin = admin_client(settings)
    for fut in admin.delete_topics(list(topics), operation_timeout=timeout_s).values():
        try:
            fut.result()
        except KafkaException:
            pass
