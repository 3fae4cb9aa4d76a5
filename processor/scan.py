"""Running the registered recognizers over strings, as cheaply as correctness allows.

Presidio's `AnalyzerEngine.analyze` runs every recognizer over every string, builds NLP
artifacts for each and deep-copies the results for context scoring: about a millisecond per
string before any model runs. Here the same recognizers and Presidio's own context enhancer
are driven directly, and work that cannot find anything is skipped:
- a recognizer whose skip condition fails (too few digits, no run of 15 digits for an IMEI,
  no "@" for an email; see `recognizers.registry.min_digits`) is not called;
- context words are scored (which needs spaCy's tokenizer) only when a result is below the
  score threshold and its recognizer has context words: scoring can only lift a result, so
  one already over the threshold is kept either way;
- spaCy's NER, the costliest step, runs only on texts with a capitalized word that nothing
  else explains: not inside a finding, not "I", and not an ordinary word opening a sentence
  (`needs_ner`). Lower-case names are the census and cue recognizers' job either way, as the
  small model rarely tags them.
Texts that need NER go through one `nlp.pipe` call per batch.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from processor.context import ContextScorer
from processor.engine import NerOnlySpacyEngine
from recognizers.lexicon import in_another_language, is_common_english, is_foreign_everyday, is_typo_of_common
from recognizers.location import (
    joined_place,
    place_after_address,
    place_after_birth_date,
    place_after_name,
    place_between,
    place_in_brackets,
    place_names,
    place_qualifier,
    place_suffix,
    region_code_after_address,
)
from recognizers.names import given_names, opens_sentence
from recognizers.person import (
    given_after_comma,
    joined_name,
    name_before_address,
    name_before_birth_date,
    name_before_email,
    name_before_number,
    name_before_place,
    name_between,
    name_cell_after,
    surname_with_particles,
    whole_name,
)
from recognizers.phone import number_after_name
from recognizers.registry import min_digits, min_run, requires
from recognizers.world_address import (
    address_after_name,
    address_block_lines,
    postcode_after_details,
    postcode_and_town_after_address,
    postcode_by_place,
    street_before_name,
    street_ending_name,
)

# (entity type, start, end, score, recognizer name): what a scan of one string finds.
Found = tuple[str, int, int, float, str]

_DIGIT = re.compile(r"\d")
# Digits with at most one separator between each two: how identifiers are written.
_RUN = re.compile(r"\d(?:[ \-./]?\d)*")
_SEPARATORS = str.maketrans("", "", " -./")
_WORD = re.compile(r"[a-z]{2,}")
# Lower-case texts shorter than this ("okay", "yes please") are not sent to NER.
MIN_LOWERCASE_WORDS = 3
_CAPITALIZED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_PRONOUN_I = frozenset({"I", "I'm", "I've", "I'll", "I'd", "I’m", "I’ve", "I’ll", "I’d"})


@dataclass(frozen=True, slots=True)
class _Entry:
    recognizer: EntityRecognizer
    entities: frozenset[str]
    min_digits: int
    min_run: int
    requires: re.Pattern[str] | None
    speech_only: bool
    spacy: bool  # reads spaCy's entities from the NLP artifacts

    def could_match(self, text: str, digits: Digits) -> bool:
        return (
            digits.count >= self.min_digits
            and (self.min_run == 0 or digits.longest_run() >= self.min_run)
            and (self.requires is None or bool(self.requires.search(text)))
        )


# Pattern recognizers read no NLP artefacts; Presidio's signature asks for them all the same.
NO_NLP = cast(NlpArtifacts, None)


class Digits:
    """How many digits a text has, and its longest run of them (computed once, if asked)."""

    __slots__ = ("_run", "count", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.count = len(_DIGIT.findall(text))
        self._run: int | None = None

    def longest_run(self) -> int:
        if self._run is None:
            self._run = max((len(run.translate(_SEPARATORS)) for run in _RUN.findall(self.text)), default=0) if self.count else 0
        return self._run


class Scanner:
    def __init__(self, analyzer: AnalyzerEngine, language: str, threshold: float) -> None:
        self.analyzer = analyzer
        self.language = language
        self.threshold = threshold
        engine = analyzer.nlp_engine
        if not isinstance(engine, NerOnlySpacyEngine) or engine.nlp is None:
            raise TypeError("the scanner needs an analyzer built by processor.engine.load_analyzer")
        self.engine = engine
        self.nlp = engine.nlp[language]
        self.context = ContextScorer(analyzer.context_aware_enhancer)
        self._entries = [
            _Entry(
                r,
                frozenset(r.supported_entities),
                min_digits(r),
                min_run(r),
                requires(r),
                bool(getattr(r, "SPEECH_ONLY", False)),
                isinstance(r, SpacyRecognizer),
            )
            for r in analyzer.registry.recognizers
            if r.supported_language == language
        ]
        self._min_digits: dict[tuple[str, ...], int] = {}
        self._plans: dict[tuple[tuple[str, ...], int | None], list[tuple[_Entry, list[str]]]] = {}
        self._most_digits = max((e.min_digits for e in self._entries), default=0)
        for entry in self._entries:
            if not entry.recognizer.is_loaded:
                entry.recognizer.load()
                entry.recognizer.is_loaded = True

    def min_digits(self, entities: Sequence[str]) -> int:
        """The fewest digits a machine string (see `code`) needs for any pattern recognizer of
        `entities` to find anything."""
        key = tuple(entities)
        if key not in self._min_digits:
            used = [e for e in self._entries if not e.spacy and not e.speech_only and e.entities & set(key)]
            self._min_digits[key] = min((e.min_digits for e in used), default=0)
        return self._min_digits[key]

    # -- machine strings ----------------------------------------------------------------------

    def code(self, text: str, entities: Sequence[str]) -> list[Found]:
        """Pattern recognizers only, no NLP and no context words (a user agent has none)."""
        digits = Digits(text)
        found: list[Found] = []
        for entry, wanted in self._wanted(entities, digits.count):
            if entry.spacy or entry.speech_only or not entry.could_match(text, digits):
                continue
            found += [_found(_stamp(r, entry)) for r in entry.recognizer.analyze(text, wanted, NO_NLP) if r.score >= self.threshold]
        return found

    def _wanted(self, entities: Sequence[str], digits: int | None = None) -> list[tuple[_Entry, list[str]]]:
        """The recognizers that look for any of `entities`, each with the ones it looks for;
        given a text's count of digits, only those that need no more (most texts have none,
        and half the recognizers want some)."""
        key = (tuple(entities), None if digits is None else min(digits, self._most_digits))
        plan = self._plans.get(key)
        if plan is None:
            plan = []
            for entry in self._entries:
                wanted = [e for e in entry.recognizer.supported_entities if e in key[0]]
                if wanted and (digits is None or entry.min_digits <= digits):
                    plan.append((entry, wanted))
            self._plans[key] = plan
        return plan

    # -- free text ------------------------------------------------------------------------------

    def texts(self, jobs: Sequence[tuple[str, Sequence[str]]], nlp_batch_size: int = 256) -> list[list[Found] | BaseException]:
        """Every recognizer over each text; a failure is returned in place of that text's
        results, so the caller can dead-letter only the events that hold it. A text with
        combining marks or mojibake is scanned in its readable form (`readable_form`), and what
        is found mapped back to the text as written."""
        composed = [readable_form(text) for text, _ in jobs]
        if not any(composed):
            return self._texts(jobs, nlp_batch_size)
        out = self._texts([(c[0], entities) if c else (text, entities) for c, (text, entities) in zip(composed, jobs)], nlp_batch_size)
        for i, c in enumerate(composed):
            found = out[i]
            if c is not None and not isinstance(found, BaseException):
                starts = c[1]
                out[i] = [(entity, starts[start], starts[end], score, source) for entity, start, end, score, source in found]
        return out

    def _texts(self, jobs: Sequence[tuple[str, Sequence[str]]], nlp_batch_size: int) -> list[list[Found] | BaseException]:
        out: list[list[Found] | BaseException] = []
        pending: list[tuple[int, str, Sequence[str], list[tuple[RecognizerResult, _Entry]], bool]] = []
        for i, (text, entities) in enumerate(jobs):
            try:
                raw, wants_ner = self._patterns(text, entities)
            except Exception as e:
                out.append(e)
                continue
            out.append([])
            ner = wants_ner and needs_ner(text, [(r.start, r.end) for r, _ in raw])
            if ner or self._context_could_matter(raw):
                pending.append((i, text, entities, raw, ner))
            else:
                out[i] = self._finish(raw, text)
        if not pending:
            return out
        for (i, text, entities, raw, ner), doc in zip(pending, self._docs([(p[1], p[4]) for p in pending], nlp_batch_size)):
            if isinstance(doc, BaseException):
                out[i] = doc
                continue
            try:
                out[i] = self._with_nlp(text, entities, raw, doc, ner)
            except Exception as e:
                out[i] = e
        return out

    def _patterns(self, text: str, entities: Sequence[str]) -> tuple[list[tuple[RecognizerResult, _Entry]], bool]:
        digits = Digits(text)
        raw: list[tuple[RecognizerResult, _Entry]] = []
        wants_ner = False
        for entry, wanted in self._wanted(entities, digits.count):
            if entry.spacy:
                wants_ner = True
            elif entry.could_match(text, digits):
                raw += [(_stamp(r, entry), entry) for r in entry.recognizer.analyze(text, wanted, NO_NLP)]
        return raw, wants_ner

    def _docs(self, texts: list[tuple[str, bool]], batch_size: int) -> list[Any]:
        """spaCy docs: NER where asked for (one `nlp.pipe` over all of them), else tokens only.
        If the batch fails, text by text, so the failure stays with the text that caused it."""
        ner_texts = [for_spacy(t) for t, ner in texts if ner]
        try:
            ner_docs = iter(list(self.nlp.pipe(ner_texts, batch_size=batch_size)))
        except Exception:
            ner_docs = iter([_one(self.nlp, t) for t in ner_texts])
        return [next(ner_docs) if ner else _one(self.nlp.make_doc, for_spacy(t)) for t, ner in texts]

    def _with_nlp(self, text: str, entities: Sequence[str], raw: list[tuple[RecognizerResult, _Entry]], doc: Any, ner: bool) -> list[Found]:
        artifacts = self.engine.artifacts(doc, self.language)
        if ner:
            for entry, wanted in self._wanted(entities):
                if entry.spacy:
                    raw += [(_stamp(r, entry), entry) for r in entry.recognizer.analyze(text, wanted, artifacts)]
        if self._context_could_matter(raw):
            entry_of = {entry.recognizer.id: entry for _, entry in raw}
            used = [entry.recognizer for entry in entry_of.values()]
            enhanced = self.context.enhance(text, [r for r, _ in raw], artifacts, used)
            raw = [(r, entry_of[r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]]) for r in enhanced]
        return self._finish(raw, text)

    def _context_could_matter(self, raw: list[tuple[RecognizerResult, _Entry]]) -> bool:
        # Context words only raise scores: they matter for a result below the threshold,
        # which they may lift over it; one already over it is kept either way.
        return any(r.score < self.threshold and entry.recognizer.context for r, entry in raw)

    def _finish(self, raw: list[tuple[RecognizerResult, _Entry]], text: str) -> list[Found]:
        kept = [r for r, _ in raw if r.score >= self.threshold and r.score > 0]
        joined = []
        for r in kept:
            if r.entity_type in _ONE_LINE and "\n" in text[r.start : r.end]:
                # A name ends at a line break ("Hélène Dubois\nAgent: ..."): the line it starts on.
                # Every one first, before any follower asks what the others cover.
                r.end = r.start + max(1, text[r.start : r.end].index("\n"))
        for r in kept:
            if r.entity_type == "PERSON":
                r.start, r.end = whole_name(text, r.start, r.end)
                street = street_before_name(text, r.start, r.end)
                if street is not None:
                    r.entity_type, (r.start, r.end) = "STREET_ADDRESS", street
                else:
                    ending = street_ending_name(text, r.start, r.end)
                    if ending is not None:
                        person_end, street = ending
                        if person_end is None:
                            r.entity_type, (r.start, r.end) = "STREET_ADDRESS", street
                        else:
                            r.end = person_end
                            joined.append(RecognizerResult("STREET_ADDRESS", *street, r.score, recognition_metadata=dict(_NEXT_TO_A_FINDING)))
            # What a finding says about the words right after it: "emanuel and noa", "between
            # brovst and næstved" (the other half of a pair), "Luuk Claassen, Frederiquedreef 8".
            for entity, follower in _FOLLOWERS.get(r.entity_type, ()):
                span = follower(text, r.start, r.end)
                # Not from inside another finding: after "Harry" of "Harry Ferm", "Ferm about
                # ticket 4411" is no street.
                # One of the same type may overlap it: the two merge ("TUE, BIANCA" and "BIANCA
                # POPESCU" before "<bianca@...>").
                if span is not None and not any(k.start < span[0] < k.end and k.entity_type != entity for k in kept):
                    joined.append(RecognizerResult(entity, *span, r.score, recognition_metadata=dict(_NEXT_TO_A_FINDING)))
        kept += joined
        _join_names_one_word_apart(kept, text)
        if len(kept) > 1:
            # A single result (most texts that have one) has nothing to be a duplicate of.
            kept = EntityRecognizer.remove_duplicates(kept)
        return [_found(r) for r in kept]


def _join_names_one_word_apart(kept: list[RecognizerResult], text: str) -> None:
    """Two names found with one word of a name between them are one name: "<merkúr> storm
    <marinósson>", "<bác trọng> lê" (each recognizer found a piece). In place: the first
    widened over the second."""
    persons = sorted((r for r in kept if r.entity_type == "PERSON"), key=lambda r: r.start)
    for first, second in zip(persons, persons[1:]):
        gap = text[first.end : second.start]
        if first.end < second.start and len(gap) < 30 and gap.startswith(" ") and gap.endswith(" ") and name_between(gap.strip()):
            # The widened one holds the first with its score at least, so that the first goes.
            second.start, second.score = first.start, max(first.score, second.score)


def needs_ner(text: str, covered: Sequence[tuple[int, int]]) -> bool:
    """Whether spaCy's NER could add a name or place to what the patterns found: the text has a
    capitalized word outside every finding that is not "I", not an acronym ("SIM") and not an
    ordinary word at the start of a sentence ("Thanks", "Dropped", "Call"). A sentence-opening word that is a
    census given name or a known place ("Lisa", "Denver") still counts; surnames do not, as
    the census lists many everyday words among them ("Call", "Price", "Young"). Text without
    any capital letter (speech-to-text output) gives the gate nothing to judge by: it goes to
    NER whenever it has a few words."""
    if uncased(text):
        return len(_WORD.findall(text.lower())) >= MIN_LOWERCASE_WORDS
    spans = _union(covered)
    starts = [s for s, _ in spans]
    for m in _CAPITALIZED.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if word in _PRONOUN_I:
            continue
        # The finding that starts last at or before the word (findings are merged, so one look
        # suffices, however many findings a text has).
        k = bisect_right(starts, start) - 1
        if k >= 0:
            _s, e = spans[k]
            if end <= e:
                continue  # inside a finding
            if start < e or start - e <= 2:
                return True  # runs on past a finding, or right after it: "Burton-Rees", "Flowers MD"
        lower = word.lower()
        if len(word) > 1 and word.isupper() and lower not in given_names():
            continue  # an acronym: "SIM", "APN", "OK"
        if opens_sentence(text, start) and lower not in given_names() and lower not in place_names():
            continue
        return True
    return False


# Combining marks (U+0300-U+036F) after a letter: text in decomposed form ("José" as "Jose" and
# an acute accent, as some keyboards and systems write it), and the dot Python's lower() leaves
# on a Turkish "İ" ("i̇nönü"). Word patterns stop at a mark: "i̇nönü" would read as "i" and "nönü".
# Also the vowel signs and points of alphabets that write them as marks with no composed form
# (Hebrew, Arabic, the scripts of India, Thai), and the zero-width joiners inside their words:
# "นวรรษนันท์" would read as four words.
_COMBINING = re.compile("[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u200d]")


def _is_mark(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Mn", "Mc") or ch in "\u200c\u200d"


def without_combining_marks(text: str) -> tuple[str, list[int]] | None:
    """`text` with each letter and the marks after it composed into one character where Unicode
    has one, the marks dropped where it has none; and for each character of the result (plus
    one past the end) the offset in `text` where its letter starts. None when `text` has no
    combining mark (nearly every text), so that nothing is copied."""
    if text.isascii() or _COMBINING.search(text) is None:
        return None
    out: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and _is_mark(text[j]):
            j += 1
        group = unicodedata.normalize("NFC", text[i:j]) if j > i + 1 else text[i]
        kept = "".join(ch for ch in group if not _is_mark(ch)) or group[:1]
        out.append(kept)
        starts.extend([i] * len(kept))
        i = j
    starts.append(len(text))
    return "".join(out), starts


# UTF-8 read as Latin-1 or Windows-1252 ("SÃ£o TomÃ©" for "São Tomé", "Ä‘" for "đ"), as exports
# between systems that disagree on the encoding leave it: each letter is two to four
# characters, and no word list or pattern knows the word. A lead byte's character, then those
# of continuation bytes.
_CP1252_HIGH = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))}
_CONTINUATION = "".join(sorted({chr(b) for b in range(0x80, 0xC0)} | {ch for ch, b in _CP1252_HIGH.items() if b < 0xC0}))
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]")


def _byte_of(ch: str) -> int | None:
    code = ord(ch)
    return code if code < 0x100 else _CP1252_HIGH.get(ch)


def without_mojibake(text: str) -> tuple[str, list[int]] | None:
    """`text` with each run of characters that is a UTF-8 letter read as Latin-1 or
    Windows-1252 decoded back to that letter, and for each character of the result (plus one
    past the end) the offset in `text` where it starts. None when there is no such run."""
    if text.isascii() or _MOJIBAKE.search(text) is None:
        return None
    out: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(text):
        lead = _byte_of(text[i])
        size = (
            2
            if lead is not None and 0xC2 <= lead <= 0xDF
            else 3
            if lead is not None and 0xE0 <= lead <= 0xEF
            else 4
            if lead is not None and 0xF0 <= lead <= 0xF4
            else 0
        )
        if size and i + size <= len(text):
            raw = [_byte_of(ch) for ch in text[i : i + size]]
            if all(b is not None and 0x80 <= b <= 0xBF for b in raw[1:]):
                try:
                    letter = bytes(b for b in raw if b is not None).decode("utf-8")
                except UnicodeDecodeError:
                    letter = ""
                if len(letter) == 1:
                    out.append(letter)
                    starts.append(i)
                    i += size
                    continue
        out.append(text[i])
        starts.append(i)
        i += 1
    starts.append(len(text))
    return "".join(out), starts


def readable_form(text: str) -> tuple[str, list[int]] | None:
    """`text` as a reader sees it (mojibake decoded, then letters and their combining marks
    composed), with the offset in `text` of each character of it; None when it reads as written."""
    decoded = without_mojibake(text)
    composed = without_combining_marks(decoded[0] if decoded else text)
    if decoded is None or composed is None:
        return decoded or composed
    return composed[0], [decoded[1][at] for at in composed[1]]


def _union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged, in order."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


# spaCy's tokenizer splits prefixes and suffixes off a whitespace-free run one at a time, each
# time on a new copy: quadratic in the run's length (16 KB of "fe80::1:" took over a second),
# and the pieces of such a run ("ab:ab:ab:...") make thousands of tokens for the model. A run
# this long is no name, no place and no context word (patterns still scan it in full), so spaCy
# sees blanks there; the length is kept, so every offset still points into the original text.
LONGEST_TOKEN = 64
_LONG_RUN = re.compile(rf"\S{{{LONGEST_TOKEN + 1},}}")


def for_spacy(text: str) -> str:
    if in_another_language(text):
        # The English model reads any capitalized word of another language as a name
        # ("Sommer Abend", "Familie"): it gets the text without capitals, and the name lists
        # find the names in it.
        lowered = text.lower()
        text = lowered if len(lowered) == len(text) else text
    elif not uncased(text) and (len(text) <= LONGEST_TOKEN or not _LONG_RUN.search(text)):
        return text
    text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
    return restore_case(text) if uncased(text) and not in_another_language(text) else text


def uncased(text: str) -> bool:
    """Whether capitals say nothing in `text`: all lower case (speech-to-text) or all capitals."""
    return text.islower() or (text.isupper() and len(text) > 12)


_WORD_RUN = re.compile(r"[^\W\d_][\w'’.-]*")


def restore_case(text: str) -> str:
    """`text` as it would be written with capitals, for NER, which reads names by them: everyday
    English words in lower case, other words ("gosselin", "NIESZPOREK", "offagna") capitalized.
    The length never changes, so offsets hold."""

    def word(m: re.Match[str]) -> str:
        w = m.group()
        ordinary = is_common_english(w) or is_typo_of_common(w) or is_foreign_everyday(w)
        cased = w.lower() if ordinary else w[:1].upper() + w[1:].lower()
        return cased if len(cased) == len(w) else w

    return _WORD_RUN.sub(word, text)


def _one(fn: Any, text: str) -> Any:
    try:
        return fn(text)
    except Exception as e:
        return e


# Entities written on one line (an address may take several).
_ONE_LINE = frozenset({"PERSON", "LOCATION"})
# Findings made by a follower name it, not the recognizer of the finding they follow.
_NEXT_TO_A_FINDING = {RecognizerResult.RECOGNIZER_NAME_KEY: "NextToFinding", RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: "next-to-finding"}
_FOLLOWERS: dict[str, tuple[tuple[str, Callable[[str, int, int], tuple[int, int] | None]], ...]] = {
    "PERSON": (
        ("PERSON", joined_name),
        ("STREET_ADDRESS", address_after_name),
        ("STREET_ADDRESS", postcode_after_details),
        ("LOCATION", place_in_brackets),
        ("LOCATION", place_after_name),
        ("PERSON", surname_with_particles),
        ("PERSON", given_after_comma),
        # NER reads a place of a name's shape as a person: "port [kyle]", "EAST [SAFINAZ]".
        ("LOCATION", place_qualifier),
        ("PHONE_NUMBER", number_after_name),
    ),
    "PHONE_NUMBER": (("PERSON", name_before_number), ("PERSON", name_cell_after)),
    "DATE_OF_BIRTH": (("STREET_ADDRESS", postcode_after_details), ("PERSON", name_before_birth_date), ("LOCATION", place_after_birth_date)),
    "EMAIL_ADDRESS": (("PERSON", name_before_email),),
    "STREET_ADDRESS": (
        ("PERSON", name_before_address),
        ("PERSON", name_cell_after),
        ("LOCATION", place_in_brackets),
        ("LOCATION", place_after_address),
        ("LOCATION", region_code_after_address),
        ("STREET_ADDRESS", postcode_and_town_after_address),
        ("STREET_ADDRESS", address_block_lines),
    ),
    "LOCATION": (
        ("LOCATION", joined_place),
        ("LOCATION", place_between),
        ("LOCATION", place_in_brackets),
        ("PERSON", name_before_place),
        ("LOCATION", place_qualifier),
        ("LOCATION", place_suffix),
        ("STREET_ADDRESS", postcode_by_place),
    ),
}


def _stamp(r: RecognizerResult, entry: _Entry) -> RecognizerResult:
    # Presidio's context enhancer finds a result's recognizer by the id in its metadata, and
    # overlap resolution reads the recognizer's name.
    meta = r.recognition_metadata if r.recognition_metadata is not None else {}
    meta.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, entry.recognizer.name)
    meta.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, entry.recognizer.id)
    r.recognition_metadata = meta
    return r


def _found(r: RecognizerResult) -> Found:
    return (r.entity_type, r.start, r.end, r.score, r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY])
