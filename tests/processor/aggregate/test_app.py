"""The worker's start-up checks, apart from the broker."""

from pathlib import Path

import pytest

from processor.aggregate.app import _refuse_single_inbox_state, report_of
from processor.config_file import load_config

ROOT = Path(__file__).resolve().parents[3]


class State:
    topic = "pii-aggregate-state"

    def __init__(self, keys: list[str]) -> None:
        self._keys = keys

    def keys(self, prefix: str) -> list[str]:
        return [k for k in self._keys if k.startswith(prefix)]


def test_open_windows_of_the_single_inbox_worker_are_refused_with_what_to_do():
    config = load_config(ROOT / "config" / "pipeline.yaml")
    _refuse_single_inbox_state(config, State(["calls-per-area|fold|0|window|1793001600|7", "ledger|advertising-partner|0"]))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"open windows of report 'calls-per-area' from a worker before fold partitions; let that worker close them"):
        _refuse_single_inbox_state(config, State(["calls-per-area|window|1793001600"]))  # type: ignore[arg-type]


def test_each_report_keeps_its_settings_and_its_partners_k():
    config = load_config(ROOT / "config" / "pipeline.yaml")
    calls = report_of(config, config.aggregates[0])
    assert (calls.name, calls.subject, calls.max_events_per_subject, calls.epsilon) == ("calls-per-area", "imsi", 50, None)
    assert calls.k == next(p for p in config.partners if p.name == calls.partner).aggregate_k
