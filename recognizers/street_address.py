"""Street addresses: a house number, one to four name words, a street suffix, maybe a unit.

Presidio has no street address recognizer and spaCy's small model rarely tags one. The
suffixes are the USPS Publication 28 (Appendix C1) primary names and abbreviations, plus the
common UK ones. Name words must be capitalized, unless context words ("address", "live at")
are near: "20 dollars on the way" is not an address.
"""

import re

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.registry import AllOf, FirstWords, any_pattern, register

_SUFFIXES = [
    "alley",
    "aly",
    "anex",
    "arcade",
    "arc",
    "avenue",
    "ave",
    "av",
    "bayou",
    "beach",
    "bend",
    "bluff",
    "bluffs",
    "bottom",
    "boulevard",
    "blvd",
    "branch",
    "bridge",
    "brg",
    "brook",
    "brooks",
    "burg",
    "burgs",
    "bypass",
    "camp",
    "canyon",
    "cape",
    "causeway",
    "center",
    "centre",
    "ctr",
    "circle",
    "cir",
    "circles",
    "cliff",
    "cliffs",
    "club",
    "common",
    "commons",
    "corner",
    "corners",
    "course",
    "court",
    "ct",
    "courts",
    "cove",
    "coves",
    "creek",
    "crescent",
    "cres",
    "crest",
    "crossing",
    "xing",
    "crossroad",
    "curve",
    "dale",
    "dam",
    "divide",
    "drive",
    "dr",
    "drives",
    "estate",
    "estates",
    "expressway",
    "expy",
    "extension",
    "ext",
    "falls",
    "ferry",
    "field",
    "fields",
    "flat",
    "flats",
    "ford",
    "fords",
    "forest",
    "forge",
    "fork",
    "forks",
    "fort",
    "freeway",
    "fwy",
    "garden",
    "gardens",
    "gdns",
    "gateway",
    "glen",
    "glens",
    "green",
    "greens",
    "grove",
    "grv",
    "groves",
    "harbor",
    "harbour",
    "haven",
    "heights",
    "hts",
    "highway",
    "hwy",
    "hill",
    "hills",
    "hollow",
    "inlet",
    "island",
    "islands",
    "isle",
    "junction",
    "jct",
    "key",
    "keys",
    "knoll",
    "knolls",
    "lake",
    "lakes",
    "landing",
    "lane",
    "ln",
    "light",
    "lights",
    "loaf",
    "lock",
    "locks",
    "lodge",
    "loop",
    "mall",
    "manor",
    "manors",
    "meadow",
    "meadows",
    "mews",
    "mill",
    "mills",
    "mission",
    "motorway",
    "mount",
    "mountain",
    "mountains",
    "neck",
    "orchard",
    "oval",
    "overpass",
    "park",
    "parks",
    "parkway",
    "pkwy",
    "pass",
    "passage",
    "path",
    "pike",
    "pine",
    "pines",
    "place",
    "pl",
    "plain",
    "plains",
    "plaza",
    "plz",
    "point",
    "points",
    "port",
    "ports",
    "prairie",
    "radial",
    "ramp",
    "ranch",
    "rapids",
    "rest",
    "ridge",
    "ridges",
    "river",
    "road",
    "rd",
    "roads",
    "route",
    "rte",
    "row",
    "rue",
    "run",
    "shoal",
    "shoals",
    "shore",
    "shores",
    "skyway",
    "spring",
    "springs",
    "spur",
    "square",
    "sq",
    "squares",
    "station",
    "stravenue",
    "stream",
    "street",
    "st",
    "streets",
    "summit",
    "terrace",
    "ter",
    "throughway",
    "trace",
    "track",
    "trafficway",
    "trail",
    "trl",
    "trailer",
    "tunnel",
    "turnpike",
    "underpass",
    "union",
    "unions",
    "valley",
    "valleys",
    "viaduct",
    "view",
    "views",
    "village",
    "villages",
    "ville",
    "vista",
    "walk",
    "walks",
    "wall",
    "way",
    "ways",
    "well",
    "wells",
    "close",
    "fall",
    "rapid",
    "plain",
    "shoal",
    "spur",
    "union",
    "valley",
    "view",
    "village",
    "mountain",
    "meadow",
    "manor",
    "light",
    "lake",
    "key",
    "junction",
    "inlet",
    "hill",
    "harbor",
    "grove",
    "green",
    "glen",
    "garden",
    "forge",
    "ford",
    "field",
    "estate",
    "drive",
    "crossroads",
    "corner",
    "common",
    "cliff",
    "center",
    "brook",
    "bluff",
    "burg",
    # Australia and New Zealand (Australia Post's street types), less those that are everyday
    # words first ("end", "top", "line", "gap"): "05 Smith Crossway", "1 Martin Entrance".
    "approach",
    "brae",
    "broadway",
    "chase",
    "circuit",
    "circus",
    "concourse",
    "corso",
    "crossway",
    "cul-de-sac",
    "dell",
    "driveway",
    "entrance",
    "esplanade",
    "fairway",
    "glade",
    "grange",
    "interchange",
    "intersection",
    "laneway",
    "lookout",
    "nook",
    "outlook",
    "parade",
    "pathway",
    "promenade",
    "quay",
    "retreat",
    "ridgeway",
    "rise",
    "strand",
    "towers",
    "vale",
    "villas",
    "walkway",
    "wynd",
    # India: "935 Minhas Chowk", "12 Gandhi Marg", "Lajpat Nagar".
    "nagar",
    "marg",
    "chowk",
    "ganj",
    "zila",
    "bazar",
    "bazaar",
    "gali",
    "colony",
    # Australia Post's street types that the list above lacks ("49 Caitlin Copse", "8 Johnson Upper").
    "basin",
    "circlet",
    "copse",
    "elbow",
    "gates",
    "highroad",
    "rosebowl",
    "turn",
    "upper",
    "wharf",
    # And the rest of Australia's road types (AS/NZS 4819) that are no everyday word in prose
    # after a house number and a name ("7 Hunt Byway", "3 Watson Plateau", "47 Pierce Gully");
    # "End", "Top", "Part", "Range", "Ride", "Gate", "Quad" ("4 Core Quad") and the like stay out.
    "amble",
    "brace",
    "brow",
    "byway",
    "centreway",
    "colonnade",
    "courtyard",
    "cruiseway",
    "deviation",
    "firetrail",
    "footway",
    "foreshore",
    "frontage",
    "gully",
    "lees",
    "meander",
    "mew",
    "parklands",
    "plateau",
    "quadrangle",
    "quadrant",
    "piazza",
    "anchorage",
    "artery",
    "quays",
    "ramble",
    "reserve",
    "riverway",
    "riviera",
    "roadway",
    "ronde",
    "rotary",
    "siding",
    "tarn",
    "thoroughfare",
    "tollway",
    "tor",
    "trunkway",
]
SUFFIX_WORDS = frozenset(_SUFFIXES)
STREET_SUFFIX = _SUFFIX = r"(?i:(?:" + "|".join(sorted(set(_SUFFIXES), key=len, reverse=True)) + r")s?)\.?"
_UNIT = r"(?:,?\s+(?i:apt|apartment|suite|ste|unit|floor|fl|#)\.?\s*#?\w{1,6})?"
# "12", "12B", and the British "Flat 4" / "Studio 12" (Australia's "Suite 200", "Level 7") before the street.
# India writes the house as "11/23," before the street.
HOUSE_NUMBER = _NUMBER = (
    r"(?<![\w.,/-])(?:(?i:flat|studio|unit|apartment|apt|suite|level|shop|lot|villa)\.?\s+\d{1,5}[A-Za-z]?(?:\s*[,\n]\s*|\s+)(?:\d{1,6}[A-Za-z]?\s+)?|\d{1,6}(?:/\d{1,4})?[A-Za-z]?,?\s+)"
)
_CAPITALIZED = rf"{_NUMBER}(?:(?:[A-Z][\w'-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,4}}{_SUFFIX}{_UNIT}(?!\w)"
_FLAGS = re.DOTALL | re.MULTILINE
_ANY_CASE = rf"{_NUMBER}(?:[A-Za-z][\w'-]*\s+){{1,3}}{_SUFFIX}{_UNIT}(?!\w)"
# In any case, a flat or suite number after the street is evidence enough: "68994 frank mountain
# suite 780", "2360 valþórsson burgs apt 739".
_ANY_CASE_WITH_UNIT = rf"{_NUMBER}(?:[^\W\d_][\w'-]*\s+){{1,3}}{_SUFFIX},?\s+(?i:apt|apartment|suite|ste|unit)\.?\s*#?\d{{1,5}}[A-Za-z]?(?!\w)"

