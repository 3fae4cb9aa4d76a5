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
from recognizers.lexicon import CALENDAR_WORDS, EMPTY_VALUE_WORDS, is_common_english, is_english_vocabulary, is_foreign_everyday, is_typo_of_common
from recognizers.names import is_name_word, opens_sentence
from recognizers.registry import AllOf, AnyOf, FirstWords, WordEndings, register, result

# Big-city names that are everyday English words or first names more often than places.
AMBIGUOUS = STOP_WORDS | {
    "nice", "reading", "split", "mobile", "sale", "orange", "deal", "march", "mission", "independence",
    "university", "victoria", "florence", "marion", "lawrence", "jackson", "norman", "columbia", "concord",
    "surprise", "enterprise", "pueblo", "providence", "temple", "spring", "springs", "mesa", "tyler", "hamilton",
    "bristol", "lincoln", "salem", "regina", "santa", "san", "of", "sandy", "fort", "rochester", "camden",
}  # fmt: skip
# A word that says a city follows may stand between the cue and the name ("in TP. Đà Nẵng",
# "to the city of Split").
_CUE = r"(?:\b(?:in|at|from|to|near|around|outside|visiting|towards?|into|of|aus|uit|från|fra|iz|din|desde|depuis|en|à)\s+|,\s*)(?:(?:tp\.?|thành\s+phố|tỉnh|the\s+city\s+of)\s+)?"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Known place names in lower case, as written ("reykjavík") and without accents
    ("reykjavik"), since speech-to-text and keyboards drop them: cities of 100,000 people or
    more, countries and US states, country names in 40 languages ("mexique", "kambodja") and as
    ISO 3166 writes them ("kyrgyz republic", "czech republic"), and
    towns of 15,000 or more whose every word is unknown to English ("erkelenz", "lidingö"; not
    "time" or "goes", towns too)."""
    names = wordlists.read("geonames-places") + wordlists.read("country-names") + wordlists.read("iso-country-names")
    towns = [t for t in wordlists.read("geonames-towns") if not any(is_english_vocabulary(w) for w in t.split())]
    return _lowered(names + tuple(towns))


def _lowered(names: tuple[str, ...]) -> frozenset[str]:
    lowered = {form for n in names for variant in _variants(n.lower()) for form in (variant, without_accents(variant))}
    return frozenset(n for n in lowered if n not in AMBIGUOUS and _BRACKETS_AND_JOINERS.sub("", n).isalpha())


# What may stand between the letters of a listed name: "cocos (keeling) islands", "guinea-bissau".
_BRACKETS_AND_JOINERS = re.compile(r"[ \-'()]")
_LISTED_WITH_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)$")
_BRACKETED_WITHIN = re.compile(r"^(?P<before>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*(?P<after>[^()\s][^()]*)$")
_LISTED_INVERTED = re.compile(r"^(?P<name>[^,]+),\s*(?P<kind>[^,]+)$")


def _variants(name: str) -> list[str]:
    """A name as lists write it and as people do: ISO 3166's "holy see (vatican city state)"
    is "holy see" and "vatican city state", its "korea, republic of" "korea" and "republic of
    korea"; "svalbard & jan mayen islands" is also "svalbard and jan mayen islands"; "cocos
    (keeling) islands" is also "cocos islands" and "cocos keeling islands"."""
    forms = [name, name.replace(" & ", " and ")]
    if m := _BRACKETED_WITHIN.match(name):
        forms += [f"{m.group('before')} {m.group('after')}", f"{m.group('before')} {m.group('inner')} {m.group('after')}"]
    if m := _LISTED_WITH_BRACKETS.match(name):
        forms += [m.group("name"), m.group("other")]
    if m := _LISTED_INVERTED.match(name):
        forms += [m.group("name"), f"{m.group('kind')} {m.group('name')}"]
    return forms


@lru_cache(maxsize=1)
def other_language_names() -> frozenset[str]:
    """The names other languages give the cities of place_names() ("københavn", "milano",
    "warszawa", "bucurești"), in lower case, where no word of one is an English word or a name of
    people: customers write their city as their language does. Many of them are given names or
    words somewhere too ("bağdat", "simi"), so they count only after a preposition of place,
    and no word reads as unknown for being one."""
    others = [n for n in wordlists.read("geonames-alternate-names") if not any(_word_elsewhere(w) for w in _LETTERS.findall(n.lower()))]
    return _lowered(tuple(others)) - place_names()


def _word_elsewhere(word: str) -> bool:
    """A word English uses (or a slip of one), or a name of people ("mila", "silet")."""
    return is_english_vocabulary(word) or is_name_word(word) or is_typo_of_common(word)


@lru_cache(maxsize=1)
def _well_known() -> frozenset[str]:
    """Countries and cities of 100,000 or more, in lower case: towns are left out, since more of
    their names are brands, names and typos ("Nokia", "Olimpia", "reda")."""
    names = wordlists.read("geonames-places") + wordlists.read("country-names") + wordlists.read("iso-country-names")
    return frozenset(form for n in names for form in (n.lower(), without_accents(n.lower())))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    names = wordlists.read("country-names") + wordlists.read("iso-country-names")
    return frozenset(form for n in names for form in (n.lower(), without_accents(n.lower())))


def is_country(name: str) -> bool:
    """Whether `name` (any case) is a country's or territory's name in one of 40 languages."""
    return " ".join(name.lower().split()) in _countries()


def is_well_known_place(name: str) -> bool:
    return " ".join(name.lower().split()) in _well_known()


