"""Partitioned folds and the release step, as pure logic: the partitions' partials add up to
what one fold of the whole window releases, every step is idempotent, windows close by event
time or idleness. The same classes run in the faust worker (tests/integration/test_aggregate.py)."""

from __future__ import annotations

import random
from typing import Any

import orjson
import pytest

from processor.aggregate import flow
from processor.aggregate.core import OTHER, Measure, Report, fold, partial, release
from processor.aggregate.flow import FoldPartition, Topics, WindowRelease, pack_events, route, unpack_events


class MemoryStore:
    """The Store protocol over a dict; messages are collected for the test to deliver."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.sent: list[tuple[str, bytes, bytes, int | None]] = []

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def put(self, key: str, value: Any) -> None:
        self.values[key] = value

    put_later = put

    def delete(self, key: str) -> None:
        self.values.pop(key, None)

    def keys(self, prefix: str) -> list[str]:
        return [k for k in self.values if k.startswith(prefix)]

    def produce_later(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> None:
        self.sent.append((topic, key, value, partition))


class Flow:
    """One report's fold partitions and release step, wired by delivering what they send."""

    def __init__(self, report: Report, partitions: int, idle_close_s: float = 10, twice: bool = False) -> None:
        self.report, self.partitions, self.twice = report, partitions, twice
        self.store = MemoryStore()
        topics = Topics(fold="fold", release="release", output="out", partitions=partitions)
        self.folds = FoldPartition(report, topics, self.store)
        self.release = WindowRelease(report, topics, self.store, idle_close_s, budget=None, started_at=0)
        self.fold_queues: dict[int, list[tuple[bytes, bytes, float]]] = {p: [] for p in range(partitions)}
        self.release_queue: list[bytes] = []
        self.output: dict[bytes, dict[str, Any]] = {}
        self.offset = 0

    def forward(self, events: list[dict[str, Any]], at: float = 100.0, packed: bool = True) -> None:
        """As the worker forwards: many events per fold message (or, `packed=False`, one each)."""
        by_partition: dict[int, list[tuple[bytes, bytes]]] = {}
        for e in events:
            value = orjson.dumps(e)
            by_partition.setdefault(route(self.report, value, self.partitions), []).append((f"0:{self.offset}".encode(), value))
            self.offset += 1
        for p, forwarded in by_partition.items():
            if packed:
                self.fold_queues[p] += [(b"events", message, at) for message in pack_events(forwarded)]
            else:
                self.fold_queues[p] += [(key, value, at) for key, value in forwarded]

    def tick(self, now: float) -> None:
        self.release_queue.append(orjson.dumps({"tick": now}))
        self.run()

    def run(self) -> None:
        while any(self.fold_queues.values()) or self.release_queue or self.store.sent:
            for topic, key, value, partition in self.store.sent:
                if topic == "fold":
                    assert partition is not None
                    self.fold_queues[partition].append((key, value, 0.0))
                elif topic == "release":
                    self.release_queue.append(value)
                else:
                    self.output[key] = orjson.loads(value)
            self.store.sent.clear()
            for p, queue in self.fold_queues.items():
                batch, queue[:] = list(queue), []
                for key, value, at in batch * (2 if self.twice else 1):
                    self.folds.message(p, key, value, at)
                self.folds.report_progress()
                self.folds.forget_sealed()  # as after the flush
            batch, self.release_queue[:] = list(self.release_queue), []
            for value in batch * (2 if self.twice else 1):
                self.release.message(value)

    def rows(self) -> list[tuple[str, Any, int, int, float]]:
        return sorted(
            (r["window_start"], sorted(r["group"].items()), r["calls"], r["subscribers"], r["minutes"]) for r in self.output.values() if not r.get("summary")
        )

    def summaries(self) -> dict[str, dict[str, Any]]:
        return {r["window_start"]: r for r in self.output.values() if r.get("summary")}


def report(**kw: Any) -> Report:
    base: dict[str, Any] = dict(
        name="calls",
        partner="reporting",
        group_by=("cell_id",),
        subject="imsi",
        measures=(Measure("calls", "count"), Measure("subscribers", "distinct"), Measure("minutes", "sum", "duration")),
        window_s=3600,
        grace_s=600,
        time_field="t",
        k=4,
        max_events_per_subject=3,
    )
    base.update(kw)
    return Report(**base)


def traffic(seed: int, n: int, hour: int = 8) -> list[dict[str, Any]]:
    """Many subjects over big and small cells; some subjects call from several cells and more
    often than the contribution bound."""
    rng = random.Random(seed)
    cells = ["big-1", "big-2", "big-3"] + [f"small-{i}" for i in range(8)]
    return [
        {
            "t": f"2026-11-01T{hour:02d}:{rng.randrange(60):02d}:00Z",
            "imsi": f"IMSI:{rng.randrange(n // 3)}",
            "cell_id": rng.choice(cells[:3]) if rng.random() < 0.97 else rng.choice(cells[3:]),
            "duration": rng.randrange(600),
        }
        for _ in range(n)
    ]


def one_fold(r: Report, events: list[dict[str, Any]]) -> list[tuple[str, Any, int, int, float]]:
    """What a single fold of the whole window releases: the reference."""
    window = None
    for e in events:
        window = fold(r, window, e)
    assert window is not None
    rows, _ = release(r, r.window_of(events[0]), partial(r, window))
    return sorted((row["window_start"], sorted(row["group"].items()), row["calls"], row["subscribers"], row["minutes"]) for row in rows)


