import pytest

TRUE = [
    ("my mother's maiden name is Hartley and that's it", "Hartley"),
    ('security answer: "blue moon"', '"blue moon"'),
    ("first pet was named Rex, ok", "Rex"),
    ("my favorite teacher was mrs jenkins", "mrs jenkins"),
    ("the PIN is 4421", "4421"),
]
DECOYS = ["I forgot my password again", "what is the security question?", "my first car broke down"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_answers_to_secret_questions(scan, text, expected):
    assert scan(text, "SECRET_ANSWER") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_questions_without_answers(scan, text):
    assert scan(text, "SECRET_ANSWER") == []
