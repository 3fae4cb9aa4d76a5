import pytest

TRUE = [
    ("my email is john dot smith at example dot com", "john dot smith at example dot com"),
    ("it's j o h n at gmail dot com thanks", "j o h n at gmail dot com"),
    ("jane underscore doe at mail dot co dot uk", "jane underscore doe at mail dot co dot uk"),
    ("send it to mary.k @ example.org please", "mary.k @ example.org"),
]
DECOYS = ["look at google dot com", "we met at the station dot", "meet me at 5 dot", "i am at home"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_spoken_email_addresses(scan, text, expected):
    assert scan(text, "EMAIL_ADDRESS") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_not_email_addresses(scan, text):
    assert scan(text, "EMAIL_ADDRESS") == []