def is_known_place(name: str) -> bool:
    """Whether `name` (any case, accents or not) is a place of the lists in any language: for
    words whose bounds the text already gives (a record's cell, brackets, a Vietnamese run),
    where the question is only what they are."""
    lower = _CITY_WORDS.sub("", " ".join(name.lower().split()), count=1)
    plain = without_accents(lower)
    return any(form in place_names() or form in other_language_names() or form in _well_known() for form in (lower, plain))


# The words that say a city's name follows ("thành phố Hà Nội", "TP. Cần Thơ", "city of Split").
_CITY_WORDS = re.compile(r"^(?:tp\.?|thành phố|tỉnh|(?:the )?city of) ")


def _stands_for_itself(name: str) -> bool:
    """Whether a known place name needs no cue: a well-known place, no word of which is English,
    a person's name or a typo of an everyday word ("Bhubaneswar", "Paraguay"; not "Richardson")."""
    lower = " ".join(name.lower().split()).rstrip(_TRAILING)
    if lower not in _well_known():
        return False
    words = [w for w in _LETTERS.findall(lower) if w not in _NAME_JOINERS]
    distinct = [w for w in words if not (is_english_vocabulary(w) or is_name_word(w) or is_typo_of_common(w))]
    if len(words) > 1:
        # Several words that make a known name together are rarely a sentence's by chance
        # ("trinidad og tobago", "isole turks e caicos", "new zealand"): half of them that
        # nothing else uses is enough. A country's name of words of three letters or more is
        # one whatever words it is made of ("united states of america", "heard island and
        # mcdonald islands", "cocos (keeling) islands"); not "an do" or "ba lan" (India and
        # Poland in Vietnamese without its accents).
        return 2 * len(distinct) >= len(words) or (all(len(w) >= 3 for w in words) and is_country(lower))
    return len(distinct) == len(words)


# The words that join the parts of a place's name in the languages customers write.
_NAME_JOINERS = frozenset(["and", "og", "och", "und", "e", "y", "i", "a", "et", "en", "és", "ve", "và", "și", "ja", "dan", "u", "na", "eta", "ir", "of", "the"])


# Letters Unicode does not decompose into a base letter and an accent, and that keyboards
# without them write as these: "Łódź" typed "lodz", "København" "kobenhavn", "Đà Nẵng" "da nang".
_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d", "ħ": "h", "ı": "i"})


def without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


_CUE_RE = re.compile(_CUE, re.IGNORECASE)
# Latin letters with accents (Latin-1, Latin Extended-A and -B, Vietnamese's Extended Additional).
_ACCENTED_LATIN = r"[À-ÖØ-öø-ɏḀ-ỿ]"
_CAPITALS = re.compile(r"(?<![\w'])[^\W\d_a-z]{3,}(?![\w'])")
# A word starts after any opening bracket or quote ("[uganda]", "(Kenya)", "«Lyon»").
_WORD = re.compile(r"[^\s\"'(\[«“]\S*")
_LETTERS = re.compile(r"[^\W\d_]+")
_TRAILING = ".,;:!?\"')]»”"


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(len(n.split()) for n in place_names() | other_language_names())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(n.split()[0] for n in place_names())


@lru_cache(maxsize=1)
def _other_first_words() -> frozenset[str]:
    """The first words of other_language_names(), kept apart: another language's name of a city
    opens no run of unlisted words ("München hat ..."), and texts that have one of these words
    only are spared the place recognizer's full pass."""
    return frozenset(n.split()[0] for n in other_language_names())


@lru_cache(maxsize=1)
def _first_word_condition() -> AnyOf | None:
    """Every match starts with a known name's first word (as written, or before a full stop
    or comma), and that word's first run of letters stands as a word in the text; or the text
    has accented Latin letters, which the name may be known without ("Đà Nẵng" as "da nang")."""
    letters = [_LETTERS.search(w) for w in _first_words()]
    return None if not all(letters) else AnyOf(FirstWords(m.group() for m in letters if m), _ACCENTED_LATIN)


