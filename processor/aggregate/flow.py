"""How a report's events become released windows, across partitions and workers (no faust here).

    partner topic ──forward, by subject──► agg.<report>.fold (N partitions) ──► FoldPartition (one per partition)
                                                ▲ "close through W"                  │ progress, sealed partials
                                                │                                    ▼
                                      WindowRelease ◄────────────── agg.<report>.release (1 partition) ◄── ticks
                                            └──► agg.<report>: rows and summary

Events are routed to a fold partition by their subject (`fold_partition_of`), so each subject's
events are folded in one place: its contribution bound holds exactly, and partitions hold
disjoint subjects, so their distinct counts add up. (Routing by group would spread one
subject over partitions, and no partition could bound what it adds to the window: the
sensitivity the noise is scaled to would not hold.) The N partitions fold in parallel, on as
many workers as there are partitions.

A window must be released whole: k-anonymity and group selection need each group's total, the
"(other)" bucket merges groups across partitions, and the budget is charged once per window.
So the release step owns the decision to close. Each fold partition reports its progress
(newest event time, last event seen) after every batch; the release step, the single
consumer of a one-partition topic, closes windows when the newest event time anywhere is past
their end plus grace, or when no event arrived for `idle_close_s`. It sends "close through W"
into every fold partition, where it is ordered after every event already there: the
partition seals its windows up to W (a compact partial per window, see core.partial), forgets
them, and skips later events for them as late. When every partition has sealed through W,
the windows up to W are merged and released, and the ledger is charged, in one small step.

Delivery is at least once; every step is idempotent. A fold partition skips events whose
source partition and offset a window has already folded, and a close it has already done; the
release step skips partials it has already merged (by partition, close and chunk), and output
rows are keyed by report, window and group. The state (`Store`) is made durable before the
messages that caused it are acknowledged (processor/aggregate/state.py).
"""

from __future__ import annotations

import logging
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from processor.aggregate.core import Ledger, Report, fold, iso_time, merge_partials, partial, release

log = logging.getLogger("pii.aggregate")

# Groups per sealed message: a window with many groups is sent in chunks, each well under
# Kafka's default message size.
CHUNK_GROUPS = 1000
# Pieces of a window's state in one fold partition, by subject (see FoldPartition).
BUCKETS = 64
CLOSE_MARK = b'{"close_through"'
# A fold message carries many events (one consumed message per event costs more in faust
# than folding it): this mark, then per event its key and value, each length-prefixed.
EVENTS_MARK = b"PII-EVENTS1"
# Bytes of events per fold message (an event larger than this travels alone).
EVENTS_PER_MESSAGE_BYTES = 256 * 1024