@pytest.mark.parametrize("partitions", [1, 2, 4, 7])
def test_partitions_release_what_one_fold_of_the_whole_window_releases(partitions):
    r = report()
    events = traffic(seed=partitions, n=600)
    f = Flow(r, partitions)
    f.forward(events)
    f.run()
    f.tick(now=1000)  # idle: the window closes
    assert f.rows() == one_fold(r, events)
    # Small cells whose subjects overlap were merged into "(other)" as one fold would.
    assert any(group == [(OTHER, True)] for _, group, *_ in f.rows())


def test_events_fold_the_same_one_per_message_or_packed():
    r = report()
    events = traffic(seed=11, n=400)
    one, packed = Flow(r, 3), Flow(r, 3)
    one.forward(events, packed=False)
    packed.forward(events)
    for f in (one, packed):
        f.run()
        f.tick(now=1000)
    assert one.rows() == packed.rows() == one_fold(r, events)


def test_packed_events_come_out_as_they_went_in_and_a_pack_stays_small(monkeypatch):
    monkeypatch.setattr(flow, "EVENTS_PER_MESSAGE_BYTES", 100)
    events = [(f"0:{i}".encode(), b"x" * (i * 7 % 60)) for i in range(50)] + [(b"0:50", b"big" * 100)]
    messages = pack_events(events)
    assert [e for m in messages for e in unpack_events(m)] == events
    assert len(messages) > 10 and all(len(m) < 100 + 40 for m in messages[:-1])
    assert pack_events([]) == []


def test_every_message_delivered_twice_changes_nothing():
    r = report()
    events = traffic(seed=3, n=400)
    f = Flow(r, 3, twice=True)
    f.forward(events)
    f.run()
    f.tick(now=1000)
    assert f.rows() == one_fold(r, events)


def test_a_window_with_many_groups_is_sealed_in_chunks(monkeypatch):
    monkeypatch.setattr(flow, "CHUNK_GROUPS", 2)
    r = report()
    events = traffic(seed=5, n=500)
    f = Flow(r, 2)
    f.forward(events)
    f.run()
    f.tick(now=1000)
    assert f.rows() == one_fold(r, events)


def test_a_window_closes_when_event_time_passes_its_end_plus_grace_and_later_events_are_skipped():
    r = report()
    f = Flow(r, 3)
    eight, nine = traffic(seed=1, n=300, hour=8), traffic(seed=2, n=300, hour=9)
    f.forward(eight + [e for e in nine if e["t"] < "2026-11-01T09:10"])  # 09:10 is 08:00's end plus grace
    f.run()
    assert not f.summaries()
    f.forward([e for e in nine if e["t"] >= "2026-11-01T09:10"])
    f.run()
    assert list(f.summaries()) == ["2026-11-01T08:00:00Z"]
    before = f.rows()
    f.forward(traffic(seed=9, n=50, hour=8))  # late: its window is released
    f.run()
    assert f.rows() == before
    f.tick(now=1000)
    assert list(f.summaries()) == ["2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z"]


def test_nothing_closes_before_the_stream_is_idle():
    f = Flow(report(), 2, idle_close_s=10)
    f.forward(traffic(seed=4, n=100), at=100.0)
    f.run()
    f.tick(now=105)
    assert not f.summaries()
    f.tick(now=110)
    assert list(f.summaries()) == ["2026-11-01T08:00:00Z"]


def test_a_window_waits_for_every_partition():
    """The close reaches partition 0 only: its partial alone releases nothing."""
    f = Flow(report(), 2)
    f.forward(traffic(seed=6, n=200))
    f.run()
    f.release.tick(now=1000)
    [(_, key, close, _)] = [m for m in f.store.sent if m[3] == 0]
    f.store.sent.clear()
    f.folds.message(0, key, close, 0.0)
    sealed = [value for topic, _, value, _ in f.store.sent if topic == "release"]
    assert sealed and all(orjson.loads(v)["sealed"] == 0 for v in sealed)
    f.store.sent.clear()
    for value in sealed:
        f.release.message(value)
    assert not [m for m in f.store.sent if m[0] == "out"]


def test_a_seal_lost_with_its_close_marked_done_is_sent_again_when_the_close_is_replayed():
    """The worker died mid-flush: the partition's close was recorded, its sealed partial never
    arrived. The close is delivered again (it was not acknowledged): the seal goes again."""
    r = report()
    events = traffic(seed=8, n=300)
    f = Flow(r, 2)
    f.forward(events)
    f.run()
    f.release.tick(now=1000)
    closes = [(p, key, value) for topic, key, value, p in f.store.sent if topic == "fold"]
    f.store.sent.clear()
    for p, key, value in closes:
        f.folds.message(p, key, value, 0.0)
    f.store.sent.clear()  # lost: the seals never reached the release step; not forgotten either
    for p, key, value in closes:
        f.folds.message(p, key, value, 0.0)
    f.run()
    assert f.rows() == one_fold(r, events)


def test_routing_is_by_subject_and_stable():
    r = report()
    event = orjson.dumps({"imsi": "IMSI:42", "cell_id": "a"})
    # Fixed for good: open windows are spread by it (crc32, not Python's salted hash).
    assert route(r, event, 8) == route(r, orjson.dumps({"imsi": "IMSI:42", "cell_id": "b"}), 8) == 3
    assert route(r, b"not json", 8) == route(r, b"[1, 2]", 8) == 0
