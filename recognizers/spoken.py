"""Speech-to-text helpers shared by recognizers: tokens with offsets, and a view of a text
without hesitations ("um", "uh") that maps back to the original offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words of letters (any alphabet, with an apostrophe: "it's"), runs of letters and digits
# ("ashley60", never cut into "ashle" and "y60"), or one other character.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?(?![^\W_])|[^\W_]+|[^\s\w]|_")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Hesitations that speech-to-text keeps: they split cues ("security, um, answer").
_FILLER = re.compile(r"(?<![\w'])(?:um+|uh+|erm|er+|hmm+|uhm+|ah+)(?![\w'])[,.]?\s*", re.IGNORECASE)


def is_filler(word: str) -> bool:
    """Whether `word` is a hesitation ("umm", "Uhh", "hmmm"); some are names elsewhere too."""
    return _FILLER.fullmatch(word) is not None


def without_fillers(text: str) -> tuple[str, list[int]]:
    """The text with hesitations removed, and for each of its characters the offset of that
    character in `text` (plus one final entry for the end)."""
    if not _FILLER.search(text):
        return text, list(range(len(text) + 1))
    kept: list[str] = []
    offsets: list[int] = []
    cursor = 0
    for m in _FILLER.finditer(text):
        kept.append(text[cursor : m.start()])
        offsets.extend(range(cursor, m.start()))
        cursor = m.end()
    kept.append(text[cursor:])
    offsets.extend(range(cursor, len(text)))
    offsets.append(len(text))
    return "".join(kept), offsets
