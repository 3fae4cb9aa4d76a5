"""A recognizer for values that are personal because of what was said just before them.

"my mother's maiden name is Hartley", "born on 3 March 1985", "account number 55102938":
the regular expression matches the cue and the value, and only the named group `value`
becomes the finding, so the cue words stay readable in the redacted text.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.registry import result
from recognizers.spoken import without_fillers

# Words people put between a cue and its value: "my date of birth is like ...". (Hesitations
# such as "um" are removed before matching; see recognizers.spoken.without_fillers.)
FILLERS = r"(?:[\s,]+(?:like|you\s+know|so|actually|well))*"


class CapturedValueRecognizer(LocalRecognizer):
    def __init__(self, entity: str, patterns: list[str], score: float, name: str, supported_language: str = "en") -> None:
        self.regexes = [re.compile(p, re.IGNORECASE | re.DOTALL) for p in patterns]
        self.score = score
        for r in self.regexes:
            if "value" not in r.groupindex:
                raise ValueError(f"{name}: pattern {r.pattern!r} has no (?P<value>...) group")
        super().__init__(supported_entities=[entity], supported_language=supported_language, name=name)

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        # Cues are matched with hesitations removed ("maiden, uh, name"), spans mapped back.
        clean, offsets = without_fillers(text)
        for regex in self.regexes:
            for m in regex.finditer(clean):
                start, end = offsets[m.start("value")], offsets[m.end("value") - 1] + 1 if m.end("value") > m.start("value") else 0
                if end > start:
                    results.append(result(self, self.supported_entities[0], start, end, self.score, f"value after a cue ({self.name})"))
        return results
