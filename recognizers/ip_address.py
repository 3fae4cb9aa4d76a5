"""IPv4 and IPv6 addresses.

Presidio's IpRecognizer finds addresses well but also takes product versions for them
("Chrome/120.0.0.0", "rv:1.9.5.20", "firmware 10.2.3.4.5"). This subclass keeps its patterns and drops a
match that is part of a longer dotted number or follows a `Product/` token.
"""

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IpRecognizer

from recognizers.registry import register

# "Chrome/120.0.0.0", "rv:1.9.5.20": a product name or revision tag right before the number.
_PRODUCT_TOKEN = re.compile(r"(?:[A-Za-z][\w.-]*/|\brv:|\bv)$", re.IGNORECASE)


@register
class IpAddressRecognizer(IpRecognizer):
    # Every IPv4 form has a dotted quad; every IPv6 form "::" or all eight groups (maybe no digit).
    REQUIRES = r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|::|(?:[0-9A-Fa-f]{1,4}:){7}"
    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name="IpAddressRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _looks_like_version(text, r.start, r.end)]


def _looks_like_version(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 40) : start], text[end : end + 2]
    if re.match(r"\.\d", after) or re.search(r"\d\.$", before):
        return True
    return bool(_PRODUCT_TOKEN.search(before)) and "." in text[start:end]
