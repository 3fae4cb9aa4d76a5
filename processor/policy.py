"""Policies: what one recipient sees of a detected event.

A policy holds, for one partner and one stream: the fields the partner may receive (all
others are dropped), the operator applied to each entity type found, and operators for
allowed fields that are not identifiers (a timestamp generalized to the hour). Applying it
to an event and its findings gives a new event. Overlapping findings in one string are
merged first, so no character of any finding survives (fail closed).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processor import operators
from processor.config import (
    SHAPES,
    KeySource,
    OperatorSpec,
    PartnerSettings,
    PipelineConfig,
)
from processor.errors import ConfigError
from processor.events import Location
from processor.fields import FieldNames
from processor.findings import Finding
from processor.operators import DROP, Operator

MIN_KEY_BYTES = 16
# Field names remembered per container path (see `Policy.step`).
REMEMBERED_KEYS = 10_000


@dataclass(frozen=True)
class Policy:
    name: str = "redacted"
    purpose: str = "internal"
    # Rule paths the recipient may receive; None: every field.
    allowed: tuple[str, ...] | None = None
    per_entity: dict[str, Operator] = field(default_factory=dict)
    default: Operator = field(default_factory=lambda: operators.build("replace", {}))
    # Rule path -> (operator, the entity type it is applied as).
    per_field: dict[str, tuple[Operator, str]] = field(default_factory=dict)
    # The message key of the recipient's copies from the event's subscriber: the operator and
    # the entity type the subscriber is (None: copies have no key).
    output_key: tuple[Operator, str] | None = None
    # Container path -> {child key -> Step or None}; see `steps`.
    _memo: dict[str, dict[str | None, Step | None]] = field(default_factory=dict, compare=False, repr=False)

    def operator_for(self, entity_type: str) -> Operator:
        return self.per_entity.get(entity_type, self.default)

    def visible(self, path: str) -> bool:
        """The path is allowed, or lies on the way to an allowed path (a container to keep)."""
        if self.allowed is None:
            return True
        return any(path == a or path.startswith((a + ".", a + "[]")) or a.startswith((path + ".", path + "[]")) for a in self.allowed)

    def allows_leaf(self, path: str) -> bool:
        if self.allowed is None:
            return True
        return any(path == a or path.startswith((a + ".", a + "[]")) for a in self.allowed)

    def steps(self, path: str) -> dict[str | None, Step | None]:
        """What the policy says of the children of the container at `path`, filled in by `step`
        as children are met: a stream has few paths and many events."""
        known = self._memo.get(path)
        if known is None:
            known = self._memo[path] = {}
        return known

    def step(self, path: str, key: str | None) -> Step | None:
        """What the policy says of the child `key` of the container at `path` (`None`: the
        elements of a list); None when the child is not visible."""
        known = self.steps(path)
        if key in known:
            return known[key]
        child = f"{path}[]" if key is None else (f"{path}.{key}" if path else str(key))
        found = Step(child, self.allows_leaf(child), self.per_field.get(child)) if self.visible(child) else None
        if len(known) >= REMEMBERED_KEYS:
            known.clear()  # events with ever new field names must not grow this without end
        known[key] = found
        return found


@dataclass(frozen=True, slots=True)
class Step:
    path: str
    leaf_allowed: bool
    field_operator: tuple[Operator, str] | None


DEFAULT_POLICY = Policy()


def read_key(source: KeySource, partner: str) -> bytes:
    """The partner's secret key, from an environment variable or a file; never logged."""
    if source.env:
        value = os.environ.get(source.env)
        if not value:
            raise ConfigError(f"partner {partner!r}: its key is read from the environment variable {source.env}, which is not set")
        key = value.encode()
    else:
        assert source.file is not None
        try:
            mode = source.file.stat().st_mode
            if mode & 0o077:
                raise ConfigError(
                    f"partner {partner!r}: key file {source.file} may be read by other users (mode {mode & 0o777:o}); "
                    f"make it private with `chmod 600 {source.file}`"
                )
            key = source.file.read_bytes().strip()
        except FileNotFoundError:
            raise ConfigError(f"partner {partner!r}: key file {source.file} does not exist") from None
        except OSError as e:
            raise ConfigError(f"partner {partner!r}: cannot read key file {source.file}: {e.strerror}") from None
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"partner {partner!r}: the key from {source.describe()} is {len(key)} bytes; at least {MIN_KEY_BYTES} are needed")
    return key


