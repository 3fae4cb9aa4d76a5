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
event has arrived for `idle_close_s` (the end of a backfill). Open windows, the watermark and
the privacy ledger live in faust tables with changelog topics, so a restarted worker resumes
its windows. The app runs with `processing_guarantee="exactly_once"`; on top of that every
output row is keyed by report, window and group, so a replay after a crash overwrites a row
instead of adding one (faust-streaming has open reports of duplicates around rebalances).
"""

from __future__ import annotations

import logging
import time
from typing import Any

import faust
import orjson

from processor.aggregate.core import Ledger, Measure, Report, fold, release
from processor.config import AggregateSettings, PipelineConfig

log = logging.getLogger("pii.aggregate")
TICK_INTERVAL_S = 1.0
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
    )


def build_app(config: PipelineConfig, app_id: str | None = None) -> faust.App:
    kafka = config.kafka
    app = faust.App(
        app_id or f"{kafka.group_id}-aggregate",
        broker=f"kafka://{kafka.bootstrap_servers}",
        store="memory://",
        processing_guarantee="exactly_once",
        topic_replication_factor=kafka.replication_factor,
        topic_partitions=1,
        consumer_auto_offset_reset="earliest",
        web_enabled=False,
        broker_commit_interval=0.5,
    )
    budgets = dict(config.privacy_budgets)
    ledger_table = app.Table(f"{kafka.topic_prefix}agg-ledger", default=float, partitions=1, value_serializer="json")
    for a in config.aggregates:
        _add_report(app, config, a, report_of(config, a), ledger_table, budgets)
    return app


def _add_report(app: faust.App, config: PipelineConfig, a: AggregateSettings, report: Report, ledger_table: Any, budgets: dict[str, float]) -> None:
    partner = next(p for p in config.partners if p.name == a.partner)
    source = app.topic(partner.topic(a.stream), key_serializer="raw", value_serializer="raw")
    inbox = app.topic(f"{config.aggregate_topic(a.name)}.inbox", partitions=1, key_serializer="raw", value_serializer="raw")
    out = app.topic(config.aggregate_topic(a.name), partitions=1, key_serializer="raw", value_serializer="raw")
    windows = app.Table(f"{config.kafka.topic_prefix}agg-{a.name}-windows", default=dict, partitions=1, value_serializer="json")
    meta = app.Table(f"{config.kafka.topic_prefix}agg-{a.name}-meta", default=type(None), partitions=1, value_serializer="json")
    key = report.name.encode()

    async def forward(stream: Any) -> None:
        async for value in stream:
            await inbox.send(key=key, value=value)

    async def close(window_keys: list[str]) -> None:
        ledger = Ledger(budgets, {report.partner: ledger_table[report.partner]})
        for w in sorted(window_keys, key=int):
            rows, summary = release(report, int(w), windows[w], ledger)
            for row in rows:
                group = "|".join(f"{k}={v}" for k, v in sorted(row["group"].items()))
                await out.send(key=f"{report.name}|{row['window_start']}|{group}".encode(), value=orjson.dumps(row))
            await out.send(key=f"{report.name}|{summary['window_start']}|_summary".encode(), value=orjson.dumps(summary))
            del windows[w]
            closed = set(meta["closed"] or [])
            closed.add(w)
            meta["closed"] = sorted(closed, key=int)[-1000:]
            log.info("window closed", extra={"fields": {"report": report.name, "window_start": summary["window_start"], "groups": summary["groups"], "suppressed_groups": summary["suppressed_groups"]}})
        if report.epsilon is not None:
            ledger_table[report.partner] = ledger.spent.get(report.partner, 0.0)

    async def fold_events(stream: Any) -> None:
        async for event in stream.events():
            value: bytes = event.value
            arrived = event.message.timestamp
            if value.startswith(_TICK):
                tick_at = orjson.loads(value)["__tick__"]
                last = meta["last_event_at"]
                if last is not None and tick_at - last >= a.idle_close_s and list(windows.keys()):
                    await close(list(windows.keys()))
                continue
            try:
                data = orjson.loads(value)
                w = str(report.window_of(data))
            except (ValueError, TypeError):
                log.warning("event without a usable time skipped", extra={"fields": {"report": report.name}})
                continue
            if w in set(meta["closed"] or []):
                log.warning("late event after its window closed skipped", extra={"fields": {"report": report.name}})
                continue
            windows[w] = fold(report, windows[w], data)
            watermark = max(meta["watermark"] or 0, report_time(report, data))
            meta["watermark"] = watermark
            meta["last_event_at"] = arrived
            due = [k for k in list(windows.keys()) if int(k) + report.window_s + report.grace_s <= watermark]
            if due:
                await close(due)

    async def tick() -> None:
        await inbox.send(key=key, value=orjson.dumps({"__tick__": time.time()}))

    app.agent(source, name=f"{a.name}-forward")(forward)
    app.agent(inbox, name=f"{a.name}-fold")(fold_events)
    app.timer(TICK_INTERVAL_S, name=f"{a.name}-tick")(tick)


def report_time(report: Report, event: dict[str, Any]) -> float:
    from processor.aggregate.core import _epoch

    return _epoch(event.get(report.time_field))


def run(config: PipelineConfig) -> int:
    if not config.aggregates:
        raise ValueError("no `aggregates` are declared in the configuration")
    app = build_app(config)
    worker = faust.Worker(app, loglevel="WARNING", quiet=True)
    worker.execute_from_commandline()
    return 0
