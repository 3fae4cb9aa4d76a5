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

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import recognizers
from processor import conversation
from processor.config import SHAPES, PipelineConfig
from processor.engine import load_analyzer
from processor.errors import IdentifierInFieldName, TooCostly
from processor.events import Location, walk
from processor.fields import FieldNames, looks_like
from processor.findings import Detection, Finding, resolve_overlaps
from processor.scan import Found, Scanner
from processor.shapes import UUID, as_scanned, could_hold_pattern, integer_digits, is_timestamp, key_values, url_parts, whole_identifier, words_of_slug
from recognizers.catalog import supported_entities
from recognizers.coordinates import coordinate_pairs
from recognizers.phone import is_international_mobile

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

__all__ = ["Detection", "Detector", "Finding", "IdentifierInFieldName", "TooCostly", "load_analyzer", "resolve_overlaps", "whole_identifier"]

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
        self._rules = {kind: config.field_rules(kind) for kind in config.streams}
        self.field_names = FieldNames(self.settings.field_name_entities())
        all_entities = supported_entities(self.analyzer.registry)
        self.text_entities = all_entities
        self.code_entities = tuple(e for e in all_entities if e not in recognizers.NER_ENTITIES and e not in recognizers.SHIELD_ENTITIES)
        self.name_entities = tuple(e for e in all_entities if e == "PERSON")
        # Field names already checked and found to hold no identifier.
        self._safe_names: set[str] = set()
        # (text, entities) -> what a scan found; oldest out first.
        self._cache: dict[tuple[str, tuple[str, ...]], list[Found]] = {}

    # -- public -----------------------------------------------------------------------------

    def detect(self, events: Sequence[tuple[str, dict[str, Any]]]) -> list[Detection]:
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
            except Exception as e:
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
                except Exception as e:
                    detection.error = e
                seams.add(i)
            if detection.error is None:
                try:
                    if _add_line_answers(leaves[i], detection):
                        seams.add(i)
                except Exception as e:
                    detection.error = e
        for i in seams:
            # Chunks of one value overlap, and an answer may be found twice: resolved into one finding.
            by_location: dict[Location, list[Finding]] = {}
            for f in out[i].findings:
                by_location.setdefault(f.location, []).append(f)
            try:
                out[i].findings = [f for found in by_location.values() for f in resolve_overlaps(found)]
            except Exception as e:
                out[i].error = e
        for values, detection in zip(leaves, out):
            if detection.error is None and detection.findings:
                try:
                    _add_echoes(values, detection)
                except Exception as e:
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
        self.detect([(kind, sample) for kind in self._rules])
        self.forget()

    def forget(self) -> None:
        """Forget the remembered scan results (after a warm-up: made-up texts are not kept)."""
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
                named = self.field_names.entity_for_path(*_parent_and_key(loc))
                if named is not None and looks_like(named, value):
                    findings.append(Finding(loc, named, None, None, 0.9, "field-name"))
                    continue
                if isinstance(value, str) and is_international_mobile(value):
                    # An MSISDN in international digits, whatever the field is called
                    # ("Calling-Station-Id", "a_party"): a whole value that is nothing else.
                    findings.append(Finding(loc, "PHONE_NUMBER", None, None, 0.7, "international-digits"))
                    continue
            if isinstance(value, (int, float)):
                entities = VALIDATED_NUMERIC if rule in ("number", "timestamp") else UNKNOWN_NUMERIC
                digits = integer_digits(value, self.scanner.min_digits(entities))
                if digits is not None:
                    codes.append(ScanJob(i, loc, digits, entities, cover=(None, None)))
                continue
            if not value.strip():
                continue
            if not value.isascii():
                value = as_scanned(value)
            if rule == "timestamp" and is_timestamp(value):
                continue
            if rule == "uuid" and UUID.fullmatch(value):
                continue
            # A field nobody declared that holds a URL is read as one: its host kept, its parts
            # scanned one by one (a scan of the whole would take "maps.example.com/@48.85" for
            # an email address, and no query key for a field name).
            if rule in ("code", "uuid") or (rule is None and "://" in value and url_parts(value) is not None):
                whole = whole_identifier(value)
                if whole is not None:
                    detection.findings.append(Finding(loc, whole, None, None, 1.0, "whole-value"))
                    continue
                parts = url_parts(value)
                if parts is None and could_hold_pattern(value):
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
                    else:
                        for a, b in coordinate_pairs(decoded) if cover is None else ():
                            findings.append(Finding(loc, "LOCATION", start + a, start + b, 0.9, "CoordinatesRecognizer"))  # "/@48.85,2.35,15z"
                        if could_hold_pattern(decoded):
                            codes.append(ScanJob(i, loc, decoded, self.code_entities, offset=start, cover=cover))
                        slug = words_of_slug(decoded)
                        if slug is not None:
                            # Words joined by dots, dashes or underscores ("maria-gonzalez-1234",
                            # "jane.doe"): read as words, letter for letter, for the names in them.
                            texts.append(ScanJob(i, loc, slug, self.name_entities, offset=start, cover=cover))
            else:
                texts.append(ScanJob(i, loc, value, self.text_entities))
                for start, end, decoded, key in key_values(value):
                    named = self.field_names.entity_for(key.rsplit(".", 1)[-1])
                    if named is not None and looks_like(named, decoded):
                        findings.append(Finding(loc, named, start, end, 0.9, "field-name"))
                    elif decoded != value[start:end]:
                        # Percent- or plus-encoded ("user=jean.dupont%40example.fr"): the text
                        # scan reads it encoded, so the value is scanned decoded too.
                        if " " in decoded.strip():
                            texts.append(ScanJob(i, loc, decoded, self.text_entities, offset=start, cover=(start, end)))
                        elif could_hold_pattern(decoded):
                            codes.append(ScanJob(i, loc, decoded, self.code_entities, offset=start, cover=(start, end)))

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
            if could_hold_pattern(name):
                probe = Detection()
                self._scan_code(ScanJob(i, (), name, self.code_entities), probe)
                if probe.error is not None:
                    raise probe.error
                if probe.findings:
                    raise IdentifierInFieldName(f"a field name holds a {probe.findings[0].entity_type}")
            if _written_by_a_person(name):
                # {"contacts": {"Ana Ruiz": "sister"}}: a key with spaces or letters beyond
                # ASCII was typed by someone, and may be a name; read it as text.
                [found] = self.scanner.texts([(name, list(self.text_entities))])
                if isinstance(found, BaseException):
                    raise found
                named = [f for f in found if f[0] not in recognizers.SHIELD_ENTITIES]
                if named:
                    raise IdentifierInFieldName(f"a field name holds a {named[0][0]}")
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
            except Exception as e:
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


