"""The pure core of aggregate reports: tumbling windows, k-anonymity, differential privacy.

Events are folded into per-(window, group) state (`fold`), in as many places as there are fold
partitions and state pieces, each holding its own subjects. What each place sends on when the
window closes (`partial`) adds up across places (`merge_partials`) to the window's groups;
`release` turns them into rows: each group becomes one row unless fewer than `k` distinct
subjects are in it; such groups are merged into one "(other)" group, itself suppressed if it
still has fewer than k. A window's summary says how many groups were suppressed, never which.

Differential privacy (optional, `_dp_release`): each subject's contribution to a window is
bounded (at most `max_events_per_subject` events, each value clipped to [0, `max_value`]);
groups are selected with a noisy threshold and their counts and sums get noise, all through
OpenDP's mechanisms and privacy maps. A ledger of spent epsilon per partner refuses a release
that would exceed the partner's budget.

State is plain JSON-able dicts, written to the worker's compacted state topic.
"""

from __future__ import annotations

import math
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
    delta: float = 1e-6

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


def partial(report: Report, window: dict[str, Any]) -> dict[str, Any]:
    """What one partition of the fold sends to the release step for a window: per group its
    distinct subjects, events and sums. The fold is partitioned by subject, so partitions hold
    disjoint subjects and their distinct counts add up. A group with fewer than k subjects
    here has fewer than k everywhere it is small at all, so only such groups carry their
    subjects (fewer than k each): the release needs them to merge small groups into "(other)",
    whose subjects may overlap. With DP there is no "(other)", and no subject leaves."""
    groups: dict[str, Any] = {}
    for g, s in window["groups"].items():
        n = len(s["subjects"])
        groups[g] = {"distinct": n, "events": s["events"], "sums": dict(s["sums"])}
        if n < report.k and report.epsilon is None:
            groups[g]["subjects"] = dict(s["subjects"])
    return groups


