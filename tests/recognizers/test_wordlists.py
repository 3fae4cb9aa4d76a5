"""The word lists shipped in recognizers/data/ are read as the recognizers expect them."""

from recognizers import wordlists
from recognizers.location import other_language_names, place_names
from recognizers.names import given_names, surnames


def test_the_lists_hold_lower_case_names_in_frequency_order():
    assert {"lisa", "james", "maria"} <= given_names()
    assert wordlists.read("census-surnames")[:3] == ("smith", "johnson", "williams")
    assert len(wordlists.read("census-surnames")) == 20_000


def test_names_of_the_world_are_names_too_but_no_english_words():
    assert {"łukasz", "oluwaseun", "begoña", "ilona"} <= given_names()
    assert {"horváth", "nguyen", "kowalski", "okafor"} <= surnames()
    world = set(wordlists.read("world-given-names")) | set(wordlists.read("world-surnames"))
    assert not world & {"bar", "data", "rose", "will", "phone"}


def test_rarer_names_of_the_world_are_kept_unless_another_language_uses_the_word():
    # Ranked below the 200 commonest of their country in names-dataset.
    assert {"kyllikki", "lamberto", "bořivoj", "konstanty", "mirte", "chanchal"} <= given_names()
    # Profiles give these as first names too; they are everyday German, French, Dutch, Polish.
    assert not given_names() & {"affe", "larme", "wiel", "gruby", "łuk", "douceur"}


def test_places_are_read_as_written_and_without_accents():
    places = place_names()
    assert {"reykjavík", "reykjavik", "são paulo", "sao paulo", "germany", "texas"} <= places
    assert "nice" not in places  # an everyday word first


def test_countries_in_other_languages_and_towns_that_are_no_words():
    places = place_names()
    assert {"mexique", "kambodja", "camarões", "usbekistan", "erkelenz", "lidingö", "lidingo"} <= places
    assert not places & {"time", "goes", "best"}  # towns of 15,000 people that are English words


def test_countries_as_iso_3166_names_them_old_and_official():
    assert {"kyrgyz republic", "czech republic", "netherlands antilles", "federal republic of germany"} <= place_names()


def test_cities_as_other_languages_write_them_are_kept_apart():
    others = other_language_names()
    assert {"københavn", "kobenhavn", "milano", "warszawa", "bucurești", "bucuresti", "praha"} <= others
    # Not the names place_names() has, nor a name of people or an English word ("mila", "den haag").
    assert not others & place_names()
    assert not others & {"mila", "den haag", "cph"}


def test_names_english_writes_only_with_a_capital():
    proper = set(wordlists.read("english-proper-names"))
    assert {"ryan", "leah", "emily", "attila"} <= proper
    # English words, and capitalized words that name no person.
    assert not proper & {"grace", "frank", "will", "john", "german", "thai", "sunday", "york"}


def test_everyday_words_of_other_languages_leave_names_and_places_out():
    foreign = set(wordlists.read("foreign-everyday-words"))
    assert {"rechnung", "vertrag", "tháng", "miesiąc", "maand"} <= foreign
    assert not foreign & {"jan", "maria", "péter", "essen", "soria", "the", "bill"}


def test_less_frequent_words_of_other_languages_tell_a_text_s_language_but_no_name_from_a_word():
    more = set(wordlists.read("foreign-text-words"))
    assert {"plaindre", "krátký", "værdifuld"} <= more
    assert not more & set(wordlists.read("foreign-everyday-words"))
