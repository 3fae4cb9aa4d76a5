"""Given names and surnames of the US census (the `names` package: 1990 census lists), used to
tell a name from an ordinary word where capital letters cannot: speech-to-text writes
"it's lisa weber" in lower case, and spaCy tags "Mbps" as a person."""

from __future__ import annotations

import os
from functools import lru_cache

import names as _census

_DIR = os.path.dirname(_census.__file__)
# The surname list has 88,799 entries ranked by frequency; its long tail is mostly ordinary
# words ("Way", "Hill", "Long" are in the top 1,000 anyway), so only the common part is used.
SURNAMES_KEPT = 20_000


def _read(name: str, limit: int | None = None) -> frozenset[str]:
    with open(os.path.join(_DIR, name), encoding="ascii") as f:
        rows = [line.split()[0].lower() for line in f if line.strip()]
    return frozenset(rows[:limit])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return _read("dist.male.first") | _read("dist.female.first")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _read("dist.all.last", SURNAMES_KEPT)


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


def is_name_word(word: str) -> bool:
    w = word.lower().strip("'.")
    return w in given_names() or w in surnames()
