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
