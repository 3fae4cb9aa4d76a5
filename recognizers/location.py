"""Places said in lower case: "i'm travelling in vancouver", "we live at ..., seattle".

spaCy's NER finds capitalized place names; speech-to-text output is often all lower case,
and then it finds none. This recognizer takes a known place name (GeoNames cities of 100,000
people or more, countries and US states, from GeoNames: recognizers/data/) when it follows a
preposition of place ("in", "from", "near") or closes an address after a comma. Names that
are also everyday words ("nice", "reading", "split") are left to NER, which sees their case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers import wordlists
from recognizers.lexicon import is_common_english, is_typo_of_common
from recognizers.names import is_name_word
from recognizers.registry import FirstWords, register, result

# Big-city names that are everyday English words or first names more often than places.
AMBIGUOUS = STOP_WORDS | {
    "nice", "reading", "split", "mobile", "sale", "orange", "deal", "march", "mission", "independence",
    "university", "victoria", "florence", "marion", "lawrence", "jackson", "norman", "columbia", "concord",
    "surprise", "enterprise", "pueblo", "providence", "temple", "spring", "springs", "mesa", "tyler", "hamilton",
    "bristol", "lincoln", "salem", "regina", "santa", "san", "of", "sandy", "fort", "rochester", "camden",
}  # fmt: skip
_CUE = r"(?:\b(?:in|at|from|to|near|around|outside|visiting|towards?|into|of)\s+|,\s*)"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Known place names in lower case, as written ("reykjavík") and without accents
    ("reykjavik"), since speech-to-text and keyboards drop them."""
    names = wordlists.read("geonames-places")
    lowered = {n.lower() for n in names} | {without_accents(n.lower()) for n in names}
    return frozenset(n for n in lowered if n not in AMBIGUOUS and n.replace(" ", "").replace("-", "").replace("'", "").isalpha())


def without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_CUE_RE = re.compile(_CUE, re.IGNORECASE)
_CAPITALS = re.compile(r"(?<![\w'])[^\W\d_a-z]{3,}(?![\w'])")
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TRAILING = ".,;:!?\"')"


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(len(n.split()) for n in place_names())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(n.split()[0] for n in place_names())


@lru_cache(maxsize=1)
def _first_word_condition() -> FirstWords | None:
    """Every match starts with a known name's first word (as written, or before a full stop
    or comma), and that word's first run of letters stands as a word in the text."""
    letters = [_LETTERS.search(w) for w in _first_words()]
    return None if not all(letters) else FirstWords(m.group() for m in letters if m)


