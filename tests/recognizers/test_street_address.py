import pytest

TRUE = [
    ("My billing address is 27684 Lori Way Suite 656.", "27684 Lori Way Suite 656"),
    ("ship it to 12 Baker Street", "12 Baker Street"),
    ("I live at 400 north maple ave apt 3", "400 north maple ave apt 3"),
    ("send to 1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW"),
]
DECOYS = ["I paid 20 dollars on the way home", "we have 3 way calling", "version 2 of the app runs fine"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_street_addresses(scan, text, expected):
    # The address as a whole: a piece of it found by another recognizer too is merged away.
    found = scan(text, "STREET_ADDRESS")
    assert [f for f in found if not any(f != g and f in g for g in found)] == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_not_addresses(scan, text):
    assert scan(text, "STREET_ADDRESS") == []
