"""`pii-processor policy explain`: what one partner receives, field by field, and why.

It reads the decisions from the same `Policy` objects the renderer applies (built with
stand-in operators, so no key is read and no NLP library loaded): what it prints is what the
pipeline does, not a second account of it."""

from __future__ import annotations

from processor.config import SHAPES, PartnerSettings, PipelineConfig
from processor.fields import FieldNames
from processor.operators import name_of
from processor.policy import partner_policy


def explain(config: PipelineConfig, partner: PartnerSettings) -> str:
    lines = [f"partner {partner.name} (purpose: {partner.purpose})"]
    names = FieldNames(config.detection.field_name_entities())
    if partner.clause:
        lines.append(f"  implements: {' '.join(partner.clause.split())}")
    consent = config.consent
    lines.append(f"  opt-outs: events of subscribers who opted out of {partner.purpose!r} are not sent (consent topic {consent.topic})")
    if partner.purpose in consent.required_for:
        lines.append("  events without a subscriber id are not sent at all")
    for kind in config.streams:
        if kind not in partner.streams:
            lines.append(f"\nstream {kind}: nothing is sent")
            continue
        rules = config.field_rules(kind)
        subscriber = config.consent.subscriber_key.get(kind)
        policy = partner_policy(partner, kind, rules, subscriber_key=subscriber, field_names=names, described_only=True)
        ops = ", ".join(f"{entity}: {name_of(op)}" for entity, op in sorted(policy.per_entity.items()))
        found = f"identifiers found in it -> {ops + '; ' if ops else ''}others: {name_of(policy.default)}"
        lines.append(f"\nstream {kind} -> topic {partner.topic(kind)}")
        if policy.output_key is not None:
            lines.append(f"  message key: the subscriber ({subscriber}) pseudonymized with {partner.name}'s key, as {policy.output_key[1]}")
        else:
            lines.append("  message key: none (source keys are never forwarded)")
        lines.append(f"  {'field':22} {'rule':15} {'reaches':8} how")
        for path in dict.fromkeys([*rules, *(policy.allowed or ())]):
            rule = rules.get(path, "text")
            reaches = policy.allows_leaf(path)
            if not reaches:
                how = "-"
            elif rule not in SHAPES:
                how = f"{name_of(policy.operator_for(rule))} (whole value is {rule})"
            elif rule in ("text", "code"):
                how = found
            else:
                how = f"kept when it is a {rule}; otherwise scanned: {found}"
            if reaches and path in policy.per_field:
                how += f"; then {name_of(policy.per_field[path][0])}"
            lines.append(f"  {path:22} {rule:15} {'yes' if reaches else 'no':8} {how}")
        lines.append(f"  {'(any other field)':22} {'':15} {'no':8} fields not listed for the partner are dropped")
    return "\n".join(lines)
