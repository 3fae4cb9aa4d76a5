"""The faust application behind `pii-processor aggregate`: aggregate reports for partners.

For each report declared under `aggregates:` in the pipeline YAML:

  partner.<partner>.<stream> ──forward──► agg.<report>.inbox (1 partition) ──fold──► table of open windows
                                    timer ──tick──►┘                               └─close──► agg.<report>

The partner topic is the input: events that the pipeline already protected (pseudonymous
subscribers, location areas, hours), never raw ones. All events of a report pass through one
single-partition inbox, so one task sees every event of a window (k-anonymity and distinct
counts need the whole window), and the timer's ticks pass through the same inbox, so open
windows are only ever changed inside the agent, as faust tables require.

A window closes when the newest event time is past its end plus the grace period, or when no
event has arrived for `idle_close_s` (the end of a backfill).

Delivery: faust-streaming 0.15.3's `exactly_once` delivered nothing here, and its tables lost
a few events of state across `kill -9`. So the app runs at least once and makes that
idempotent itself. Open windows, the watermark and the privacy ledger live in a compacted
topic; the changes of a batch of events (up to FOLD_BATCH) are written together and
acknowledged by the broker before faust may acknowledge the batch
(processor/aggregate/state.py). Each window remembers, per source partition, the last offset
folded into it, so a re-delivered event is skipped. A released window is forgotten: the meta
record's `closed_through` moves past it and its state is tombstoned, so memory and the state
topic hold open windows only; an event for a closed window is skipped and counted, with one
log line per window. Every output row is keyed by report, window and group, so a replay
overwrites instead of adding. The restart test kills the worker mid-window and checks exact
counts.
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

from processor.aggregate.core import Ledger, Measure, Report, fold, iso_time, release
from processor.aggregate.credentials import faust_credentials
from processor.aggregate.state import DurableState
from processor.config import AggregateSettings, PipelineConfig
from processor.events import CANARY_HEADER

log = logging.getLogger("pii.aggregate")
TICK_INTERVAL_S = 1.0
# Events folded per state flush, and how long a batch may wait to fill.
FOLD_BATCH = 500
FOLD_WITHIN_S = 0.2
_TICK = b'{"__tick__"'


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
        topic_partitions=1,
        consumer_auto_offset_reset="earliest",
        web_enabled=False,
        broker_commit_interval=0.5,
        # A killed worker's partitions go to its successor in seconds, not a minute.
        broker_session_timeout=10,
        broker_heartbeat_interval=2,
    )
    for a in config.aggregates:
        _add_report(app, config, a, report_of(config, a), state)
    return app


def _add_report(app: faust.App, config: PipelineConfig, a: AggregateSettings, report: Report, state_store: DurableState) -> None:
    partner = next(p for p in config.partners if p.name == a.partner)
    source = app.topic(partner.topic(a.stream), key_serializer="raw", value_serializer="raw")
    inbox = app.topic(config.aggregate_inbox_topic(a.name), partitions=1, key_serializer="raw", value_serializer="raw")
    out_topic = config.aggregate_topic(a.name)
    window_prefix = f"{report.name}|window|"
    meta_key = f"{report.name}|meta"
    budget = config.privacy_budgets.get(report.partner)
    # Open windows, by start. A closed window is gone from memory and (tombstoned) from the
    # state topic; `closed_through` in the meta record says that every window up to it is
    # closed, since windows close in time order (or all at once when the stream is idle).
    open_windows: set[str] = set()
    late: dict[str, int] = {}

    def closed_through() -> int:
        return int(state_store.get(meta_key, {}).get("closed_through", -1))

    def forget_closed() -> None:
        """At start: windows closed by an earlier run (and, from older versions, kept in the
        state with a `closed` mark) leave memory and the state topic."""
        through, stale = closed_through(), list[str]()
        for key, value in list(state_store.values.items()):
            if key.startswith(window_prefix):
                w = key[len(window_prefix) :]
                if value.get("closed") or int(w) <= through:
                    through, stale = max(through, int(w)), [*stale, key]
                else:
                    open_windows.add(w)
        if stale:
            state_store.put_later(meta_key, {**state_store.get(meta_key, {}), "closed_through": through})
            for key in stale:
                state_store.delete(key)
            state_store.flush()

    async def forward(stream: Any) -> None:
        # The key carries the source partition and offset: a re-forwarded event is recognized.
        async for event in stream.events():
            # Leak-canary events (processor/canary.py) test the pipeline; they are no one's traffic.
            if any(k == CANARY_HEADER for k, _ in event.message.headers or []):
                continue
            await inbox.send(key=f"{event.message.partition}:{event.message.offset}".encode(), value=event.value)

    def close(closing: list[str]) -> None:
        for w in sorted(closing, key=int):
            window = state_store.get(window_prefix + w)
            # The partner's spending in the budget period of this window (by event time).
            period = budget.period_of(int(w)) if budget else "all"
            ledger_key = f"ledger|{report.partner}|{period}"
            ledger = Ledger({report.partner: budget.epsilon if budget else 0.0}, {report.partner: state_store.get(ledger_key, 0.0)})
            rows, summary = release(report, int(w), window, ledger)
            if report.epsilon is not None:
                summary["budget_period"] = period
                # Charged before anything is released: a crash can waste budget, never overspend it.
                state_store.put(ledger_key, ledger.spent.get(report.partner, 0.0))
            for row in rows:
                group = "|".join(f"{k}={v}" for k, v in sorted(row["group"].items()))
                state_store.produce_later(out_topic, f"{report.name}|{row['window_start']}|{group}".encode(), orjson.dumps(row))
            state_store.produce_later(out_topic, f"{report.name}|{summary['window_start']}|_summary".encode(), orjson.dumps(summary))
            # Marked closed, then forgotten: a replay can neither reopen nor refill it.
            state_store.put_later(meta_key, {**state_store.get(meta_key, {}), "closed_through": max(closed_through(), int(w))})
            state_store.delete(window_prefix + w)
            state_store.flush()
            open_windows.discard(w)
            log.info(
                "window closed",
                extra={
                    "fields": {
                        "report": report.name,
                        "window_start": summary["window_start"],
                        "groups": summary["groups"],
                        "suppressed_groups": summary.get("suppressed_groups"),
                        "late_events_skipped": sum(late.values()),
                    }
                },
            )

    def fold_one(event: Any) -> None:
        value: bytes = event.value
        meta = state_store.get(meta_key, {})
        if value.startswith(_TICK):
            tick_at = orjson.loads(value)["__tick__"]
            # Idle since the last event, or since this worker started: after a restart, the
            # events that arrived while it was down must get their chance first.
            last = max(meta.get("last_event_at") or 0.0, started_at)
            if tick_at - last >= a.idle_close_s and open_windows:
                close(list(open_windows))
            return
        try:
            data = orjson.loads(value)
            w = str(report.window_of(data))
            event_time = report.event_time(data)
        except (ValueError, TypeError):
            log.warning("event without a usable time skipped", extra={"fields": {"report": report.name}})
            return
        if int(w) <= closed_through():
            # Late, or delivered again after its window was released: counted, said once per window.
            late[w] = late.get(w, 0) + 1
            if late[w] == 1:
                log.warning(
                    "event for a window already closed skipped; more for this window are only counted",
                    extra={"fields": {"report": report.name, "window_start": iso_time(int(w))}},
                )
            return
        window = state_store.get(window_prefix + w, {})
        source_partition, source_offset = event.key.decode().split(":")
        applied = window.get("applied", {})
        if source_offset.isdigit() and int(source_offset) <= applied.get(source_partition, -1):
            return  # delivered again after a crash (inbox replay or re-forwarding): already counted
        window = fold(report, window, data)
        window["applied"] = {**applied, source_partition: int(source_offset)}
        state_store.put_later(window_prefix + w, window)
        open_windows.add(w)
        watermark = max(meta.get("watermark") or 0, event_time)
        state_store.put_later(meta_key, {**meta, "watermark": watermark, "last_event_at": event.message.timestamp})
        due = [k for k in open_windows if int(k) + report.window_s + report.grace_s <= watermark]
        if due:
            close(due)

    async def fold_events(stream: Any) -> None:
        # A batch at a time: its state changes are written together and acknowledged by the
        # broker before faust acknowledges the batch's events (take_events acks after the body).
        async for events in stream.take_events(FOLD_BATCH, within=FOLD_WITHIN_S):
            for event in events:
                fold_one(event)
            try:
                state_store.flush()
            except RuntimeError as e:
                # Raising here would still let faust acknowledge the batch: leave before it can.
                log.critical("aggregate state not durable; exiting before the events are acknowledged", extra={"fields": {"error": str(e)}})
                os._exit(1)

    forget_closed()
    started_at = time.time()

    async def tick() -> None:
        await inbox.send(key=b"tick:", value=orjson.dumps({"__tick__": time.time()}))

    app.agent(source, name=f"{a.name}-forward")(forward)
    app.agent(inbox, name=f"{a.name}-fold")(fold_events)
    app.timer(TICK_INTERVAL_S, name=f"{a.name}-tick")(tick)


def state_topic(config: PipelineConfig) -> str:
    return config.aggregate_state_topic()


def topics(config: PipelineConfig) -> list[str]:
    """The topics the app reads and writes that faust does not create itself."""
    return [t for a in config.aggregates for t in (config.aggregate_topic(a.name), config.aggregate_inbox_topic(a.name))]


def run(config: PipelineConfig) -> int:
    from processor import broker

    if not config.aggregates:
        raise ValueError("no `aggregates` are declared in the configuration")
    # Single partitions: one task must see every event of a report (see the module docstring).
    broker.ensure_topics(config.kafka, topics(config), partitions=1)
    broker.ensure_topics(config.kafka, [state_topic(config)], partitions=1, compacted=[state_topic(config)])
    broker.ensure_topics(config.kafka, [p.topic(a.stream) for a in config.aggregates for p in config.partners if p.name == a.partner])
    state = DurableState(config.kafka, state_topic(config)).load()
    app = build_app(config, state)
    _exit_on_stuck_shutdown()
    worker = faust.Worker(app, loglevel=os.environ.get("PII_AGGREGATE_LOGLEVEL", "WARNING"), quiet=True)
    worker.execute_from_commandline()
    return 0


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
