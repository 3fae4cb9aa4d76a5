"""The pure core: a batch of raw records in, exactly one outcome per record out.

decode -> detect (whole batch at once) -> apply policy -> encode. A record that cannot be
decoded, or whose detection or policy fails, becomes a dead letter with a reason; it never
goes on unredacted. The Kafka service, the file mode, the tests and the benchmarks all call
`Pipeline.process`; none of them has its own copy of this logic.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from processor.config import PipelineConfig
from processor.consent import ConsentTable
from processor.detect import Detector
from processor.errors import IdentifierInFieldName, MalformedEvent, OutputTooLarge, TooCostly
from processor.events import REPLAY_HEADER, encode
from processor.findings import Finding
from processor.formats import JSON, stream_format
from processor.policy import Policy, apply_policy, index_findings, policies
from processor.warmup import warm_up_events

# Allocations between two young-generation collections in a streaming process (default 700).
GC_THRESHOLD = 50_000
WARM_UP_EVENTS = 200


@dataclass(frozen=True, slots=True)
class Origin:
    topic: str
    partition: int
    offset: int


@dataclass(frozen=True, slots=True)
class Record:
    stream: str  # the configured stream's name
    value: bytes | None
    key: bytes | None = None
    origin: Origin | None = None
    # The message's own headers: kept on a dead letter (under `source.header.`), never forwarded.
    headers: Sequence[tuple[str, bytes | None]] | None = None


@dataclass(frozen=True, slots=True)
class Output:
    topic: str
    value: bytes
    # Source keys are not forwarded: a key is often the subscriber's MSISDN or IMSI. A partner's
    # copies may be keyed by the subscriber's pseudonym (`key: subscriber`).
    key: bytes | None = None


@dataclass(frozen=True, slots=True)
class DeadLetter:
    reason: str  # a short machine-readable code: not-json, detection-failed, ...
    detail: str  # a human sentence; never contains event content


@dataclass(frozen=True, slots=True)
class Dropped:
    partner: str
    reason: str  # opted-out, no-subscriber-key


@dataclass(slots=True)
class Outcome:
    """Where one record went: a dead letter, or for each recipient an output or a counted drop."""

    record: Record
    outputs: list[Output] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    dead_letter: DeadLetter | None = None
    entities: list[str] = field(default_factory=list)  # the type of each finding; filled only when delivered


@dataclass(frozen=True)
class Recipient:
    partner: str | None  # None: the default redacted copy
    purpose: str
    topic: str
    policy: Policy


class Pipeline:
    def __init__(self, config: PipelineConfig, detector: Detector | None = None, consent: ConsentTable | None = None) -> None:
        self.config = config
        # Keys and operators first: a missing key file must fail before the model loads.
        self.recipients = {
            kind: [Recipient(name, policy.purpose, topic, policy) for name, topic, policy in entries] for kind, entries in policies(config).items()
        }
        # How each stream's messages are read and its copies written (JSON, Avro).
        self.formats = {kind: stream_format(config, kind, {r.topic: r.policy.visible for r in recipients}) for kind, recipients in self.recipients.items()}
        self.detector = detector or Detector(config)
        self.consent = consent if consent is not None else ConsentTable()
        self.policy_version = config.policy_version()
        self._subscriber_key = {kind: tuple(p.split(".")) for kind, p in config.consent.subscriber_key.items()}
        self._consent_required = set(config.consent.required_for)
        self._partner_of_topic = {r.topic: (r.partner or "redacted") for rs in self.recipients.values() for r in rs}
        self.limits = config.limits

    def prepare_for_stream(self) -> None:
        """Ready this process for a long run of batches: detection warmed up (so that the first
        events run at speed), and what is loaded by now (the model, the name and place lists)
        kept out of the garbage collector's passes, which would otherwise walk it again and
        again. A batch makes many short-lived objects that reference counting frees; collecting
        after every 700 allocations, as by default, costs a tenth of the time for nothing."""
        self.detector.warm_up()
        # A few hundred made-up events of each stream, processed and thrown away (see
        # processor/warmup.py): seconds of first-event latency, measured.
        for kind in self.recipients:
            events = warm_up_events(kind, WARM_UP_EVENTS)
            if self.formats[kind] is JSON:
                self.process([Record(kind, encode(event)) for event in events])
            else:  # made-up events do not fit the stream's schema: its detection is warmed up
                self.detector.detect([(kind, event) for event in events])
        self.detector.forget()
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])

    def process(self, records: Sequence[Record]) -> list[Outcome]:
        outcomes = [Outcome(r) for r in records]
        decoded: list[tuple[int, dict[str, Any]]] = []
        for i, record in enumerate(records):
            if record.stream not in self.recipients:
                outcomes[i].dead_letter = DeadLetter("unknown-stream", f"no stream {record.stream!r} is configured")
                continue
            try:
                decoded.append((i, self.formats[record.stream].decode(record.value, self.limits.max_event_bytes, self.limits.max_depth)))
            except MalformedEvent as e:
                outcomes[i].dead_letter = DeadLetter(e.reason, e.detail)
        detections = self.detector.detect([(records[i].stream, event) for i, event in decoded])
        for (i, event), detection in zip(decoded, detections):
            outcome = outcomes[i]
            if isinstance(detection.error, IdentifierInFieldName):
                outcome.dead_letter = DeadLetter("identifier-in-field-name", str(detection.error))
                continue
            if isinstance(detection.error, TooCostly):
                outcome.dead_letter = DeadLetter("too-costly", str(detection.error))
                continue
            if detection.error is not None:
                outcome.dead_letter = _failure("detection-failed", detection.error)
                continue
            try:
                outcome.outputs, outcome.dropped = self._deliveries(outcome.record.stream, event, detection.findings)
            except OutputTooLarge as e:
                outcome.outputs, outcome.dropped = [], []
                outcome.dead_letter = DeadLetter("output-too-large", str(e))
                continue
            except Exception as e:
                outcome.outputs, outcome.dropped = [], []
                outcome.dead_letter = _failure("policy-failed", e)
                continue
            outcome.entities = [f.entity_type for f in detection.findings]
        return outcomes

    def _deliveries(self, kind: str, event: dict[str, Any], findings: list[Finding]) -> tuple[list[Output], list[Dropped]]:
        outputs, dropped = [], []
        subscriber = self._subscriber(kind, event)
        found = index_findings(findings)
        fmt = self.formats[kind]
        for r in self.recipients[kind]:
            if r.partner is not None:
                if subscriber is None and r.purpose in self._consent_required:
                    dropped.append(Dropped(r.partner, "no-subscriber-key"))
                    continue
                if subscriber is not None and self.consent.opted_out(subscriber, r.purpose):
                    dropped.append(Dropped(r.partner, "opted-out"))
                    continue
            value = fmt.encode(apply_policy(event, found, r.policy), r.topic)
            if len(value) > self.limits.max_output_bytes:
                raise OutputTooLarge(
                    f"the copy for {r.partner or 'the redacted topic'} would have {len(value):,} bytes, "
                    f"more than the limit of {self.limits.max_output_bytes:,} (limits.max_output_bytes)"
                )
            key = None
            if r.policy.output_key is not None and subscriber is not None:
                operator, entity = r.policy.output_key
                key = str(operator(subscriber, entity)).encode()
            outputs.append(Output(r.topic, value, key))
        return outputs, dropped

    def _subscriber(self, kind: str, event: dict[str, Any]) -> str | None:
        path = self._subscriber_key.get(kind)
        node: Any = event
        for key in path or ():
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return None if path is None or node is None or isinstance(node, (dict, list)) else str(node)

    def audit_record(self, tally: Tally, at: str) -> bytes:
        """Counts of one batch for the audit topic: never a value, only how many and where."""
        delivered: Counter[str] = Counter()
        for topic, n in tally.produced.items():
            delivered[self._partner_of_topic.get(topic, topic)] += n
        return encode(
            {
                "type": "batch",
                "at": at,
                "policy_version": self.policy_version,
                "events": tally.events,
                "per_stream": dict(tally.consumed),
                "entities": dict(tally.entities),
                "delivered": dict(delivered),
                "dropped": {f"{partner}:{reason}": n for (partner, reason), n in tally.dropped.items()},
                "dead_lettered": dict(tally.dead_lettered),
            }
        )


@dataclass(slots=True)
class Tally:
    """Where the events of a batch went, counted once for the audit record, the metrics and the
    service's statistics: in = delivered or dropped per recipient, or dead-lettered."""

    events: int = 0
    consumed: Counter[str] = field(default_factory=Counter)  # per stream
    produced: Counter[str] = field(default_factory=Counter)  # per output topic
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)  # per (partner, reason)
    dead_lettered: Counter[str] = field(default_factory=Counter)  # per reason
    entities: Counter[str] = field(default_factory=Counter)  # per entity type

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Tally:
        tally = cls(len(outcomes))
        # Counter.update over one long iterable counts in C; one update per event would not.
        tally.consumed.update(o.record.stream for o in outcomes)
        tally.produced.update(out.topic for o in outcomes for out in o.outputs)
        tally.dropped.update((d.partner, d.reason) for o in outcomes for d in o.dropped)
        tally.dead_lettered.update(o.dead_letter.reason for o in outcomes if o.dead_letter is not None)
        tally.entities.update(entity for o in outcomes for entity in o.entities)
        return tally

    def add(self, other: Tally) -> None:
        """Count another batch's events in this tally (a service's totals)."""
        self.events += other.events
        self.consumed.update(other.consumed)
        self.produced.update(other.produced)
        self.dropped.update(other.dropped)
        self.dead_lettered.update(other.dead_lettered)
        self.entities.update(other.entities)

    def as_fields(self) -> dict[str, Any]:
        """The counts as plain JSON-able fields (a log line, the bench's report)."""
        return {
            "consumed": dict(self.consumed),
            "produced": dict(self.produced),
            "dropped": {f"{partner}:{reason}": n for (partner, reason), n in self.dropped.items()},
            "dead_lettered": dict(self.dead_lettered),
            "entities": dict(self.entities),
        }


