"""Aggregate reports (faust worker) against the real broker: exact, k-anonymous, restart-safe, budgeted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson
import pytest

from processor import broker
from processor.aggregate.app import ensure_worker_topics
from processor.aggregate.report import read_latest
from processor.config_file import load_config
from processor.events import BuiltinStream

from .conftest import ROOT, produce

pytestmark = pytest.mark.integration

CONFIG = """
partners:
  - name: reporting
    purpose: aggregate-reporting
    streams:
      call-records:
        fields: [start_time, duration_s, call_type, imsi, cell_id]
    operators: {{IMSI: pseudonymize}}
    key: {{file: r.key}}
    aggregate_k: 3
privacy_budgets: {{reporting: {budget}}}
aggregates:
  - name: calls
    partner: reporting
    stream: call-records
    group_by: [cell_id]
    subject: imsi
    time_field: start_time
    window_s: 3600
    grace_s: 86400
    idle_close_s: {idle}
    measures:
      - {{name: calls, op: count}}
      - {{name: subscribers, op: distinct}}
      - {{name: minutes, op: sum, field: duration_s}}
{dp}
"""


def setup(kafka_bootstrap: str, tmp_path: Path, dp: bool = False, idle: float = 3, budget: str = "2.5"):
    (tmp_path / "r.key").write_text(uuid.uuid4().hex * 2)
    (tmp_path / "r.key").chmod(0o600)
    path = tmp_path / "pipeline.yaml"
    # One call per subscriber and window, of at most an hour: the contribution bounds of the DP release.
    noise = "    dp: {epsilon: 1.0}\n    max_events_per_subject: 1\n    max_value: 3600"
    path.write_text(CONFIG.format(dp=noise if dp else "", idle=idle, budget=budget))
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"a{tag}.", "PII_METRICS_PORT": "0"}
    config = load_config(path, environ=env)
    broker.ensure_topics(config.kafka, config.all_topics())
    ensure_worker_topics(config)
    return path, env, config


def calls(hour: int, cell: str, subjects: int, duration: int = 60, prefix: str = "s") -> list[bytes]:
    t = f"2026-11-01T{hour:02d}:00:00Z"
    return [
        orjson.dumps({"start_time": t, "duration_s": duration, "call_type": "voice", "imsi": f"IMSI:{prefix}{i}", "cell_id": cell}) for i in range(subjects)
    ]


def start(path: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with worker_log(path).open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "processor.cli", "aggregate", "--config", str(path)], env={**os.environ, **env}, cwd=ROOT, stderr=log)


def worker_log(path: Path) -> Path:
    return path.parent / "aggregate.log"


def wait_for_windows(config, windows: int, proc: subprocess.Popen[bytes], path: Path, timeout_s: float = 120) -> dict:
    topic = config.aggregate_topic("calls")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the aggregate worker exited: {worker_log(path).read_text()[-2000:]}"
        latest = read_latest(config, topic, timeout_s=5)
        if sum(1 for v in latest.values() if v.get("summary")) >= windows:
            return latest
        time.sleep(1)
    raise AssertionError(f"fewer than {windows} windows closed in {timeout_s} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=40)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_exact_aggregates_with_small_groups_suppressed(kafka_bootstrap, tmp_path):
    path, env, config = setup(kafka_bootstrap, tmp_path)
    source = config.partners[0].topic(next(iter(config.partners[0].streams)))
    produce(kafka_bootstrap, source, calls(8, "310-410-1201", 5, 60) + calls(8, "310-410-3307", 2, 30) + calls(9, "310-410-1201", 4, 10, prefix="t"))
    proc = start(path, env)
    try:
        latest = wait_for_windows(config, 2, proc, path)
    finally:
        stop(proc)
    rows = sorted((v for v in latest.values() if not v.get("summary")), key=lambda r: r["window_start"])
    assert [(r["window_start"], r["group"], r["calls"], r["subscribers"], r["minutes"]) for r in rows] == [
        ("2026-11-01T08:00:00Z", {"cell_id": "310-410-1201"}, 5, 5, 300),
        ("2026-11-01T09:00:00Z", {"cell_id": "310-410-1201"}, 4, 4, 40),
    ]
    summaries = {v["window_start"]: v for v in latest.values() if v.get("summary")}
    assert summaries["2026-11-01T08:00:00Z"]["suppressed_groups"] == 1
    assert "3307" not in orjson.dumps(list(latest.values())).decode()


def test_a_worker_killed_mid_window_neither_loses_nor_double_counts(kafka_bootstrap, tmp_path):
    # The window closes only after 15 s without events: long enough to kill the worker first.
    path, env, config = setup(kafka_bootstrap, tmp_path, idle=15)
    source = config.partners[0].topic(next(iter(config.partners[0].streams)))
    produce(kafka_bootstrap, source, calls(10, "234-15-1202", 400, 2))
    proc = start(path, env)
    time.sleep(8)  # started, some events folded, the window not closed: it waits for idleness
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert sum(1 for v in read_latest(config, config.aggregate_topic("calls"), timeout_s=3).values() if v.get("summary")) == 0
    produce(kafka_bootstrap, source, calls(10, "234-15-1202", 100, 2, prefix="late"))
    proc = start(path, env)
    try:
        latest = wait_for_windows(config, 1, proc, path)
    finally:
        stop(proc)
    [row] = [v for v in latest.values() if not v.get("summary")]
    assert (row["calls"], row["subscribers"], row["minutes"]) == (500, 500, 1000)


def fold_partitions_by_worker(config) -> list[set[int]]:
    """Per live member of the workers' consumer group, the fold partitions it holds."""
    admin = broker.admin_client(config.kafka)
    [group] = admin.describe_consumer_groups([config.aggregate_app_id()]).values()
    members = group.result(timeout=10).members
    fold = config.aggregate_fold_topic("calls")
    return [{tp.partition for tp in m.assignment.topic_partitions if tp.topic == fold} for m in members]


