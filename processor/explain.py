"""`pii-processor policy explain`: what one partner receives, field by field, and why."""

from __future__ import annotations

from processor.config import SHAPES, PartnerSettings, PipelineConfig


def explain(config: PipelineConfig, partner: PartnerSettings) -> str:
    lines = [f"partner {partner.name} (purpose: {partner.purpose})"]
    if partner.clause:
        lines.append(f"  implements: {' '.join(partner.clause.split())}")
    consent = config.consent
    lines.append(f"  opt-outs: events of subscribers who opted out of {partner.purpose!r} are not sent (consent topic {consent.topic})")
    if partner.purpose in consent.required_for:
        lines.append("  events without a subscriber id are not sent at all")
    ops = ", ".join(f"{e}: {s.name}" for e, s in sorted(partner.operators.items()))
    found = f"identifiers found in it -> {ops + '; ' if ops else ''}others: {partner.default_operator.name}"
    for kind in config.streams:
        if kind not in partner.streams:
            lines.append(f"\nstream {kind.value}: nothing is sent")
            continue
        allowed = partner.streams[kind].fields
        lines.append(f"\nstream {kind.value} -> topic {partner.topic(kind)}")
        lines.append(f"  {'field':22} {'rule':15} {'reaches':8} how")
        rules = config.field_rules(kind)
        for path in dict.fromkeys([*rules, *allowed]):
            rule = rules.get(path, "text")
            reaches = any(path == a or path.startswith((a + ".", a + "[]")) for a in allowed)
            if not reaches:
                how = "-"
            elif rule not in SHAPES:
                spec = partner.operators.get(rule, partner.default_operator)
                how = f"{spec.name} (whole value is {rule})"
            elif rule in ("text", "code"):
                how = found
            else:
                how = f"kept when it is a {rule}; otherwise scanned: {found}"
            if reaches and path in partner.field_operators:
                how += f"; then {partner.field_operators[path].name}"
            lines.append(f"  {path:22} {rule:15} {'yes' if reaches else 'no':8} {how}")
        lines.append(f"  {'(any other field)':22} {'':15} {'no':8} fields not listed for the partner are dropped")
    return "\n".join(lines)
