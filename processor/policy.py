"""Policies: what a recipient sees of a detected event.

A policy maps each entity type to an operator (with parameters). Applying it to an event and
its findings gives a new event in which every detected span is replaced; overlapping spans
are merged first so that no character of any finding survives (fail closed).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from processor import operators
from processor.detect import Finding
from processor.events import Location, replace_at


@dataclass(frozen=True)
class OperatorChoice:
    name: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Policy:
    name: str = "default"
    default: OperatorChoice = OperatorChoice("replace")
    per_entity: dict[str, OperatorChoice] = field(default_factory=dict)

    def operator_for(self, entity_type: str) -> OperatorChoice:
        return self.per_entity.get(entity_type, self.default)

    def transform(self, value: str, entity_type: str) -> str:
        choice = self.operator_for(entity_type)
        return operators.get(choice.name)(value, entity_type, choice.params)


DEFAULT_POLICY = Policy()


def apply_policy(event: dict[str, Any], findings: Sequence[Finding], policy: Policy = DEFAULT_POLICY) -> dict[str, Any]:
    """A redacted copy of `event`; the input is not changed."""
    if not findings:
        return event
    result = copy.deepcopy(event)
    by_location: dict[Location, list[Finding]] = {}
    for f in findings:
        by_location.setdefault(f.location, []).append(f)
    for loc, found in by_location.items():
        original = _get(event, loc)
        whole = [f for f in found if f.whole_value]
        if whole or not isinstance(original, str):
            best = max(whole or found, key=lambda f: f.score)
            replace_at(result, loc, policy.transform(str(original), best.entity_type))
        else:
            replace_at(result, loc, _replace_spans(original, found, policy))
    return result


def _replace_spans(text: str, findings: Sequence[Finding], policy: Policy) -> str:
    spans = sorted(findings, key=lambda f: (f.start, -(f.end or 0)))
    merged: list[list[Any]] = []  # [start, end, best finding]
    for f in spans:
        if merged and f.start is not None and f.start < merged[-1][1]:
            m = merged[-1]
            m[1] = max(m[1], f.end)
            if f.score > m[2].score:
                m[2] = f
        else:
            merged.append([f.start, f.end, f])
    parts, cursor = [], 0
    for start, end, best in merged:
        parts.append(text[cursor:start])
        parts.append(policy.transform(text[start:end], best.entity_type))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _get(event: Any, loc: Location) -> Any:
    node = event
    for key in loc:
        node = node[key]
    return node
