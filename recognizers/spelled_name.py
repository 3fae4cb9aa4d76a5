"""Names spelled out letter by letter: "B - R - O - W - N", "O-K-A-F-O-R", "k a p o o r".

People spell their names for an agent, and speech-to-text writes the letters one by one.
No name list has "k a p o o r" in it, and NER sees single letters. A run of three or more
single letters, each apart from the next by a space, a hyphen, a dot or a comma, is a spelled
name when a name cue stands shortly before it ("spell", "name", "surname", "that's") or,
in a conversation, when the previous turn asked for it (see processor/conversation.py).
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.registry import register, result

# Single letters (any alphabet) with separators between them; "double" for a repeated letter.
SPELLED = re.compile(
    r"(?<![\w'’])(?:[^\W\d_](?:\s*[-.,]\s*|\s+)(?:double\s+)?){2,}[^\W\d_](?![\w'’])",
    re.IGNORECASE,
)
_CUE = re.compile(r"\b(?:spell(?:ed|ing|s)?|name|surname|last|first|that'?s|it'?s|letters?)\b", re.IGNORECASE)
CUE_WINDOW = 60


def spelled_runs(text: str) -> list[tuple[int, int]]:
    """Spans of three or more single letters spelled out, in order."""
    spans = []
    for m in SPELLED.finditer(text):
        letters = [ch for ch in m.group() if ch.isalpha()]
        if len(letters) >= 3 and _each_single(m.group()):
            spans.append((m.start(), m.end()))
    return spans


def _each_single(run: str) -> bool:
    """Every letter stands alone (the run is no word: "B-R-O-W-N", not "Bro-wn")."""
    return all(len(piece) == 1 for piece in re.split(r"[\s,.\-]+|double", run, flags=re.IGNORECASE) if piece)


@register
class SpelledNameRecognizer(LocalRecognizer):
    SPEECH_ONLY = True
    REQUIRES = _CUE

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="SpelledNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for start, end in spelled_runs(text):
            if _CUE.search(text, max(0, start - CUE_WINDOW), start):
                results.append(result(self, "PERSON", start, end, 0.7, "a name spelled out after a cue"))
        return results
