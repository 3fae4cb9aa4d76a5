import pytest

TRUE = [
    ("my number is five five five, zero one two three four five six", "PHONE_NUMBER", "five five five, zero one two three four five six"),
    ("it's four one five, five five five, oh one two three", "PHONE_NUMBER", "four one five, five five five, oh one two three"),
    ("double seven nine one one two three four five six", "PHONE_NUMBER", "double seven nine one one two three four five six"),
    ("4 1 5 5 5 5 0 1 2 3 is my cell", "PHONE_NUMBER", "4 1 5 5 5 5 0 1 2 3"),
    ("the IMEI is three five two zero nine nine zero zero one seven six one four eight one", "IMEI",
     "three five two zero nine nine zero zero one seven six one four eight one"),
    ("card number four one one one, one one one one, one one one one, one one one one", "CREDIT_CARD",
     "four one one one, one one one one, one one one one, one one one one"),
    ("account number is seven seven two, one nine three eight", "ACCOUNT_NUMBER", "seven seven two, one nine three eight"),
    ("five five five 0123 four", "PHONE_NUMBER", "five five five 0123 four"),
]  # fmt: skip
DECOYS = [
    "oh I see, one moment please",
    "I have two phones and one tablet",
    "it costs one hundred and twenty dollars",
    "call me in five minutes, or ten",
]


@pytest.mark.parametrize(("text", "entity", "expected"), TRUE)
def test_numbers_read_out_are_found_whole(scan, text, entity, expected):
    assert scan(text, entity) == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_ordinary_talk_about_numbers_is_left_alone(analyzer, text):
    results = analyzer.analyze(text=text, language="en", score_threshold=0.4)
    assert [r for r in results if r.recognition_metadata.get("recognizer_name") == "SpokenDigitsRecognizer"] == []