def _written_by_a_person(name: str) -> bool:
    """Whether a field name reads as typed text rather than a schema's identifier: it has a
    space or a letter beyond ASCII ("Ana Ruiz", "José")."""
    return not name.isascii() or any(ch.isspace() for ch in name.strip())


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


# A last sentence this short asks by naming what it wants ("and your date of birth", "the best
# number to reach you"), as speech-to-text writes questions: without a question mark.
SHORT_REQUEST_WORDS = 8
_OWN_WORDS = re.compile(r"\d|\b(?:my|i|i'm|im|me|mine|we|our)\b", re.I)


def _question_of(turn: str) -> str:
    """The part of a turn that may ask for something: its last question, or its last sentence
    when that is a request ("Please confirm your date of birth.") or short ("and your date of
    birth")."""
    sentences = [m.group() for m in _SENTENCE.finditer(turn[-400:]) if m.group().strip()]
    for sentence in reversed(sentences):
        if "?" in sentence:
            return sentence
    last = sentences[-1] if sentences else ""
    if _REQUEST.search(last):
        return last
    # Short, and no one's own words about their own data ("my account number is 5510 2938").
    return last if len(last.split()) <= SHORT_REQUEST_WORDS and not _OWN_WORDS.search(last) else ""


def _add_answers(dialogue: dict[tuple[Any, ...], list[Location]], leaves: dict[Location, Any], detection: Detection) -> None:
    """Findings in each turn that answers what the turn before it asked for (see processor.conversation)."""
    for turns in dialogue.values():
        turns.sort(key=lambda loc: int(loc[-2]))
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


def _add_line_answers(leaves: dict[Location, Any], detection: Detection) -> bool:
    """Findings in each line of a one-text transcript that answers what the line before it,
    by another speaker, asked for. Whether any text was such a transcript."""
    any_transcript = False
    for loc, value in leaves.items():
        if not isinstance(value, str) or "\n" not in value:
            continue
        lines = conversation.labelled_lines(value)
        any_transcript |= bool(lines)
        for before, line in zip(lines, lines[1:]):
            if before.speaker == line.speaker:
                continue
            question = value[before.start : before.end]
            wanted = conversation.asked(_question_of(question)) if conversation.asked(question) is not None else None
            if wanted is None:
                continue
            for a in conversation.answers(value[line.start : line.end], wanted):
                detection.findings.append(Finding(loc, a.entity, line.start + a.start, line.start + a.end, 0.8, "conversation"))
    return any_transcript


def _same_speaker(a: Location, b: Location, leaves: dict[Location, Any]) -> bool:
    for key in SPEAKER_KEYS:
        first, second = leaves.get((*a[:-1], key)), leaves.get((*b[:-1], key))
        if first is not None and second is not None:
            return bool(first == second)
    return False


def _parent_and_key(location: Location) -> tuple[str, str]:
    """The names of the object a value is in and of its field (for a list, the list's)."""
    keys = [key for key in location if isinstance(key, str)]
    return (keys[-2] if len(keys) > 1 else "", keys[-1] if keys else "")


def _path_of(location: Location) -> str:
    """The rule path of a location (`turns[].text`): names fields, never values."""
    return ".".join("[]" if isinstance(k, int) else str(k) for k in location).replace(".[]", "[]") or "(a field name)"


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
