"""The Kafka shell around the pipeline: consume a batch, process it, produce, commit.

With `kafka.exactly_once` (the default) every batch is one Kafka transaction: the outputs to
every partner topic, the dead letters, the batch's audit record and the consumed offsets are
committed together or not at all, so a crash at any point neither loses nor duplicates an
event for a `read_committed` reader, and a half-written batch is never visible. Without it,
offsets are committed after every message of the batch is acknowledged (at-least-once).

A batch the broker would not take (the broker restarted, a leader moved, the transaction was
aborted or its producer hit a fatal error) is not the end of the service: it drops its
producer, makes a new one with the same transactional id (which fences the old one and settles
its open transaction), rewinds the consumer to the last committed offsets and goes on, so the
lost batch is processed again and committed once. While it waits for the broker, /readyz says
not ready and `pii_broker_outage` is 1; it exits 1 only when the broker stays out of reach for
`kafka.outage_limit_s`, naming the address and the wait (a restart resumes from the last
committed batch). A producer fenced by another instance with the same id is not fought over:
that also exits 1. SIGTERM and SIGINT finish the batch in hand, commit it and exit 0.

Adding the consumed offsets to a transaction and committing it are round trips to the broker's
transaction coordinator: they run on a helper thread while the next batch is consumed and
processed, and are waited for before the next transaction begins, before partitions are given
up and before the process ends. At most one transaction is open at a time, so the guarantees
above are unchanged.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from processor import broker, metrics
from processor.config import PipelineConfig
from processor.consent import ConsentFeed, ConsentTable
from processor.errors import BrokerLost, DeliveryFailed, SetupError
from processor.events import CANARY_HEADER
from processor.pipeline import Origin, Outcome, Pipeline, Record, Tally, dead_letter_message
from processor.provisioning import message_max_bytes

log = logging.getLogger("pii.service")
FLUSH_TIMEOUT_S = 60
# A transaction commit unanswered this long counts as the broker being out of reach (readiness).
COMMIT_UNANSWERED_S = 5.0
_CANARY_HEADERS: list[tuple[str, str | bytes | None]] = [(CANARY_HEADER, b"1")]
# A consumer replaced more often than this within the window is fought over, not recovering.
MAX_REPLACEMENTS, REPLACEMENTS_WINDOW_S = 3, 600.0
# Asked to stop, how long to wait for a commit the broker does not answer.
STOP_WAIT_S = 10.0
# How long closing the Kafka clients may take. Closing one that waits for a broker gone for
# good can take minutes (librdkafka retries what it owed); by then nothing is left to hand
# over (what was not committed is processed again on restart), so the service goes without it.
CLOSE_WAIT_S = 10.0
# Past `kafka.outage_limit_s` by this much, the orderly stop has failed somewhere: the watchdog
# ends the process (see `OutageWatchdog`).
OUTAGE_OVERSTAY_S = 30.0
# Between attempts to get a lost broker back: doubling from the first to the last.
RECOVERY_BACKOFF_S = (0.5, 5.0)
# Client errors that mean the broker is out of reach (rather than one request failing). One
# connection dropping (_TRANSPORT) counts too: the metadata probe clears it within a second if
# the cluster still answers.
_UNREACHABLE = frozenset({KafkaError._TRANSPORT, KafkaError._ALL_BROKERS_DOWN, KafkaError._RESOLVE})
# A newer instance with the same transactional id took over: this one must stop, not fight back.
_FENCED = frozenset({KafkaError._FENCED, KafkaError.PRODUCER_FENCED})


class _BatchLost(Exception):
    """A batch, or the transaction in flight, was not committed; the service recovers from it."""

    def __init__(
        self, cause: str, code: int | None = None, lost: tuple[list[Outcome], Tally, float, list[TopicPartition]] | None = None, consumer_fatal: bool = False
    ) -> None:
        super().__init__(cause)
        self.cause, self.code, self.consumer_fatal = cause, code, consumer_fatal
        # The transaction that failed to commit (its outcomes, tally, start and offsets): it may
        # have been committed after all (a commit that timed out on our side), which the
        # committed offsets tell once the broker is back.
        self.lost = lost


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
        # The transaction being committed on the helper thread: its future, outcomes, tally, when its batch began, offsets.
        self._in_flight: tuple[Future[None], list[Outcome], Tally, float, list[TopicPartition]] | None = None
        # A batch lost inside a rebalance callback, to recover from once the consumer returns.
        self._lost_in_callback: _BatchLost | None = None
        # Since when the consumer has said the broker is out of reach (None: it is not).
        self._unreachable_since: float | None = None
        self._last_probe = 0.0
        # The producer's commit never returned: leave it alone (see `_settle`).
        self._stuck_producer = False
        self._assigned = False
        # When the consumer was replaced (see `_replace_consumer`).
        self._replacements: list[float] = []
        # A fatal error librdkafka reported for the consumer through error_cb only (a static
        # member fenced after a long outage, while a commit was failing: seen once in five CI
        # runs, after which the consumer returned nothing for good and the stream stood still).
        self._consumer_fatal: str | None = None
        self._stream_of_topic = config.stream_for_topic()
        self.consent = ConsentTable()
        broker.wait_until_reachable(self.kafka)
        self.pipeline = pipeline or Pipeline(config, consent=self.consent)
        self.pipeline.consent = self.consent
        self.pipeline.prepare_for_stream()
        self._recipient_of_topic = {r.topic: (r.partner or "redacted", kind) for kind, rs in self.pipeline.recipients.items() for r in rs}

    def stop(self, *_: Any) -> None:
        self._running = False

    def run(self) -> ServiceStats:
        server = self._metrics_server() if self.metrics_port else None
        metrics.set_ready(False)
        watchdog = OutageWatchdog(self.kafka.bootstrap_servers, self.kafka.outage_limit_s + OUTAGE_OVERSTAY_S, lambda: self._unreachable_since)
        watchdog.start()
        try:
            return self._run()
        finally:
            watchdog.stop()
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
        if self.kafka.create_topics:
            broker.require_topics(self.config, outputs=False)
            broker.ensure_pipeline_topics(self.config, inputs=False)
        else:
            broker.require_topics(self.config)
        feed = ConsentFeed(self.kafka, self.config.consent.topic, self.consent)
        feed.load(self.config.consent.load_timeout_s)
        member = f"{self.kafka.group_id}-{self.instance}"
        self._consumer = self._new_consumer(member)
        self._producer = self._new_producer(member, self.kafka.connect_timeout_s)
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
                try:
                    metrics.loop_done()
                    metrics.stage("consume")
                    feed.poll()
                    if time.monotonic() - last_lag >= self.config.metrics.lag_interval_s:
                        last_lag = time.monotonic()
                        _measure_lag(self._consumer)
                    consumer = self._consumer
                    messages = consumer.consume(num_messages=self.kafka.batch_size, timeout=self.kafka.poll_timeout_s)
                    if self._lost_in_callback is not None:
                        lost, self._lost_in_callback = self._lost_in_callback, None
                        raise lost
                    if self._consumer_fatal is not None:
                        raise _BatchLost(self._consumer_fatal, KafkaError._FATAL, consumer_fatal=True)
                    records = self._records(messages)
                    self._watch_broker(consumer)
                    if not records:
                        metrics.stage("commit")
                        self._settle()
                        idle = time.monotonic() - last_message
                        if self._unreachable_since is not None:
                            last_message = time.monotonic()  # waiting for the broker is not being idle
                        elif self.stop_when_idle_s is not None and self._assigned and idle >= self.stop_when_idle_s:
                            log.info("idle, stopping", extra={"fields": {"idle_s": round(idle, 1)}})
                            break
                        continue
                    last_message = time.monotonic()
                    if self.stats.first_record_at is None:
                        self.stats.first_record_at = last_message
                    metrics.stage("detect")
                    outcomes = self.pipeline.process(records)
                    metrics.stage("commit")
                    self._settle()
                    metrics.stage("produce")
                    self._send(records, outcomes, consumer, last_message)
                except _BatchLost as lost:
                    self._recover(member, lost)
                    last_message = time.monotonic()
            try:
                self._settle()
            except _BatchLost as lost:
                # Stopping: the batch is processed again by the next start, from the committed offsets.
                self._abort()
                raise DeliveryFailed(f"the last batch was not committed ({lost.cause}); it will be processed again on restart") from None
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            # A producer stuck in a commit stays with its thread; the others are closed.
            producer = None if self._stuck_producer else self._producer
            _close_within(CLOSE_WAIT_S, self._consumer.close, feed.close, *([producer.purge, producer.close] if producer else []))
        log.info("service stopped", extra={"fields": self.stats.as_fields()})
        return self.stats

    def _new_consumer(self, member: str) -> Consumer:
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
                # librdkafka says "all brokers down" here, not as a consumed message: on a quiet
                # stream it is the only sign of an outage.
                "error_cb": self._on_client_error,
            },
        )
        consumer.subscribe(list(self._stream_of_topic), on_assign=self._on_assign, on_revoke=self._on_revoke)
        return consumer

    def _on_assign(self, _c: Consumer, partitions: list[TopicPartition]) -> None:
        self._assigned = True
        metrics.set_ready(True)
        log.info("partitions assigned", extra={"fields": {"partitions": [f"{p.topic}[{p.partition}]" for p in partitions]}})

    def _on_revoke(self, _c: Consumer, _partitions: list[TopicPartition]) -> None:
        # Partitions are given up only after the transaction that covers them is committed.
        # If it cannot be, the loop recovers once the consumer returns (an exception raised
        # here would surface from `consume` with the rebalance half done).
        try:
            self._settle()
        except _BatchLost as lost:
            # The consumer is replaced, not rewound: the loop raises this before it reads what
            # the `consume` call this callback runs in returned, and a fatal error may be among
            # it (seen in CI: the session timed out while a commit hung, the static member was
            # fenced, the error went with the unread batch, and the consumer stood still for good
            # with /readyz at 200). A new consumer with the same instance id is always safe.
            self._lost_in_callback = _BatchLost(lost.cause, lost.code, lost.lost, consumer_fatal=True)

    def _new_producer(self, member: str, timeout_s: float) -> Producer:
        config: dict[str, Any] = {
            "linger.ms": 5,
            "compression.type": "lz4",
            # Room for the largest message the pipeline lets through (it dead-letters larger
            # copies, and sends oversized dead letters without their payload), with its headers.
            "message.max.bytes": message_max_bytes(self.config.limits.max_output_bytes),
        }
        if self.kafka.exactly_once:
            config["transactional.id"] = member
        producer = broker.producer(self.kafka, **config)
        if self.kafka.exactly_once:
            # Fences any earlier incarnation of this instance (or the producer this one just
            # dropped) and settles its open transaction: committed if its commit had begun,
            # aborted otherwise.
            producer.init_transactions(timeout_s)
        return producer

    def _records(self, messages: list[Message]) -> list[Record]:
        records = []
        for m in messages:
            err = m.error()
            if err is not None:
                if err.code() == KafkaError._PARTITION_EOF:
                    continue
                if err.fatal() or err.code() == KafkaError._FATAL:
                    # The consumer is finished (a static member fenced after a long outage, seen
                    # here): the loop replaces it.
                    raise _BatchLost(err.name(), err.code(), consumer_fatal=True)
                if err.code() in _UNREACHABLE:
                    self._lose_broker(err.name())
                else:
                    log.warning("consumer error", extra={"fields": {"error": err.name()}})
                continue
            # A consumed message without an error always has its topic, partition and offset.
            topic, partition, offset = cast(str, m.topic()), cast(int, m.partition()), cast(int, m.offset())
            headers = cast("list[tuple[str, bytes | None]] | None", m.headers())
            records.append(Record(self._stream_of_topic[topic], m.value(), m.key(), Origin(topic, partition, offset), headers))
        # Records are no sign that the broker is back: they may have been fetched before it went
        # (librdkafka prefetches). Only an answer from it is (a commit, the metadata probe).
        return records

    def _lose_broker(self, cause: str) -> None:
        if self._unreachable_since is None:
            self._unreachable_since = time.monotonic()
            metrics.set_ready(False)
            metrics.BROKER_OUTAGE.set(1)
            log.warning("broker out of reach, waiting for it", extra={"fields": {"bootstrap": self.kafka.bootstrap_servers, "error": cause}})

    def _on_client_error(self, error: KafkaError) -> None:
        if error.fatal() or error.code() == KafkaError._FATAL:
            self._consumer_fatal = error.name()
        elif error.code() in _UNREACHABLE:
            self._lose_broker(error.name())

    def _broker_back(self, how: str) -> None:
        if self._unreachable_since is not None:
            waited = time.monotonic() - self._unreachable_since
            self._unreachable_since = None
            metrics.set_ready(True)
            metrics.BROKER_OUTAGE.set(0)
            log.info("broker back", extra={"fields": {"bootstrap": self.kafka.bootstrap_servers, "outage_s": round(waited, 1), "how": how}})

    def _give_up_if_lost_too_long(self, cause: str) -> None:
        if self._unreachable_since is not None:
            waited = time.monotonic() - self._unreachable_since
            if waited > self.kafka.outage_limit_s:
                raise BrokerLost(self.kafka.bootstrap_servers, waited, cause)

    def _watch_broker(self, consumer: Consumer) -> None:
        """While the broker is out of reach, ask it for metadata once a second: a quiet stream
        brings no message to say it is back. Past `kafka.outage_limit_s`, give up."""
        if self._unreachable_since is None or time.monotonic() - self._last_probe < 1.0:
            return
        self._last_probe = time.monotonic()
        try:
            consumer.list_topics(next(iter(self._stream_of_topic)), timeout=1.0)
        except KafkaException as e:
            self._give_up_if_lost_too_long(_name(e))
            return
        self._broker_back("metadata answered")

    def _recover(self, member: str, lost: _BatchLost) -> None:
        """Get back to a consistent state after a batch was not committed: a new producer (with
        the same transactional id, so the old one is fenced and its transaction settled), the
        consumer rewound to the last committed offsets. Retries with backoff while the broker is
        out of reach, up to `kafka.outage_limit_s`."""
        if lost.code in _FENCED:
            raise DeliveryFailed(f"fenced: another instance with the transactional id {member} took over ({lost.cause})")
        if self._in_flight is not None:
            # A consumer that failed while the previous batch's commit was under way: that
            # commit is settled first, and counted or given up on with the rest.
            try:
                self._settle()
            except _BatchLost as earlier:
                lost = _BatchLost(lost.cause, lost.code, earlier.lost, lost.consumer_fatal)
        began = time.monotonic()
        metrics.TRANSACTIONS_ABORTED.labels(lost.cause).inc()
        self._lose_broker(lost.cause)
        # The limit counts from when the broker was first missed, not from this batch.
        since = self._unreachable_since or began
        log.warning("batch not committed; recovering", extra={"fields": {"cause": lost.cause, "bootstrap": self.kafka.bootstrap_servers}})
        self._drop_producer()
        backoff, last, attempts = RECOVERY_BACKOFF_S[0], lost.cause, 0
        while True:
            attempts += 1
            remaining = self.kafka.outage_limit_s - (time.monotonic() - since)
            if not self._running:
                raise DeliveryFailed(
                    f"stopped while the broker at {self.kafka.bootstrap_servers} was out of reach ({last}); uncommitted events will be processed again on restart"
                )
            if remaining <= 0:
                raise BrokerLost(self.kafka.bootstrap_servers, time.monotonic() - since, last)
            try:
                self._producer = self._new_producer(member, min(self.kafka.connect_timeout_s, remaining))
                if lost.consumer_fatal or self._consumer_fatal is not None:
                    # A new consumer with the same instance id starts from the committed offsets.
                    self._replace_consumer(member)
                else:
                    self._rewind(self._consumer, min(self.kafka.connect_timeout_s, remaining))
                break
            except KafkaException as e:
                last = _name(e)
                if _code(e) in _FENCED:
                    raise DeliveryFailed(f"fenced: another instance with the transactional id {member} took over ({last})") from None
                log.info("broker not back yet", extra={"fields": {"attempt": attempts, "error": last, "waited_s": round(time.monotonic() - began, 1)}})
                time.sleep(min(backoff, max(remaining, 0)))
                backoff = min(backoff * 2, RECOVERY_BACKOFF_S[1])
        if lost.lost is not None:
            outcomes, tally, batch_began, offsets = lost.lost
            # The commit failed on our side but reached the broker: count it once, as committed.
            try:
                committed = self._consumer.committed([TopicPartition(tp.topic, tp.partition) for tp in offsets], timeout=self.kafka.connect_timeout_s)
            except KafkaException:
                committed = []
            done = {(tp.topic, tp.partition): tp.offset for tp in committed}
            if offsets and all(done.get((tp.topic, tp.partition), -1) >= tp.offset for tp in offsets):
                self._committed(outcomes, tally, batch_began)
        self._broker_back("recovered")
        log.info("recovered", extra={"fields": {"attempts": attempts, "recovery_s": round(time.monotonic() - began, 1)}})

    def _replace_consumer(self, member: str) -> None:
        now = time.monotonic()
        self._replacements = [t for t in self._replacements if now - t < REPLACEMENTS_WINDOW_S] + [now]
        if len(self._replacements) > MAX_REPLACEMENTS:
            # Once is an outage's leftover; again and again is another instance with this id.
            raise DeliveryFailed(
                f"the consumer was fenced {len(self._replacements)} times in {REPLACEMENTS_WINDOW_S / 60:.0f} minutes: another "
                f"instance runs with group.instance.id {member} (each needs its own --instance)"
            )
        _close_within(CLOSE_WAIT_S, self._consumer.close)  # it is finished either way
        self._assigned = False
        self._consumer_fatal = None
        self._consumer = self._new_consumer(member)
        log.info("consumer replaced", extra={"fields": {"instance": member}})

    def _rewind(self, consumer: Consumer, timeout_s: float) -> None:
        """Seek every assigned partition back to its committed offset."""
        assignment = consumer.assignment()
        committed = consumer.committed(assignment, timeout=timeout_s) if assignment else []
        for tp in committed:
            if tp.error is not None:
                raise KafkaException(tp.error)
            # No committed offset yet: from the start, as auto.offset.reset says.
            consumer.seek(TopicPartition(tp.topic, tp.partition, tp.offset if tp.offset >= 0 else OFFSET_BEGINNING))

    def _drop_producer(self) -> None:
        # Its queued messages belong to the lost batch: purge them, so that dropping the producer
        # neither sends them nor waits for them. One stuck in a call is left to its thread.
        if self._stuck_producer:
            self._stuck_producer = False
            return
        try:
            self._producer.purge()
            self._producer.flush(0)
        except (KafkaException, RuntimeError):
            pass

    def _abort(self) -> None:
        # A producer stuck in a commit would be stuck in the abort too; its successor's
        # init_transactions settles the transaction instead.
        if self.kafka.exactly_once and not self._stuck_producer:
            try:
                self._producer.abort_transaction(self.kafka.connect_timeout_s)
            except KafkaException:
                pass

    def _send(self, records: list[Record], outcomes: list[Outcome], consumer: Consumer, began: float) -> None:
        """Produce a processed batch; with exactly-once, in a transaction whose commit is left
        running on the helper thread (see `_settle`)."""
        eos = self.kafka.exactly_once
        producer = self._producer
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
                # A canary event's copies say so, for partners and the aggregate worker to drop.
                copy_headers = _CANARY_HEADERS if o.record.headers and any(k == CANARY_HEADER for k, _ in o.record.headers) else None
                for out in o.outputs:
                    producer.produce(out.topic, value=out.value, key=out.key, headers=copy_headers, on_delivery=on_delivery)
                if n % 256 == 255:
                    producer.poll(0)
            now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            producer.produce(self.config.audit_topic, value=self.pipeline.audit_record(tally, now), on_delivery=on_delivery)
            offsets = _next_offsets(records)
            if eos:
                future = _in_background(self._commit, producer, offsets, consumer.consumer_group_metadata())
                self._in_flight = (future, outcomes, tally, began, offsets)
                return
            remaining = producer.flush(FLUSH_TIMEOUT_S)
            if remaining:
                self._delivery_errors.append(f"{remaining} unacknowledged after {FLUSH_TIMEOUT_S} s")
            if self._delivery_errors:
                errors, self._delivery_errors = sorted(set(self._delivery_errors)), []
                raise _BatchLost(",".join(errors))
            consumer.commit(offsets=offsets, asynchronous=False)
        except KafkaException as e:
            self._abort()
            raise _BatchLost(_name(e), _code(e)) from None
        self._committed(outcomes, tally, began)

    def _commit(self, producer: Producer, offsets: list[TopicPartition], group: Any) -> None:
        # Both are round trips to the transaction coordinator (tens of milliseconds under
        # load): on the helper thread, they overlap the next batch's processing.
        producer.send_offsets_to_transaction(offsets, group, self.kafka.connect_timeout_s)
        producer.commit_transaction(FLUSH_TIMEOUT_S)

    def _settle(self) -> None:
        """Wait for the transaction in flight, if any; count it once it is committed."""
        if self._in_flight is None:
            return
        future, outcomes, tally, began, offsets = self._in_flight
        self._in_flight = None
        waiting_since = time.monotonic()
        give_up_after = FLUSH_TIMEOUT_S + self.kafka.connect_timeout_s + COMMIT_UNANSWERED_S
        try:
            while True:
                try:
                    future.result(timeout=1.0)
                    break
                except TimeoutError:
                    # A commit takes milliseconds; one unanswered for seconds means the broker is
                    # gone (librdkafka keeps trying until the commit's own timeout).
                    waited = time.monotonic() - waiting_since
                    if waited >= COMMIT_UNANSWERED_S:
                        self._lose_broker("commit unanswered")
                    self._give_up_if_lost_too_long("commit unanswered")
                    # Past its own timeouts, or asked to stop: the commit is given up on. The
                    # producer is dropped with it; a new one with the same transactional id
                    # settles the transaction either way.
                    if waited >= give_up_after or (not self._running and waited >= STOP_WAIT_S):
                        self._stuck_producer = True
                        raise _BatchLost("commit unanswered", None, (outcomes, tally, began, offsets)) from None
        except KafkaException as e:
            self._abort()
            raise _BatchLost(_name(e), _code(e), (outcomes, tally, began, offsets)) from None
        self._committed(outcomes, tally, began)
        self._broker_back("commit answered")

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


def _in_background(call: Any, *args: Any, name: str = "commit") -> Future[None]:
    """Run `call` on a daemon thread of its own. Not a thread pool: a call librdkafka never
    returns from (it has happened with the broker gone for good) must neither hold up the
    next commit nor keep the process from exiting."""
    future: Future[None] = Future()

    def run() -> None:
        try:
            call(*args)
            future.set_result(None)
        except BaseException as e:  # handed to whoever waits for the future
            future.set_exception(e)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future


class OutageWatchdog:
    """The last word on a broker outage, on a thread of its own: the service loop gives up after
    `kafka.outage_limit_s` by itself; if it has not `limit_s` after the broker went (a client
    call that never returns, a path nobody foresaw), every thread's stack goes to stderr and the
    process ends with status 1. Uncommitted events are processed again on restart: ending is
    safe, hanging is not (an orchestrator restarts a process that exits, not one that hangs)."""

    def __init__(self, bootstrap: str, limit_s: float, unreachable_since: Any, clock: Any = time.monotonic, end: Any = None, every_s: float = 1.0) -> None:
        self.bootstrap, self.limit_s, self.unreachable_since, self.clock, self.every_s = bootstrap, limit_s, unreachable_since, clock, every_s
        self.end = end or self._end_process
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="outage-watchdog", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def check(self) -> bool:
        """Whether the outage has outlasted the limit (and the process was told to end)."""
        since = self.unreachable_since()
        if since is None or self.clock() - since <= self.limit_s:
            return False
        self.end(self.clock() - since)
        return True

    def _watch(self) -> None:
        while not self._stopped.wait(self.every_s):
            if self.check():
                return

    def _end_process(self, waited_s: float) -> None:
        log.error("the service did not stop by itself past the outage limit: its threads follow", extra={"fields": {"waited_s": round(waited_s, 1)}})
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        print(
            f"pii-processor run: {BrokerLost(self.bootstrap, waited_s, 'the service did not stop by itself; the watchdog ended it')}",
            file=sys.stderr,
            flush=True,
        )
        os._exit(1)


def _close_within(seconds: float, *closes: Any) -> None:
    """Call each of `closes` in turn on a daemon thread, waiting at most `seconds` for all of
    them: a client that still waits for its broker is left to that thread, which does not keep
    the process from exiting."""

    def close_all() -> None:
        for close in closes:
            try:
                close()
            except (KafkaException, RuntimeError):
                pass  # closed or finished either way

    try:
        _in_background(close_all, name="close").result(timeout=seconds)
    except TimeoutError:
        log.warning("Kafka clients not closed in time; leaving them", extra={"fields": {"waited_s": seconds}})


def _code(e: KafkaException) -> int | None:
    error = e.args[0] if e.args else None
    return error.code() if isinstance(error, KafkaError) else None


def _name(e: KafkaException) -> str:
    error = e.args[0] if e.args else None
    return error.name() if isinstance(error, KafkaError) else type(e).__name__


def _next_offsets(records: list[Record]) -> list[TopicPartition]:
    next_offsets: dict[tuple[str, int], int] = {}
    for r in records:
        assert r.origin is not None
        key = (r.origin.topic, r.origin.partition)
        next_offsets[key] = max(next_offsets.get(key, 0), r.origin.offset + 1)
    return [TopicPartition(t, p, o) for (t, p), o in next_offsets.items()]
