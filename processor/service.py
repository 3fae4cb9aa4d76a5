"""The Kafka shell around the pipeline: consume a batch, process it, produce, commit.

With `kafka.exactly_once` (the default) every batch is one Kafka transaction: the outputs to
every partner topic, the dead letters, the batch's audit record and the consumed offsets are
committed together or not at all, so a crash at any point neither loses nor duplicates an
event for a `read_committed` reader, and a half-written batch is never visible. Without it,
offsets are committed after every message of the batch is acknowledged (at-least-once).

Any failure to deliver ends the process with a non-zero status and nothing committed: the
next start resumes from the last committed batch. SIGTERM and SIGINT finish the batch in
hand, commit it and exit 0.

Adding the consumed offsets to a transaction and committing it are round trips to the broker's
transaction coordinator: they run on a helper thread while the next batch is consumed and
processed, and are waited for before the next transaction begins, before partitions are given
up and before the process ends. At most one transaction is open at a time, so the guarantees
above are unchanged.
"""

from __future__ import annotations

import logging
import signal
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from confluent_kafka import Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from processor import broker, metrics
from processor.config import PipelineConfig
from processor.consent import ConsentFeed, ConsentTable
from processor.errors import DeliveryFailed, SetupError
from processor.pipeline import Origin, Outcome, Pipeline, Record, Tally, dead_letter_message

log = logging.getLogger("pii.service")
FLUSH_TIMEOUT_S = 60


@dataclass
class ServiceStats:
    """What a service run did: the pipeline's tally over all its batches, and when."""

    totals: Tally = field(default_factory=Tally)
    batches: int = 0
    # Monotonic times of the first record received and the last batch committed.
    first_record_at: float | None = None
    last_commit_at: float | None = None

    @property
    def busy_s(self) -> float:
        if self.first_record_at is None or self.last_commit_at is None:
            return 0.0
        return self.last_commit_at - self.first_record_at

    def as_fields(self) -> dict[str, Any]:
        offset = time.time() - time.monotonic()
        return {
            "busy_s": round(self.busy_s, 3),
            "first_record_unix": round(self.first_record_at + offset, 3) if self.first_record_at else None,
            "last_commit_unix": round(self.last_commit_at + offset, 3) if self.last_commit_at else None,
            **self.totals.as_fields(),
            "batches": self.batches,
        }


