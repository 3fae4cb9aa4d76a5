"""The word lists shipped in recognizers/data/ are read as the recognizers expect them."""

from recognizers import wordlists
from recognizers.location import place_names
from recognizers.names import given_names, surnames


def test_the_lists_hold_lower_case_names_in_frequency_order():
    assert {"lisa", "james", "maria"} <= given_names()
    assert wordlists.read("census-surnames")[:3] == ("smith", "johnson", "williams")
    assert len(surnames()) == 20_000


def test_places_are_read_as_written_and_without_accents():
    places = place_names()
    assert {"reykjavík", "reykjavik", "são paulo", "sao paulo", "germany", "texas"} <= places
    assert "nice" not in places  # an everyday word first
