"""The faust application behind `pii-processor aggregate`: aggregate reports for partners.

For each report declared under `aggregates:` in the pipeline YAML, three agents and a timer
(the flow and why it is shaped so: processor/aggregate/flow.py):

  partner.<partner>.<stream> ──forward──► agg.<report>.fold (N partitions, by subject) ──fold──► open windows
                                                      ▲ close                                    │ progress, partials
                              timer ──tick──► agg.<report>.release (1 partition) ──release──◄─────┘
                                                      └──► agg.<report>

The partner topic is the input: events that the pipeline already protected (pseudonymous
subscribers, location areas, hours), never raw ones. Any number of workers may run: faust
spreads the source and fold partitions over them, and one of them holds the release
partition. A window closes when the newest event time is past its end plus the grace period,
or when no event has arrived for `idle_close_s` (the end of a backfill).

Delivery: faust-streaming 0.15.3's `exactly_once` delivered nothing here, and its tables lost
a few events of state across `kill -9`. So the app runs at least once and makes that
idempotent itself (flow.py). Open windows, the release step's progress and the privacy ledger
live in a compacted topic; the changes of a batch (up to FOLD_BATCH messages) are written
together and acknowledged by the broker before faust may acknowledge the batch
(processor/aggregate/state.py). faust's rebalance waits for in-flight batches and flushes
before it hands partitions over; a worker given partitions then reloads the state topic
before its next batch, so it continues from what the previous owner made durable. The
restart tests kill a worker mid-window and check exact counts.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from types import FrameType
from typing import Any

import faust
import orjson

from processor.aggregate.core import Measure, Report
from processor.aggregate.credentials import faust_credentials
from processor.aggregate.flow import EVENTS_PER_MESSAGE_BYTES, FoldPartition, Topics, WindowRelease, pack_events, route
from processor.aggregate.state import DurableState
from processor.config import AggregateSettings, PipelineConfig
from processor.events import CANARY_HEADER

log = logging.getLogger("pii.aggregate")
TICK_INTERVAL_S = 1.0
# Messages handled per state flush (a window's state is written once per batch, however many
# of its events the batch holds), and how long a batch may wait to fill.
FOLD_BATCH = 4000
FOLD_WITHIN_S = 0.5


def report_of(config: PipelineConfig, a: AggregateSettings) -> Report:
    partner = next(p for p in config.partners if p.name == a.partner)
    return Report(
        name=a.name,
        partner=a.partner,
        group_by=tuple(a.group_by),
        subject=a.subject,
        measures=tuple(Measure(m.name, m.op, m.field) for m in a.measures),
        window_s=a.window_s,
        grace_s=a.grace_s,
        time_field=a.time_field,
        k=a.k or partner.aggregate_k,
        max_events_per_subject=a.max_events_per_subject,
        max_value=a.max_value,
        epsilon=a.dp.epsilon if a.dp else None,
        delta=a.dp.delta if a.dp else 1e-6,
    )


def build_app(config: PipelineConfig, state: DurableState, app_id: str | None = None) -> faust.App:
    kafka = config.kafka
    app_id = app_id or config.aggregate_app_id()
    app = faust.App(
        app_id,
        # The tables live in memory and in the state topic; faust still makes its data directory,
        # which would otherwise litter the working directory.
        datadir=os.path.join(tempfile.gettempdir(), f"{app_id}-data"),
        # librdkafka separates brokers with commas; faust wants one URL each.
        broker=[f"kafka://{host.strip()}" for host in kafka.bootstrap_servers.split(",") if host.strip()],
        # TLS and SASL from the same kafka.client settings the service's clients use.
        broker_credentials=faust_credentials(kafka),
        store="memory://",
        # faust-streaming's exactly_once was tried first: its agents' sends never reached the
        # inbox (high watermark 0 after 400 input events, no error). at_least_once is made
        # idempotent by the app itself (see the module docstring).
        processing_guarantee=os.environ.get("PII_AGGREGATE_GUARANTEE", "at_least_once"),
        topic_replication_factor=kafka.replication_factor,
        topic_partitions=1,  # the topics faust makes itself (none it needs): ours are made by `run`
        consumer_auto_offset_reset="earliest",
        web_enabled=False,
        broker_commit_interval=0.5,
        # Room for two batches: with a buffer smaller than a batch, every batch waits out
        # FOLD_WITHIN_S.
        stream_buffer_maxsize=2 * FOLD_BATCH,
        # A killed worker's partitions go to its successor in seconds, not a minute.
        broker_session_timeout=10,
        broker_heartbeat_interval=2,
    )
    reload = _Reloader(state)

    async def on_assigned(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        reload.stale = True

    app.on_partitions_assigned.connect(on_assigned)

    for a in config.aggregates:
        _add_report(app, config, a, report_of(config, a), state, reload)
    return app


class _Reloader:
    """Reloads the shared state before the next batch after a rebalance gave this worker
    partitions (their state may have been changed by the worker that had them). A rebalance
    also restarts the idle clocks: while partitions changed hands nothing was forwarded, and
    that silence is no end of the stream."""

    def __init__(self, state: DurableState) -> None:
        self.state, self.stale = state, False
        self.releases: list[WindowRelease] = []

    def __call__(self) -> None:
        if self.stale:
            self.stale = False
            self.state.flush()
            self.state.load()
            for r in self.releases:
                r.started_at = time.time()


def _add_report(app: faust.App, config: PipelineConfig, a: AggregateSettings, report: Report, state_store: DurableState, reload: _Reloader) -> None:
    partner = next(p for p in config.partners if p.name == a.partner)
    names = Topics(
        fold=config.aggregate_fold_topic(a.name), release=config.aggregate_release_topic(a.name), output=config.aggregate_topic(a.name), partitions=a.partitions
    )
    source = app.topic(partner.topic(a.stream), key_serializer="raw", value_serializer="raw")
    fold_topic = app.topic(names.fold, partitions=a.partitions, key_serializer="raw", value_serializer="raw")
    release_topic = app.topic(names.release, partitions=1, key_serializer="raw", value_serializer="raw")
    folds = FoldPartition(report, names, state_store)
    releases = WindowRelease(report, names, state_store, a.idle_close_s, config.privacy_budgets.get(report.partner), started_at=time.time())
    reload.releases.append(releases)

    async def forward(stream: Any) -> None:
        # A batch at a time, many events per fold message (faust's cost is per message
        # consumed, and is more than the fold's), through the state's producer, acknowledged by
        # the broker before faust acknowledges the batch. Each event keeps its source partition
        # and offset: a re-forwarded event is recognized.
        async for events in stream.take_events(FOLD_BATCH, within=FOLD_WITHIN_S):
            by_partition: dict[int, list[tuple[bytes, bytes]]] = {}
            for event in events:
                # Leak-canary events (processor/canary.py) test the pipeline; they are no one's traffic.
                if any(k == CANARY_HEADER for k, _ in event.message.headers or []):
                    continue
                key = f"{event.message.partition}:{event.message.offset}".encode()
                by_partition.setdefault(route(report, event.value, a.partitions), []).append((key, event.value))
            for partition, forwarded in by_partition.items():
                for message in pack_events(forwarded):
                    state_store.produce_later(names.fold, b"events", message, partition)
            _flush_or_exit(state_store)

    async def fold(stream: Any) -> None:
        # A batch at a time: its state changes are written together and acknowledged by the
        # broker before faust acknowledges the batch's events (take_events acks after the body).
        async for events in stream.take_events(FOLD_BATCH, within=FOLD_WITHIN_S):
            reload()
            for event in events:
                folds.message(event.message.partition, event.key or b"", event.value, event.message.timestamp)
            folds.report_progress()
            _flush_or_exit(state_store)
            folds.forget_sealed()  # written with the next batch's flush

    async def release(stream: Any) -> None:
        async for events in stream.take_events(FOLD_BATCH, within=FOLD_WITHIN_S):
            reload()
            for event in events:
                releases.message(event.value)
            _flush_or_exit(state_store)

    async def tick() -> None:
        await release_topic.send(key=b"tick", value=orjson.dumps({"tick": time.time()}))

    app.agent(source, name=f"{a.name}-forward")(forward)
    app.agent(fold_topic, name=f"{a.name}-fold")(fold)
    app.agent(release_topic, name=f"{a.name}-release")(release)
    app.timer(TICK_INTERVAL_S, name=f"{a.name}-tick")(tick)


def _flush_or_exit(state: DurableState) -> None:
    try:
        state.flush()
    except RuntimeError as e:
        # Raising here would still let faust acknowledge the batch: leave before it can.
        log.critical("aggregate state not durable; exiting before the events are acknowledged", extra={"fields": {"error": str(e)}})
        os._exit(1)


def state_topic(config: PipelineConfig) -> str:
    return config.aggregate_state_topic()


def fold_message_max_bytes(config: PipelineConfig) -> int:
    """The largest fold message: a pack of events, plus one event as large as a partner may get."""
    from processor.provisioning import message_max_bytes

    return message_max_bytes(config.limits.max_output_bytes) + EVENTS_PER_MESSAGE_BYTES


def ensure_worker_topics(config: PipelineConfig) -> None:
    """The report, fold and release topics, and the state topic; a fold topic made for
    another number of partitions is refused (its open windows are spread by that number)."""
    from processor import broker

    for a in config.aggregates:
        broker.ensure_topics(config.kafka, [config.aggregate_topic(a.name), config.aggregate_release_topic(a.name)], partitions=1)
        broker.ensure_topics(config.kafka, [config.aggregate_fold_topic(a.name)], partitions=a.partitions, max_message_bytes=fold_message_max_bytes(config))
        found = len(broker.end_offsets(config.kafka, [config.aggregate_fold_topic(a.name)]))
        if found != a.partitions:
            raise ValueError(
                f"aggregates ({a.name}).partitions is {a.partitions} but its fold topic {config.aggregate_fold_topic(a.name)} has {found} partitions; "
                "the partition count of a report is fixed once it has run: keep it, or publish under a new report name"
            )
    broker.ensure_topics(config.kafka, [state_topic(config)], partitions=1, compacted=[state_topic(config)])


def run(config: PipelineConfig) -> int:
    from processor import broker

    if not config.aggregates:
        raise ValueError("no `aggregates` are declared in the configuration")
    ensure_worker_topics(config)
    broker.ensure_topics(config.kafka, [p.topic(a.stream) for a in config.aggregates for p in config.partners if p.name == a.partner])
    state = DurableState(config.kafka, state_topic(config), max_message_bytes=fold_message_max_bytes(config)).load()
    _refuse_single_inbox_state(config, state)
    app = build_app(config, state)
    _exit_on_stuck_shutdown()
    worker = faust.Worker(app, loglevel=os.environ.get("PII_AGGREGATE_LOGLEVEL", "WARNING"), quiet=True)
    # faust's terminal spinner listens to every log record at DEBUG, so that aiokafka's debug
    # lines were made (and cost a tenth of the worker's time) only to turn it.
    worker.spinner = None
    worker.execute_from_commandline()
    return 0


def _refuse_single_inbox_state(config: PipelineConfig, state: DurableState) -> None:
    """Open windows of the single-inbox layout (before fold partitions) cannot be continued."""
    for a in config.aggregates:
        if any(state.keys(f"{a.name}|window|")):
            raise ValueError(
                f"the aggregate state topic {state.topic} holds open windows of report {a.name!r} from a worker before fold partitions; "
                "let that worker close them (no events for idle_close_s) before upgrading, or publish under a new report name"
            )


STOP_GRACE_S = 15


def _exit_on_stuck_shutdown() -> None:
    """faust-streaming's worker can hang while stopping its consumer thread (seen here on
    SIGTERM): after a grace period the process exits anyway. Nothing is lost by it: the
    transactions of exactly-once either committed or are aborted by the broker."""
    import signal
    import threading

    def later(signum: int, frame: FrameType | None) -> None:
        timer = threading.Timer(STOP_GRACE_S, lambda: os._exit(0))
        timer.daemon = True
        timer.start()
        before = previous.get(signal.Signals(signum))
        if callable(before):
            before(signum, frame)

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    for sig in previous:
        signal.signal(sig, later)
