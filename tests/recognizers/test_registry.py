"""Skip conditions declared on recognizers (recognizers.registry)."""

import pytest

from recognizers.registry import FirstWords

CUES = FirstWords("my name this")


@pytest.mark.parametrize("text", ["My name is Ann", "THIS IS ANN", "hello, this is ann", "it's my line", "name: Ann"])
def test_first_words_hold_when_a_word_stands_alone_in_any_case(text):
    assert CUES.search(text)


@pytest.mark.parametrize("text", ["mystery", "renamed", "thistle", "myname", "", "1234 5678"])
def test_first_words_do_not_hold_inside_longer_words(text):
    assert not CUES.search(text)