def _place_after(text: str, offset: int, other_languages: bool = False) -> tuple[int, int] | None:
    """The longest known place name starting at `offset` (up to the longest name's words), and
    with `other_languages` a name other languages give a city too."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, offset):
        if not words:
            # The cue's whitespace is consumed: a name starts right at `offset`, and with the
            # first word of a known name (as written, or before a full stop or comma).
            first = m.group().lower()
            forms = (first, first.rstrip(_TRAILING), without_accents(first).rstrip(_TRAILING))
            if m.start() != offset or not any(f in _first_words() or (other_languages and f in _other_first_words()) for f in forms):
                return None
        words.append(m)
        if len(words) == _longest_name():
            break
    names = place_names()
    others = other_language_names() if other_languages else frozenset()
    for k in range(len(words), 0, -1):
        end = words[k - 1].end()
        candidate = text[offset:end]
        for form in (candidate, candidate.rstrip(_TRAILING)):
            key = " ".join(form.lower().split())
            plain = key if key.isascii() else without_accents(key)
            if key in names or plain in names or key in others or plain in others:
                return offset, offset + len(form)
    return None


_THE = re.compile(r"the\s+", re.IGNORECASE)


def _place_after_the(text: str, offset: int) -> tuple[int, int] | None:
    """A known name after "the" ("to the central african republic", "in the cayman islands"):
    lists write such names without it, and "the gambia" with it, so both are tried."""
    the = _THE.match(text, offset)
    return _place_after(text, the.end()) if the else None


@register
class PlaceNameRecognizer(LocalRecognizer):
    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="PlaceNameRecognizer")

    def load(self) -> None:
        _longest_name()
        _first_words()

    @property
    def REQUIRES(self) -> AnyOf | None:
        return _first_word_condition()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        # A cue, then the longest known name: a dictionary lookup per candidate instead of one
        # regular expression with thousands of alternatives, which was five times slower.
        results = []
        position = 0
        for cue in _CUE_RE.finditer(text):
            if cue.start() < position:
                continue
            span = _place_after(text, cue.end()) or _place_after_the(text, cue.end())
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
                    position = span[1]
        # A known name none of whose words English uses is a place wherever it stands, in any
        # case ("bhubaneswar office", "Paraguay office escalated", "of USBEQUISTÃO"): no cue is
        # needed where the name can be nothing else.
        for m in _WORD.finditer(text):
            if m.start() < position or (m.start() > 0 and not text[m.start() - 1].isspace() and text[m.start() - 1] not in "\"'([«“"):
                continue
            span = _place_after(text, m.start())
            if span is not None and _stands_for_itself(text[span[0] : span[1]]):
                results.append(result(self, "LOCATION", *span, 0.5, "known place name that is no English word"))
                position = span[1]
        return results


@register
class OtherLanguagePlaceRecognizer(LocalRecognizer):
    """A city as another language writes it ("we moved to København", "calling from münchen",
    "Via Roma 42, Milano") after a preposition of place, or after a comma where no word comes
    before it ("Dobre, Simi" is a name written surname first). Apart from PlaceNameRecognizer so
    that its many first words cost only a pass over the cues."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="OtherLanguagePlaceRecognizer")

    def load(self) -> None:
        _other_first_words()

    @property
    def REQUIRES(self) -> AllOf:
        return _other_first_word_condition()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        position = 0
        for cue in _CUE_RE.finditer(text):
            if cue.start() < position or (cue.group().startswith(",") and cue.start() and text[cue.start() - 1].isalpha()):
                continue
            span = _place_after(text, cue.end(), other_languages=True)
            if span is not None:
                results.append(result(self, "LOCATION", *span, 0.6, "a city as another language writes it, after a preposition"))
                position = span[1]
        return results


@lru_cache(maxsize=1)
def _other_first_word_condition() -> AllOf:
    letters = [m.group() for w in _other_first_words() if (m := _LETTERS.search(w)) is not None]
    return AllOf(_CUE_RE, AnyOf(FirstWords(letters), _ACCENTED_LATIN))