# In any case, and with no context word, a number, one to three name words and a word that
# names nothing but a road: "installer could not find 93 shah street", "went to 2/1 fritz
# junction". No plural ("two hard drives") and no little word among the name's ("5 miles down
# the road", "a 10 minutes drive").
_ROAD_WORDS = r"(?i:street|road|avenue|boulevard|lane|drive|crescent|terrace|highway|parkway|junction|esplanade|promenade)"
_LITTLE_WORD = (
    r"(?i:the|a|an|of|to|down|up|on|in|at|by|and|or|my|your|our|their|his|her|its|this|that|each|every|per|from|off|along|across|over|past|into"
    # and the units a number measures: "a 10 minutes drive", "2 km road"
    r"|(?:second|sec|minute|min|hour|hr|day|week|month|year|mile|km|kilometre|kilometer|metre|meter|block|yard|foot|feet|step|lane)s?)"
)
_ANY_CASE_ROAD = rf"{_NUMBER}(?:(?!{_LITTLE_WORD}\s)[^\W\d_][\w'-]*\s+){{1,3}}{_ROAD_WORDS}{_UNIT}(?![\w-])"
# A record's cell that is nothing but a street in the US and UK order, in any case: "07 smith
# circle - shari - fibre install pending". The cell's bounds are the evidence a cue would be;
# no plural suffix and no little word, as above.
_SINGULAR_SUFFIX = r"(?i:" + "|".join(sorted(set(_SUFFIXES), key=len, reverse=True)) + r")\.?"
_STREET_CELL = re.compile(rf"{_NUMBER}(?:(?!{_LITTLE_WORD}\s)[^\W\d_][\w'-]*\s+){{1,3}}{_SINGULAR_SUFFIX}{_UNIT}")


