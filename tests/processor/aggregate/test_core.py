"""Windows, k-anonymity and differential privacy, on known inputs."""

import math
import random
import statistics

import pytest

from processor.aggregate.core import OTHER, Ledger, Measure, Report, fold, laplace, release


def report(**kw) -> Report:
    base = dict(
        name="calls",
        partner="reporting",
        group_by=("cell_id",),
        subject="imsi",
        measures=(Measure("calls", "count"), Measure("subscribers", "distinct"), Measure("minutes", "sum", "duration"), Measure("mean", "mean", "duration")),
        window_s=3600,
        grace_s=60,
        time_field="t",
        k=3,
    )
    base.update(kw)
    return Report(**base)


def events(cell: str, subjects: int, per_subject: int = 1, duration: float = 10, t: str = "2026-11-01T08:15:00Z"):
    return [{"t": t, "cell_id": cell, "imsi": f"s{i}", "duration": duration} for i in range(subjects) for _ in range(per_subject)]


def window_of(r: Report, evs) -> dict:
    w = None
    for e in evs:
        w = fold(r, w, e)
    return w


def test_exact_aggregates_and_windows_when_dp_is_off():
    r = report()
    evs = events("A", 4, per_subject=2, duration=30) + events("B", 5, duration=12)
    assert {r.window_of(e) for e in evs} == {r.window_of({"t": "2026-11-01T08:00:00Z"})}
    rows, summary = release(r, r.window_of(evs[0]), window_of(r, evs))
    assert rows == [
        {
            "report": "calls",
            "window_start": "2026-11-01T08:00:00Z",
            "window_end": "2026-11-01T09:00:00Z",
            "group": {"cell_id": "A"},
            "calls": 8,
            "subscribers": 4,
            "minutes": 240,
            "mean": 30.0,
        },
        {
            "report": "calls",
            "window_start": "2026-11-01T08:00:00Z",
            "window_end": "2026-11-01T09:00:00Z",
            "group": {"cell_id": "B"},
            "calls": 5,
            "subscribers": 5,
            "minutes": 60,
            "mean": 12.0,
        },
    ]
    assert summary["suppressed_groups"] == 0


def test_groups_under_k_are_suppressed_and_only_counted():
    r = report(k=5)
    rows, summary = release(r, 0, window_of(r, events("A", 6) + events("B", 2)))
    assert [row["group"] for row in rows] == [{"cell_id": "A"}]
    assert summary["suppressed_groups"] == 1 and "B" not in str(summary)


def test_small_groups_merge_into_other_when_together_they_reach_k():
    r = report(k=4)
    rows, summary = release(
        r, 0, window_of(r, events("A", 5) + [dict(e, imsi="x" + e["imsi"]) for e in events("B", 2)] + [dict(e, imsi="y" + e["imsi"]) for e in events("C", 2)])
    )
    assert [row["group"] for row in rows] == [{OTHER: True}, {"cell_id": "A"}] or [row["group"] for row in rows] == [{"cell_id": "A"}, {OTHER: True}]
    assert summary["suppressed_groups"] == 0


def test_one_subject_cannot_weigh_more_than_the_bound():
    r = report(max_events_per_subject=2, k=1)
    rows, _ = release(r, 0, window_of(r, events("A", 1, per_subject=50)))
    assert rows[0]["calls"] == 2


def test_laplace_noise_is_unbiased_with_the_spread_epsilon_asks_for():
    rng = random.Random(7)
    scale = 2.0  # sensitivity 1, epsilon 0.5
    draws = [laplace(scale, rng) for _ in range(40_000)]
    # Mean 0 and standard deviation sqrt(2)*b: within 3 standard errors.
    assert abs(statistics.fmean(draws)) < 3 * math.sqrt(2) * scale / math.sqrt(len(draws))
    assert statistics.pstdev(draws) == pytest.approx(math.sqrt(2) * scale, rel=0.03)
    # Laplace: P(|X| > b ln 2) = 1/2.
    assert sum(abs(d) > scale * math.log(2) for d in draws) / len(draws) == pytest.approx(0.5, abs=0.01)


def test_released_counts_are_noisy_around_the_truth_and_respect_epsilon():
    r = report(k=1, epsilon=1.0, max_events_per_subject=1)
    w = window_of(r, events("A", 20))
    ledger = Ledger({"reporting": 10_000.0})
    rng = random.Random(3)
    counts = [release(r, 0, w, ledger, rng)[0][0]["calls"] for _ in range(4000)]
    # Count scale: C / (epsilon / 3 components) = 3.
    assert statistics.fmean(counts) == pytest.approx(20, abs=0.3)
    assert statistics.pstdev(counts) == pytest.approx(math.sqrt(2) * 3, rel=0.05)


def test_the_ledger_refuses_releases_beyond_the_budget():
    r = report(k=1, epsilon=1.0)
    ledger = Ledger({"reporting": 2.5})
    w = window_of(r, events("A", 3))
    results = [release(r, 0, w, ledger, random.Random(1)) for _ in range(3)]
    assert [len(rows) for rows, _ in results] == [1, 1, 0]
    assert results[2][1]["refused"] == "privacy budget exhausted"
    assert ledger.spent == {"reporting": 2.0}
