"""Registration of recognizers: a module marks its recognizer class with `@register`, and
`recognizers.build_registry` builds one of each from the detection settings. A class that
needs settings (regions, patterns from the YAML file) defines `from_settings`; the others are
built for the configured language. Adding an identifier is one new module and one import
line in `recognizers/__init__.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, PatternRecognizer, RecognizerResult

if TYPE_CHECKING:
    from processor.config import DetectionSettings

# A factory builds one recognizer, or several (one per configured pattern, say).
Factory = Callable[["DetectionSettings"], "EntityRecognizer | list[EntityRecognizer]"]
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
    if pattern is None and isinstance(recognizer, PatternRecognizer) and recognizer.patterns:
        return regex.compile("|".join(f"(?:{p.regex})" for p in recognizer.patterns), recognizer.global_regex_flags)
    return pattern


class FirstWords:
    """A skip condition (see above) that holds when any of the given words stands in the text
    as a word of its own, in any case: a set look-up per word, where a case-blind regular
    expression of many alternatives is several times slower. Case folding is what a case-blind
    match does, so no word that such a match would find is missed."""

    _WORD = re.compile(r"[^\W\d_]+")

    def __init__(self, words: str) -> None:
        self.words = frozenset(words.split())

    def search(self, text: str) -> bool:
        return not self.words.isdisjoint(self._WORD.findall(text.casefold()))


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
