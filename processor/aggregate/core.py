"""The pure core of aggregate reports: tumbling windows, k-anonymity, differential privacy.

Events are folded into per-(window, group) state; when a window closes (its end plus the
grace period is behind the newest event time seen), each group becomes one output row,
unless fewer than `k` distinct subjects are in it: such groups are merged into one "other"
group, which is itself suppressed if it still has fewer than k. A window's summary says how
many groups were suppressed, never which.

Differential privacy (optional): each subject's contribution to a group is clipped (at most
`max_events_per_subject` events, at most `max_value` per event for sums), then Laplace noise
with scale sensitivity/epsilon is added to every count and sum of the release. Distinct
counts have sensitivity 1. A ledger of spent epsilon per partner refuses a release that would
exceed the partner's budget.

State is plain JSON-able dicts so that a faust table (and its changelog topic) can hold it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

OTHER = "(other)"


@dataclass(frozen=True)
class Measure:
    name: str
    op: str  # count, sum, mean, distinct
    field: str | None = None


@dataclass(frozen=True)
class Report:
    name: str
    partner: str
    group_by: tuple[str, ...]
    subject: str
    measures: tuple[Measure, ...]
    window_s: int
    grace_s: int
    time_field: str
    k: int
    max_events_per_subject: int = 1_000_000
    max_value: float = math.inf
    epsilon: float | None = None  # None: no noise

    @property
    def summed_fields(self) -> list[str]:
        return [f for f in dict.fromkeys(m.field for m in self.measures if m.op in ("sum", "mean")) if f]

    def event_time(self, event: dict[str, Any]) -> float:
        return _epoch(event.get(self.time_field))

    def window_of(self, event: dict[str, Any]) -> int:
        return int(self.event_time(event) // self.window_s * self.window_s)


def _epoch(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    raise ValueError("event has no usable time")


def group_key(report: Report, event: dict[str, Any]) -> str:
    return "|".join(str(event.get(f, "")) for f in report.group_by)


def fold(report: Report, window: dict[str, Any] | None, event: dict[str, Any]) -> dict[str, Any]:
    """Add one event to a window's state: per group {subjects: {id: events}, sums, events}, and
    per subject its events in the whole window, which are clipped to max_events_per_subject
    so that one subject moves the released histogram by a bounded amount."""
    window = window or {"groups": {}, "per_subject": {}}
    subject = str(event.get(report.subject, ""))
    seen = window["per_subject"].get(subject, 0)
    if seen >= report.max_events_per_subject:
        return window
    window["per_subject"][subject] = seen + 1
    state = window["groups"].setdefault(group_key(report, event), {"subjects": {}, "sums": {}, "events": 0})
    state["subjects"][subject] = state["subjects"].get(subject, 0) + 1
    state["events"] += 1
    for f in report.summed_fields:
        value = event.get(f)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            state["sums"][f] = state["sums"].get(f, 0.0) + min(max(float(value), 0.0), report.max_value)
    return window


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    subjects = dict(a["subjects"])
    for s, n in b["subjects"].items():
        subjects[s] = subjects.get(s, 0) + n
    sums = dict(a["sums"])
    for f, v in b["sums"].items():
        sums[f] = sums.get(f, 0.0) + v
    return {"subjects": subjects, "sums": sums, "events": a["events"] + b["events"]}


class Ledger:
    """Epsilon spent per partner; refuses what would go over the budget."""

    def __init__(self, budgets: dict[str, float], spent: dict[str, float] | None = None) -> None:
        self.budgets = budgets
        self.spent = dict(spent or {})

    def try_spend(self, partner: str, epsilon: float) -> bool:
        if self.spent.get(partner, 0.0) + epsilon > self.budgets.get(partner, 0.0) + 1e-12:
            return False
        self.spent[partner] = self.spent.get(partner, 0.0) + epsilon
        return True


def laplace(scale: float, rng: random.Random) -> float:
    # Inverse CDF of the Laplace distribution; u in (-0.5, 0.5).
    u = rng.random() - 0.5
    while u == -0.5:
        u = rng.random() - 0.5
    return -scale * math.copysign(1.0, u) * math.log(1 - 2 * abs(u))


def release(
    report: Report, window_start: int, window: dict[str, Any], ledger: Ledger | None = None, rng: random.Random | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows for one closed window, and its summary. Deterministic when DP is off.

    With DP, the window's release costs `epsilon` from the partner's ledger, split evenly over
    the noisy measures (counts, sums, distinct counts; a mean is their ratio). Each subject adds
    at most C = max_events_per_subject events to the whole window, so the L1 sensitivity of a
    count histogram is C, of a distinct-count histogram C, and of a sum histogram C * max_value."""
    rng = rng or random.SystemRandom()
    groups = window["groups"]
    span = {"window_start": _iso(window_start), "window_end": _iso(window_start + report.window_s)}
    big = {g: s for g, s in groups.items() if len(s["subjects"]) >= report.k}
    small = [s for s in groups.values() if len(s["subjects"]) < report.k]
    suppressed = len(small)
    if len(small) > 1:
        other = small[0]
        for s in small[1:]:
            other = merge(other, s)
        if len(other["subjects"]) >= report.k:
            big[OTHER] = other
            suppressed = 0
    summary: dict[str, Any] = {"report": report.name, **span, "summary": True, "groups": len(big), "suppressed_groups": suppressed, "k": report.k}
    noisy = report.epsilon is not None and bool(big)
    scales: dict[str, float] = {}
    if noisy:
        assert ledger is not None and report.epsilon is not None
        if not ledger.try_spend(report.partner, report.epsilon):
            summary.update({"groups": 0, "suppressed_groups": len(groups), "refused": "privacy budget exhausted"})
            return [], summary
        # Released noisy components: the count and the distinct count (always, a mean needs the
        # count) and one sum per summed field; the budget is split evenly over them.
        components = 2 + len(report.summed_fields)
        share = report.epsilon / components
        c = report.max_events_per_subject
        scales = {"count": c / share, "distinct": c / share, "sum": c * report.max_value / share}
        summary.update({"mechanism": "laplace", "epsilon": report.epsilon})
    rows = []
    for g, s in sorted(big.items()):
        row: dict[str, Any] = {"report": report.name, **span}
        row["group"] = {OTHER: True} if g == OTHER else dict(zip(report.group_by, g.split("|")))
        exact = {"count": float(s["events"]), "distinct": float(len(s["subjects"]))}
        released = {op: exact[op] + (laplace(scales[op], rng) if noisy else 0.0) for op in ("count", "distinct")}
        sums = {f: s["sums"].get(f, 0.0) + (laplace(scales["sum"], rng) if noisy else 0.0) for f in report.summed_fields}
        for m in report.measures:
            if m.op in ("count", "distinct"):
                value = released[m.op]
            elif m.op == "sum":
                value = sums[str(m.field)]
            else:  # a mean is the ratio of two released values: no further privacy cost
                value = sums[str(m.field)] / released["count"] if released["count"] > 0 else 0.0
            row[m.name] = round(value, 3) if noisy or m.op == "mean" else (int(value) if float(value).is_integer() else round(value, 3))
        rows.append(row)
    return rows, summary


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")