def test_two_workers_share_the_folds_and_one_killed_mid_window_loses_and_doubles_nothing(kafka_bootstrap, tmp_path):
    """The report's four fold partitions are spread over two workers; one is killed with
    events in flight; the other takes its partitions over and the counts stay exact."""
    path, env, config = setup(kafka_bootstrap, tmp_path, idle=20)
    source = config.partners[0].topic(next(iter(config.partners[0].streams)))
    produce(kafka_bootstrap, source, calls(10, "234-15-1202", 600, 2))
    first, second = start(path, env), start(path, env)
    try:
        deadline = time.monotonic() + 90
        while not (len(shares := fold_partitions_by_worker(config)) == 2 and all(shares)):
            assert time.monotonic() < deadline, f"the two workers never shared the fold partitions: {shares}"
            time.sleep(1)
        assert sorted(p for share in shares for p in share) == [0, 1, 2, 3]
        produce(kafka_bootstrap, source, calls(10, "234-15-1202", 300, 2, prefix="t"))
        time.sleep(2)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        produce(kafka_bootstrap, source, calls(10, "234-15-1202", 100, 2, prefix="u"))
        latest = wait_for_windows(config, 1, second, path, timeout_s=180)
    finally:
        stop(second)
        if first.poll() is None:
            first.kill()
    [row] = [v for v in latest.values() if not v.get("summary")]
    assert (row["calls"], row["subscribers"], row["minutes"]) == (1000, 1000, 2000)


def test_a_report_whose_fold_topic_has_another_partition_count_is_refused_by_name(kafka_bootstrap, tmp_path):
    path, env, _ = setup(kafka_bootstrap, tmp_path)
    # The same report under a prefix of its own, whose fold topic was made with 2 partitions.
    config = load_config(path, environ={**env, "PII_TOPIC_PREFIX": f"b{uuid.uuid4().hex[:8]}."})
    broker.ensure_topics(config.kafka, [config.aggregate_fold_topic("calls")], partitions=2)
    with pytest.raises(ValueError, match=r"aggregates \(calls\).partitions is 4 but its fold topic .*calls.fold has 2 partitions"):
        ensure_worker_topics(config)