# Where a place is said to be: a verb of being, living or travelling, then a preposition.
_PLACE_CUE = re.compile(
    r"\b(?:(?:calling|call|called|calls|ringing|rang|rings|phoned|phones|phoning|wrote|writes|emailed|texted|texts|writing|texting|roaming|travelling|traveling|travel|moved|moving|relocated|visiting|visit|holiday|holidays"
    r"|vacation|trip|flying|flew|technician|engineer|office|store|shop|branch|grew\s+up|resident|headquartered|stationed|working|work|works"
    # Where the network fails: "re: outage in modelu", "no coverage near ...".
    r"|outage|outages|coverage|reception|signal|mast)"
    r"\s+(?:in|from|to|near|around)"
    # "born in", and "born 24-04-1994 in", "born on 3 March 1961 in": the date between is the
    # date of birth, the place after it the place of birth.
    r"|born(?:\s+on)?(?:,?\s+[\w./-]*\d[\w./-]*|\s+in\s+\d{4}|\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?){0,3},?\s+(?:in|at)"
    # "at" names a place after being somewhere, and an employer after working ("work at Acme").
    r"|(?:based|living|live|lives|lived|located|staying|stay|reside|resides|residing|arrived|landed)\s+(?:in|from|at|near|around)"
    # "my mum naja is in bindslev": where someone is.
    r"|(?:is|are|was|were|am|'m|’m)\s+(?:now\s+|currently\s+|still\s+)?in"
    # "travelling between Kimberleyborough and Ellisshire": the place after "and" is joined_place's.
    r"|between"
    # "lost phone reported near sangeorgiu de mures": "near" says a place follows on its own.
    r"|near)"
    r"\s+(?:the\s+(?:city|town|village|region|province|state|county|island|district)\s+of\s+)?",
    re.IGNORECASE,
)
# The place words that open a town's name and make what follows one ("New Gestur", "East Jaki").
_QUALIFIERS = frozenset(
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
    ]
)
# Words that open or join place names without being names themselves: the qualifiers, the
# words of Vietnamese for a city or province, and the small words inside names.
_PLACE_WORDS = _QUALIFIERS | frozenset(
    # Vietnamese: city, province, district ("tp hải phòng", "thành phố đà nẵng").
    [
        "tp",
        "tp.",
        "thành",
        "phố",
        "tỉnh",
        "quận",
        "huyện",
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
# And those that may open one with a person's name after it ("Port Daniel", "La Rochelle"); not
# "the" or "of" ("page 3 of the bill").
_TOWN_OPENERS = _QUALIFIERS | {"la", "le", "les", "bad", "holy"}


# A form's place field: "Country: Saint Kitts y Nevis", "CITY: VAASA", "Place of birth: Man,
# Isle of". The label says what the value is, up to the field's end: a separator, the end of
# the line, or the next field's label.
_PLACE_FIELD = re.compile(
    r"(?<![\w-])(?P<label>(?i:country(?:[ \t]+of[ \t]+(?:residence|birth))?|city|town|village|hometown|birthplace|place[ \t]+of[ \t]+birth|state|province|region|county))"
    r"[ \t]*[:=][ \t]*(?P<value>[^\W\d_][^\n|;\t]{0,79}?)(?=[ \t]*(?:$|[|;\t]|[ \t][-–—/][ \t]|,[ \t]*[^\W\d_][\w \t]{0,20}:))",
    re.MULTILINE,
)
# Labels that head a status as often as a place ("State: active", "Region: North"): only a known place.
_STATUS_LABELS = frozenset(["state", "province", "region", "county"])
_BRACKETS = re.compile(r"\([^()]*\)")


@register
class PlaceFieldRecognizer(LocalRecognizer):
    """The value of a place's field in text ("Country: Palestina", "City: Duga Resa"): a known
    place (written "Man, Isle of" too), words no everyday English is, or, in text that
    capitalizes, capitalized words ("Country: Indian Ocean"); not what a field holds when
    nothing is filled in ("City: unknown")."""

    REQUIRES = FirstWords("country city town village hometown birthplace place state province region county")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="PlaceFieldRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        cased = not text.isupper() and not text.islower()
        for m in _PLACE_FIELD.finditer(text):
            if _names_a_place(m.group("value"), m.group("label").split()[0].lower(), cased):
                found.append(result(self, "LOCATION", m.start("value"), m.end("value"), 0.6, "the value of a place's field"))
        return found


def _names_a_place(value: str, label: str, cased: bool) -> bool:
    head = _BRACKETS.sub(" ", value).strip(" ,")
    if any(ch.isdigit() for ch in head):
        return False
    before, comma, after = head.partition(",")
    if any(is_known_place(name) for name in (value, head, f"{after} {before}" if comma else head)):
        return True
    if label in _STATUS_LABELS:
        return False
    words = [w for w in _LETTERS.findall(head) if w.lower() not in STOP_WORDS]
    if not words or len(words) > 6 or head.lower() in EMPTY_VALUE_WORDS or any(w.lower() in EMPTY_VALUE_WORDS for w in words) or all(len(w) < 3 for w in words):
        return False
    if not any(is_common_english(w) or is_typo_of_common(w) for w in words):
        return True  # "Palestina", "Duga Resa"
    # Little words in lower case join the capitalized ones: "Saint Kitts y Nevis", "Bosnien og Hercegovina".
    return cased and all(w[:1].isupper() or len(w) <= 3 for w in words) and any(w[:1].isupper() for w in words)


@register
class CuedPlaceRecognizer(LocalRecognizer):
    """A place nobody listed, said where a place is said: "roaming in offagna", "I'm calling
    from Techirghiol", "the technician in skövde". After a cue of being, living or travelling
    somewhere, the words that are no everyday English words (any case, any alphabet) are the
    place, with the small words that join place names ("são tomé e príncipe")."""

    REQUIRES = FirstWords(
        "calling call called calls ringing rang rings phoned phones phoning wrote writes emailed texted texts writing texting based roaming living live lives lived located staying stay travelling traveling travel "
        "moved moving relocated visiting visit holiday holidays vacation trip flying flew arrived landed technician engineer office "
        "store shop branch born grew resident reside resides residing headquartered stationed working work works in of between depot exchange near"
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="CuedPlaceRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for cue in _PLACE_CUE.finditer(text):
            # After a verb of living or moving somewhere, a word one letter-swap from an English
            # word is the place still ("moved to ried", not "ride"): no English sentence says it.
            moving = cue.group().split()[0].lower() in _MOVING_VERBS
            span = _unlisted_place(text, cue.end(), typos=moving)
            if span is not None:
                results.append(result(self, "LOCATION", *span, 0.6, "a place no everyday word names, after a cue of place"))
                # "moved from belgium to moen": where one went from a place is a place too.
                to = _FROM_TO.match(text, span[1]) if cue.group().rstrip().lower().endswith("from") else None
                after = _unlisted_place(text, to.end(), typos=moving) if to is not None else None
                if after is not None:
                    results.append(result(self, "LOCATION", *after, 0.6, "a place where one went from a place"))
        # "Lidingö office escalated", "our tamásikövesd branch": a place names the office.
        for office in _OFFICE.finditer(text):
            # Looked for backwards from the word, within a bounded window: linear in the text.
            low = max(0, office.start() - OFFICE_WINDOW)
            m = _BEFORE_OFFICE.search(text, low, office.start())
            span = _place_naming_an_office(text, m) if m is not None else None
            if span is not None:
                results.append(result(self, "LOCATION", *span, 0.5, "a place before office or branch"))
        if not text.isupper():
            lower_words = None
            for m in _WHERE_CUE.finditer(text):
                if m.group("name").lower() in _cities_of_everyday_names():
                    results.append(result(self, "LOCATION", *m.span("name"), 0.6, "a city named by an everyday word, capitalized where a place is said"))
                elif m.group().lower().startswith("near") and m.group("name").lower() not in _NOT_PLACES_NEAR:
                    # "lost phone reported by Eva near Made": after "near", in text that writes in
                    # lower case, a capital makes any word a place's name.
                    lower_words = len(_LOWER_WORD.findall(text)) if lower_words is None else lower_words
                    # A brand before its noun is no place: "near Netflix levels of buffering".
                    following = _NEXT_WORD.match(text, m.end())
                    ends = following is None or following.group(1).lower() in STOP_WORDS or following.group(1).lower() in _TIME_WORDS
                    if lower_words >= 3 and ends:
                        results.append(result(self, "LOCATION", *m.span("name"), 0.5, "a capitalized word after near in cased text"))
        # "born 12.03.1961 in Steinarborg", "Christina of Rebeccachester": after a bare "in" or
        # "of", a town's shape is needed as well (a place word or a town ending), since brands
        # and products follow these words too ("in Netflix", "of Huawei").
        for cue in _WEAK_PLACE_CUE.finditer(text):
            span = _unlisted_place(text, cue.end())
            if span is None:
                continue
            if _shaped_like_a_town(text[span[0] : span[1]]):
                results.append(result(self, "LOCATION", *span, 0.5, "a town's name after in or of"))
            elif cue.group(1).lower() == "of" and _after_a_name(text, cue.start()):
                # "dora of odobesti", "Bas of Esbeek": a person of somewhere, as English says it.
                results.append(result(self, "LOCATION", *span, 0.5, "a place after a person's name and of"))
        return results


_WEAK_PLACE_CUE = re.compile(r"\b(in|of)\s+", re.IGNORECASE)
# Where someone or something is, and nothing else: after these, a capitalized city whose name is
# an everyday word too is the city ("lost phone near Split", "roaming in Nice"); in cased text
# only, where the capital is the writer's.
_WHERE_CUE = re.compile(
    r"\b(?i:near|(?:roaming|travell?ing|travell?ed|lives|living|lived|based|located|staying|stayed|moved|moving|relocated|born|holiday|holidays|vacation)\s+(?:in|to|near|at)"
    r"|visiting)\s+(?P<name>[A-Z][a-z]+)(?![\w'’-])"
)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_TIME_WORDS = frozenset(["yesterday", "today", "tonight", "tomorrow", "earlier", "later", "again", "twice", "recently"])
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}\b")
# What a capital after "near" names that is no place: a time, a person, a word written so.
_NOT_PLACES_NEAR = (
    frozenset(
        [
            "me",
            "my",
            "mine",
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "here",
            "there",
            "you",
            "your",
            "our",
            "his",
            "her",
            "their",
            "it",
            "its",
            "him",
            "them",
            "us",
            "we",
            "they",
            "i",
            "everything",
            "anything",
            "nothing",
            "something",
            "everywhere",
            "anywhere",
            "home",
            "work",
            "christmas",
            "easter",
            "midnight",
            "noon",
        ]
    )
    | CALENDAR_WORDS
)


@lru_cache(maxsize=1)
def _cities_of_everyday_names() -> frozenset[str]:
    """The cities of place_names() that AMBIGUOUS takes out ("nice", "split", "reading")."""
    return frozenset(n.lower() for n in wordlists.read("geonames-places")) & AMBIGUOUS - STOP_WORDS


_OFFICE = re.compile(r"(?<=\s)(?i:office|branch|depot|exchange)\b")
_BEFORE_OFFICE = re.compile(r"(?<![\w'’.-])(?P<place>[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,4})\s+$")
OFFICE_WINDOW = 60


def _place_naming_an_office(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The place in "<place> office": a known place (towns too), or words no list knows
    (no English word, no name): "Lidingö office", "tamásikövesd branch"; not "the head office",
    "the Smith office" or "our Vodafone branch"."""
    words = m.group("place").split()
    # The longest ending of the words that is a place: "the Lidingö office" -> "Lidingö".
    for k in range(len(words)):
        tail = words[k:]
        name = " ".join(tail).lower()
        start = m.end("place") - len(" ".join(tail))
        if text[start : m.end("place")] != " ".join(tail):
            continue
        if is_known_place(name):
            return start, m.end("place")
        if all(not (is_common_english(w) or is_typo_of_common(w) or is_name_word(w) or w.lower() in STOP_WORDS or is_foreign_everyday(w)) for w in tail):
            return start, m.end("place")
    # Opening the sentence, the words before "office" name it whatever else they are, but for
    # English ones ("Maia office escalated", "Duga Resa office ...", "RIOS OFFICE ..."; not
    # "Sales office", "Head office").
    if opens_sentence(text, m.start("place")) and all(not (is_common_english(w) or w.lower() in STOP_WORDS) for w in words):
        return m.span("place")
    return None


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


def _after_a_name(text: str, offset: int) -> bool:
    """Whether the word before `offset` is a given name or surname of the lists and no everyday
    English word ("the price of Huawei": Price is a surname too)."""
    before = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    return before is not None and is_name_word(before.group(1)) and not is_common_english(before.group(1))


_TOWN_ENDING = re.compile(
    r"(?:ville|town|ton|burg|borough|bury|berg|field|ford|haven|mouth|chester|caster|stadt|stad|dorf|heim|hausen|borg|by|vik|sund|holm|dal|ovo|evo|ice|ec|ów|no|ino|ano|ia|ești|eni|polis|grad|abad|pur|pura)$",
    re.IGNORECASE,
)


def _shaped_like_a_town(name: str) -> bool:
    words = name.split()
    return (len(words) > 1 and words[0].lower() in _TOWN_OPENERS) or bool(_TOWN_ENDING.search(words[-1]))


# Words that end town names made from a person's name ("Taylor Ville", "Port Daniel" starts
# with a place word instead): with one of them, or after a place word, a census name is a place.
_PLACE_ENDINGS = frozenset(
    ["ville", "town", "city", "haven", "burg", "borough", "bury", "field", "port", "mouth", "side", "land", "ford", "ton", "stad", "dorf"]
)


# The abbreviations of chat no dictionary holds, which end a place: "outage in modelu asap".
_CHAT_WORDS = frozenset(["asap", "pls", "plz", "thx", "tks", "ty", "fyi", "btw", "tmrw", "tmr", "eod", "cob", "rn", "atm", "imo", "lol"])


# The verbs after which only a place can follow "to", "in" or "from".
_MOVING_VERBS = frozenset(
    [
        "moved",
        "moving",
        "relocated",
        "roaming",
        "travelling",
        "traveling",
        "travel",
        "flying",
        "flew",
        "living",
        "live",
        "lives",
        "lived",
        "based",
        "born",
        "grew",
        "resident",
        "reside",
        "resides",
        "residing",
        "staying",
        "stay",
    ]
)
_FROM_TO = re.compile(r"\s+to\s+", re.IGNORECASE)


def _unlisted_place(text: str, offset: int, typos: bool = False) -> tuple[int, int] | None:
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
        elif lower not in STOP_WORDS and words and words[-1].group().lower() in _QUALIFIERS and not is_common_english(w):
            # A word a typo or another language could be, made a name by the English word
            # before it: "NEW GESTUR", "East Jaki".
            words.append(m)
            named = True
        elif lower in STOP_WORDS or lower in _CHAT_WORDS or (words and is_foreign_everyday(lower)):
            break  # "Novaes quer cancelar": the sentence goes on in its language
        elif not (is_common_english(w) or (not typos and is_typo_of_common(w))) or lower in place_names() or lower in _first_words():
            words.append(m)
            named = True
        elif all(is_name_word(part) for part in lower.split("-")) and ((words and words[-1].group().lower() in _TOWN_OPENERS) or after in _PLACE_ENDINGS):
            # A town named after someone: "Port Daniel", "South Sherry", "Angela Ville",
            # "LISA-MARIE VILLE".
            words.append(m)
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
_AND = re.compile(r",?\s+(?:and|or|&|to)\s+", re.IGNORECASE)


def joined_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The place joined by "and" (or "or", "to") to a place found at text[start:end]:
    "between brovst and næstved", "from Kimberleyborough to Ellisshire", "south africa and grace
    ville". A known place, or words no everyday English word is (with the words that join
    place names), as after a cue of place."""
    after = _AND.match(text, end)
    if after is None:
        return None
    first = _PLACE_WORD.match(text, after.end())
    if first is None or first.group().lower() in STOP_WORDS:
        return None  # "calling from Paris and the line is bad"
    return _place_after(text, after.end()) or _unlisted_place(text, after.end()) or _other_end(text, start, after.end())


# "BETWEEN PORTO AND SOUTHERN OCEAN, ...": after "between <place> and", the words to the clause's
# end are the other end, English words or not (place_between reads the pair the other way).
_BETWEEN_JUST_BEFORE = re.compile(r"(?<![\w'’-])(?i:between)\s+$")
_END_OF_PAIR = re.compile(r"(?P<place>[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,2})(?=[ \t]*(?:$|[,.;:!?)(\n]))")


def _other_end(text: str, start: int, at: int) -> tuple[int, int] | None:
    if _BETWEEN_JUST_BEFORE.search(text, max(0, start - 12), start) is None:
        return None
    m = _END_OF_PAIR.match(text, at)
    if m is None:
        return None
    place = m.group("place").rstrip(".")
    words = place.lower().replace("-", " ").split()
    if not words or words[0] in STOP_WORDS or any(w in _NOT_ENDS for w in words):
        return None
    return m.start("place"), m.start("place") + len(place)


# "TRAVELLING BETWEEN VULCAN AND INDIA": the other end of a "between" whose second end is the
# place found; read back from it. The pair says what the first is, an English word or not.
_BETWEEN_BEFORE = re.compile(r"(?<![\w'’-])(?i:between)\s+(?P<place>[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,2})\s+(?i:and|&)\s+$")
_NOT_ENDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "calls", "jobs", "meals", "shifts"])


def place_between(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The place before "and" when a place found at text[start:end] ends a "between" pair."""
    m = _BETWEEN_BEFORE.search(text, max(0, start - 60), start)
    if m is None or m.end() != start:
        return None
    words = m.group("place").lower().replace("-", " ").split()
    if words[0] in STOP_WORDS or any(w in _NOT_ENDS for w in words):
        return None
    return m.span("place")


# Up to six words: "(United States Minor Outlying Islands)".
_BRACKETED = re.compile(r"\s*\(\s*(?P<words>[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,5})\s*\)")
_BRACKETED_WITH_ALIAS = re.compile(
    r"\s*\(\s*(?P<words>(?P<head>[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,5})\s*\(\s*[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,5}\s*\))\s*\)"
)
# "from" in the languages customers write: "Frau Alma Pechel aus Gardelegen", "Mevrouw Helena
# Meyer uit Vledder", "Pani Ewa z Radomia", "Mme Agathe de Lyon".
# After a date of birth, its bracket closes first: "Sten Lund (DOB: 28 February 1987) from Jerslev".
_FROM = re.compile(r"\)?,?\s+(?i:from|aus|uit|fra|från|z|ze|iz|din|de|di|da|of)\s+")


def place_in_brackets(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The place in brackets right after a person's name or an address: "Emergency contact:
    Olegario (Suecia)", "outage near Rymarksgade 431 (POLEN)". A known place, or words none of
    which everyday English uses ("(Karise)", "(new gillianton)"); "(mother)", "(his wife)" and
    "(home)" stay. Places in brackets one after another are one span: "hranice (okres cheb)
    (nechanice)", the district and then the town."""
    span = _one_place_in_brackets(text, end)
    while span is not None and (more := _one_place_in_brackets(text, text.find(")", span[1]) + 1)) is not None:
        span = span[0], more[1]
    return span


def _one_place_in_brackets(text: str, end: int) -> tuple[int, int] | None:
    m = _BRACKETED.match(text, end)
    if m is None:
        # A place and its other name, in brackets inside the brackets: "(holy see (vatican city
        # state))", "(Slovakia (Slovak Republic))", "(PIPERA (VOLUNTARI))".
        m = _BRACKETED_WITH_ALIAS.match(text, end)
        return m.span("words") if m is not None and _bracketed_place(m.group("head")) else None
    return m.span("words") if _bracketed_place(m.group("words")) else None


def _bracketed_place(words: str) -> bool:
    """Whether the words in brackets after a name or an address are a place."""
    if is_known_place(words):
        return True
    # Everyday words stay ("(mother)", "(his wife)", "(home)"); a rarer one is a place, or else
    # a name of the person's own (a maiden name, a nickname): "Véronique (Navarro)".
    # A plural of an everyday word is one too ("(joint account holders)").
    letters = _LETTERS.findall(words)
    # "(New Adam)", "(Port Kyle)": a word of places, then a capitalized name, is a place.
    if (
        len(letters) >= 2
        and letters[0].lower() in PLACE_QUALIFIERS
        and all(w[:1].isupper() for w in letters)
        and all(is_name_word(w) or not is_common_english(w) for w in letters[1:])
    ):
        return True
    # A slip of the keyboard is written in lower case ("(hmoe)"); "(Moen)" is a name.
    if all(
        w.lower() in STOP_WORDS or is_common_english(w) or is_common_english(w.rstrip("sS")) or (is_typo_of_common(w) and not w[:1].isupper()) for w in letters
    ):
        return False
    # A place begins and ends on its name or a word of places ("(new gillianton)"), or begins on
    # a particle of place names ("(De Weere)", "(La Spezia)"); "(recipient Maja Berg unknown)"
    # says something about someone.
    opens_with_particle = len(letters) > 1 and letters[0][:1].isupper() and letters[0].lower() in _PLACE_PARTICLES
    return not any(is_common_english(w) and w.lower() not in PLACE_QUALIFIERS for w in (letters[0], letters[-1])[opens_with_particle:])


_PLACE_PARTICLES = frozenset(["de", "la", "le", "les", "el", "los", "las", "den", "het", "l'", "al", "san", "sankt", "st"])
PLACE_QUALIFIERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "new",
        "port",
        "lake",
        "mount",
        "fort",
        "saint",
        "st",
        "san",
        "santa",
        "upper",
        "lower",
        "great",
        "little",
        "old",
        "bad",
        "city",
        "beach",
        "bay",
        "heights",
        "falls",
        "springs",
        "hills",
    ]
)


