"""Skip conditions declared on recognizers (recognizers.registry)."""

import pytest

from recognizers.registry import AllOf, AnyOf, FirstWords, Substrings

CUES = FirstWords("my name this")


@pytest.mark.parametrize("text", ["My name is Ann", "THIS IS ANN", "hello, this is ann", "it's my line", "name: Ann"])
def test_first_words_hold_when_a_word_stands_alone_in_any_case(text):
    assert CUES.search(text)


@pytest.mark.parametrize("text", ["mystery", "renamed", "thistle", "myname", "", "1234 5678"])
def test_first_words_do_not_hold_inside_longer_words(text):
    assert not CUES.search(text)


def test_first_words_fold_as_a_case_blind_regular_expression_matches():
    # `re` matches "i" to "İ" and "ı"; case folding alone turns "İ" into two characters.
    import re

    for text in ["İT'S ME", "ıt's me", "Mſ Ann"]:
        assert bool(re.search(r"(?i)\b(?:it|ms)\b", text)) == FirstWords("it ms").search(text)


def test_first_words_judge_each_text_by_its_own_words():
    # The words of the last text are remembered: a new text must not be judged by them.
    names = FirstWords("name")
    assert names.search("my name is Ann")
    assert not names.search("my number is 5")
    assert names.search("NAME: Ann")


def test_substrings_hold_inside_longer_words_in_any_case():
    pin = Substrings("pass", "pin")
    assert pin.search("my PASSWORD is")
    assert pin.search("the Pinecone")
    assert not pin.search("my code is 1234")


def test_all_of_and_any_of_combine_conditions():
    digits_and_cue = AllOf(r"\d", FirstWords("pin"))
    assert digits_and_cue.search("pin 1234")
    assert not digits_and_cue.search("pin please")
    either = AnyOf(FirstWords("one two"), AllOf(r"\d", r"\d+(?:\W+\d+){4}"))
    assert either.search("one moment")
    assert either.search("4 5 6 7 8")
    assert not either.search("4 5 6, thanks")


def test_the_mac_address_condition_holds_where_its_plain_form_would():
    """The condition looks back from the separator; the plain form starts at every hex digit."""
    import random
    import re

    from processor.config import DetectionSettings
    from recognizers.catalog import build_registry

    [mac] = [r for r in build_registry(DetectionSettings()).recognizers if r.name == "MacAddressRecognizer"]
    condition = re.compile(mac.REQUIRES)
    plain = re.compile(r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice("09afAFgx:-. ") for _ in range(rng.randint(0, 12)))
        assert bool(condition.search(text)) == bool(plain.search(text)), text


def test_the_declared_entity_types_are_what_the_registry_reports():
    """`recognizers.ENTITIES` (what partners' operators may name, checked without loading
    Presidio) is exactly what the recognizers report with the default settings."""
    import recognizers
    from processor.config import DetectionSettings
    from recognizers.catalog import build_registry, supported_entities

    reported = set(supported_entities(build_registry(DetectionSettings())))
    assert reported - set(recognizers.SHIELD_ENTITIES) == set(recognizers.ENTITIES)
