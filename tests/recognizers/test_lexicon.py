import pytest

from processor.scan import restore_case
from recognizers.lexicon import in_another_language, is_common_english, is_english_vocabulary, is_typo_of_common


@pytest.mark.parametrize(
    ("word", "common"),
    [("holder", True), ("Yesterday", True), ("router", True), ("Monday", True), ("gosselin", False), ("NIESZPOREK", False), ("offagna", False)],
)
def test_everyday_english_words(word, common):
    assert is_common_english(word) is common


@pytest.mark.parametrize(("word", "typo"), [("fiexd", True), ("secruity", True), ("unmber", True), ("gomes", False), ("kapoor", False)])
def test_swapped_letters_of_an_everyday_word(word, typo):
    assert is_typo_of_common(word) is typo


# The words of chats and notes that an older, more formal word list lacks are English too; the
# names of people are not, even where they are frequent words of English text.
@pytest.mark.parametrize(("word", "english"), [("tech", True), ("selfie", True), ("lol", True), ("smartphone", True), ("massimo", False), ("zdravko", False)])
def test_modern_english_words(word, english):
    assert is_english_vocabulary(word) is english


# A contraction of an English word is English, whether or not the list holds it; a name's
# apostrophe is no contraction.
@pytest.mark.parametrize(("word", "english"), [("you're", True), ("they’re", True), ("we'll", True), ("d'angelo", False), ("n'diaye", False)])
def test_contractions_are_english(word, english):
    assert is_english_vocabulary(word) is english


def test_case_is_restored_for_ner_without_changing_the_length():
    for text, expected in [
        ("ACCOUNT HOLDER IS LIWIA NIESZPOREK", "account holder is Liwia Nieszporek"),
        ("please ask for théodore gosselin when you call back", "please ask for Théodore Gosselin when you call back"),
        ("roaming in offagna since monday", "roaming in Offagna since monday"),
    ]:
        restored = restore_case(text)
        assert restored == expected and len(restored) == len(text)


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        ("hésiter déchirer nerveux attirer précéder ramasser", True),  # words of ranks 3,000 to 10,000
        ("míra krátký sahat pískovec rodný snídaně", True),
        ("please update the contact and call back tomorrow", False),
    ],
)
def test_the_language_of_a_text_by_its_frequent_words(text, foreign):
    assert in_another_language(text) is foreign
