import pytest

TRUE = [
    ("i'm travelling in vancouver this week", "vancouver"),
    ("we live at 7436 nash ports suite 104, seattle", "seattle"),
    ("calling from germany about roaming", "germany"),
]
DECOYS = ["the signal is nice in reading mode", "i'm in a hurry", "split the bill in two", "at home since monday"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_places_in_lower_case_speech(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize("text", DECOYS)
def test_everyday_words_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


ACCENTED_AND_CAPITALS = [
    ("we moved here from reykjavík last year", "reykjavík"),
    ("office in Reykjavik", "Reykjavik"),
    ("the tech in OULU said so", "OULU"),
    ("I live in ATHENS now", "ATHENS"),
    ("a friend from são paulo", "são paulo"),
]


@pytest.mark.parametrize(("text", "expected"), ACCENTED_AND_CAPITALS)
def test_places_with_accents_or_in_capitals(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize("text", ["call SIM support", "the APN settings", "RESET THE ROUTER"])
def test_acronyms_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


UNLISTED = [
    ("customer is based in Marokko", "Marokko"),
    ("the technician in haldensleben said so", "haldensleben"),
    ("i'm calling from são tomé e príncipe", "são tomé e príncipe"),
    ("ROAMING IN LAUREANA CILENTO SINCE MONDAY", "LAUREANA CILENTO"),
    ("I live in the city of Oulu", "Oulu"),
]


@pytest.mark.parametrize(("text", "expected"), UNLISTED)
def test_places_nobody_listed_after_a_cue_of_place(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize(
    "text", ["i'm calling from work", "calling from my mobile", "working from home today", "the technician in charge said", "I work at Acme"]
)
def test_everyday_words_after_a_cue_of_place_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm calling from Port Rebecca", "Port Rebecca"),
        ("roaming in jessica ville since friday", "jessica ville"),
        ("the technician in NORTH BRANDON said so", "NORTH BRANDON"),
    ],
)
def test_towns_named_after_people_after_a_cue_of_place(scan, text, expected):
    assert expected in scan(text, "LOCATION")
