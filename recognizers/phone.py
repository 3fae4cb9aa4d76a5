"""Phone numbers (MSISDN), found and validated by `phonenumbers` through Presidio's recognizer.

Presidio's PhoneRecognizer accepts any digit run that `phonenumbers` deems a valid number in
one of the regions, including pieces of larger tokens: `Gecko/7595-04-07 12` in a user agent,
a date, the tail of an order number. This subclass keeps a match only when it stands on its
own: not glued to letters, slashes or other digits, and not shaped like a date.
"""

import re
from typing import TYPE_CHECKING

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from recognizers.registry import register

if TYPE_CHECKING:
    from processor.config import DetectionSettings

# What may stand right before and right after a phone number; anything else (a letter, a
# digit, a slash, a dash, a dot) makes it part of a longer token.
_BEFORE_OK = set(" \t\r\n\"'([{<,;:=+#*")
_AFTER_BAD = re.compile(r"^(?:[\w/\\]|[.-]\d)")
_DATE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b")


@register
class MsisdnRecognizer(PhoneRecognizer):
    CONTEXT = [*PhoneRecognizer.CONTEXT, "msisdn", "mobile", "cell", "reach", "call", "text", "sms", "contact"]

    def __init__(self, supported_language: str = "en", supported_regions: list[str] | None = None) -> None:
        super().__init__(
            supported_language=supported_language,
            supported_regions=supported_regions or ["US"],
            context=self.CONTEXT,
            name="MsisdnRecognizer",
        )

    @classmethod
    def from_settings(cls, settings: "DetectionSettings") -> "MsisdnRecognizer":
        return cls(settings.language, list(settings.phone_regions))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        return [r for r in super().analyze(text, entities, nlp_artifacts) if _stands_alone(text, r.start, r.end)]


def _stands_alone(text: str, start: int, end: int) -> bool:
    if _DATE.match(text[start:end].lstrip("(+ ")):
        return False
    if start > 0 and text[start - 1] not in _BEFORE_OK:
        return False
    if text[max(0, start - 2) : start - 1].isdigit() and text[start - 1] == ":":
        return False  # the seconds of a time, "23:38:07.023895"
    return not _AFTER_BAD.match(text[end : end + 2])
