"""What one text may cost: detection time grows linearly with the text, for every recognizer and
for the whole detector, on strings made to be costly (digit groups, dotted quads, separators,
repeated cue words, long runs without spaces). Quadratic steps made a few kilobytes of such text
cost seconds to minutes; a linear one keeps each kilobyte within a small multiple of what a
kilobyte of ordinary transcript costs, measured in the same run on the same machine."""

from __future__ import annotations

import random
import time

import pytest

from processor.events import BuiltinStream, walk
from processor.generate import generate

SHAPES = {
    "digit groups": "12 ",
    "dotted quads": "1.2.3.4 ",
    "digit run": "1234567890",
    "dashes": "1-",
    "hex pairs": "ab:",
    "mac-like": "aa:bb:cc:dd:ee:",
    "ipv6-like": "fe80::1:",
    "spoken digits": "one two ",
    "double digits": "double five ",
    "cue and number": "call me at 555 0123 ",
    "name cue": "my name is ",
    "capitalized names": "John Smith ",
    "titles": "Mr. ",
    "emails": "a@b.",
    "parentheses": "(1) ",
    "plus signs": "+1 ",
    "street": "12 main street ",
    "date cue": "date of birth 01/02/",
    "account cue": "account ACC-",
    "url": "http://a.b/?x=",
    "spelled letters": "a b c d ",
    "spelled dashes": "A-B-C-",
    "spoken dates": "march fourth nineteen ",
}
SMALL, LARGE = 2_000, 16_000
# A kilobyte of hostile text may cost this many times a kilobyte of ordinary transcript (the
# worst shape measures about 8 times; quadratic steps measured 100 to 1,000 times).
MAX_RATIO_TO_ORDINARY = 25
# Eight times the text may cost at most this many times as much (linear: 8; quadratic: 64).
MAX_GROWTH = 24


def hostile(shape: str, size: int, rng: random.Random) -> str:
    unit = SHAPES[shape]
    text = (unit * (size // len(unit) + 1))[:size]
    # A distinct word every 200 characters: no two chunks alike, so no cache hides the cost.
    return "".join(f"{text[i : i + 200]} q{rng.randrange(10**9)} " for i in range(0, size, 200))[:size]


def seconds(detector, event: dict, kind: BuiltinStream = BuiltinStream.CALL_RECORDS, repeats: int = 3) -> float:
    """The best of a few runs, each with nothing remembered: a pause of the machine is no cost of the text."""
    best = float("inf")
    for _ in range(repeats):
        detector._cache.clear()
        started = time.perf_counter()
        [detection] = detector.detect([(kind, event)])
        best = min(best, time.perf_counter() - started)
        assert detection.error is None
    return best


@pytest.fixture(scope="module")
def ordinary_ms_per_kb(detector) -> float:
    """Detection of ordinary support-transcript text, per kilobyte, as one long note."""
    turns = [v for g in generate(BuiltinStream.SUPPORT_TRANSCRIPTS, 200, seed=99) for _, path, v in walk(g.event) if path == "turns[].text"]
    text = " ".join(turns)[:LARGE]
    return seconds(detector, {"notes": text}) * 1000 / (len(text) / 1024)


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("field", ["notes", "call_type"])  # free text (NER too), and a machine string
def test_detection_cost_is_linear_in_the_text(detector, ordinary_ms_per_kb, shape, field):
    rng = random.Random(shape)
    small_event, large_event = {field: hostile(shape, SMALL, rng)}, {field: hostile(shape, LARGE, rng)}
    small, large = seconds(detector, small_event), seconds(detector, large_event)
    if large > 0.05 and large / small > MAX_GROWTH:
        # Once more over ten runs: a pause of the machine seems growth once, a cost of the text again.
        small, large = seconds(detector, small_event, repeats=10), seconds(detector, large_event, repeats=10)
    ms_per_kb = large * 1000 / (LARGE / 1024)
    assert ms_per_kb <= MAX_RATIO_TO_ORDINARY * ordinary_ms_per_kb, f"{ms_per_kb:.1f} ms/KB against {ordinary_ms_per_kb:.2f} for ordinary text"
    if large > 0.05:  # below that, timer noise says nothing about growth
        assert large / small <= MAX_GROWTH, f"{LARGE // SMALL}x the text cost {large / small:.0f}x the time"


def _recognizer_seconds(entry, texts: tuple[str, str], repeats: int) -> list[float]:
    """The best of `repeats` runs of the recognizer (and its skip condition) on each text, the
    two texts taking turns, so that a pause of the machine falls on both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeats):
        for i, text in enumerate(texts):
            started = time.perf_counter()
            if entry.requires is not None:
                entry.requires.search(text)
            entry.recognizer.analyze(text, list(entry.entities), None)
            best[i] = min(best[i], time.perf_counter() - started)
    return best


def test_every_recognizer_and_its_skip_condition_is_linear_on_its_own(detector, ordinary_ms_per_kb):
    """Each recognizer called directly, past its skip condition, and the condition itself."""
    rng = random.Random(7)
    texts = {shape: (hostile(shape, SMALL, rng), hostile(shape, LARGE, rng)) for shape in SHAPES}
    for entry in detector.scanner._entries:
        if entry.spacy:
            continue  # NER is measured with the whole detector above
        for shape, pair in texts.items():
            costs = _recognizer_seconds(entry, pair, repeats=3)
            if costs[1] > 0.05 and costs[1] / costs[0] > MAX_GROWTH:
                # A machine busy with something else for a few tens of milliseconds (another
                # process, a collection) looks like growth once; a cost of the text shows again.
                costs = _recognizer_seconds(entry, pair, repeats=10)
            ms_per_kb = costs[1] * 1000 / (LARGE / 1024)
            name = entry.recognizer.name
            assert ms_per_kb <= MAX_RATIO_TO_ORDINARY * ordinary_ms_per_kb, f"{name} on {shape}: {ms_per_kb:.1f} ms/KB"
            if costs[1] > 0.05:
                assert costs[1] / costs[0] <= MAX_GROWTH, f"{name} on {shape}: {costs[1] / costs[0]:.0f}x the time for 8x the text"
