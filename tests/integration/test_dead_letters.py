"""Dead letters after the fact, on the real broker: listed by reason without a value, replayed
once the cause is fixed, and never replayed in a loop."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import orjson
import pytest

from processor import broker
from processor.config_file import load_config
from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import ROOT, consume_all, produce, run_service

pytestmark = pytest.mark.integration
CALLS = BuiltinStream.CALL_RECORDS


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "processor.cli", *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_dead_letters_are_listed_replayed_after_a_fix_and_never_loop(kafka_bootstrap: str, tmp_path: Path) -> None:
    strict, fixed = tmp_path / "strict.yaml", tmp_path / "fixed.yaml"
    strict.write_text("kafka: {connect_timeout_s: 20}\nlimits: {max_event_bytes: 1024}\n")
    fixed.write_text("kafka: {connect_timeout_s: 20}\n")
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"t{tag}.", "PII_GROUP_ID": f"pii-test-{tag}", "PII_METRICS_PORT": "0"}
    config = load_config(fixed, environ=env)
    broker.ensure_pipeline_topics(config)
    raw, redacted, dead_topic = config.streams[CALLS].input_topic, config.streams[CALLS].output_topic, config.kafka.dead_letter_topic

    events = generate(CALLS, 8, seed=12)
    for g in events[:3]:  # larger than the strict limit, for a harmless reason
        g.event["notes"] = g.event["notes"] + " ok" * 400
    produce(kafka_bootstrap, raw, [orjson.dumps(g.event) for g in events] + [b"{not json"], keys=[f"k{i}".encode() for i in range(9)])
    assert run_service(env, "--config", str(strict), "--stop-when-idle", "4").returncode == 0

    listed = cli(env, "dead-letter", "list", "--config", str(strict))
    assert listed.returncode == 0, listed.stderr
    assert "4 dead letter(s)" in listed.stdout
    assert any(line.split()[:2] == ["too-large", "3"] for line in listed.stdout.splitlines()), listed.stdout
    assert any(line.split()[:2] == ["not-json", "1"] for line in listed.stdout.splitlines()), listed.stdout
    planted = [value for g in events for value in g.planted]
    assert not [v for v in planted if v in listed.stdout], "a listing never shows a value"

    # After the fix (the limit raised), the three are replayed and delivered with their own ids.
    replayed = cli(env, "dead-letter", "replay", "--config", str(fixed), "--reason", "too-large")
    assert replayed.returncode == 0, replayed.stderr
    assert "3 replayed of 4 dead letter(s) read" in replayed.stdout
    assert run_service(env, "--config", str(fixed), "--stop-when-idle", "4").returncode == 0
    again = cli(env, "dead-letter", "replay", "--config", str(fixed), "--reason", "too-large")
    assert "0 replayed" in again.stdout  # each dead letter is replayed once

    got = consume_all(kafka_bootstrap, [redacted, dead_topic], expected=8 + 4)
    ids = [orjson.loads(m.value())["event_id"] for m in got[redacted]]
    assert sorted(ids) == sorted(g.event["event_id"] for g in events)
    out = b"".join(m.value() for m in got[redacted])
    assert not [v for v in planted if v.encode() in out]

    # An event that fails again comes back with its replay count, and past the limit is left alone.
    assert "1 replayed" in cli(env, "dead-letter", "replay", "--config", str(fixed), "--reason", "not-json", "--max-replays", "1").stdout
    assert run_service(env, "--config", str(fixed), "--stop-when-idle", "4").returncode == 0
    stopped = cli(env, "dead-letter", "replay", "--config", str(fixed), "--reason", "not-json", "--max-replays", "1")
    assert "0 replayed" in stopped.stdout and "replayed 1 time(s) already (--max-replays 1): 1" in stopped.stdout

    # Every consumed event is in one place: 9 + 3 + 1 in = 8 out + 5 dead letters.
    got = consume_all(kafka_bootstrap, [redacted, dead_topic, raw], expected=8 + 5 + 13)
    assert len(got[raw]) == 13 and len(got[redacted]) == 8 and len(got[dead_topic]) == 5
    heads = [dict(m.headers() or []) for m in got[dead_topic]]
    assert [h["reason"] for h in heads].count(b"too-large") == 3
    assert sorted(h.get("replays", b"-") for h in heads if h["reason"] == b"not-json") == [b"-", b"1"]
    # The replayed originals are the originals, with their keys and a replay count.
    replays = [m for m in got[raw] if dict(m.headers() or []).get("pii-replay") == b"1"]
    assert {m.key() for m in replays} == {b"k0", b"k1", b"k2", b"k8"}
    originals = {m.key(): m.value() for m in got[raw] if "pii-replay" not in dict(m.headers() or [])}
    assert all(m.value() == originals[m.key()] for m in replays)