def is_street_cell(cell: str) -> bool:
    """Whether a record's cell is wholly a street address in the US and UK order."""
    return _STREET_CELL.fullmatch(cell) is not None


# A unit and a house number before the street's capitalized words say it is an address,
# whatever word ends the street: Australia's road types include everyday words ("Suite 393 328
# Grant Dip", "Unit 39 140 Michelle Roadside", "Flat 74 2 Adkins Top"). The street ends its
# line or its town follows after a comma.
_UNIT_WORDS = ["flat", "unit", "suite", "apartment", "apt", "level", "shop", "studio"]
_UNIT_THEN_NUMBER = (
    rf"(?<![\w-])(?i:{'|'.join(_UNIT_WORDS)})\.?[ \t]+\d{{1,5}}[A-Za-z]?(?:[ \t]*[,/][ \t]*|[ \t]+)\d{{1,6}}[A-Za-z]?[ \t]+"
    r"(?:[A-Z][\w'-]*[ \t]+){1,3}[A-Z][\w'-]*(?![\w-])(?=[ \t]*(?:,|$))"
)


@register
class StreetAddressRecognizer(PatternRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    MIN_DIGITS = 1  # the house number

    PATTERNS = [
        Pattern("street address", _CAPITALIZED, 0.6),
        Pattern("street address (any case)", _ANY_CASE, 0.2),
        Pattern("street address and its flat or suite (any case)", _ANY_CASE_WITH_UNIT, 0.6),
        Pattern("street address with a word that names only a road (any case)", _ANY_CASE_ROAD, 0.5),
        Pattern("a unit and a house number, then the street's capitalized words", _UNIT_THEN_NUMBER, 0.6),
    ]
    # A suffix stands as a word of its own in every match (after whitespace, before a
    # non-word character): a set look-up spares most texts the patterns themselves.
    REQUIRES = AllOf(FirstWords({*_SUFFIXES, *(f"{s}s" for s in _SUFFIXES), *_UNIT_WORDS}), any_pattern(PATTERNS, _FLAGS))
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


# US military mail: "PSC 3341, Box 1057\nAPO AP 38261", "Unit 8127 Box 9023, DPO AE 25147",
# "USNS Miller\nFPO AA 44112". The post office line (APO, FPO or DPO, the "state" AA, AE or AP
# and a ZIP code) is an address's last line on its own too.
_MILITARY_POST = r"(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}(?:-\d{4})?(?!\d)"
_MILITARY_UNIT = r"(?:(?:PSC|CMR)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}|Unit[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}(?=[ \t]*,?[ \t]*\n?[ \t]*(?:APO|FPO|DPO)\b))"
_MILITARY_SHIP = r"(?:USNS|USNV|USS|USCGC)[ \t]+[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*)?(?=[ \t]*,?[ \t]*\n?[ \t]*(?:APO|FPO|DPO)\b)"
_MILITARY = rf"(?<![\w-])(?:(?:{_MILITARY_UNIT}|{_MILITARY_SHIP})(?:[ \t]*,?[ \t]*\n?[ \t]*{_MILITARY_POST})?|{_MILITARY_POST})"


@register
class MilitaryAddressRecognizer(PatternRecognizer):
    """US military mail addresses (PSC/CMR/Unit and Box, a ship's name, then APO/FPO/DPO with
    AA, AE or AP and a ZIP code), in any case: a fixed format US generators and forms write."""

    MIN_DIGITS = 5  # the ZIP code, or a unit's and a box's numbers
    PATTERNS = [Pattern("military mail address", _MILITARY, 0.7)]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            supported_language=supported_language,
            name="MilitaryAddressRecognizer",
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )


