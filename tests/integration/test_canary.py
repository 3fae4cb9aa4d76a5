"""The leak canary against the running service on the real broker: every canary event comes
through, none of its identifiers reaches a partner, and partners can tell canary copies apart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from .conftest import ROOT, consume_all

pytestmark = pytest.mark.integration


def test_the_canary_finds_no_leak_and_every_copy_is_tagged(kafka_bootstrap, partner_setup):
    env = {**os.environ, **partner_setup.env}
    service = subprocess.Popen(
        [sys.executable, "-m", "processor.cli", "run", "--config", str(partner_setup.config_path)], env=env, cwd=ROOT, stderr=subprocess.DEVNULL
    )
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "processor.cli",
                "canary",
                "--config",
                str(partner_setup.config_path),
                "--rounds",
                "2",
                "--interval",
                "1",
                "--metrics-port",
                "0",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    # Three streams, two rounds: six events, each seen in its redacted topic.
    assert "canary: 6 sent, 6 seen, 0 missing, 0 leaks" in result.stdout, result.stdout + result.stderr[-2000:]

    partner_topics = [p.topic(k) for p in partner_setup.config.partners for k in p.streams]
    got = consume_all(kafka_bootstrap, partner_topics, expected=2 * len(partner_topics), timeout_s=30)
    copies = [m for ms in got.values() for m in ms]
    assert copies and all(("pii-canary", b"1") in (m.headers() or []) for m in copies)