def _place_after(text: str, offset: int) -> tuple[int, int] | None:
    """The longest known place name starting at `offset` (up to the longest name's words)."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, offset):
        if not words:
            # The cue's whitespace is consumed: a name starts right at `offset`, and with the
            # first word of a known name (as written, or before a full stop or comma).
            first = m.group().lower()
            if m.start() != offset or (first not in _first_words() and first.rstrip(_TRAILING) not in _first_words()):
                return None
        words.append(m)
        if len(words) == _longest_name():
            break
    names = place_names()
    for k in range(len(words), 0, -1):
        end = words[k - 1].end()
        candidate = text[offset:end]
        for form in (candidate, candidate.rstrip(_TRAILING)):
            if " ".join(form.lower().split()) in names:
                return offset, offset + len(form)
    return None


@register
class PlaceNameRecognizer(LocalRecognizer):
    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="PlaceNameRecognizer")

    def load(self) -> None:
        _longest_name()
        _first_words()

    @property
    def REQUIRES(self) -> FirstWords | None:
        return _first_word_condition()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        # A cue, then the longest known name: a dictionary lookup per candidate instead of one
        # regular expression with thousands of alternatives, which was five times slower.
        results = []
        position = 0
        for cue in _CUE_RE.finditer(text):
            if cue.start() < position:
                continue
            span = _place_after(text, cue.end())
            if span is not None:
                results.append(result(self, "LOCATION", *span, 0.6, "known place name after a preposition"))
                position = span[1]
        # Written in capitals ("OULU", "SAN ANTONIO") in text that is not all capitals: NER
        # reads such words as acronyms and misses them; a known name is a place wherever it stands.
        if not text.isupper():
            for m in _CAPITALS.finditer(text):
                span = _place_after(text, m.start())
                if span is not None and text[span[0] : span[1]].isupper() and span[0] >= position:
                    results.append(result(self, "LOCATION", *span, 0.5, "known place name in capitals"))
        return results


# Where a place is said to be: a verb of being, living or travelling, then a preposition.
_PLACE_CUE = re.compile(
    r"\b(?:(?:calling|call|ringing|writing|texting|roaming|travelling|traveling|travel|moved|moving|relocated|visiting|visit|holiday|holidays"
    r"|vacation|trip|flying|flew|technician|engineer|office|store|shop|branch|born|grew\s+up|resident|headquartered|stationed|working|work|works)"
    r"\s+(?:in|from|to|near|around)"
    # "at" names a place after being somewhere, and an employer after working ("work at Acme").
    r"|(?:based|living|live|lives|lived|located|staying|stay|reside|resides|residing|arrived|landed)\s+(?:in|from|at|near|around))"
    r"\s+(?:the\s+(?:city|town|village|region|province|state|county|island|district)\s+of\s+)?",
    re.IGNORECASE,
)
# Words that open or join place names without being names themselves.
_PLACE_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "port",
        "new",
        "old",
        "upper",
        "lower",
        "great",
        "little",
        "saint",
        "st",
        "san",
        "santa",
        "sankt",
        "lake",
        "mount",
        "mt",
        "fort",
        "isla",
        "ilha",
        "cape",
        "holy",
        "city",
        "bad",
        "sur",
        "sous",
        "upon",
        "on",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "e",
        "la",
        "le",
        "les",
        "the",
        "of",
        "y",
        "i",
        "au",
        "aux",
        "am",
        "an",
        "im",
        "ob",
    ]
)
MAX_PLACE_WORDS = 4


@register
class CuedPlaceRecognizer(LocalRecognizer):
    """A place nobody listed, said where a place is said: "roaming in offagna", "I'm calling
    from Techirghiol", "the technician in skövde". After a cue of being, living or travelling
    somewhere, the words that are no everyday English words (any case, any alphabet) are the
    place, with the small words that join place names ("são tomé e príncipe")."""

    REQUIRES = FirstWords(
        "calling call ringing writing texting based roaming living live lives lived located staying stay travelling traveling travel "
        "moved moving relocated visiting visit holiday holidays vacation trip flying flew arrived landed technician engineer office "
        "store shop branch born grew resident reside resides residing headquartered stationed working work works"
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="CuedPlaceRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for cue in _PLACE_CUE.finditer(text):
            span = _unlisted_place(text, cue.end())
            if span is not None:
                results.append(result(self, "LOCATION", *span, 0.6, "a place no everyday word names, after a cue of place"))
        return results


# Words that end town names made from a person's name ("Taylor Ville", "Port Daniel" starts
# with a place word instead): with one of them, or after a place word, a census name is a place.
_PLACE_ENDINGS = frozenset(
    ["ville", "town", "city", "haven", "burg", "borough", "bury", "field", "port", "mouth", "side", "land", "ford", "ton", "stad", "dorf"]
)


def _unlisted_place(text: str, offset: int) -> tuple[int, int] | None:
    words: list[re.Match[str]] = []
    named = False
    matches = list(_PLACE_WORD.finditer(text, offset, min(len(text), offset + 120)))
    for k, m in enumerate(matches):
        if m.start() != (words[-1].end() + 1 if words else offset) and not (words and text[words[-1].end() : m.start()].strip() in ("", "-")):
            break
        w = m.group()
        lower = w.lower()
        after = matches[k + 1].group().lower() if k + 1 < len(matches) else ""
        if lower in _PLACE_WORDS:
            words.append(m)
        elif lower in STOP_WORDS:
            break
        elif not (is_common_english(w) or is_typo_of_common(w)) or lower in place_names() or lower in _first_words():
            words.append(m)
            named = True
        elif is_name_word(lower) and ((words and words[-1].group().lower() in _PLACE_WORDS) or after in _PLACE_ENDINGS):
            words.append(m)  # a town named after someone: "Port Daniel", "South Sherry", "Angela Ville"
            named = True
        elif named and lower in _PLACE_ENDINGS:
            words.append(m)
        else:
            break
        if len(words) >= MAX_PLACE_WORDS:
            break
    while words and words[-1].group().lower() in _PLACE_WORDS:
        words.pop()  # "the technician in ..." must end on a name, not on "de" or "the"
    if not named or not words:
        return None
    return words[0].start(), words[-1].end()


_PLACE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