def merge_partials(report: Report, into: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """Add one partition's partial of a window to what the other partitions sent (disjoint subjects)."""
    merged = dict(into)
    for g, b in other.items():
        a = merged.get(g)
        if a is None:
            merged[g] = b
            continue
        s = _add(a, b)
        s["distinct"] = a["distinct"] + b["distinct"]
        if s["distinct"] < report.k and report.epsilon is None:
            s["subjects"] = {**a.get("subjects", {}), **b.get("subjects", {})}
        merged[g] = s
    return merged


def _add(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    sums = dict(a["sums"])
    for f, v in b["sums"].items():
        sums[f] = sums.get(f, 0.0) + v
    return {"events": a["events"] + b["events"], "sums": sums}


def _other(small: list[dict[str, Any]]) -> dict[str, Any]:
    """Groups under k merged into one: its subjects are the union (one subject may be in several)."""
    merged = small[0]
    subjects = dict(small[0]["subjects"])
    for s in small[1:]:
        merged = _add(merged, s)
        for subject, n in s["subjects"].items():
            subjects[subject] = subjects.get(subject, 0) + n
    return {**merged, "subjects": subjects, "distinct": len(subjects)}


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


def release(report: Report, window_start: int, groups: dict[str, Any], ledger: Ledger | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows for one closed window, and its summary, from the window's groups as the partitions'
    partials add up (`partial`, `merge_partials`).

    Without DP: exact and deterministic, k-anonymous (groups of fewer than k distinct subjects
    merged into "(other)" or suppressed, and counted in the summary).

    With DP (`report.epsilon`): see `_dp_release`; the window's release is charged to the
    partner's ledger before anything is computed, and refused when the budget is spent."""
    span = {"window_start": iso_time(window_start), "window_end": iso_time(window_start + report.window_s)}
    if report.epsilon is not None:
        assert ledger is not None
        return _dp_release(report, span, groups, ledger)
    big = {g: s for g, s in groups.items() if s["distinct"] >= report.k}
    small = [s for s in groups.values() if s["distinct"] < report.k]
    suppressed = len(small)
    if len(small) > 1:
        other = _other(small)
        if other["distinct"] >= report.k:
            big[OTHER] = other
            suppressed = 0
    summary: dict[str, Any] = {"report": report.name, **span, "summary": True, "groups": len(big), "suppressed_groups": suppressed, "k": report.k}
    rows = []
    for g, s in sorted(big.items()):
        row: dict[str, Any] = {"report": report.name, **span, "group": _group(report, g)}
        for m in report.measures:
            if m.op == "count":
                row[m.name] = s["events"]
            elif m.op == "distinct":
                row[m.name] = s["distinct"]
            elif m.op == "sum":
                total = s["sums"].get(str(m.field), 0.0)
                row[m.name] = int(total) if float(total).is_integer() else round(total, 3)
            else:
                row[m.name] = round(s["sums"].get(str(m.field), 0.0) / s["events"], 3) if s["events"] else None
        rows.append(row)
    return rows, summary


# The probability that a released interval misses the true value: rows carry 95% intervals.
ACCURACY_ALPHA = 0.05
# A mean (a noisy sum over a noisy count) is released only where the count's 95% interval is
# at most this share of the count: elsewhere the ratio of two noisy numbers means nothing.
MEAN_MAX_RELATIVE_ERROR = 0.1


def _dp_release(report: Report, span: dict[str, str], groups: dict[str, Any], ledger: Ledger) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Differentially private rows, with OpenDP's mechanisms and privacy maps.

    One subject is one value of `report.subject`; `fold` lets it add at most C =
    max_events_per_subject events to the window, so it touches at most C groups, changes a
    group's distinct count by at most 1 and the counts by at most C in all, and the sums by at
    most C * max_value in all (each value clipped to [0, max_value]). The budget epsilon is
    split evenly over: selecting the groups with their distinct counts (OpenDP's
    `make_laplace_threshold`: discrete Laplace noise, and a group is released only if its noisy
    count passes a threshold set so that a group any one subject could add or remove appears
    with probability at most delta), the event counts of the released groups (discrete
    Laplace), and each summed field (Laplace, OpenDP's sampler). The (epsilon, delta) charged is
    the sum of what OpenDP's privacy maps say of each mechanism (sequential composition). No
    exact count is published: the summary names the parameters, not the suppressed groups."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    assert report.epsilon is not None
    summary: dict[str, Any] = {"report": report.name, **span, "summary": True}
    c = report.max_events_per_subject
    summed = report.summed_fields
    share = report.epsilon / (2 + len(summed))

    # Group selection with the distinct counts: scale and the smallest threshold that keeps delta.
    selection_space = dp.map_domain(dp.atom_domain(T=str), dp.atom_domain(T=int)), dp.l01inf_distance(dp.absolute_distance(T=int))
    selection_scale = c / share
    selection_d_in = (c, c, 1)

    def selection(threshold: int) -> Any:
        return dp.m.make_laplace_threshold(*selection_space, scale=selection_scale, threshold=threshold)

    def delta_at(threshold: int) -> float:
        measurement: Any = selection(threshold)
        return float(measurement.map(selection_d_in)[1])

    # The smallest threshold whose delta (by OpenDP's privacy map) is within the report's delta.
    low, high = 1, 2
    while delta_at(high) > report.delta:
        low, high = high, high * 2
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if delta_at(middle) <= report.delta else (middle + 1, high)
    threshold = high
    select: Any = selection(threshold)
    count_space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    count: Any = dp.m.make_laplace(*count_space, scale=c / share)
    sum_space = dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.l1_distance(T=float)
    sum_scale = c * report.max_value / share
    add_to_sums: Any = dp.m.make_laplace(*sum_space, scale=sum_scale)
    epsilon_used, delta_used = select.map(selection_d_in)
    epsilon_used += count.map(c) + len(summed) * add_to_sums.map(c * report.max_value)
    if not ledger.try_spend(report.partner, epsilon_used):
        summary.update({"groups": 0, "refused": "privacy budget exhausted"})
        return [], summary

    distinct = select({g: s["distinct"] for g, s in groups.items()})
    released = sorted(distinct)
    counts = count([groups[g]["events"] for g in released]) if released else []
    sums = {f: add_to_sums([float(groups[g]["sums"].get(f, 0.0)) for g in released]) if released else [] for f in summed}
    accuracy = {
        "count": dp.discrete_laplacian_scale_to_accuracy(c / share, ACCURACY_ALPHA),
        "distinct": dp.discrete_laplacian_scale_to_accuracy(selection_scale, ACCURACY_ALPHA),
        "sum": dp.laplacian_scale_to_accuracy(sum_scale, ACCURACY_ALPHA),
    }
    rows = []
    for i, g in enumerate(released):
        # Post-processing, which keeps the guarantee: counts are whole and not negative, a sum
        # lies between 0 and (released count) * max_value.
        n = max(int(counts[i]), 0)
        row: dict[str, Any] = {"report": report.name, **span, "group": _group(report, g)}
        for m in report.measures:
            if m.op == "count":
                row[m.name], row[f"{m.name}_pm95"] = n, round(accuracy["count"], 1)
            elif m.op == "distinct":
                row[m.name], row[f"{m.name}_pm95"] = max(int(distinct[g]), 0), round(accuracy["distinct"], 1)
            elif m.op == "sum":
                row[m.name] = round(min(max(sums[str(m.field)][i], 0.0), n * report.max_value), 3)
                row[f"{m.name}_pm95"] = round(accuracy["sum"], 1)
            else:
                usable = n > 0 and accuracy["count"] / n <= MEAN_MAX_RELATIVE_ERROR
                row[m.name] = round(min(max(sums[str(m.field)][i], 0.0), n * report.max_value) / n, 3) if usable else None
        rows.append(row)
    summary.update(
        {
            "groups": len(rows),
            "mechanism": "OpenDP: laplace threshold (group selection, distinct counts), discrete laplace (counts), laplace (sums)",
            "epsilon": round(epsilon_used, 6),
            "delta": delta_used,
            "threshold": threshold,
            "max_events_per_subject": c,
            "max_value": report.max_value,
        }
    )
    return rows, summary


def _group(report: Report, key: str) -> dict[str, Any]:
    return {OTHER: True} if key == OTHER else dict(zip(report.group_by, key.split("|")))


def iso_time(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")
