"""Prometheus metrics, health and readiness over HTTP, for the streaming service.

  /metrics  Prometheus text format
  /healthz  200 while the process runs (liveness: one slow batch is no reason to restart it,
            since the per-event limits dead-letter what would cost more)
  /readyz   200 once the consent table is loaded and partitions are assigned, and while the
            processing loop comes round within `metrics.stall_after_s`; 503 otherwise, naming
            the stage the loop is in ("stalled in detect for 75 s")

Both answer from the server's own thread, which never waits on the processing loop: the loop
only records where it is (`stage`) and when it last came round (`loop_done`).

Labels are streams, partners, topics, reasons and entity types: never a value of an event.
The server binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import threading
import time
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    make_wsgi_app,
)

REGISTRY = CollectorRegistry()
CONSUMED = Counter("pii_events_consumed", "Events consumed, per stream", ["stream"], registry=REGISTRY)
PRODUCED = Counter("pii_events_produced", "Events produced, per recipient (partner or 'redacted') and stream", ["recipient", "stream"], registry=REGISTRY)
DROPPED = Counter("pii_events_dropped", "Events deliberately not sent to a partner, per reason", ["recipient", "reason"], registry=REGISTRY)
DEAD_LETTERS = Counter("pii_dead_letters", "Events sent to the dead-letter topic, per reason", ["reason"], registry=REGISTRY)
ENTITIES = Counter("pii_entities_detected", "Identifiers detected, per entity type", ["entity"], registry=REGISTRY)
BATCH_SECONDS = Histogram(
    "pii_batch_seconds",
    "Time to process and commit one batch",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
LAG = Gauge("pii_consumer_lag", "Messages not yet consumed, per input topic and partition", ["topic", "partition"], registry=REGISTRY)
READY = Gauge("pii_ready", "1 when the consent table is loaded and partitions are assigned", registry=REGISTRY)
BROKER_OUTAGE = Gauge("pii_broker_outage", "1 while the service has lost its broker and is waiting to get it back", registry=REGISTRY)
TRANSACTIONS_ABORTED = Counter(
    "pii_transactions_aborted", "Batches not committed (the broker lost, a transaction aborted) and processed again, per cause", ["cause"], registry=REGISTRY
)
# Exported by `pii-processor canary` (processor/canary.py).
CANARY_SENT = Counter("pii_canary_sent", "Canary events produced to the raw topics, per stream", ["stream"], registry=REGISTRY)
CANARY_LEAKS = Counter(
    "pii_canary_leaks",
    "Canary identifiers found in an output topic whose policy does not keep them, per topic and entity type",
    ["topic", "entity"],
    registry=REGISTRY,
)
CANARY_MISSING = Counter("pii_canary_missing", "Canary events not seen in their redacted topic in time, per stream", ["stream"], registry=REGISTRY)
CANARY_LATENCY = Histogram(
    "pii_canary_latency_seconds",
    "From producing a canary event to reading its redacted copy",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
    registry=REGISTRY,
)
LOOP_AGE = Gauge("pii_loop_seconds_since_progress", "Seconds since the processing loop last came round", registry=REGISTRY)


_ready = False
_stage = "starting"
_loop_done = time.monotonic()


def set_ready(ready: bool) -> None:
    global _ready
    _ready = ready
    READY.set(1 if ready else 0)


def stage(name: str) -> None:
    """Where the processing loop is now (consume, detect, produce, commit): what /readyz names
    when the loop stalls."""
    global _stage
    _stage = name


def loop_done() -> None:
    """The processing loop came round once."""
    global _loop_done
    _loop_done = time.monotonic()


def readiness(stall_after_s: float, now: float | None = None) -> tuple[int, str]:
    """The status and text of /readyz."""
    age = (time.monotonic() if now is None else now) - _loop_done
    LOOP_AGE.set(round(age, 3))
    if not _ready:
        return 503, "not ready"
    if age > stall_after_s:
        return 503, f"stalled in {_stage} for {age:.0f} s"
    return 200, "ready"


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class MetricsServer:
    def __init__(self, host: str, port: int, stall_after_s: float = 60) -> None:
        metrics_app = make_wsgi_app(REGISTRY)
        self.healthy = True

        def app(environ, start_response):  # type: ignore[no-untyped-def]
            path = environ.get("PATH_INFO", "")
            if path == "/healthz":
                return _plain(start_response, 200 if self.healthy else 503, "ok" if self.healthy else "stopping")
            if path == "/readyz":
                return _plain(start_response, *readiness(stall_after_s))
            readiness(stall_after_s)  # brings the loop-age gauge up to date for a scrape
            return metrics_app(environ, start_response)

        self.server: WSGIServer = make_server(host, port, app, handler_class=_Quiet)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, name="metrics", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.healthy = False
        self.server.shutdown()
        self.server.server_close()


def _plain(start_response, status: int, text: str):  # type: ignore[no-untyped-def]
    start_response(f"{status} {'OK' if status == 200 else 'Service Unavailable'}", [("Content-Type", "text/plain")])
    return [text.encode()]
