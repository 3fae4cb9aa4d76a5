import pytest

TRUE = [
    ("my last name is B - R - O - W - N", "B - R - O - W - N"),
    ("that's O-K-A-F-O-R", "O-K-A-F-O-R"),
    ("surname k a p o o r", "k a p o o r"),
    ("let me spell it: K. A. P. O. O. R.", "K. A. P. O. O. R"),
    ("the name is j o h n double n y", "j o h n double n y"),
    ("first name Ł u k a s z", "Ł u k a s z"),
]
DECOYS = ["plan A or B", "press 1 2 3 then hash", "the a b c of billing", "model S X Y", "my name is fine"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_spelled_names(scan, text, expected):
    assert expected in scan(text, "PERSON")


@pytest.mark.parametrize("text", DECOYS)
def test_letters_without_a_name_cue_are_not_names(scan, text):
    assert not [v for v in scan(text, "PERSON") if " " in v and all(len(p) == 1 for p in v.split())]
