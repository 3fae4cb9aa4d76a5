"""The pure core: a batch of raw records in, exactly one outcome per record out.

decode -> detect (whole batch at once) -> apply policy -> encode. A record that cannot be
decoded, or whose detection or policy fails, becomes a dead letter with a reason; it never
goes on unredacted. The Kafka service, the file mode, the tests and the benchmarks all call
`Pipeline.process`; none of them has its own copy of this logic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from processor.config import PipelineConfig
from processor.detect import Detector
from processor.events import MalformedEvent, StreamKind, decode, encode
from processor.policy import DEFAULT_POLICY, Policy, apply_policy


@dataclass(frozen=True, slots=True)
class Origin:
    topic: str
    partition: int
    offset: int


@dataclass(frozen=True, slots=True)
class Record:
    stream: StreamKind
    value: bytes | None
    key: bytes | None = None
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Output:
    topic: str
    value: bytes
    # Source keys are not forwarded: a key is often the subscriber's MSISDN or IMSI.
    key: bytes | None = None


@dataclass(frozen=True, slots=True)
class DeadLetter:
    reason: str  # a short machine-readable code: not-json, detection-failed, ...
    detail: str  # a human sentence; never contains event content


@dataclass(slots=True)
class Outcome:
    record: Record
    outputs: list[Output] = field(default_factory=list)
    dead_letter: DeadLetter | None = None
    entities: Counter[str] = field(default_factory=Counter)


class Pipeline:
    def __init__(self, config: PipelineConfig, detector: Detector | None = None, policy: Policy = DEFAULT_POLICY) -> None:
        self.config = config
        self.detector = detector or Detector(config)
        self.policy = policy
        self._output_topic = {kind: s.output_topic for kind, s in config.streams.items()}

    def process(self, records: Sequence[Record]) -> list[Outcome]:
        outcomes = [Outcome(r) for r in records]
        decoded: list[tuple[int, dict[str, Any]]] = []
        for i, record in enumerate(records):
            if record.stream not in self._output_topic:
                outcomes[i].dead_letter = DeadLetter("unknown-stream", f"no stream {record.stream.value!r} is configured")
                continue
            try:
                decoded.append((i, decode(record.value)))
            except MalformedEvent as e:
                outcomes[i].dead_letter = DeadLetter(e.reason, e.detail)
        detections = self.detector.detect([(records[i].stream, event) for i, event in decoded])
        for (i, event), detection in zip(decoded, detections):
            outcome = outcomes[i]
            if detection.error is not None:
                outcome.dead_letter = _failure("detection-failed", detection.error)
                continue
            try:
                redacted = encode(apply_policy(event, detection.findings, self.policy))
            except Exception as e:  # noqa: BLE001 - fail closed: anything unexpected is a dead letter
                outcome.dead_letter = _failure("policy-failed", e)
                continue
            outcome.entities.update(f.entity_type for f in detection.findings)
            outcome.outputs.append(Output(self._output_topic[outcome.record.stream], redacted))
        return outcomes


def _failure(reason: str, error: BaseException) -> DeadLetter:
    # Only the exception's type: its message may quote the value that made it fail.
    return DeadLetter(reason, f"{type(error).__name__} while processing the event")
