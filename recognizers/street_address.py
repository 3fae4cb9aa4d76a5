"""Street addresses: a house number, one to four name words, a street suffix, maybe a unit.

Presidio has no street address recognizer and spaCy's small model rarely tags one. The
suffixes are the USPS Publication 28 (Appendix C1) primary names and abbreviations, plus the
common UK ones. Name words must be capitalized, unless context words ("address", "live at")
are near: "20 dollars on the way" is not an address.
"""

import re

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.registry import AllOf, FirstWords, any_pattern, register

_SUFFIXES = """
alley aly anex arcade arc avenue ave av bayou beach bend bluff bluffs bottom boulevard blvd branch
bridge brg brook brooks burg burgs bypass camp canyon cape causeway center centre ctr circle cir
circles cliff cliffs club common commons corner corners course court ct courts cove coves creek
crescent cres crest crossing xing crossroad curve dale dam divide drive dr drives estate estates
expressway expy extension ext falls ferry field fields flat flats ford fords forest forge fork forks
fort freeway fwy garden gardens gdns gateway glen glens green greens grove grv groves harbor harbour
haven heights hts highway hwy hill hills hollow inlet island islands isle junction jct key keys
knoll knolls lake lakes landing lane ln light lights loaf lock locks lodge loop mall manor manors
meadow meadows mews mill mills mission motorway mount mountain mountains neck orchard oval overpass
park parks parkway pkwy pass passage path pike pine pines place pl plain plains plaza plz point
points port ports prairie radial ramp ranch rapids rest ridge ridges river road rd roads route rte
row rue run shoal shoals shore shores skyway spring springs spur square sq squares station stravenue
stream street st streets summit terrace ter throughway trace track trafficway trail trl trailer
tunnel turnpike underpass union unions valley valleys viaduct view views village villages ville
vista walk walks wall way ways well wells close
fall rapid plain shoal spur union valley view village mountain meadow manor light lake key junction
inlet hill harbor grove green glen garden forge ford field estate drive crossroads corner common
cliff center brook bluff burg
""".split()
_SUFFIX = r"(?i:(?:" + "|".join(sorted(set(_SUFFIXES), key=len, reverse=True)) + r")s?)\.?"
_UNIT = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit|floor|fl|#)\.?\s*#?\w{1,6})?"
# "12", "12B", and the British "Flat 4" / "Studio 12" on a line before the street.
_NUMBER = r"(?<![\w.,-])(?:(?i:flat|studio|unit|apartment|apt)\.?\s+\d{1,5}[A-Za-z]?\s*[,\n]\s*(?:\d{1,6}[A-Za-z]?\s+)?|\d{1,6}[A-Za-z]?\s+)"
_CAPITALIZED = rf"{_NUMBER}(?:(?:[A-Z][\w'-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,4}}{_SUFFIX}{_UNIT}(?!\w)"
_FLAGS = re.DOTALL | re.MULTILINE
_ANY_CASE = rf"{_NUMBER}(?:[A-Za-z][\w'-]*\s+){{1,3}}{_SUFFIX}{_UNIT}(?!\w)"


@register
class StreetAddressRecognizer(PatternRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    MIN_DIGITS = 1  # the house number

    PATTERNS = [
        Pattern("street address", _CAPITALIZED, 0.6),
        Pattern("street address (any case)", _ANY_CASE, 0.2),
    ]
    # A suffix stands as a word of its own in every match (after whitespace, before a
    # non-word character): a set look-up spares most texts the patterns themselves.
    REQUIRES = AllOf(FirstWords({*_SUFFIXES, *(f"{s}s" for s in _SUFFIXES)}), any_pattern(PATTERNS, _FLAGS))
    CONTEXT = ["address", "live", "living", "lives", "billing", "shipping", "ship", "deliver", "mail", "street", "reside", "moved", "move", "moving", "located"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="StreetAddressRecognizer",
            # Case matters here: capitalized name words are the evidence.
            global_regex_flags=_FLAGS,
        )
