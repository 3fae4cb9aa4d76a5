"""IPv4 and IPv6 addresses.

Presidio's IpRecognizer finds addresses well but also takes product versions for them
("Chrome/120.0.0.0", "rv:1.9.5.20", "firmware 10.2.3.4.5"). This subclass keeps its patterns and drops a
match that is part of a longer dotted number or follows a `Product/` token.
"""

import re

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IpRecognizer

from recognizers.registry import register

# "Chrome/120.0.0.0", "rv:1.9.5.20": a product name or revision tag right before the number.
_PRODUCT_TOKEN = re.compile(r"(?:[A-Za-z][\w.-]*/|\brv:|\bv)$", re.IGNORECASE)


class _CouldHoldAddress:
    """The skip condition, as a regex's `search`: cheap tests first, since most texts with
    digits and dots are versions and times."""

    _QUAD = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
    _STANDALONE_QUAD = regex.compile(r"(?<!\w)(?<!\d\.)(?<!\b[rR][vV]:)(?<![A-Za-z][\w.-]{0,38}/)\d{1,3}(?:\.\d{1,3}){3}(?!\.\d)")
    _EIGHT_GROUPS = re.compile(r"(?:[0-9A-Fa-f]{1,4}:){7}")

    def search(self, text: str) -> bool:
        if "::" in text:
            return True
        if text.count(":") >= 7 and self._EIGHT_GROUPS.search(text):
            return True
        return self._QUAD.search(text) is not None and self._STANDALONE_QUAD.search(text) is not None


@register
class IpAddressRecognizer(IpRecognizer):
    # Every IPv6 form has "::" or all eight groups (maybe no digit); every IPv4 form a dotted
    # quad, which Presidio's pattern wants after a non-word character and `_looks_like_version`
    # drops after "<digit>." or "rv:" or a product token of up to 40 characters
    # ("Chrome/120.0.0.0", the most common dotted quad in telemetry), or before ".<digit>".
    REQUIRES = _CouldHoldAddress()

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name="IpAddressRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _looks_like_version(text, r.start, r.end)]


def _looks_like_version(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 40) : start], text[end : end + 2]
    if re.match(r"\.\d", after) or re.search(r"\d\.$", before):
        return True
    return bool(_PRODUCT_TOKEN.search(before)) and "." in text[start:end]