# A street named without its number, where a street is said to be: "the shop on Mason Track",
# "I live on Hurst Shore", "lost it along Kelly Turnpike". In cased text only, where the
# capitals are the writer's: capitalized name words, then a capitalized word that names a road.
# Not the kinds of place that name more than a road ("at Central Park", "near Lake Placid",
# "at Union Station"): those are places, and a place is read by the place recognizers.
_PLACE_NOT_ROAD = frozenset(
    [
        "park",
        "parks",
        "lake",
        "lakes",
        "island",
        "islands",
        "isle",
        "mount",
        "mountain",
        "mountains",
        "fort",
        "port",
        "ports",
        "valley",
        "valleys",
        "river",
        "beach",
        "bay",
        "harbor",
        "harbors",
        "springs",
        "spring",
        "falls",
        "fall",
        "heights",
        "village",
        "villages",
        "ville",
        "center",
        "centers",
        "club",
        "mall",
        "station",
        "union",
        "unions",
        "mission",
        "key",
        "keys",
        "light",
        "lights",
        "land",
        "rest",
        "forest",
        "canyon",
        "creek",
        "prairie",
        "ranch",
        "summit",
        "camp",
        "lodge",
        "dam",
        "green",
        "greens",
        "field",
        "fields",
        "garden",
        "gardens",
        "point",
        "points",
        "plaza",
        "square",
        "manor",
        "manors",
        "estate",
        "estates",
    ]
)
_ROAD_SUFFIXES = sorted({s for s in _SUFFIXES if s not in _PLACE_NOT_ROAD and len(s) > 2}, key=len, reverse=True)
_CAPITALIZED_ROAD = "|".join(s.capitalize() for s in _ROAD_SUFFIXES)
_NUMBERLESS_STREET = (
    r"(?<=\b(?:on|at|off|along|near|onto)\s)(?!(?:The|A|An|My|Your|Our|Their|His|Her|This|That)\s)"
    rf"(?:[A-Z][a-z][\w'’-]*\s+){{1,3}}(?:{_CAPITALIZED_ROAD})s?(?![\w'’-])"
)


@register
class NumberlessStreetRecognizer(PatternRecognizer):
    """A street's name without a house number after "on", "at", "along" and the like, in cased
    text: capitalized words and a road's word ("on Mason Track", "at Hurst Shore")."""

    PATTERNS = [Pattern("street without its number", _NUMBERLESS_STREET, 0.6)]
    REQUIRES = AllOf(FirstWords("on at off along near onto"), FirstWords({*_ROAD_SUFFIXES, *(f"{s}s" for s in _ROAD_SUFFIXES)}))

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            supported_language=supported_language,
            name="NumberlessStreetRecognizer",
            global_regex_flags=re.MULTILINE,
        )
