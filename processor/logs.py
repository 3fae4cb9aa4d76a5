"""Structured JSON log lines on stderr.

Log records carry counts, topics, reasons and error types, never event content: callers
pass fields through `extra={"fields": {...}}` and must not put values of events in them.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

import orjson


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        return orjson.dumps(line, default=str).decode()


class RepeatedLines(logging.Filter):
    """Lets a line through once per `window_s`; the same line again within the window is held
    back and counted, and the next copy let through says how many were (`repeated`).

    librdkafka says "Connect to ... failed: Connection refused" about twenty times a second per
    client while a broker is down: minutes of that bury the service's own lines (a CI failure
    once showed nothing else in its last 3,000 characters) and cost disk in production."""

    MAX_KEPT = 1000

    def __init__(self, window_s: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.window_s, self.clock = window_s, clock
        # A line's text -> when it was last let through, and how many copies were held since.
        self._seen: dict[str, tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        line, now = record.getMessage(), self.clock()
        seen = self._seen.get(line)
        if seen is not None and now - seen[0] < self.window_s:
            self._seen[line] = (seen[0], seen[1] + 1)
            return False
        if len(self._seen) >= self.MAX_KEPT:
            self._seen = {k: v for k, v in self._seen.items() if now - v[0] < self.window_s}
        self._seen[line] = (now, 0)
        if seen is not None and seen[1]:
            record.fields = {**getattr(record, "fields", {}), "repeated": seen[1]}
        return True


def setup(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Presidio logs each recognizer it loads, and warns about entities it has no recognizer for.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
