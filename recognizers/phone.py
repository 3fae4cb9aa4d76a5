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
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
# 3-2-4 with dashes is how US social security numbers are written, not phones.
_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
# "3.7.3.0.79": dotted groups of one digit are versions; phone groups have two or more.
_VERSION_SHAPE = re.compile(r"\d+(?:\.\d+){2,}")
# Fewer digits than any full national number: only with context words ("call", "phone").
SHORT_DIGITS = 9


@register
class MsisdnRecognizer(PhoneRecognizer):
    # Presidio's list without "number": "account number" and "order number" are no phones.
    CONTEXT = ["phone", "telephone", "cell", "cellphone", "mobile", "call", "msisdn", "reach", "text", "sms", "contact", "landline", "whatsapp"]

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
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            if not _stands_alone(text, r.start, r.end):
                continue
            international = text[max(0, r.start - 1) : r.end].lstrip(" (").startswith("+")
            if not international and sum(ch.isdigit() for ch in text[r.start : r.end]) < SHORT_DIGITS:
                # A local number ("555-0123") is too much like an order or ticket number
                # to take without a word such as "call" or "phone" near it.
                r.score = 0.3
            results.append(r)
        return results


def _stands_alone(text: str, start: int, end: int) -> bool:
    matched = text[start:end].lstrip("(+ ")
    if _DATE.fullmatch(matched) or _SSN_SHAPE.fullmatch(matched):
        return False
    if _VERSION_SHAPE.fullmatch(matched) and any(len(g) == 1 for g in matched.split(".")):
        return False
    if start > 0 and text[start - 1] not in _BEFORE_OK:
        return False
    if text[max(0, start - 2) : start - 1].isdigit() and text[start - 1] == ":":
        return False  # the seconds of a time, "23:38:07.023895"
    return not _AFTER_BAD.match(text[end : end + 2])
