"""Registration of recognizers: a module marks its recognizer class with `@register`, and
`recognizers.catalog.build_registry` builds one of each from the detection settings. A class that
needs settings (regions, patterns from the YAML file) defines `from_settings`; the others are
built for the configured language. Adding an identifier is one new module and one import
line in `recognizers/catalog.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from recognizers.settings import RecognizerSettings

# A factory builds one recognizer, or several (one per configured pattern, say).
Factory = Callable[[RecognizerSettings], "EntityRecognizer | list[EntityRecognizer]"]
_REGISTERED: dict[str, Factory] = {}


def register(cls: Any) -> Any:
    name = cls.__name__
    if name in _REGISTERED:
        raise ValueError(f"two recognizers are registered as {name}")
    from_settings = getattr(cls, "from_settings", None)
    _REGISTERED[name] = from_settings if from_settings else (lambda settings: cls(supported_language=settings.language))
    return cls


def registered() -> dict[str, Factory]:
    return dict(_REGISTERED)


# A recognizer may declare a cheap necessary condition for finding anything: at least
# MIN_DIGITS digits in the text, a run of at least MIN_RUN digits (digits with at most one
# of " -./" between each two, as identifiers are written), and a match of REQUIRES (a regex,
# or any object whose `search` is truthy on a match) somewhere in it. The detector skips a
# recognizer whose condition fails, which on machine strings and chatter is most of them.
# A condition must never be stricter than the recognizer itself.
def min_digits(recognizer: EntityRecognizer) -> int:
    return int(getattr(recognizer, "MIN_DIGITS", 0))


def min_run(recognizer: EntityRecognizer) -> int:
    return int(getattr(recognizer, "MIN_RUN", 0))


def requires(recognizer: EntityRecognizer) -> Any:
    """The compiled REQUIRES of a recognizer; for a pattern recognizer without one, its own
    patterns as one search (a miss costs a microsecond, Presidio's pass over the patterns
    tens of them)."""
    pattern = getattr(recognizer, "REQUIRES", None)
    if isinstance(pattern, str):
        return re.compile(pattern)
    patterns: list[Pattern] = getattr(recognizer, "patterns", None) or []
    if pattern is None and isinstance(recognizer, PatternRecognizer) and patterns:
        return any_pattern(patterns, recognizer.global_regex_flags or 0)
    return pattern


def any_pattern(patterns: Iterable[Pattern], flags: int) -> Any:
    """Presidio patterns as one search, compiled as Presidio compiles them (`regex`)."""
    return regex.compile("|".join(f"(?:{p.regex})" for p in patterns), flags)


# What a case-blind regular expression equates that case folding alone does not: Python's
# `re` matches "i" to dotless "ı" and to "İ", whose case fold is two characters.
_FOLD_FIRST = str.maketrans({"ı": "i", "İ": "i"})
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# The text the skip conditions were last asked about, folded and split into words: the
# scanner asks every recognizer's condition about one text before it moves to the next.
_last: tuple[str, str, list[str] | None] = ("", "", [])


def fold(text: str) -> str:
    """`text` case-folded so that a word a case-blind `re` match would find is in it as written."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = text.casefold() if text.isascii() else text.translate(_FOLD_FIRST).casefold()
    _last = (text, folded, None)
    return folded


def words(text: str) -> list[str]:
    """The runs of letters in `text`, case-folded."""
    global _last
    folded = fold(text)
    last = _last
    if last[2] is None or last[0] is not text:
        last = _last = (text, folded, _LETTER_RUN.findall(folded))
    return last[2]  # type: ignore[return-value]


class FirstWords:
    """A skip condition (see above) that holds when any of the given words stands in the text
    as a word of its own, in any case: a set look-up per word, where a case-blind regular
    expression of many alternatives is several times slower. Case folding is what a case-blind
    match does, so no word that such a match would find is missed."""

    def __init__(self, wanted: str | Iterable[str]) -> None:
        self.words = frozenset(fold(w) for w in (wanted.split() if isinstance(wanted, str) else wanted))

    def search(self, text: str) -> bool:
        return not self.words.isdisjoint(words(text))


class WordEndings:
    """A skip condition that holds when a word of the text ends with one of the given endings,
    in any case ("Hafnarstræti", "Hauptstraße"): one `str.endswith` per word."""

    def __init__(self, endings: Iterable[str]) -> None:
        self.endings = tuple(fold(e).rstrip(".") for e in endings)

    def search(self, text: str) -> bool:
        endings = self.endings
        return any(w.endswith(endings) for w in words(text))


class Substrings:
    """A skip condition that holds when any of the given strings occurs in the text, in any
    case: for cues that may run on into longer words ("pass" in "password", "passcode")."""

    def __init__(self, *needles: str) -> None:
        self.needles = tuple(fold(n) for n in needles)

    def search(self, text: str) -> bool:
        folded = fold(text)
        for needle in self.needles:
            if needle in folded:
                return True
        return False


class AllOf:
    """A skip condition that holds when every one of its conditions does, tried in order: a
    cheap one first spares the costly one on most texts."""

    def __init__(self, *conditions: Any) -> None:
        self.conditions = tuple(re.compile(c) if isinstance(c, str) else c for c in conditions)

    def search(self, text: str) -> bool:
        return all(c.search(text) for c in self.conditions)


class AnyOf(AllOf):
    """A skip condition that holds when any one of its conditions does."""

    def search(self, text: str) -> bool:
        return any(c.search(text) for c in self.conditions)


def result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
    """A finding of one of our recognizers, carrying what Presidio's context enhancer and our
    overlap resolution read: the recognizer's name and id."""
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        AnalysisExplanation(recognizer.name, score, textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id},
    )
