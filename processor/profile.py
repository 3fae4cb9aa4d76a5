"""Onboarding a topic: which field of a sample of its events holds which identifier, and the
field rules to declare for it. Pure: events in, a profile out; `pii-processor profile` reads the
sample (a topic or a file) and prints it.

Detection runs exactly as the service runs it (the same Detector, with field-name inference and
the stream's rules if it is configured), so a proposal says what the service would find. A
proposal is never weaker than detection: a field where identifiers were found is either named
by its entity type (when one type is the whole value nearly always) or scanned (`text`,
`code`); `number`, `timestamp` and `uuid`, which are kept as they are when a value has that
shape, are proposed only for fields where nothing was ever found. No value is ever printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from processor.detect import Detector
from processor.events import walk
from processor.findings import Finding
from processor.shapes import UUID, is_timestamp

# Share of a field's values that must be wholly one entity type for the field to be named by it.
WHOLE_VALUE_SHARE = 0.8
# Strings longer than this, or with spaces, are prose: scanned as `text` (names, places).
CODE_MAX_CHARS = 40


@dataclass
class FieldProfile:
    path: str
    events: int = 0  # events that have the field
    values: int = 0
    whole: Counter[str] = field(default_factory=Counter)  # values that are wholly one identifier
    spans: Counter[str] = field(default_factory=Counter)  # identifiers found inside values
    numbers: int = 0
    timestamps: int = 0
    uuids: int = 0
    prose: int = 0  # strings with spaces or longer than a code

    def proposal(self) -> str:
        """The rule to declare for this field (see the module docstring)."""
        if self.whole:
            entity, n = self.whole.most_common(1)[0]
            if n >= WHOLE_VALUE_SHARE * self.values and not self.spans:
                return entity
        if self.whole or self.spans:
            return "text" if self.prose else "code"
        if self.numbers == self.values:
            return "number"
        if self.timestamps == self.values:
            return "timestamp"
        if self.uuids == self.values:
            return "uuid"
        return "text" if self.prose else "code"

    def found(self) -> str:
        """What was found in the field, as counts of values: `PHONE_NUMBER 98% whole`."""
        parts = [f"{entity} {n / self.values:.0%} whole" for entity, n in self.whole.most_common()]
        parts += [f"{entity} in {n / self.values:.0%}" for entity, n in self.spans.most_common()]
        return ", ".join(parts) or "-"


@dataclass
class Profile:
    stream: str
    events: int = 0
    failed: Counter[str] = field(default_factory=Counter)  # events detection could not handle, per error type
    fields: dict[str, FieldProfile] = field(default_factory=dict)


def profile(stream: str, events: Iterable[dict[str, Any]], detector: Detector, batch: int = 200) -> Profile:
    """Detection over `events` as the service would run it for `stream`, counted per field path."""
    result = Profile(stream)
    chunk: list[dict[str, Any]] = []
    for event in events:
        chunk.append(event)
        if len(chunk) >= batch:
            _add(result, chunk, detector)
            chunk = []
    if chunk:
        _add(result, chunk, detector)
    return result


def _add(result: Profile, events: Sequence[dict[str, Any]], detector: Detector) -> None:
    detections = detector.detect([(result.stream, event) for event in events])
    for event, detection in zip(events, detections, strict=True):
        result.events += 1
        if detection.error is not None:
            result.failed[type(detection.error).__name__] += 1
            continue
        by_location: dict[Any, list[Finding]] = {}
        for f in detection.findings:
            by_location.setdefault(f.location, []).append(f)
        seen: set[str] = set()
        for location, path, value in walk(event):
            fp = result.fields.get(path)
            if fp is None:
                fp = result.fields[path] = FieldProfile(path)
            if path not in seen:
                seen.add(path)
                fp.events += 1
            fp.values += 1
            found = by_location.get(location, [])
            # A span that is the whole value (a phone number alone in its field) is a whole value.
            whole = [f for f in found if f.whole_value or _spans_all(f, value)]
            if whole:
                fp.whole[max(whole, key=lambda f: f.score).entity_type] += 1
            for entity in {f.entity_type for f in found if f not in whole}:
                fp.spans[entity] += 1
            if isinstance(value, (int, float)):
                fp.numbers += 1
            else:
                fp.timestamps += is_timestamp(value)
                fp.uuids += bool(UUID.fullmatch(value))
                fp.prose += len(value) > CODE_MAX_CHARS or " " in value.strip()
        detector.forget()  # sample values are not remembered


def _spans_all(finding: Finding, value: Any) -> bool:
    if not isinstance(value, str) or finding.start is None:
        return False
    return not value[: finding.start].strip() and not value[finding.end :].strip()


def format_profile(result: Profile, input_topic: str | None) -> str:
    """The table and the ready-to-paste YAML: paths, shares and entity types, never a value."""
    lines = [f"profile of {result.events} event(s) as stream {result.stream!r}"]
    if result.failed:
        lines.append(f"  {sum(result.failed.values())} event(s) could not be scanned: {dict(result.failed)}")
    lines.append(f"\n{'field':32} {'in events':>9}  {'proposed':16} found")
    rows = sorted(result.fields.values(), key=lambda f: f.path)
    for fp in rows:
        share = f"{fp.events / result.events:.0%}" if result.events else "-"
        lines.append(f"{fp.path:32} {share:>9}  {fp.proposal():16} {fp.found()}")
    lines.append("\n# paste under `streams:` in the pipeline YAML, then check it with `pii-processor policy explain`")
    lines.append(f"{result.stream}:")
    if input_topic:
        lines.append(f"  input_topic: {input_topic}")
    lines.append("  fields:")
    lines += [f"    {fp.path}: {fp.proposal()}" for fp in rows]
    return "\n".join(lines)
