"""The service's /metrics, /healthz and /readyz while it runs against the real broker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import orjson
import pytest

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import ROOT, consume_all, produce

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except urllib.error.URLError:
        return 0, ""  # not listening (yet)


def test_metrics_count_events_per_stream_and_never_carry_values(kafka_bootstrap, topics, tmp_path):
    kind = BuiltinStream.CALL_RECORDS
    events = generate(kind, 20, seed=77)
    produce(kafka_bootstrap, topics.input(kind), [orjson.dumps(g.event) for g in events] + [b"{bad"])
    port = free_port()
    log = tmp_path / "service.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor.cli", "run"],
        env={**os.environ, **topics.env, "PII_METRICS_PORT": str(port)},
        cwd=ROOT,
        stderr=log.open("wb"),
    )
    try:
        consume_all(kafka_bootstrap, [topics.output(kind)], expected=20, timeout_s=90)
        deadline = time.monotonic() + 30
        text = ""
        while time.monotonic() < deadline:
            assert proc.poll() is None, f"the service exited: {log.read_text()[-2000:]}"
            _status, text = get(f"http://127.0.0.1:{port}/metrics")
            if 'pii_events_consumed_total{stream="call-records"} 21.0' in text:
                break
            time.sleep(0.5)
        assert 'pii_events_consumed_total{stream="call-records"} 21.0' in text
        assert 'pii_dead_letters_total{reason="not-json"} 1.0' in text
        assert 'pii_events_produced_total{recipient="redacted",stream="call-records"} 20.0' in text
        assert 'pii_entities_detected_total{entity="IMSI"} 20.0' in text
        assert "pii_batch_seconds_bucket" in text and "pii_consumer_lag" in text
        assert not [v for g in events for v in g.planted if v in text]
        assert get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        assert get(f"http://127.0.0.1:{port}/readyz")[0] == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, log.read_text()[-2000:]