def test_the_privacy_budget_refuses_releases_and_survives_a_restart(kafka_bootstrap, tmp_path):
    path, env, config = setup(kafka_bootstrap, tmp_path, dp=True)
    source = config.partners[0].topic(next(iter(config.partners[0].streams)))
    # 80 subscribers per window: far above the noisy threshold of group selection (about 40 here).
    produce(kafka_bootstrap, source, calls(1, "262-01-1201", 80) + calls(2, "262-01-1201", 80))
    proc = start(path, env)
    try:
        wait_for_windows(config, 2, proc, path)
    finally:
        stop(proc)
    produce(kafka_bootstrap, source, calls(3, "262-01-1201", 80))
    proc = start(path, env)
    try:
        latest = wait_for_windows(config, 3, proc, path)
    finally:
        stop(proc)
    summaries = {v["window_start"][11:13]: v for v in latest.values() if v.get("summary")}
    # Budget 2.5 at epsilon 1 per release: two windows released, the third refused after the restart.
    assert "refused" not in summaries["01"] and "refused" not in summaries["02"]
    assert summaries["03"]["refused"] == "privacy budget exhausted"
    noisy = [v for v in latest.values() if not v.get("summary")]
    # Noisy counts are whole and not negative, each with its 95% interval; no exact count is published.
    assert len(noisy) == 2 and all(isinstance(r["calls"], int) and r["calls"] >= 0 and r["calls_pm95"] > 0 for r in noisy)
    assert all("suppressed_groups" not in v and v.get("delta", 0) <= 1e-6 for v in summaries.values() if "refused" not in v)


def test_a_budget_per_period_renews_when_the_period_turns(kafka_bootstrap, tmp_path):
    """Epsilon 1.5 per two hours of event time, epsilon 1 per hourly window: 01:00 is released in
    the period 00:00-02:00; 02:00 opens the next period and is released; 03:00 would overspend it."""
    path, env, config = setup(kafka_bootstrap, tmp_path, dp=True, budget="{epsilon: 1.5, period_s: 7200}")
    source = config.partners[0].topic(next(iter(config.partners[0].streams)))
    produce(kafka_bootstrap, source, calls(1, "262-01-1201", 80) + calls(2, "262-01-1201", 80) + calls(3, "262-01-1201", 80))
    proc = start(path, env)
    try:
        latest = wait_for_windows(config, 3, proc, path)
    finally:
        stop(proc)
    summaries = {v["window_start"][11:13]: v for v in latest.values() if v.get("summary")}
    assert [summaries[h].get("refused") for h in ("01", "02", "03")] == [None, None, "privacy budget exhausted"]
    assert summaries["01"]["budget_period"] != summaries["02"]["budget_period"] == summaries["03"]["budget_period"]


def test_an_opted_out_subscriber_is_absent_from_the_aggregates_of_that_purpose(kafka_bootstrap, tmp_path):
    """Through the whole chain: raw events -> the service (which honours the consent topic) ->
    the partner topic -> the aggregate worker. Six subscribers call from one cell; one has opted
    out of aggregate reporting, so the report counts five."""
    path, env, config = setup(kafka_bootstrap, tmp_path)
    imsis = [f"31026{i:010d}" for i in range(6)]
    produce(kafka_bootstrap, config.consent.topic, [b'["aggregate-reporting"]'], keys=[imsis[0].encode()])
    raw = [
        orjson.dumps(
            {
                "event_id": str(uuid.uuid4()),
                "start_time": "2026-11-01T08:00:00Z",
                "duration_s": 60,
                "call_type": "voice",
                "imsi": imsi,
                "cell_id": "310-410-1201",
            }
        )
        for imsi in imsis
    ]
    produce(kafka_bootstrap, config.streams[BuiltinStream.CALL_RECORDS].input_topic, raw)
    service = subprocess.run(
        [sys.executable, "-m", "processor.cli", "run", "--config", str(path), "--stop-when-idle", "5"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert service.returncode == 0, service.stderr[-2000:]
    proc = start(path, env)
    try:
        latest = wait_for_windows(config, 1, proc, path)
    finally:
        stop(proc)
    [row] = [v for v in latest.values() if not v.get("summary")]
    assert (row["calls"], row["subscribers"]) == (5, 5)