def place_after_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The place a person is from, right after the person's name: "Eric Christiansen from Egå",
    "edvardsen ellen from brekke". A known place, or words no everyday English word is, as
    after a cue of place; "Anna from billing" and "Jan from Vodafone" stay."""
    m = _FROM.match(text, end)
    if m is None:
        # "Vít & Ferdinand Janda (joint account), Kravaře": a record's names, then the town
        # after a comma, ending the line.
        if (listed := _COMMA_AFTER_NAMES.match(text, end)) is not None:
            span = _place_after(text, listed.end()) or _unlisted_place(text, listed.end())
            if span is not None and _LINE_ENDS.match(text, span[1]):
                return span
        # "emergency contact huy mai phạm oman": a well-known place right after the name, ending
        # the clause (brackets lost to speech-to-text).
        m = _PLACE_ENDING_CLAUSE.match(text, end)
        return m.span("place") if m is not None and is_well_known_place(m.group("place")) else None
    return _place_after(text, m.end(), other_languages=True) or _unlisted_place(text, m.end())


def place_after_birth_date(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The place someone is from after the date of birth that follows the name, as after the
    name itself: "Customer Sten Lund (DOB: 28 February 1987) from Jerslev called twice"."""
    m = _FROM.match(text, end)
    return None if m is None else _place_after(text, m.end(), other_languages=True) or _unlisted_place(text, m.end())


