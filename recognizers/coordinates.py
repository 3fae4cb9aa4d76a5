"""Geographic coordinates: a latitude and a longitude written as a pair ("48.8566, 2.3522",
"@52.5200,13.4050,15z" in a map link, "-33.8688 151.2093").

A pair of decimal numbers with three decimals or more each, four in one of them (three place a
point within about a hundred metres: a home, not a region), the first within ±90 and the second
within ±180.
Reported as LOCATION: where someone is.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.registry import register, result

_PAIR = re.compile(r"(?<![\w.])(?P<lat>[-+]?\d{1,2}\.\d{3,})°?\s*[NS]?(?:\s*,\s*|\s+)(?P<lng>[-+]?\d{1,3}\.\d{3,})°?\s*[EW]?(?![\w]|\.\d)")


def coordinate_pairs(text: str) -> list[tuple[int, int]]:
    """The spans of latitude/longitude pairs in `text`."""
    if "." not in text:
        return []
    return [
        m.span()
        for m in _PAIR.finditer(text)
        if abs(float(m.group("lat"))) <= 90
        and abs(float(m.group("lng"))) <= 180
        # Four decimals in one of them at least: "12.500, 13.400" are amounts, as Europe writes them.
        and max(_decimals(m.group("lat")), _decimals(m.group("lng"))) >= 4
    ]


def _decimals(number: str) -> int:
    return len(number.split(".", 1)[1])


@register
class CoordinatesRecognizer(LocalRecognizer):
    MIN_DIGITS = 8

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="CoordinatesRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        return [result(self, "LOCATION", start, end, 0.6, "a latitude and longitude") for start, end in coordinate_pairs(text)]
