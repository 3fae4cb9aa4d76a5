"""Prometheus metrics, health and readiness over HTTP, for the streaming service.

  /metrics  Prometheus text format
  /healthz  200 while the process runs its loop
  /readyz   200 once the consent table is loaded and partitions are assigned, 503 before

Labels are streams, partners, topics, reasons and entity types: never a value of an event.
The server binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app

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


_ready = False


def set_ready(ready: bool) -> None:
    global _ready
    _ready = ready
    READY.set(1 if ready else 0)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class MetricsServer:
    def __init__(self, host: str, port: int) -> None:
        metrics_app = make_wsgi_app(REGISTRY)
        self.healthy = True

        def app(environ, start_response):  # type: ignore[no-untyped-def]
            path = environ.get("PATH_INFO", "")
            if path == "/healthz":
                return _plain(start_response, 200 if self.healthy else 503, "ok" if self.healthy else "stopping")
            if path == "/readyz":
                ready = _ready
                return _plain(start_response, 200 if ready else 503, "ready" if ready else "not ready")
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
