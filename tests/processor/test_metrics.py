"""Readiness tells the truth about the processing loop, from the metrics server's own thread."""

import time
import urllib.error
import urllib.request

from processor import metrics


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_readiness_follows_the_loop_and_names_the_stage_it_is_stuck_in():
    metrics.set_ready(False)
    assert metrics.readiness(60) == (503, "not ready")
    metrics.set_ready(True)
    metrics.loop_done()
    assert metrics.readiness(60) == (200, "ready")
    metrics.stage("detect")
    assert metrics.readiness(60, now=time.monotonic() + 75) == (503, "stalled in detect for 75 s")
    metrics.set_ready(False)


def test_liveness_stays_up_while_readiness_reports_a_stall():
    server = metrics.MetricsServer("127.0.0.1", 0, stall_after_s=0.2)
    try:
        metrics.set_ready(True)
        metrics.loop_done()
        metrics.stage("detect")
        base = f"http://127.0.0.1:{server.port}"
        assert get(f"{base}/readyz") == (200, "ready")
        time.sleep(0.4)  # the loop does not come round: one event is taking long
        status, text = get(f"{base}/readyz")
        assert status == 503 and text.startswith("stalled in detect for")
        assert get(f"{base}/healthz") == (200, "ok")
        assert "pii_loop_seconds_since_progress" in get(f"{base}/metrics")[1]
    finally:
        metrics.set_ready(False)
        server.close()