# Original headers a dead letter may carry, in bytes; beyond this they are left off (and said so).
MAX_SOURCE_HEADER_BYTES = 16_384


def dead_letter_message(outcome: Outcome, max_bytes: int) -> tuple[bytes | None, bytes | None, list[tuple[str, str | bytes | None]]]:
    """The key, value and headers of an outcome's dead letter: the original bytes, the reason,
    where the event came from and its own headers (under `source.header.`). When the original does
    not fit under `max_bytes`, the dead letter carries no value but the size and SHA-256 of the
    original, which stays at its source offset: sending the dead letter can then never fail."""
    dl, rec = outcome.dead_letter, outcome.record
    assert dl is not None
    headers: list[tuple[str, str | bytes | None]] = [("reason", dl.reason.encode()), ("detail", dl.detail.encode()), ("stream", rec.stream.encode())]
    if rec.origin is not None:
        headers += [
            ("source.topic", rec.origin.topic.encode()),
            ("source.partition", str(rec.origin.partition).encode()),
            ("source.offset", str(rec.origin.offset).encode()),
        ]
    original = [(f"source.header.{name}", value or b"") for name, value in rec.headers or ()]
    replays = next((value for name, value in rec.headers or () if name == REPLAY_HEADER), None)
    if replays is not None:
        headers.append(("replays", replays))
    if sum(len(name) + len(value) for name, value in original) <= MAX_SOURCE_HEADER_BYTES:
        headers += original
    else:
        headers.append(("source.headers", b"omitted: larger than the dead-letter topic carries"))
    key, value = rec.key, rec.value
    if key is not None and len(key) > MAX_SOURCE_HEADER_BYTES:
        headers.append(("source.key", f"omitted: {len(key):,} bytes".encode()))
        key = None
    room = max_bytes - sum(len(name) + len(v or b"") for name, v in headers) - len(key or b"") - 1_024  # the message's own overhead
    if value is not None and len(value) > room:
        headers += [
            ("payload", b"omitted: the original is larger than limits.max_output_bytes; it stays at its source offset"),
            ("source.size", str(len(value)).encode()),
            ("source.sha256", hashlib.sha256(value).hexdigest().encode()),
        ]
        value = None
    return key, value, headers


def _failure(reason: str, error: BaseException) -> DeadLetter:
    # Only the exception's type: its message may quote the value that made it fail.
    return DeadLetter(reason, f"{type(error).__name__} while processing the event")