_COMMA_AFTER_NAMES = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*,[ \t]*")
_LINE_ENDS = re.compile(r"[ \t]*(?:$|\n|[.;|])", re.MULTILINE)


def place_after_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The town after a street address, without the comma speech-to-text leaves out: "near
    horní stromky 1 paskov", "studio 25 sutton mountains gemmaview". Words no everyday English
    word is (or a known place), ending the clause."""
    if end >= len(text) or not text[end].isspace():
        return None
    span = _place_after(text, end + 1) or _unlisted_place(text, end + 1)
    if span is None or not _CLAUSE_ENDS.match(text, span[1]):
        return None
    return span


# The words that make a place's name with it, before ("Port Moresby", "South Shields", "Lake
# Placid", "Bad Ischl", "São Paulo") or after ("Brøndby Strand", "Atlantic City", "Mühldorf am
# Inn", "Newcastle upon Tyne", "Boulogne-sur-Mer"): a place found without them leaves them
# to say where it is. Redacting such a word where it was no part of the name costs one word.
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:north|south|east|west|northeast|northwest|southeast|southwest|port|lake|mount|mt|new|fort|saint|st|ste|san|santa|são|sankt|bad|upper|lower|great|little|greater|old|tp|thành\s+phố)\.?[ \t]+$"
)
_QUALIFIER_AFTER = re.compile(
    r"[ \t]+(?:(?i:strand|ville|town|city|beach|bay|heights|falls|springs|hills|harbou?r|haven|virgin[ \t]+islands|island|islands|county|park)(?![\w'’-])"
    r"|(?P<particle>(?i:am|an\s+der|upon|on|sur|sous|del|de\s+la|do|da|nad|pod))[ \t]+(?P<river>[^\W\d_][\w'’-]*))"
)
# Particles no English sentence uses: the river after them needs no capital ("NOVÉ MĚSTO NAD
# METUJÍ", "Châlons sur marne"), only to be no everyday word.
_RIVER_PARTICLES = frozenset(["nad", "pod", "sur", "sous", "an der"])


def place_qualifier(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The word before a place found that is part of its name ("port [kyle]", "EAST [SAFINAZ]")."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 14), start)
    return (m.start(), m.start() + len(m.group().rstrip(" \t"))) if m is not None else None


def place_suffix(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after a place found that are part of its name ("[brøndby] strand", "[Mühldorf]
    am Inn"; "[Kendal] upon Tyne"): a following word, or a particle and a name (capitalized, or
    ending the clause in lower-case text)."""
    m = _QUALIFIER_AFTER.match(text, end)
    if m is None:
        return None
    river = m.group("river")
    if river is not None and " ".join(m.group("particle").lower().split()) in _RIVER_PARTICLES and not is_common_english(river):
        return m.start() + len(m.group()) - len(m.group().lstrip(" \t")), m.end()
    # In text all in capitals a capital says nothing: "ELINE ON REQUEST" is no river.
    if river is not None and not ((river[:1].isupper() and not text.isupper()) or (_CLAUSE_ENDS.match(text, m.end()) and not is_common_english(river))):
        return None  # "calling from Leeds on monday about ...", "went to paris on holiday"
    return m.start() + len(m.group()) - len(m.group().lstrip(" \t")), m.end()