def write_missing_keys(config: PipelineConfig) -> list[Path]:
    """Create the key files the config names that do not exist yet: 32 random bytes as hex, in
    a folder and file only their owner may read. Existing files are left alone (a new key would
    unlink every pseudonym made with the old one). Returns the files written."""
    written = []
    for partner in config.partners:
        path = partner.key.file if partner.key else None
        if path is None or path.exists():
            continue
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
        written.append(path)
    return written


def partner_policy(
    partner: PartnerSettings,
    kind: str,
    rules: dict[str, str],
    *,
    subscriber_key: str | None = None,
    field_names: FieldNames | None = None,
    described_only: bool = False,
) -> Policy:
    """The policy one partner's copy of one stream is rendered with. `described_only`: the same
    decisions with stand-in operators (no key is read, nothing is loaded), for `policy explain`.
    `subscriber_key`: the stream's subscriber field, for copies keyed by subscriber."""
    key = read_key(partner.key, partner.name) if partner.key and not described_only else None

    def build(spec: OperatorSpec) -> Operator:
        if described_only:
            return operators.described(spec.name)
        return operators.build(spec.name, spec.params, key if spec.name in operators.KEYED else None)

    per_field = {}
    for path, spec in partner.field_operators.items():
        rule = rules.get(path, "text")
        as_entity = rule if rule not in SHAPES else rule.upper()
        per_field[path] = (build(spec), as_entity)
    output_key = None
    if partner.streams[kind].key == "subscriber" and subscriber_key is not None:
        # What the subscriber field is: its rule, else what its name says (as detection reads
        # it), else a subscriber id.
        rule = rules.get(subscriber_key, "")
        by_name = field_names.entity_for(subscriber_key.rsplit(".", 1)[-1]) if field_names else None
        entity = rule if rule and rule not in SHAPES else by_name or "SUBSCRIBER_ID"
        # The same pseudonym the partner's operator writes for that field, when it pseudonymizes
        # it: the key and the field then agree.
        own = partner.operators.get(entity)
        spec = own if own is not None and own.name == "pseudonymize" else OperatorSpec(name="pseudonymize")
        output_key = (build(spec), entity)
    return Policy(
        name=partner.name,
        purpose=partner.purpose,
        allowed=tuple(partner.streams[kind].fields),
        per_entity={entity: build(spec) for entity, spec in partner.operators.items()},
        default=build(partner.default_operator),
        per_field=per_field,
        output_key=output_key,
    )


def policies(config: PipelineConfig) -> dict[str, list[tuple[str | None, str, Policy]]]:
    """Per stream: (partner name or None for the default redacted copy, topic, policy)."""
    out: dict[str, list[tuple[str | None, str, Policy]]] = {}
    names = FieldNames(config.detection.field_name_entities())
    for kind, stream in config.streams.items():
        out[kind] = [(None, stream.output_topic, DEFAULT_POLICY)]
        for partner in config.partners:
            if kind in partner.streams:
                rules, subscriber = config.field_rules(kind), config.consent.subscriber_key.get(kind)
                policy = partner_policy(partner, kind, rules, subscriber_key=subscriber, field_names=names)
                out[kind].append((partner.name, partner.topic(kind), policy))
    return out


