"""Customer account numbers and other identifiers of the operator's own making.

Their formats differ per operator, so they are data: each `detection.custom_patterns` entry
of the pipeline YAML (entity, regex, score, context) becomes a pattern recognizer. Digits
right after "account number" are taken whatever their format.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

from recognizers.captured_value import FILLERS, CapturedValueRecognizer
from recognizers.registry import Substrings, register
from recognizers.settings import RecognizerSettings

_ACCOUNT_CUE = rf"\b(?:account|acct|a/c)\.?\s*(?:number|no\.?|num|#)?{FILLERS}\s*(?:is|:|=|#)?{FILLERS}\s*(?P<value>[A-Z]{{0,4}}[-_ ]?\d(?:[\d -]{{4,16}})\d)\b"


class AccountNumberCueRecognizer(CapturedValueRecognizer):
    """Digits right after "account number", whatever their format."""

    MIN_DIGITS = 2
    REQUIRES = Substrings("account", "acct", "a/c")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__("ACCOUNT_NUMBER", [_ACCOUNT_CUE], 0.8, "AccountNumberCueRecognizer", supported_language)


@register
class CustomPatternRecognizers:
    @staticmethod
    def from_settings(settings: RecognizerSettings) -> list[EntityRecognizer]:
        recognizers: list[EntityRecognizer] = [
            PatternRecognizer(
                supported_entity=p.entity,
                patterns=[Pattern(f"{p.entity} pattern {i}", p.regex, p.score)],
                context=list(p.context),
                supported_language=settings.language,
                name=f"CustomPattern{i}_{p.entity}",
            )
            for i, p in enumerate(settings.custom_patterns)
        ]
        recognizers.append(AccountNumberCueRecognizer(settings.language))
        return recognizers
