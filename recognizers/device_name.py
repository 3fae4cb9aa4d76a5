"""Names inside the host names of personal devices: "madeleines-ipad", "Luiz-MacBook-Pro",
"laptop-kazim", "teemus-iphone.local", as DHCP, Wi-Fi and router logs write them in text.

A host name is words joined by dashes or underscores, one of them a kind of personal device
(iphone, ipad, galaxy, pixel, laptop, pc...). Another word that is a given name of the lists,
or no English word at all, is what the owner called the device after: their own name
("annas", with the possessive written without an apostrophe). Reported as PERSON.
A host name without such a word ("living-room-tv", "DESKTOP-7F3K2LQ") holds no name.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.lexicon import is_common_english, is_english_vocabulary
from recognizers.names import census_given_names, given_names_no_words
from recognizers.registry import register, result

# Words that make a host name a personal device's.
DEVICE_WORDS = frozenset(
    {"iphone", "ipad", "ipod", "macbook", "mbp", "mba", "imac", "galaxy", "pixel", "android", "laptop", "notebook", "pc",
     "desktop", "tablet", "chromebook", "thinkpad", "surface", "kindle", "xbox", "playstation", "ps4", "ps5", "watch",
     "phone", "smartphone", "redmi", "xiaomi", "huawei", "oneplus", "oppo", "nokia", "moto", "motorola", "samsung", "lenovo",
     "dell", "hp", "asus", "acer", "mac"}
)  # fmt: skip
# Words of model names and of what follows them that are not English words.
MODEL_WORDS = frozenset({"pro", "max", "mini", "air", "plus", "ultra", "lite", "fe", "se", "tab", "note", "book", "local", "lan", "home", "wifi", "ios"})
# The product lines of laptops and phones, as vendors name them: no owner's name either.
MODEL_WORDS |= {
    "elitebook", "probook", "pavilion", "spectre", "envy", "omen", "zbook", "ideapad", "thinkbook", "thinkcentre", "yoga", "legion", "inspiron",
    "xps", "vostro", "latitude", "optiplex", "alienware", "precision", "zenbook", "vivobook", "rog", "strix", "zephyrus", "tuf", "zen", "aspire",
    "nitro", "predator", "swift", "matebook", "magicbook", "redmibook", "nova", "mate", "honor", "aura", "titan", "nexus", "xperia", "optimus",
    "desire", "razr", "lumia", "stylus", "edge", "fold", "flip", "duo", "slate", "chromebox", "macmini", "imacpro",
}  # fmt: skip
_HOST = re.compile(r"(?<![\w.@/-])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+(?:\.(?:local|lan|home))?(?![\w@/-]|\.\w)")
_PART = re.compile(r"[A-Za-z0-9]+")


def names_in_host(host: str) -> list[tuple[int, int]]:
    """The spans of the owner's name in a personal device's host name (none in other hosts)."""
    parts = [(m.start(), m.end(), m.group().lower()) for m in _PART.finditer(host)]
    if not any(word in DEVICE_WORDS for _, _, word in parts):
        return []
    return [(start, end) for start, end, word in parts if _is_owner(word)]


def _is_owner(word: str) -> bool:
    """Whether a word of a device's host name is a name: a given name of the lists (an English
    word or not: "john", "grace"), no English word at all ("kazim", "teemu"), or one English
    seldom uses ("tablet-feline": people name their devices after themselves far more often
    than after a rare word); each with the possessive's "s" ("annas", "johns")."""
    if not word.isalpha() or len(word) < 3 or word in DEVICE_WORDS or word in MODEL_WORDS or word in NOT_OWNERS:
        return False
    stems = (word, word[:-1]) if word.endswith("s") and len(word) > 3 else (word,)
    if any(stem in census_given_names() or stem in given_names_no_words() for stem in stems):
        return True
    # Only a final "s" may be the possessive's: "ranieri" is not "ranier" ("Anca" not "anc").
    return not any(is_english_vocabulary(stem) for stem in stems) or not any(is_common_english(stem) for stem in stems)


# Words of host names that name lists hold too.
NOT_OWNERS = frozenset({"my", "dev", "test", "prod", "srv", "guest", "kids", "admin", "user"})
# Where a device stands or what it is for, as host names say it, though English seldom writes
# the word: these are no names ("ipad-playroom", "laptop-annex").
NOT_OWNERS |= {"playroom", "conservatory", "annex", "annexe", "nursery", "attic", "loft", "lounge", "den", "study", "workshop", "shed", "cellar", "basement"}
NOT_OWNERS |= {"hallway", "porch", "patio", "dorm", "homework", "gaming", "streaming", "kiosk", "spare", "backup", "travel", "loaner", "demo", "lab"}


@register
class DeviceNameRecognizer(LocalRecognizer):
    REQUIRES = re.compile(r"[A-Za-z0-9][-_][A-Za-z]")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="DeviceNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _HOST.finditer(text):
            for start, end in names_in_host(m.group()):
                found.append(result(self, "PERSON", m.start() + start, m.start() + end, 0.6, "a name in a personal device's host name"))
        return found
