"""Recognizer tests scan text the way the pipeline does (`processor.scan.Scanner`: skip
conditions, the NER gate, context words) and look at one entity type at a time."""

import pytest


@pytest.fixture(scope="session")
def scan(detector):
    """scan(text, entity) -> the substrings found as that entity."""

    def run(text: str, entity: str) -> list[str]:
        [found] = detector.scanner.texts([(text, [entity])])
        assert not isinstance(found, BaseException), found
        return [text[start:end] for found_as, start, end, _, _ in sorted(found, key=lambda f: f[1]) if found_as == entity]

    return run