class Store(Protocol):
    """Durable key-value state, and messages written with it (DurableState in the worker)."""

    def get(self, key: str, default: Any = None) -> Any: ...
    def put(self, key: str, value: Any) -> None: ...
    def put_later(self, key: str, value: Any) -> None: ...
    def delete(self, key: str) -> None: ...
    def keys(self, prefix: str) -> Iterable[str]: ...
    def produce_later(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> None: ...


class Budget(Protocol):
    epsilon: float

    def period_of(self, window_start: int) -> str: ...


@dataclass(frozen=True)
class Topics:
    fold: str  # N partitions, keyed by subject
    release: str  # one partition
    output: str
    partitions: int


def fold_partition_of(subject: str, partitions: int) -> int:
    """A subject's fold partition: stable across processes and versions (not Python's hash)."""
    return zlib.crc32(subject.encode()) % partitions


def route(report: Report, value: bytes, partitions: int) -> int:
    """The fold partition of a partner-topic event. An event that is not a JSON object goes to
    partition 0, where the fold skips it with a warning."""
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError:
        return 0
    return fold_partition_of(str(event.get(report.subject, "")), partitions) if isinstance(event, dict) else 0


def pack_events(events: list[tuple[bytes, bytes]]) -> list[bytes]:
    """Events (key, value) as fold messages of up to EVENTS_PER_MESSAGE_BYTES each."""
    messages, parts, size = [], [EVENTS_MARK], 0
    for key, value in events:
        if size and size + len(key) + len(value) > EVENTS_PER_MESSAGE_BYTES:
            messages.append(b"".join(parts))
            parts, size = [EVENTS_MARK], 0
        parts += [struct.pack(">II", len(key), len(value)), key, value]
        size += len(key) + len(value) + 8
    if size:
        messages.append(b"".join(parts))
    return messages


def unpack_events(message: bytes) -> list[tuple[bytes, bytes]]:
    events, at = [], len(EVENTS_MARK)
    while at < len(message):
        key_len, value_len = struct.unpack_from(">II", message, at)
        at += 8
        events.append((message[at : at + key_len], message[at + key_len : at + key_len + value_len]))
        at += key_len + value_len
    return events


class FoldPartition:
    """The open windows of one report in the fold partitions this worker is given.

    A window's state in a partition is kept in BUCKETS pieces by subject, each a message of
    its own in the state topic: a piece stays far below Kafka's message size at a telecom's
    volume, and holds, with its counts, the source offsets folded into it, so that each write
    is whole by itself (no piece can be durable without the offsets that say what it holds)."""

    def __init__(self, report: Report, topics: Topics, store: Store) -> None:
        self.report, self.topics, self.store = report, topics, store
        self.touched: set[int] = set()
        self.late: dict[tuple[int, str], int] = {}
        self.sealed: set[int] = set()  # partitions whose sealed windows are forgotten after the flush

    def _prefix(self, partition: int) -> str:
        return f"{self.report.name}|fold|{partition}|window|"

    def _meta_key(self, partition: int) -> str:
        return f"{self.report.name}|fold|{partition}|meta"

    def message(self, partition: int, key: bytes, value: bytes, timestamp_s: float) -> None:
        """One message of a fold partition: events (`pack_events`), one event (key: source
        partition and offset), or a close."""
        if value.startswith(CLOSE_MARK):
            self.close(partition, int(orjson.loads(value)["close_through"]))
        elif value.startswith(EVENTS_MARK):
            for event_key, event in unpack_events(value):
                self._event(partition, event_key, event, timestamp_s)
        else:
            self._event(partition, key, value, timestamp_s)

    def _event(self, partition: int, key: bytes, value: bytes, timestamp_s: float) -> None:
        report, meta = self.report, self.store.get(self._meta_key(partition), {})
        try:
            data = orjson.loads(value)
            w = str(report.window_of(data))
            event_time = report.event_time(data)
        except (ValueError, TypeError, AttributeError):
            log.warning("event without a usable time skipped", extra={"fields": {"report": report.name}})
            return
        if int(w) <= meta.get("closed_through", -1):
            # Late, or delivered again after its window was sealed: counted, said once per window.
            n = self.late[(partition, w)] = self.late.get((partition, w), 0) + 1
            if n == 1:
                log.warning(
                    "event for a window already closed skipped; more for this window are only counted",
                    extra={"fields": {"report": report.name, "window_start": iso_time(int(w)), "fold_partition": partition}},
                )
            return
        piece_key = f"{self._prefix(partition)}{w}|{zlib.crc32(b'piece:' + str(data.get(report.subject, '')).encode()) % BUCKETS}"
        piece = self.store.get(piece_key, {})
        source_partition, _, source_offset = key.decode().partition(":")
        applied = piece.get("applied", {})
        if source_offset.isdigit() and int(source_offset) <= applied.get(source_partition, -1):
            return  # delivered again after a crash (re-forwarded, or the fold topic replayed): already counted
        piece = fold(report, piece, data)
        piece["applied"] = {**applied, source_partition: int(source_offset) if source_offset.isdigit() else -1}
        self.store.put_later(piece_key, piece)
        watermark = max(meta.get("watermark") or 0, event_time)
        self.store.put_later(self._meta_key(partition), {**meta, "watermark": watermark, "last_event_at": timestamp_s})
        self.touched.add(partition)

    def _pieces(self, partition: int, above: int, through: int) -> dict[int, list[str]]:
        """The keys of the state pieces of each window in (above, through]."""
        prefix = self._prefix(partition)
        windows: dict[int, list[str]] = {}
        for k in self.store.keys(prefix):
            w = int(k[len(prefix) :].partition("|")[0])
            if above < w <= through:
                windows.setdefault(w, []).append(k)
        return windows

    def close(self, partition: int, through: int) -> None:
        """Seal every window up to `through`: send their partials. The windows are forgotten
        only once that is durable (`forget_sealed`, after the flush); until then a seal may
        not have reached the release step, so any close sends it again (it is merged once)."""
        meta = self.store.get(self._meta_key(partition), {})
        forgotten, closed = meta.get("forgotten_through", -1), meta.get("closed_through", -1)
        if through <= forgotten:
            return  # a close delivered again, long done
        if closed > forgotten:
            self._seal(partition, forgotten, closed)
        if through > closed:
            self._seal(partition, closed, through)
            self.store.put_later(self._meta_key(partition), {**meta, "closed_through": through})
        self.sealed.add(partition)
        self.touched.add(partition)

    def _seal(self, partition: int, above: int, through: int) -> None:
        """Send the partials of the windows in (above, through], in chunks of CHUNK_GROUPS
        groups, in a fixed order (a seal sent again is chunked the same way)."""
        items: list[tuple[str, str, Any]] = []
        for start, keys in sorted(self._pieces(partition, above, through).items()):
            groups: dict[str, Any] = {}
            for k in sorted(keys):
                groups = merge_partials(self.report, groups, partial(self.report, self.store.get(k)))
            items += [(str(start), g, groups[g]) for g in sorted(groups)]
        chunks = [items[i : i + CHUNK_GROUPS] for i in range(0, len(items), CHUNK_GROUPS)] or [[]]
        for i, chunk in enumerate(chunks):
            windows: dict[str, dict[str, Any]] = {}
            for w, g, s in chunk:
                windows.setdefault(w, {})[g] = s
            sealed = {"sealed": partition, "through": through, "chunk": i, "last": i == len(chunks) - 1, "windows": windows}
            self.store.produce_later(self.topics.release, str(partition).encode(), orjson.dumps(sealed))

    def forget_sealed(self) -> None:
        """After a flush: the sealed windows' partials are durable, so their state goes."""
        for partition in self.sealed:
            meta = self.store.get(self._meta_key(partition), {})
            for keys in self._pieces(partition, -1, meta["closed_through"]).values():
                for k in keys:
                    self.store.delete(k)
            self.store.put_later(self._meta_key(partition), {**meta, "forgotten_through": meta["closed_through"]})
        self.sealed.clear()

    def report_progress(self) -> None:
        """After a batch: tell the release step how far each partition touched has come."""
        for partition in sorted(self.touched):
            meta = self.store.get(self._meta_key(partition), {})
            progress = {"progress": partition, "watermark": meta.get("watermark"), "last_event_at": meta.get("last_event_at")}
            self.store.produce_later(self.topics.release, str(partition).encode(), orjson.dumps(progress))
        self.touched.clear()


class WindowRelease:
    """Decides when windows close, merges the partitions' partials, releases and charges the ledger."""

    def __init__(self, report: Report, topics: Topics, store: Store, idle_close_s: float, budget: Budget | None, started_at: float) -> None:
        self.report, self.topics, self.store = report, topics, store
        self.idle_close_s, self.budget, self.started_at = idle_close_s, budget, started_at
        self.meta_key = f"{report.name}|release|meta"
        self.window_prefix = f"{report.name}|release|window|"

    def _meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = self.store.get(self.meta_key, {"partitions": {}, "requested": -1})
        return meta

    def message(self, value: bytes) -> None:
        m = orjson.loads(value)
        if "tick" in m:
            self.tick(float(m["tick"]))
        elif "progress" in m:
            self._progress(m)
        elif "sealed" in m:
            self._sealed(m)

    def _progress(self, m: dict[str, Any]) -> None:
        meta = self._meta()
        seen = meta["partitions"].setdefault(str(m["progress"]), {})
        for field in ("watermark", "last_event_at"):
            if m.get(field) is not None:
                seen[field] = max(seen.get(field) or 0, m[field])
        self.store.put_later(self.meta_key, meta)
        watermark = max((p.get("watermark") or 0 for p in meta["partitions"].values()), default=0)
        # The latest window whose end plus grace the newest event time has passed.
        due = (int(watermark) - self.report.window_s - self.report.grace_s) // self.report.window_s * self.report.window_s
        self._request(meta, due)

    def tick(self, now: float) -> None:
        """Idle for idle_close_s (since the last event, or since this step started: after a
        restart the events that came meanwhile get their chance first): close every window."""
        meta = self._meta()
        seen = meta["partitions"].values()
        last = max([self.started_at, *(p.get("last_event_at") or 0 for p in seen)])
        watermark = max((p.get("watermark") or 0 for p in seen), default=None)
        if watermark is not None and now - last >= self.idle_close_s:
            self._request(meta, self.report.window_of({self.report.time_field: watermark}))

    def _request(self, meta: dict[str, Any], through: int) -> None:
        if through <= meta["requested"]:
            return
        close = orjson.dumps({"close_through": through})
        for partition in range(self.topics.partitions):
            self.store.produce_later(self.topics.fold, b"close", close, partition)
        meta["requested"] = through
        self.store.put_later(self.meta_key, meta)

    def _sealed(self, m: dict[str, Any]) -> None:
        meta = self._meta()
        seen = meta["partitions"].setdefault(str(m["sealed"]), {})
        position = [int(m["through"]), int(m["chunk"])]
        if position <= seen.get("merged", [-1, -1]):
            return  # sent again (the fold partition's close was replayed): merged already
        for w, groups in m["windows"].items():
            key = self.window_prefix + w
            self.store.put_later(key, merge_partials(self.report, self.store.get(key, {}), groups))
        seen["merged"] = position
        if m["last"]:
            seen["sealed_through"] = position[0]
        self.store.put_later(self.meta_key, meta)
        self._release_sealed(meta)

    def _release_sealed(self, meta: dict[str, Any]) -> None:
        """Release the windows every partition has sealed, oldest first."""
        sealed = [meta["partitions"].get(str(p), {}).get("sealed_through", -1) for p in range(self.topics.partitions)]
        through = min(sealed)
        ready = sorted((int(k[len(self.window_prefix) :]) for k in self.store.keys(self.window_prefix)), key=int)
        for w in (w for w in ready if w <= through):
            self._release(w, self.store.get(self.window_prefix + str(w)))
            self.store.delete(self.window_prefix + str(w))

    def _release(self, w: int, groups: dict[str, Any]) -> None:
        report, budget = self.report, self.budget
        # The partner's spending in the budget period of this window (by event time).
        period = budget.period_of(w) if budget else "all"
        ledger_key = f"ledger|{report.partner}|{period}"
        ledger = Ledger({report.partner: budget.epsilon if budget else 0.0}, {report.partner: self.store.get(ledger_key, 0.0)})
        rows, summary = release(report, w, groups, ledger)
        if report.epsilon is not None:
            summary["budget_period"] = period
            # Charged before anything is released: a crash can waste budget, never overspend it.
            self.store.put(ledger_key, ledger.spent.get(report.partner, 0.0))
        for row in rows:
            group = "|".join(f"{k}={v}" for k, v in sorted(row["group"].items()))
            self.store.produce_later(self.topics.output, f"{report.name}|{row['window_start']}|{group}".encode(), orjson.dumps(row))
        self.store.produce_later(self.topics.output, f"{report.name}|{summary['window_start']}|_summary".encode(), orjson.dumps(summary))
        fields = {
            "report": report.name,
            "window_start": summary["window_start"],
            "groups": summary["groups"],
            "suppressed_groups": summary.get("suppressed_groups"),
        }
        log.info("window closed", extra={"fields": fields})
