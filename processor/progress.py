"""A one-line live count on stderr, for people watching a terminal (`redact`, the demo)."""

from __future__ import annotations

import atexit
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class LiveCount:
    """Call it with the number done so far; `stop` ends the line."""

    update: Callable[[int], None]
    stop: Callable[[], None]

    def __call__(self, done: int) -> None:
        self.update(done)


def live_count(label: str) -> LiveCount:
    from rich.console import Console
    from rich.live import Live

    live = Live(console=Console(stderr=True), transient=False, refresh_per_second=4)
    live.start()
    started = time.monotonic()

    def update(done: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-9)
        live.update(f"{label}: {done} events, {done / elapsed:.0f} events/s")

    atexit.register(live.stop)
    return LiveCount(update, live.stop)
