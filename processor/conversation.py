"""Conversations: what one turn asks for, found in the turn that answers it.

In a support call the agent asks ("What's your date of birth?", "can you spell your last
name?", "who am I speaking with?") and the customer's next turn is only the answer
("04/22/1987", "it's Henderson", "k a p o o r", "Hélène Dubois"). No cue stands in the
answer itself, so recognizers that need one find nothing. A transcript is a list of turns
(any list of objects whose elements share a text field: `turns[].text`, `messages[].body`);
this module reads what each turn asks for and marks, in the next turn by another speaker,
the value it asked for.

A transcript written as one text, a speaker label at the start of each line ("Agent: ...",
"[00:04] CALLER: ..."), is read the same way, line by line (`labelled_lines`).

Pure functions of the text: `asked(question)`, `answers(answer, asked)`, `labelled_lines(text)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.date_of_birth import DATE, DATE_PIECE
from recognizers.location import is_known_place
from recognizers.spelled_name import spelled_runs
from recognizers.spoken_digits import DIGIT_WORDS
from recognizers.world_address import names_a_street

# What a turn asks for, by the words it asks with. Order matters: the first that matches wins
# ("the name on the account" asks for a name, not an account number).
_ASKS: list[tuple[str, re.Pattern[str]]] = [
    ("DATE_OF_BIRTH", re.compile(r"\b(?:date\s+of\s+birth|birth\s*(?:date|day)|d\.?o\.?b\b|born|birthday)", re.I)),
    (
        "SECRET_ANSWER",
        re.compile(
            r"\b(?:maiden\s+name|security\s+(?:answer|question|word|phrase)|(?:first|childhood)\s+pet|pet'?s\s+name|memorable\s+(?:word|name|place)|passcode|password|pin\b)",
            re.I,
        ),
    ),
    (
        "PERSON",
        re.compile(
            r"\b(?:(?:your|the|full|first|last|given|family|middle|sur)\s*name|name\s+(?:on|of)|spell|who\s+(?:am\s+i|i'?m)\s+(?:speaking|talking)"
            r"|who(?:'s|\s+is)\s+(?:calling|this|speaking)|(?:speaking|talking)\s+(?:with|to)\s*\?|may\s+i\s+ask\s+who|account\s+holder|name\s*\?)",
            re.I,
        ),
    ),
    ("EMAIL_ADDRESS", re.compile(r"\be-?mail\b", re.I)),
    (
        "STREET_ADDRESS",
        re.compile(
            r"\b(?:address|post\s*code|postal\s+code|zip(?:\s+code)?|where\s+(?:do\s+you|you)\s+live|street"
            r"|where\s+(?:should|shall|can|do|may|would)\s+(?:we|i)\s+(?:send|ship|deliver|post|mail|forward))\b",
            re.I,
        ),
    ),
    (
        "LOCATION",
        re.compile(
            r"\b(?:which|what)\s+(?:city|town|country|village|state|province|county|region|part\s+of)\b"
            r"|\bwhere\s+(?:are|were|r)\s+(?:you|u)\s+(?:\w+ing\b|from\b|based\b|located\b|now\b|at\s+the\s+moment\b|right\s+now\b|today\b)"
            r"|\bwhere\s+(?:is|was)\s+(?:the\s+)?(?:phone|handset|device|customer|caller)\b|\byour\s+(?:location|city|country|town)\b",
            re.I,
        ),
    ),
    (
        "PHONE_NUMBER",
        re.compile(r"\b(?:phone|mobile|cell|call\s*back|callback|contact\s+number|number\s+(?:to|we\s+can)\s+(?:reach|call)|reach\s+you)\b", re.I),
    ),
    ("ACCOUNT_NUMBER", re.compile(r"\b(?:account|acct|customer|reference|member(?:ship)?)\s*(?:number|no\.?|#|id)|\bpolicy\s+number|\bcase\s+number", re.I)),
    # A number asked for with nothing to say what kind ("Which number is it about?"): in a
    # telecom's support call, a phone number. After the kinds above ("your account number").
    (
        "PHONE_NUMBER",
        re.compile(
            r"\b(?:which|what(?:'s|\s+is)?|the|another|other|your|best|new|old)\s+"
            r"(?:(?!(?:tracking|order|ticket|case|serial|reference|ref|confirmation|invoice|model|version|part|policy|imei|sim|iccid|pin|puk"
            r"|account|customer|member|card|flight|room|house|street|building|apartment|flat|unit|port|error|batch|lot)\b)\w+\s+)?number\b",
            re.I,
        ),
    ),
]
# What an answer may open with before the value itself.
_LEAD_IN = re.compile(
    r"^(?:\s*(?:yes|yeah|yep|sure|ok(?:ay)?|right|so|um+|uh+|er+|hmm+|well|of\s+course|certainly|absolutely|no\s+problem"
    r"|it'?s|it\s+is|that'?s|that\s+is|that\s+would\s+be|this\s+is|i'?m|i\s+am|my\s+name\s+is|my\s+name'?s|the\s+name\s+is|name'?s"
    r"|(?:my\s+)?(?:first|last|full|sur|maiden|middle)\s*name\s+(?:is|'s)|(?:the\s+)?(?:answer|word)\s+is|speaking|you'?re\s+speaking\s+(?:with|to)"
    r"|you'?re\s+talking\s+to|you\s+have)\b[\s,.:;!-]*)+",
    re.I,
)
_TAIL = re.compile(r"[\s,.;:!?-]*(?:(?:thanks|thank\s+you|please|speaking|here|ma'?am|sir)[\s,.;:!?-]*)*$", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?")
_DIGITS = re.compile(r"(?<![\w+])\d(?:[\s().\-/]?\d)*(?!\w)")
MAX_ANSWER_WORDS = 5
MAX_PLACE_WORDS = 7
# Answers that are no value of any kind.
_NOT_VALUES = STOP_WORDS | {
    "yes",
    "no",
    "sure",
    "okay",
    "ok",
    "sorry",
    "pardon",
    "what",
    "hello",
    "hi",
    "thanks",
    "hang",
    "moment",
    "second",
    "wait",
    "hold",
    "sec",
}


@dataclass(frozen=True, slots=True)
class Answer:
    entity: str
    start: int
    end: int


# Any of the asks at all: one search rules out most turns ("okay", "let me check").
_ANY_ASK = re.compile("|".join(f"(?:{p.pattern})" for _, p in _ASKS), re.I)


def asked(question: str) -> str | None:
    """The entity type a turn asks for, or None."""
    if not _ANY_ASK.search(question):
        return None
    for entity, pattern in _ASKS:
        if pattern.search(question):
            return entity
    return None


def answers(answer: str, entity: str) -> list[Answer]:
    """Where, in a turn that answers a question for `entity`, the value stands. A turn that
    carries a cue for something else ("my first pet's name was bella" after "what's your
    name?") is left to the recognizers; a street word in an address answered for an address
    ("16 mcleer street") is no such cue."""
    own = asked(answer)
    if own is not None and own != entity:
        return []
    if entity == "DATE_OF_BIRTH":
        dates = [Answer(entity, m.start(), m.end()) for m in DATE.finditer(answer)]
        if dates:
            return dates
        # An answer in no shape of a date: its pieces, first to last ("12th of the 3rd, 85").
        pieces = list(DATE_PIECE.finditer(answer))
        return [Answer(entity, pieces[0].start(), pieces[-1].end())] if len(pieces) >= 2 else []
    if entity == "LOCATION":
        # A place's name may be long: "british indian ocean territory chagos archipelago".
        # "and" joins its parts, brackets hold its other name: "ashmore and cartier islands",
        # "holy see (vatican city state)".
        span = _bare_value(answer, max_words=MAX_PLACE_WORDS, first_clause=True, joiners=_PLACE_JOINERS) or _known_place(answer)
        return [Answer(entity, *span)] if span else []
    if entity in ("PERSON", "SECRET_ANSWER"):
        spelled = spelled_runs(answer)
        if spelled:
            return [Answer(entity, s, e) for s, e in spelled]
        span = _bare_value(answer, first_clause=True)
        if span and entity == "PERSON":
            span = _given_after_comma(answer, span)
        return [Answer(entity, *span)] if span else []
    if entity in ("ACCOUNT_NUMBER", "PHONE_NUMBER"):
        shortest = 7 if entity == "PHONE_NUMBER" else 4
        found = [Answer(entity, m.start(), m.end()) for m in _DIGITS.finditer(answer) if sum(c.isdigit() for c in m.group()) >= shortest]
        return found or _spoken_digits(answer, entity, shortest)
    if entity == "STREET_ADDRESS":
        span = _bare_value(answer, max_words=10, words_only=False)
        # A number, or a street word of some language: "it's intrarea popa", "uh drumul preda".
        if span and (any(ch.isdigit() for ch in answer[span[0] : span[1]]) or names_a_street(answer[span[0] : span[1]])):
            return [Answer(entity, *span)]
    return []


# Small words an address or a name may hold ("Rue de la Paix", "Isle of Dogs"); any other
# stop word ("is", "for", "my") makes the turn a sentence, not a bare value.
# Of names of places too: "marques do sul", "santa cruz de la sierra", "ilha e barco".
_IN_NAMES = frozenset(
    {
        "de",
        "la",
        "le",
        "du",
        "da",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "al",
        "el",
        "dos",
        "das",
        "do",
        "di",
        "des",
        "e",
        "y",
        "ter",
        "ten",
        "sur",
        # Of towns in Czech, Slovak, Polish and German: "Ždírec nad Doubravou", "Frankfurt am Main".
        "nad",
        "pod",
        "na",
        "am",
        "im",
        "bei",
        "ob",
    }
)
# Of streets too, though English stop words: "via palladio 90", "Back Lane", "Top Road".
_IN_VALUES = _IN_NAMES | {"the", "of", "and", "on", "upon", "st", "via", "back", "top", "side", "front", "over", "under", "off", "down", "up"}


# One word after a comma ending the answer: the given name after the surname ("KUCHARZYK, NELA",
# "Bureš, Klement thanks"), not what is said of the name ("Ana Ruiz, with one z").
_COMMA_WORD = re.compile(r",[ \t]*(?P<word>[^\W\d_][\w'’-]*)(?=[\s,.;:!?-]*(?:(?:thanks|thank\s+you|please)[\s,.;:!?-]*)*$)", re.I)


# What may stand after the comma that is no given name.
_TAIL_WORDS = frozenset({"please", "speaking", "maam", "ma'am", "sir", "right", "correct"})


def _given_after_comma(answer: str, span: tuple[int, int]) -> tuple[int, int]:
    m = _COMMA_WORD.match(answer, span[1])
    if m is None or m.group("word").lower() in _NOT_VALUES or m.group("word").lower() in _TAIL_WORDS:
        return span
    return span[0], m.end("word")


_CLAUSE_STOP = re.compile(r"[,;.!?]\s|[,;!?]$|\.$")
_WORD_BEFORE_STOP = re.compile(r"([^\W\d_]+)\Z")
# Abbreviations a place's or a name's own full stop follows: "tp. đà nẵng" (thành phố), "St.
# Albans", "Mt. Vernon", "Sta. Cruz".
_ABBREVIATIONS = frozenset(["tp", "st", "ste", "sta", "sto", "mt", "ft", "pt", "tx", "jr", "sr", "dr", "mr", "mrs", "ms"])


def _clause_end(answer: str, start: int) -> int | None:
    """Where the first clause of the answer from `start` ends: its first comma or full stop, but
    the full stop of an abbreviation."""
    for m in _CLAUSE_STOP.finditer(answer, start):
        word = _WORD_BEFORE_STOP.search(answer, start, m.start())
        if answer[m.start()] == "." and word is not None and word.group(1).lower() in _ABBREVIATIONS and m.end() < len(answer):
            continue
        return m.start()
    return None


_PLACE_JOINERS = frozenset(["and", "&"])


def _known_place(answer: str) -> tuple[int, int] | None:
    """The answer without its lead-in and tail when it is a place of the lists, whatever words
    it is made of ("uh holy see (vatican city state)": "see" is an English stop word)."""
    lead = _LEAD_IN.match(answer)
    start = lead.end() if lead else 0
    tail = _TAIL.search(answer, start)
    end = tail.start() if tail else len(answer)
    return (start, end) if start < end and is_known_place(answer[start:end]) else None


def _bare_value(
    answer: str, max_words: int = MAX_ANSWER_WORDS, words_only: bool = True, first_clause: bool = False, joiners: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """The answer without its lead-in ("yes, it's") and tail ("thanks"), when what is left is a
    few words that can be a value: a name, a pet, a place (or, for an address, any words).
    With `first_clause`, only up to the first comma or full stop ("Ana Ruiz, with one z")."""
    lead = _LEAD_IN.match(answer)
    start = lead.end() if lead else 0
    if first_clause:
        stop = _clause_end(answer, start)
        answer = answer[:stop] if stop is not None else answer
    tail = _TAIL.search(answer, start)
    end = tail.start() if tail else len(answer)
    value = answer[start:end]
    written = [w.strip(",.()") for w in value.split()]
    words = [w.lower() for w in written]
    if not words or len(words) > max_words:
        return None
    if words_only and any(ch.isupper() for ch in answer):
        # Cased text: a name is written with capitals ("Nguyễn Văn An", "ŁUKASZ"), and then
        # short capitalized words are name parts, not the stop words they spell in English.
        if not all(w[:1].isupper() or w.lower() in _IN_NAMES for w in written):
            return None
        checked = [w for w, raw in zip(words, written) if not raw[:1].isupper()]
    else:
        checked = words
    if words_only and not all(_NAME_WORD.fullmatch(w.strip(",()")) or w in joiners for w in value.split()):
        return None
    allowed = (_IN_VALUES if not words_only else _IN_NAMES) | joiners
    if any(w in STOP_WORDS and w not in allowed for w in checked) or all(w in _NOT_VALUES for w in words):
        return None
    return start, end


# A line of a transcript written as one text: "Agent: ...", "[00:04] CALLER: ...", "- User: ...".
_LABELLED_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\(?\d{1,2}:\d{2}(?::\d{2})?\)?[ \t]*|[-*>][ \t]*)?(?P<speaker>[^\W\d_][\w.'’ -]{0,24}?)[ \t]*:[ \t]*(?P<text>.*)$", re.M
)


@dataclass(frozen=True, slots=True)
class Line:
    speaker: str
    start: int
    end: int


def labelled_lines(text: str) -> list[Line]:
    """The turns of a transcript written as one text, one speaker-labelled line each ("Agent:
    What's your date of birth?" / "Customer: 04/22/1987"): empty unless two speakers at least
    take two turns at least, so that a line "Note: call back" alone is no dialogue."""
    if "\n" not in text or ":" not in text:
        return []
    lines = [Line(m.group("speaker").strip().lower(), m.start("text"), m.end("text")) for m in _LABELLED_LINE.finditer(text)]
    if len(lines) < 2 or len({line.speaker for line in lines}) < 2:
        return []
    return lines


def _spoken_digits(answer: str, entity: str, shortest: int) -> list[Answer]:
    """Digits read out as words ("five five oh one two"), when the turn is only that."""
    tokens = list(re.finditer(r"[A-Za-z]+|\d+", answer))
    digits = [t for t in tokens if t.group().lower() in DIGIT_WORDS or t.group().isdigit()]
    if sum(len(t.group()) if t.group().isdigit() else 1 for t in digits) >= shortest and len(digits) * 2 >= len(tokens):
        return [Answer(entity, digits[0].start(), digits[-1].end())]
    return []
