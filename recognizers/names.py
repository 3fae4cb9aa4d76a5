"""Given names and surnames, used to tell a name from an ordinary word where capital letters
cannot: speech-to-text writes "it's lisa weber" in lower case, and spaCy tags "Mbps" as a
person. Two sources (recognizers/data/): the US census lists (1990), and the most frequent
names of 105 countries from names-dataset, less any word English text uses ("Łukasz",
"Nguyễn", "Oluwaseun", "Begoña", "Horváth"), so that the name of a customer from elsewhere
counts as much as an American one."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from recognizers import wordlists


@lru_cache(maxsize=1)
def census_given_names() -> frozenset[str]:
    return frozenset(wordlists.read("census-given-names"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(wordlists.read("census-given-names") + wordlists.read("world-given-names"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    # The 20,000 most frequent of the census's 88,799: its long tail is mostly ordinary words
    # ("Way", "Hill", "Long" are in the top 1,000 anyway).
    return frozenset(wordlists.read("census-surnames") + wordlists.read("world-surnames"))


@lru_cache(maxsize=1)
def english_proper_names() -> frozenset[str]:
    """Names of these lists that English writes only with a capital ("ryan", "leah", "emily";
    not "grace" or "frank"): a word list counts them as everyday words only because people
    are called so."""
    return frozenset(wordlists.read("english-proper-names"))


def is_english_proper_name(word: str) -> bool:
    return word.lower() in english_proper_names()


@lru_cache(maxsize=1)
def given_names_no_words() -> frozenset[str]:
    """Given names that are no English word: the world list (built so: see
    tools/refresh_wordlists.py) and the names English writes only capitalized."""
    return frozenset(wordlists.read("world-given-names") + wordlists.read("english-proper-names"))


# What may stand before the first word of a sentence or a quoted or bracketed clause.
_OPENERS = frozenset(".!?:;\"'“”‘’([{-–—")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of a sentence (or of the text), where any word
    is capitalized and a capital says nothing about names."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _OPENERS


def without_marks(word: str) -> str:
    """`word` without its accents ("noël" -> "noel", "zoë" -> "zoe"): the lists hold a name in
    the spelling their source used, people write it with or without the marks."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def in_names_list(word: str, names: frozenset[str]) -> bool:
    """Whether the lower-case `word` is in `names`, spelled with accents the list has not."""
    return word in names or (not word.isascii() and without_marks(word) in names)


def is_name_word(word: str) -> bool:
    w = word.lower().strip("'.")
    return w in given_names() or w in surnames()
