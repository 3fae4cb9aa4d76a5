"""Recognizer tests run each recognizer alone, as Presidio's own tests do, with the NLP
artifacts of the project's spaCy model so that context words count."""

import pytest


@pytest.fixture(scope="session")
def scan(analyzer):
    """scan(text, entity) -> the substrings found as that entity."""

    def run(text: str, entity: str) -> list[str]:
        results = analyzer.analyze(text=text, language="en", entities=[entity], score_threshold=0.4)
        return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]

    return run
