"""`pii-processor report`: the latest windows of an aggregate topic, as a table or a chart.

Rows are keyed by report, window and group; a replayed row replaces the earlier one, so the
report reads the topic to its end and keeps the last value per key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from confluent_kafka import Message

from processor import broker
from processor.aggregate.core import OTHER
from processor.config import PipelineConfig


def group_label(group: dict[str, Any], sep: str = ", ") -> str:
    return OTHER if OTHER in group else sep.join(f"{k}={v}" for k, v in group.items())


def read_latest(config: PipelineConfig, topic: str, timeout_s: float = 15) -> dict[bytes, dict[str, Any]]:
    consumer = broker.reader(config.kafka, "report", **{"enable.partition.eof": True})
    try:
        md = consumer.list_topics(topic, timeout=10).topics.get(topic)
        if md is None or md.error is not None:
            raise ValueError(f"topic {topic} does not exist on {config.kafka.bootstrap_servers}")
        latest: dict[bytes, dict[str, Any]] = {}

        def keep(m: Message) -> None:
            value = m.value()
            if value is None:  # a tombstone: nothing is kept for this key
                latest.pop(m.key() or b"", None)
            else:
                latest[m.key() or b""] = orjson.loads(value)

        broker.read_to_end(consumer, config.kafka, topic, keep, timeout_s, "the aggregate topic")
        return latest
    finally:
        consumer.close()


_NOT_MEASURES = ("report", "window_start", "window_end", "group")


def _measures(rows: list[dict[str, Any]]) -> list[str]:
    return [k for k in rows[0] if k not in _NOT_MEASURES and not k.endswith("_pm95")] if rows else []


def _cell(row: dict[str, Any], measure: str) -> str:
    """A value, with its 95% interval when it is noisy ("1,204 ± 9")."""
    value, margin = row.get(measure), row.get(f"{measure}_pm95")
    if value is None:
        return "(too noisy)"
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return f"{shown} ± {margin:,.0f}" if margin is not None else shown


def table(rows: list[dict[str, Any]], summaries: list[dict[str, Any]]) -> str:
    if not rows and not summaries:
        return "(no closed windows yet)"
    measures = _measures(rows)
    lines = []
    for s in summaries:
        note = f", {s['refused']}" if s.get("refused") else ""
        if "k" not in s:  # a differentially private release has no k
            how = f"differentially private (epsilon {s.get('epsilon')}, delta {s.get('delta', 0):.1e}; values ± their 95% interval)"
        else:
            how = f"{s['suppressed_groups']} suppressed (k={s['k']})"
        lines.append(f"\nwindow {s['window_start']} .. {s['window_end']}: {s['groups']} groups, {how}{note}")
        in_window = [r for r in rows if r["window_start"] == s["window_start"]]
        if not in_window:
            continue
        lines.append(f"  {'group':40}" + "".join(f"{m:>22}" for m in measures))
        for r in in_window:
            lines.append(f"  {group_label(r['group']):40}" + "".join(f"{_cell(r, m):>22}" for m in measures))
    return "\n".join(lines)


def chart(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measure = _measures(rows)[0]
    labels = [f"{r['window_start'][11:16]} " + (OTHER if OTHER in r["group"] else ",".join(str(v) for v in r["group"].values())) for r in rows]
    fig, ax = plt.subplots(figsize=(max(6, len(rows) * 0.45), 4.5))
    # Noisy values are drawn with their 95% interval.
    margins = [r.get(f"{measure}_pm95") or 0 for r in rows]
    ax.bar(range(len(rows)), [r[measure] or 0 for r in rows], yerr=margins if any(margins) else None, capsize=3, color="#3b6ea5")
    ax.set_xticks(range(len(rows)), labels, rotation=70, ha="right", fontsize=7)
    ax.set_ylabel(measure)
    ax.set_title(f"{rows[0]['report']}: {measure} per window and group")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def show(config: PipelineConfig, topic: str, windows: int, png: Path | None) -> int:
    topic = config.named_topic(topic)
    broker.wait_until_reachable(config.kafka)
    latest = read_latest(config, topic)
    summaries = sorted((v for v in latest.values() if v.get("summary")), key=lambda s: s["window_start"])[-windows:]
    keep = {s["window_start"] for s in summaries}
    rows = sorted((v for v in latest.values() if not v.get("summary") and v["window_start"] in keep), key=lambda r: (r["window_start"], str(r["group"])))
    print(f"report {topic}: latest {len(summaries)} window(s)")
    print(table(rows, summaries))
    if png is not None:
        if rows:
            chart(rows, png)
            print(f"\nchart written to {png}")
        else:
            print("\nno rows to draw")
    return 0
