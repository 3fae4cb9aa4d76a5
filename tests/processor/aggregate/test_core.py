"""Windows, k-anonymity and differential privacy, on known inputs."""

import math
import statistics

import pytest

from processor.aggregate.core import OTHER, Ledger, Measure, Report, fold, partial, release


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
    """The window's groups as the release step gets them (here from one fold partition)."""
    w = None
    for e in evs:
        w = fold(r, w, e)
    return partial(r, w)


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


def noisy_report(**kw) -> Report:
    """One event per subject and window, values up to 100: the contribution bounds."""
    return report(**{"k": 1, "epsilon": 1.0, "max_events_per_subject": 1, "max_value": 100.0, **kw})


def test_noisy_counts_spread_as_opendps_discrete_laplace_of_the_configured_scale():
    r = noisy_report()
    w = window_of(r, events("A", 300))
    ledger = Ledger({"reporting": 1e9})
    n = 2000
    rows = [release(r, 0, w, ledger)[0][0] for _ in range(n)]
    counts = [row["calls"] for row in rows]
    # The count's share of epsilon is 1/3 (selection with distinct counts, counts, the one summed
    # field; the mean is their ratio): scale C / (epsilon / 3) = 3. The discrete Laplace of scale
    # s puts mass proportional to q^|k| on k, q = exp(-1/s): its variance is 2q / (1 - q)^2.
    # Noise is drawn by OpenDP and cannot be seeded, so each bound is five standard errors wide:
    # a correct mechanism fails it about once in a million runs, a wrong scale every time.
    q = math.exp(-1 / 3)
    std = math.sqrt(2 * q) / (1 - q)
    assert statistics.fmean(counts) == pytest.approx(300, abs=5 * std / math.sqrt(n))
    # The standard error of a standard deviation, for a distribution of kurtosis about 6.
    assert statistics.pstdev(counts) == pytest.approx(std, rel=5 * math.sqrt(5 / (4 * n)))
    assert all(isinstance(c, int) and c >= 0 for c in counts)
    # The 95% interval each row carries holds the truth as often as its width says: at least 95%
    # of the time, exactly P(|k| <= margin) for this discrete distribution.
    margin = math.floor(rows[0]["calls_pm95"])
    coverage = 1 - 2 * q ** (margin + 1) / (1 + q)
    assert coverage >= 0.95
    inside = sum(abs(row["calls"] - 300) <= row["calls_pm95"] for row in rows) / n
    assert inside == pytest.approx(coverage, abs=5 * math.sqrt(coverage * (1 - coverage) / n))


def test_a_group_one_subject_could_add_is_never_released():
    """Group selection: with delta 1e-6, a group of one subject appears with probability at most
    about 1e-6; and the summary names no exact count of what was left out."""
    r = noisy_report()
    lonely = {"t": "2026-11-01T08:20:00Z", "cell_id": "lonely", "imsi": "the-only-one", "duration": 10}
    w = window_of(r, [*events("A", 300), lonely])
    ledger = Ledger({"reporting": 1e9})
    released = [release(r, 0, w, ledger) for _ in range(2000)]
    assert all([row["group"]["cell_id"] for row in rows] == ["A"] for rows, _ in released)
    summary = released[0][1]
    assert "suppressed_groups" not in summary and summary["delta"] <= 1e-6 and summary["threshold"] > 1


def test_sums_and_means_are_post_processed_into_their_possible_range():
    r = noisy_report()
    rows, _ = release(r, 0, window_of(r, events("A", 300, duration=0)), Ledger({"reporting": 10.0}))
    assert 0 <= rows[0]["minutes"] <= rows[0]["calls"] * 100
    assert rows[0]["mean"] is not None and 0 <= rows[0]["mean"] <= 100
    # Where the count is too noisy for a ratio to mean anything, no mean is released.
    # (epsilon 0.05: the count's 95% interval is about 180, 12% of 1,500.)
    few = noisy_report(epsilon=0.05)
    rows, _ = release(few, 0, window_of(few, events("A", 1500, duration=0)), Ledger({"reporting": 10.0}))
    assert rows and rows[0]["mean"] is None


def test_the_epsilon_charged_is_what_opendps_privacy_maps_say():
    r = noisy_report(epsilon=0.8)
    ledger = Ledger({"reporting": 10.0})
    _, summary = release(r, 0, window_of(r, events("A", 300)), ledger)
    assert summary["epsilon"] == pytest.approx(0.8) and ledger.spent["reporting"] == pytest.approx(0.8)


def test_the_ledger_refuses_releases_beyond_the_budget():
    r = noisy_report()
    ledger = Ledger({"reporting": 2.5})
    w = window_of(r, events("A", 300))
    results = [release(r, 0, w, ledger) for _ in range(3)]
    assert [len(rows) for rows, _ in results] == [1, 1, 0]
    assert results[2][1]["refused"] == "privacy budget exhausted"
    assert ledger.spent["reporting"] == pytest.approx(2.0)