# A province or state code after an address: "Starza Vecchia (NA)", "Teixeira / SE".
_REGION_CODE = re.compile(r"\s*(?:\(\s*(?P<bracketed>[A-Z]{2})\s*\)|/\s*(?P<slashed>[A-Z]{2})(?![\w/]))")


def region_code_after_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The two capitals of a province or state after an address, in brackets or after a slash,
    as Italy and Brazil write them: part of where someone lives."""
    m = _REGION_CODE.match(text, end)
    if m is None:
        return None
    return m.span("bracketed") if m.group("bracketed") else m.span("slashed")


_CLAUSE_ENDS = re.compile(r"\s*(?:$|[,;.!?)\n])")
_PLACE_ENDING_CLAUSE = re.compile(r"\s+(?P<place>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}?)\s*(?=$|[,;.!?)\n])")


# How towns are named after people, in one word, in English and the languages next to it:
# "Jessicahaven", "Perrychester", "Williamsburg", "Jacksonville", "Ritahavn", "Sezginburgh".
_TOWN_SUFFIXES = (
    "town", "ton", "ville", "land", "berg", "burg", "burgh", "borough", "bury", "view", "port", "mouth",
    "stad", "stadt", "furt", "chester", "caster", "fort", "haven", "havn", "hamn", "side", "shire", "field",
    "ford", "dorf", "hausen", "heim", "bourg", "holm", "vik", "dal", "sund", "strand",
)  # fmt: skip
_TOWN_AFTER_A_NAME = re.compile(r"(?<![\w'’-])[^\W\d_]{3,}(?i:" + "|".join(sorted(_TOWN_SUFFIXES, key=len, reverse=True)) + r")(?![\w'’-])")
MIN_STEM = 3


def _named_after_someone(word: str) -> bool:
    """A word that is a person's name and a town ending, and no word of its own: a town no
    list can hold, since such names are made wherever towns are founded ("Lauraborough")."""
    lower = word.lower()
    if is_name_word(lower) or is_english_vocabulary(lower) or is_foreign_everyday(lower):
        return False  # "Carlton" is a name; "sandal", "hillside", "marathon" are words
    for suffix in _TOWN_SUFFIXES:
        stem = lower.removesuffix(suffix)
        if stem != lower and len(stem) >= MIN_STEM and is_name_word(stem):
            return True
    return False


@register
class TownNamedAfterSomeoneRecognizer(LocalRecognizer):
    """A town named after a person, anywhere in the text and in any case ("Diazland",
    "CYNTHIATOWN", "north cliffordchester" with its qualifier as a follower adds it)."""

    REQUIRES = WordEndings(_TOWN_SUFFIXES)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="TownNamedAfterSomeoneRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        return [
            result(self, "LOCATION", m.start(), m.end(), 0.5, "a person's name and a town ending")
            for m in _TOWN_AFTER_A_NAME.finditer(text)
            if _named_after_someone(m.group())
        ]


# "thành phố hà nội", "Tỉnh Đồng Nai", "THÀNH PHỐ HỒ CHÍ MINH": Vietnamese says "city" or
# "province" before the name, in any case; the words after it are the name while they are
# syllables English does not write (or carry Vietnamese accents).
_VIETNAMESE_UNIT = re.compile(r"(?<![\w'’])(?i:thành[ \t]+phố|tỉnh)[ \t]+(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})")
_VIETNAMESE_ACCENT = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323\u1ea0-\u1ef9àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


@register
class VietnameseCityRecognizer(LocalRecognizer):
    """A Vietnamese city or province after its word, in any case ("thành phố hà nội")."""

    REQUIRES = FirstWords("thành tỉnh")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["LOCATION"], supported_language=supported_language, name="VietnameseCityRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _VIETNAMESE_UNIT.finditer(text):
            words = list(re.finditer(r"[^\W\d_]+", m.group("name")))
            kept = 0
            for i, w in enumerate(words):
                word = w.group()
                vietnamese = _VIETNAMESE_ACCENT.search(word) is not None
                if not vietnamese and (word.lower() in STOP_WORDS or (i > 0 and is_english_vocabulary(word.lower()))):
                    break
                kept = i + 1
            if kept:
                found.append(result(self, "LOCATION", m.start(), m.start("name") + words[kept - 1].end(), 0.6, "a Vietnamese city or province"))
        return found