class Service:
    def __init__(
        self,
        config: PipelineConfig,
        pipeline: Pipeline | None = None,
        *,
        stop_when_idle_s: float | None = None,
        instance: str = "0",
        metrics_port: int | None = None,
        on_batch: Any = None,
    ) -> None:
        self.config = config
        self.kafka = config.kafka
        self.stop_when_idle_s = stop_when_idle_s
        self.instance = instance
        self.metrics_port = config.metrics.port if metrics_port is None else metrics_port
        # Called with each committed batch's outcomes (the demo's progress line).
        self.on_batch = on_batch
        self.stats = ServiceStats()
        self._running = True
        self._delivery_errors: list[str] = []
        # The transaction being committed on the helper thread: (its future, its outcomes, when its batch began).
        self._in_flight: tuple[Future[None], list[Outcome], Tally, float] | None = None
        self._stream_of_topic = config.stream_for_topic()
        self.consent = ConsentTable()
        broker.wait_until_reachable(self.kafka)
        self.pipeline = pipeline or Pipeline(config, consent=self.consent)
        self.pipeline.consent = self.consent
        self.pipeline.prepare_for_stream()
        self._recipient_of_topic = {r.topic: (r.partner or "redacted", kind.value) for kind, rs in self.pipeline.recipients.items() for r in rs}

    def stop(self, *_: Any) -> None:
        self._running = False

    def run(self) -> ServiceStats:
        server = self._metrics_server() if self.metrics_port else None
        metrics.set_ready(False)
        try:
            return self._run()
        finally:
            if server is not None:
                server.close()

    def _metrics_server(self) -> metrics.MetricsServer:
        host = self.config.metrics.host
        try:
            return metrics.MetricsServer(host, self.metrics_port, self.config.metrics.stall_after_s)
        except OSError as e:
            raise SetupError(
                f"cannot serve metrics on {host}:{self.metrics_port} ({e.strerror}); set metrics.port (or PII_METRICS_PORT) "
                f"to a free port, or to 0 to turn the endpoint off"
            ) from None

    def _run(self) -> ServiceStats:
        broker.require_input_topics(self.config)
        broker.ensure_pipeline_topics(self.config, inputs=False)
        feed = ConsentFeed(self.kafka, self.config.consent.topic, self.consent)
        feed.load(self.config.consent.load_timeout_s)
        member = f"{self.kafka.group_id}-{self.instance}"
        consumer = broker.consumer(
            self.kafka,
            **{
                "group.id": self.kafka.group_id,
                # Static membership: a restarted instance takes its partitions back at once
                # instead of waiting for its old session to time out.
                "group.instance.id": member,
                "session.timeout.ms": 10_000,
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
                "isolation.level": "read_committed",
                # A light stream should not wait half a second per fetch (the default).
                "fetch.wait.max.ms": 100,
            },
        )
        producer_config: dict[str, Any] = {
            "linger.ms": 5,
            "compression.type": "lz4",
            # Room for the largest message the pipeline lets through (it dead-letters larger
            # copies, and sends oversized dead letters without their payload), with its headers.
            "message.max.bytes": broker.message_max_bytes(self.config.limits.max_output_bytes),
        }
        if self.kafka.exactly_once:
            producer_config["transactional.id"] = member
        producer = broker.producer(self.kafka, **producer_config)
        if self.kafka.exactly_once:
            # Fences any earlier incarnation of this instance and aborts its open transaction.
            producer.init_transactions(self.kafka.connect_timeout_s)
        assigned = False

        def on_assign(_c: Consumer, partitions: list[TopicPartition]) -> None:
            nonlocal assigned
            assigned = True
            metrics.set_ready(True)
            log.info("partitions assigned", extra={"fields": {"partitions": [f"{p.topic}[{p.partition}]" for p in partitions]}})

        def on_revoke(_c: Consumer, _partitions: list[TopicPartition]) -> None:
            # Partitions are given up only after the transaction that covers them is committed.
            self._settle(producer)

        consumer.subscribe(list(self._stream_of_topic), on_assign=on_assign, on_revoke=on_revoke)
        committer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="commit")
        previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, self.stop), signal.SIGINT: signal.signal(signal.SIGINT, self.stop)}
        log.info(
            "service started",
            extra={
                "fields": {
                    "bootstrap": self.kafka.bootstrap_servers,
                    "topics": list(self._stream_of_topic),
                    "exactly_once": self.kafka.exactly_once,
                    "instance": self.instance,
                    "policy_version": self.pipeline.policy_version,
                }
            },
        )
        last_message = time.monotonic()
        last_lag = 0.0
        try:
            while self._running:
                metrics.loop_done()
                metrics.stage("consume")
                feed.poll()
                if time.monotonic() - last_lag >= self.config.metrics.lag_interval_s:
                    last_lag = time.monotonic()
                    _measure_lag(consumer)
                messages = consumer.consume(num_messages=self.kafka.batch_size, timeout=self.kafka.poll_timeout_s)
                records = self._records(messages)
                if not records:
                    metrics.stage("commit")
                    self._settle(producer)
                    idle = time.monotonic() - last_message
                    if self.stop_when_idle_s is not None and assigned and idle >= self.stop_when_idle_s:
                        log.info("idle, stopping", extra={"fields": {"idle_s": round(idle, 1)}})
                        break
                    continue
                last_message = time.monotonic()
                if self.stats.first_record_at is None:
                    self.stats.first_record_at = last_message
                metrics.stage("detect")
                outcomes = self.pipeline.process(records)
                metrics.stage("commit")
                self._settle(producer)
                metrics.stage("produce")
                self._send(records, outcomes, consumer, producer, committer, last_message)
            self._settle(producer)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            committer.shutdown(wait=True)
            consumer.close()
            feed.close()
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
            # A consumed message without an error always has its topic, partition and offset.
            topic, partition, offset = cast(str, m.topic()), cast(int, m.partition()), cast(int, m.offset())
            headers = cast("list[tuple[str, bytes | None]] | None", m.headers())
            records.append(Record(self._stream_of_topic[topic], m.value(), m.key(), Origin(topic, partition, offset), headers))
        return records

    def _send(
        self, records: list[Record], outcomes: list[Outcome], consumer: Consumer, producer: Producer, committer: ThreadPoolExecutor, began: float
    ) -> None:
        """Produce a processed batch; with exactly-once, in a transaction whose commit is left
        running on the helper thread (see `_settle`)."""
        eos = self.kafka.exactly_once
        # A transaction fails as a whole if one of its messages fails: no callback per message.
        on_delivery = None if eos else self._on_delivery
        tally = Tally.of(outcomes)
        try:
            if eos:
                producer.begin_transaction()
            for n, o in enumerate(outcomes):
                if o.dead_letter is not None:
                    key, value, headers = dead_letter_message(o, self.config.limits.max_output_bytes)
                    producer.produce(self.kafka.dead_letter_topic, value=value, key=key, headers=headers, on_delivery=on_delivery)
                for out in o.outputs:
                    producer.produce(out.topic, value=out.value, key=out.key, on_delivery=on_delivery)
                if n % 256 == 255:
                    producer.poll(0)
            now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            producer.produce(self.config.audit_topic, value=self.pipeline.audit_record(tally, now), on_delivery=on_delivery)
            offsets = _next_offsets(records)
            if eos:
                self._in_flight = (committer.submit(self._commit, producer, offsets, consumer.consumer_group_metadata()), outcomes, tally, began)
                return
            remaining = producer.flush(FLUSH_TIMEOUT_S)
            if remaining:
                self._delivery_errors.append(f"{remaining} unacknowledged after {FLUSH_TIMEOUT_S} s")
            if self._delivery_errors:
                raise DeliveryFailed(f"delivery errors: {sorted(set(self._delivery_errors))}")
            consumer.commit(offsets=offsets, asynchronous=False)
        except (KafkaException, DeliveryFailed) as e:
            self._fail(producer, e)
        self._committed(outcomes, tally, began)

    def _commit(self, producer: Producer, offsets: list[TopicPartition], group: Any) -> None:
        # Both are round trips to the transaction coordinator (tens of milliseconds under
        # load): on the helper thread, they overlap the next batch's processing.
        producer.send_offsets_to_transaction(offsets, group, self.kafka.connect_timeout_s)
        producer.commit_transaction(FLUSH_TIMEOUT_S)

    def _settle(self, producer: Producer) -> None:
        """Wait for the transaction in flight, if any; count it once it is committed."""
        if self._in_flight is None:
            return
        future, outcomes, tally, began = self._in_flight
        self._in_flight = None
        try:
            future.result()
        except KafkaException as e:
            self._fail(producer, e)
        self._committed(outcomes, tally, began)

    def _fail(self, producer: Producer, e: Exception) -> None:
        if self.kafka.exactly_once:
            try:
                producer.abort_transaction(self.kafka.connect_timeout_s)
            except KafkaException:
                pass
        cause = e.args[0].name() if isinstance(e, KafkaException) and isinstance(e.args[0], KafkaError) else str(e)
        raise DeliveryFailed(f"the batch was not committed ({cause}); it will be processed again on restart") from None

    def _committed(self, outcomes: list[Outcome], tally: Tally, began: float) -> None:
        self.stats.last_commit_at = time.monotonic()
        metrics.BATCH_SECONDS.observe(self.stats.last_commit_at - began)
        self._count(tally)
        if self.on_batch is not None:
            self.on_batch(outcomes)

    def _count(self, tally: Tally) -> None:
        # Added to the metrics once per label and batch: a label lookup per event would cost
        # more than the rest of the bookkeeping.
        self.stats.batches += 1
        self.stats.totals.add(tally)
        for stream, n in tally.consumed.items():
            metrics.CONSUMED.labels(stream).inc(n)
        for reason, n in tally.dead_lettered.items():
            metrics.DEAD_LETTERS.labels(reason).inc(n)
        for entity, n in tally.entities.items():
            metrics.ENTITIES.labels(entity).inc(n)
        for topic, n in tally.produced.items():
            metrics.PRODUCED.labels(*self._recipient_of_topic.get(topic, (topic, "unknown"))).inc(n)
        for (partner, reason), n in tally.dropped.items():
            metrics.DROPPED.labels(partner, reason).inc(n)

    def _on_delivery(self, err: KafkaError | None, _msg: Message) -> None:
        if err is not None:
            self._delivery_errors.append(err.name())


def _measure_lag(consumer: Consumer) -> None:
    try:
        assignment = consumer.assignment()
        for tp, pos in zip(assignment, consumer.position(assignment)):
            # The high watermark of the last fetch response: asking the broker instead stalls
            # the loop for a round trip per partition (over 100 ms each under load).
            _low, high = consumer.get_watermark_offsets(tp, cached=True)
            if pos.offset >= 0 and high >= 0:
                metrics.LAG.labels(tp.topic, str(tp.partition)).set(max(high - pos.offset, 0))
    except KafkaException:
        pass  # lag is a gauge, not a reason to stop


def _next_offsets(records: list[Record]) -> list[TopicPartition]:
    next_offsets: dict[tuple[str, int], int] = {}
    for r in records:
        assert r.origin is not None
        key = (r.origin.topic, r.origin.partition)
        next_offsets[key] = max(next_offsets.get(key, 0), r.origin.offset + 1)
    return [TopicPartition(t, p, o) for (t, p), o in next_offsets.items()]
