"""What every topic of a pipeline should be: its settings (replication, min.insync.replicas,
retention by class, compaction, message size) and who may read and write it. One plan, two
uses: `broker.ensure_pipeline_topics` creates the topics from it, and `pii-processor topics
--acls` prints it as `kafka-acls` commands for an operator to review and apply.

Pure: no broker, no Kafka client.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from processor.config import PipelineConfig

HOUR_MS = 3_600_000
# Partners that receive aggregate reports only, when a report is made from their stream.
AGGREGATE_ONLY_PURPOSES = ("advertising", "aggregate-reporting")
# What a produced message may carry beyond its value: key, headers and the record's framing.
MESSAGE_HEADROOM_BYTES = 65_536


def message_max_bytes(max_output_bytes: int) -> int:
    """The producer's message.max.bytes, and the max.message.bytes of the topics the processor
    creates, for values of up to `max_output_bytes` (limits.max_output_bytes)."""
    return max_output_bytes + MESSAGE_HEADROOM_BYTES


@dataclass(frozen=True)
class TopicPlan:
    name: str
    # raw, redacted, partner, dead-letter, audit, consent, aggregate
    role: str
    settings: dict[str, str]
    readers: tuple[str, ...]
    writers: tuple[str, ...]


def plan(config: PipelineConfig) -> list[TopicPlan]:
    """Every topic the pipeline reads or writes (the aggregate worker's own fold, release and state
    topics excepted: it makes those itself), in a stable order."""
    kafka, keep, access = config.kafka, config.retention, config.access
    common = {"min.insync.replicas": str(kafka.min_insync_replicas), "max.message.bytes": str(message_max_bytes(config.limits.max_output_bytes))}

    def timed(hours: float) -> dict[str, str]:
        return {**common, "cleanup.policy": "delete", "retention.ms": str(int(hours * HOUR_MS))}

    topics: list[TopicPlan] = []
    for s in config.streams.values():
        topics.append(TopicPlan(s.input_topic, "raw", timed(keep.raw_hours), (access.service,), tuple(access.raw_producers)))
        topics.append(TopicPlan(s.output_topic, "redacted", timed(keep.redacted_hours), tuple(access.redacted_readers), (access.service,)))
    aggregate_sources = {(a.partner, a.stream) for a in config.aggregates}
    for p in config.partners:
        for kind in p.streams:
            if (p.name, kind) not in aggregate_sources:
                readers: tuple[str, ...] = (p.kafka_principal(),)
            elif p.purpose in AGGREGATE_ONLY_PURPOSES:
                # The privacy policy gives these partners aggregate reports, not events: only the
                # aggregate worker reads their event topic.
                readers = (access.aggregate,)
            else:
                readers = (p.kafka_principal(), access.aggregate)
            topics.append(TopicPlan(p.topic(kind), "partner", timed(p.retention_hours or keep.partner_hours), readers, (access.service,)))
    topics.append(TopicPlan(kafka.dead_letter_topic, "dead-letter", timed(keep.dead_letter_hours), tuple(access.restricted_readers), (access.service,)))
    topics.append(TopicPlan(config.audit_topic, "audit", timed(keep.audit_hours), tuple(access.restricted_readers), (access.service,)))
    topics.append(TopicPlan(config.consent.topic, "consent", {**common, "cleanup.policy": "compact"}, (access.service,), tuple(access.consent_producers)))
    for a in config.aggregates:
        partner = next(p for p in config.partners if p.name == a.partner)
        topics.append(TopicPlan(config.aggregate_topic(a.name), "aggregate", timed(keep.aggregate_hours), (partner.kafka_principal(),), (access.aggregate,)))
    return topics


def acl_commands(config: PipelineConfig, command: str = "kafka-acls.sh") -> list[str]:
    """`kafka-acls` commands that give each principal exactly the access the plan says: read
    or write per topic, the service's consumer group and transactional ids, the aggregate
    worker's own topics and group (prefixed by its application id), and each partner's reads."""
    kafka, access = config.kafka, config.access
    base = [command, "--bootstrap-server", kafka.bootstrap_servers, "--add"]

    def acl(principal: str, operations: list[str], *resource: str) -> str:
        ops = [x for op in operations for x in ("--operation", op)]
        return shlex.join([*base, "--allow-principal", principal, *ops, *resource])

    lines = []
    for t in plan(config):
        for reader in t.readers:
            lines.append(acl(reader, ["Read", "Describe"], "--topic", t.name))
        for writer in t.writers:
            lines.append(acl(writer, ["Write", "Describe"], "--topic", t.name))
    lines.append(acl(access.service, ["Read"], "--group", kafka.group_id))
    # Partners consume with groups of their own, named after them.
    for p in config.partners:
        lines.append(acl(p.kafka_principal(), ["Read"], "--group", p.name, "--resource-pattern-type", "prefixed"))
    # The service's transactional ids are <group_id>-<instance>.
    lines.append(acl(access.service, ["Write", "Describe"], "--transactional-id", f"{kafka.group_id}-", "--resource-pattern-type", "prefixed"))
    lines.append(acl(access.service, ["IdempotentWrite"], "--cluster"))
    if config.aggregates:
        app_id = config.aggregate_app_id()
        for resource in ("--topic", "--group"):
            lines.append(acl(access.aggregate, ["All"], resource, app_id, "--resource-pattern-type", "prefixed"))
        for resource in (
            config.aggregate_state_topic(),
            *(t for a in config.aggregates for t in (config.aggregate_fold_topic(a.name), config.aggregate_release_topic(a.name))),
        ):
            lines.append(acl(access.aggregate, ["All"], "--topic", resource))
    return lines