def apply_policy(event: dict[str, Any], findings: Sequence[Finding] | FindingIndex, policy: Policy = DEFAULT_POLICY) -> dict[str, Any]:
    """The recipient's view of `event`; the input is not changed. `findings` may be indexed
    once with `index_findings` when one event is rendered for several recipients."""
    by_location = findings if isinstance(findings, dict) else index_findings(findings)
    return _render_dict(event, (), "", by_location, policy)


FindingIndex = dict[Location, list[Finding]]


def index_findings(findings: Sequence[Finding]) -> FindingIndex:
    by_location: FindingIndex = {}
    for f in findings:
        by_location.setdefault(f.location, []).append(f)
    return by_location


def _render_dict(node: dict[str, Any], loc: Location, path: str, found: FindingIndex, policy: Policy) -> dict[str, Any]:
    out = {}
    steps = policy.steps(path)
    for key, child in node.items():
        step = steps[key] if key in steps else policy.step(path, key)
        if step is None:
            continue
        # Leaves are handled inline: most values of an event are leaves of the top object, and
        # most of those have no finding and no field operator.
        if isinstance(child, (dict, list)):
            rendered = _render(child, (*loc, key), step, found, policy)
        elif not step.leaf_allowed:
            continue
        else:
            findings = found.get((*loc, key)) if found else None
            if step.field_operator is None:
                if findings is None:
                    out[key] = child
                    continue
                if len(findings) == 1 and findings[0].start is None:
                    # A whole value that a field rule named: the most common finding of all.
                    rendered = _whole(child, findings[0].entity_type, policy)
                    if rendered is not DROP:
                        out[key] = rendered
                    continue
            rendered = _leaf(child, findings, step, policy)
        if rendered is not DROP:
            out[key] = rendered
    return out


def _render(node: Any, loc: Location, step: Step, found: FindingIndex, policy: Policy) -> Any:
    if isinstance(node, dict):
        return _render_dict(node, loc, step.path, found, policy)
    if isinstance(node, list):
        inner = policy.step(step.path, None)
        if inner is None:
            return DROP
        items = [_render(child, (*loc, i), inner, found, policy) for i, child in enumerate(node)]
        return [item for item in items if item is not DROP]
    if not step.leaf_allowed:
        return DROP
    return _leaf(node, found.get(loc) if found else None, step, policy)


def _leaf(node: Any, findings: list[Finding] | None, step: Step, policy: Policy) -> Any:
    value = _transform(node, findings, policy) if findings else node
    if step.field_operator is not None and value is not DROP and value is not None and not isinstance(value, bool):
        # After the identifiers in it are gone: `url: domain` keeps only the host either way.
        operator, entity = step.field_operator
        return operator(str(value), entity)
    return value


def _transform(value: Any, findings: list[Finding], policy: Policy) -> Any:
    if len(findings) == 1 and findings[0].start is None:
        return _whole(value, findings[0].entity_type, policy)
    whole = [f for f in findings if f.whole_value]
    if whole or not isinstance(value, str):
        best = max(whole or findings, key=lambda f: f.score)
        return _whole(value, best.entity_type, policy)
    spans = sorted(findings, key=lambda f: (f.start, -(f.end or 0)))
    merged: list[list[Any]] = []  # [start, end, best finding]
    for f in spans:
        if merged and f.start < merged[-1][1]:
            m = merged[-1]
            m[1] = max(m[1], f.end)
            if f.score > m[2].score:
                m[2] = f
        else:
            merged.append([f.start, f.end, f])
    parts, cursor = [], 0
    for start, end, best in merged:
        replacement = policy.operator_for(best.entity_type)(value[start:end], best.entity_type)
        if replacement is DROP:
            return DROP  # dropping a part of a text means dropping the text
        parts += [value[cursor:start], replacement]
        cursor = end
    parts.append(value[cursor:])
    return "".join(parts)


def _whole(value: Any, entity: str, policy: Policy) -> Any:
    """A whole value that is one identifier, as the recipient's operator for its type gives it."""
    return policy.operator_for(entity)(value if type(value) is str else str(value), entity)
