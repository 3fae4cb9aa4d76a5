"""Organisations by their legal form: "Riley LLC", "Kovács Bt.", "Allen & Sons", "Nieminen Ky".

Company names are often made of surnames and places ("Morton-Barnes Ltd", "Mäki Tmi"), so NER
and the name recognizers take them for persons. A company is not a person and its name is no
personal identifier: this recognizer marks the name before a legal-form suffix as an
ORGANIZATION, which shields it. The detector drops a PERSON or LOCATION finding inside such a
span, then drops the ORGANIZATION finding itself: nothing is redacted for it.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.lexicon import is_common_english
from recognizers.names import census_given_names, given_names, surnames
from recognizers.registry import register, result

SHIELD = "ORGANIZATION"
_SUFFIXES = (
    r"LLC|L\.L\.C\.|LLP|Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|PLC|plc|GmbH|AG|KG|OHG|e\.\s?V\.|S\.?A\.?S?|SARL|S\.?R\.?L\.?"
    r"|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|AB|ASA|A/S|ApS|Oyj?|Tmi|Ky|ry|Bt\.?|Kft\.?|Zrt\.?|Nyrt\.?|Sp\.\s?z\s?o\.\s?o\.|sp\.\s?k\.|S/A|Ltda\.?|Lda\.?"
    r"|EIRELI|d\.o\.o\.|d\.d\.|s\.r\.o\.|a\.s\.|Co\.|Holdings|(?:&|and)\s+(?:Sons|Co\.?|Partners|Associates|Söhne|Fils|Hijos|Filhos)|et\s+Fils"
    r"|HB|KB|I/S|SCA|SCS|SRL|k\.s\.|v\.o\.s\.|s\.c\.|sp\.\s?j\."
)
# Legal forms that are no word of any sentence, in any case: "riley llc", "FARKAS ZRT.",
# "blanchet weber sarl" (lower-case chat, all-caps forms, speech-to-text).
_UNMISTAKABLE = (
    r"LLC|L\.L\.C\.|LLP|Inc\.|Ltd\.?|PLC|GmbH|SARL|S\.p\.A\.|Kft\.?|Zrt\.?|Nyrt\.?|Ltda\.?|EIRELI|d\.o\.o\.|s\.r\.o\."
    r"|Sp\.\s?z\s?o\.\s?o\.|sp\.\s?k\.|S\.L\.(?:N\.E\.?)?|et\s+Fils"
    # Forms of the Nordic, Finnish, Hungarian, Czech, Romanian, Portuguese and Vietnamese
    # registers, and the family firm: no English sentence has these words after a name either.
    r"|ApS|Oyj|osk|Kkt\.?|s\.a\.|s\.c\.|sca|scs|v\.o\.s\.|k\.s\.|(?:&|and|og|und|e|y)\s+(?:sons|søn|sønner|söhne|filhos|figli|hijos)"
    r"|tập\s+đoàn|doanh\s+nghiệp\s+tư\s+nhân|công\s+ty(?:\s+(?:hợp\s+danh|tnhh|cổ\s+phần))?"
)
# A legal form of two or three capitals that is a word of some language ("SA", "AS", "AG", "SE").
_SHORT_FORM_LAST = re.compile(r"(?<![\w-])(?:SA|SAS|AS|AG|AB|KG|BV|NV|HB|KB|SCA|SCS|ASA|CO)\.?$")
_LEGAL_FORM = re.compile(rf"(?i:{_SUFFIXES}|{_UNMISTAKABLE})")


def is_legal_form(word: str) -> bool:
    """Whether `word`, in any case, is a company's legal form ("inc", "BT", "nv", "a.s.")."""
    return bool(_LEGAL_FORM.fullmatch(word))


# Words that open a company's or foundation's name ("Stichting Stettyn", "FPUH Waraksa").
_PREFIXES = r"(?i:stichting|fundacja|fundação|fundación|fondation|stiftung|fpuh|pphu|phu|công\s+ty(?:\s+(?:tnhh|cổ\s+phần|hợp\s+danh))?)"
# A word of the name. Not a word that joins a sentence ("Sarah Miller from Riley LLC" is a
# person from a company, and the shield must stop at "from"): the name is the run of words
# right before the legal form.
_NAME = (
    r"(?!(?i:from|at|of|with|for|is|was|this|that|by|in|on|to|the|a|an|my|our|your|his|her|their|via|per|called|calling"
    r"|said|says|here|there|speaking|work|works|worked|bought|sent|came|team|and|or)(?![\w'’-]))[^\W\d_][\w'’.-]*"
)
# The suffix as companies write it: case matters for the short ones, so "as", "ag" and "co" in a
# sentence are no legal forms ("Maria Lopez as the contact" stays a person). Names are joined
# by spaces or a conjunction; not by commas, which join a person to a company as often
# ("Sarah Miller, Acme Ltd") as they join the names of one.
ORGANIZATION = rf"(?<![\w'’-]){_NAME}(?:(?:\s+(?:and|&|und|et|e|y|i|og|och|ja|és))?\s+{_NAME}){{0,3}},?\s+(?:{_SUFFIXES}|(?i:{_UNMISTAKABLE}))(?![\w-])"
# A name right before "group" that ends a phrase names a company ("Wilson Group, the phones",
# "garza group is the reseller"); not after a comma ("Ana Ruiz, group leader") and not before
# another noun ("the Smith group chat").
GROUPED = (
    rf"(?<![\w'’-]){_NAME}(?:\s+{_NAME}){{0,2}}\s+(?i:group)(?=\s*(?:[,.;:!?)]|$)|\s+(?i:is|was|are|were|the|and|in|on|at|for|has|had|which|that|where)\b)"
)
PREFIXED = rf"(?<![\w'’-]){_PREFIXES}\s+{_NAME}(?:\s+{_NAME}){{0,2}}(?![\w'’-])"


@register
class OrganizationRecognizer(PatternRecognizer):
    SPEECH_ONLY = True

    PATTERNS = [
        Pattern("name before a legal form", ORGANIZATION, 0.95),
        Pattern("name after a company word", PREFIXED, 0.95),
        Pattern("name before group", GROUPED, 0.95),
    ]
    # The legal form alone, as a word: a cheap search that spares nearly every text the pattern.
    REQUIRES = rf"(?<![\w-])(?:{_SUFFIXES}|(?i:{_UNMISTAKABLE})|{_PREFIXES}|(?i:group))(?![\w-])"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entity=SHIELD, patterns=self.PATTERNS, supported_language=supported_language, name="OrganizationRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None) -> list[RecognizerResult]:
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if found and text.isupper():
            # In text all in capitals the short forms are words like any other: "POUR SA
            # FACTURE" is "for her bill", "ANNA AS THE CONTACT" no company.
            found = [r for r in found if not _SHORT_FORM_LAST.search(text, r.start, r.end)]
        return found


# "Garrison, Roberts and Thomas", "SMITH, LLOYD & JACKSON": three to five bare surnames in a
# list is how firms (law, accounting, trading) are named; people are named with given names.
_FIRM = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’]*)((?:,\s+[^\W\d_][\w'’]*){1,3}),?\s+(?:and|&)\s+([^\W\d_][\w'’]*)(?![\w'’-])", re.IGNORECASE)
_LISTED = re.compile(r"[^\W\d_][\w'’]*")
_PEOPLE_ROLE_AFTER = re.compile(
    r"[ \t]*[-–—,(][ \t]*(?i:the[ \t]+)?(?i:joint[ \t]+account|account[ \t]+holders?|customers?|subscribers?|callers?|payers?|tenants?|co-?signers?|guarantors?|spouses?|parents)\b"
)
# "Nicholls, Shannon and Lee share the family plan": what only people do after the list.
_PEOPLE_VERB_AFTER = re.compile(
    r"[ \t]+(?i:both[ \t]+)?(?i:share|shared|called|phoned|rang|emailed|texted|wrote|complained|want|wanted|said|say|asked|need|needed|live|lived|moved|were[ \t]+born|are[ \t]+married)\b"
)
_GIVEN_AFTER_COMMA = re.compile(r",\s*([^\W\d_][\w'’-]*)")


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


def _a_surname_only(word: str, family: frozenset[str]) -> bool:
    """A surname of the lists that is no everyday word ("robinson"; not "said", "partners")."""
    return word in family and word not in STOP_WORDS and not is_common_english(word)


def _a_given_name(word: str, given: frozenset[str]) -> bool:
    """A given name of the lists, or a word that is no everyday one ("Noa"); not "the", "Inc"."""
    return word not in STOP_WORDS and not is_legal_form(word) and (word in given or not is_common_english(word))


@register
class FirmNameRecognizer(LocalRecognizer):
    """A firm named after its partners: a list of three to five surnames, each a census
    surname and none a given name only, joined by commas and a final "and" or "&". The list
    shields the names in it, as a legal form does."""

    REQUIRES = r"(?i:,[^,]{1,40}(?:,|\s)\s*(?:and|&)\s)"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[SHIELD], supported_language=supported_language, name="FirmNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        family, given = surnames(), given_names()
        for m in _FIRM.finditer(text):
            words = [w.lower() for w in _LISTED.findall(m.group())]
            words = [w for w in words if w not in ("and",)]
            # "OLIVEIRA, MIGUEL AND ESTEVES, NOA": two people written surname first, not a firm.
            inverted_pair = _GIVEN_AFTER_COMMA.match(text, m.end())
            if inverted_pair is not None and _a_given_name(inverted_pair.group(1).lower(), given):
                continue
            # "Yoder, Omar and her husband": a pronoun or an article is no partner, though
            # census surnames hold "Her" and "The".
            if any(w in STOP_WORDS for w in words):
                continue
            # "griffith, david and kimberly robinson share ...": a given name and its surname
            # after "and" are a person, and the list before it people too.
            surname_after = _WORD_AFTER.match(text, m.end())
            if surname_after is not None and m.group(3).lower() in given and _a_surname_only(surname_after.group(1).lower(), family):
                continue
            # "helland, christian & mathias (joint account)": a role only people have.
            if _PEOPLE_ROLE_AFTER.match(text, m.end()) or _PEOPLE_VERB_AFTER.match(text, m.end()):
                continue
            if all(w in family for w in words) and not all(w in given for w in words):
                found.append(result(self, SHIELD, m.start(), m.end(), 0.95, "surnames listed as a firm's name"))
        return found


# Where a trade relation names the other side, that side is a business: one works *at* an
# employer, buys *from* a seller, gets an invoice *from* a supplier, and "X is the reseller".
_TRADE_BEFORE = (
    r"(?:\b(?:work|works|worked|working|employed|job|internship|shift)\s+at"
    r"|\b(?:bought|buy|buying|purchased|ordered|leased|rented)\s+(?:(?:it|them|this|that|mine|ours|the\s+[^\W\d_]+)\s+)?from"
    r"|\b(?:invoice|invoices|bill|receipt|quote|order|shipment|parcel)\s+(?:came|comes|come|is|was|arrived|arrives)\s+from"
    r"|\b(?:billed|invoiced|sold|supplied|shipped)\s+(?:to\s+us\s+)?by)\s+"
)
_TRADE_AFTER = (
    r"\s+(?:is|was|are|were)\s+(?:the|our|my|a|an)\s+(?:reseller|dealer|supplier|vendor|retailer|distributor|wholesaler|seller|store|shop"
    r"|contractor|subcontractor|employer|company|firm|manufacturer|provider|agency)\b"
)
# The business's name: up to five words, joined by spaces, commas or a conjunction (a hyphen
# joins inside a word: "Miller-Garcia" is one). Matched only next to a cue, within a bounded
# window, so that its cost stays linear in the text whatever the text is.
_JOIN = r"(?:\s*,\s*|\s+(?i:and|&|und|et|e|y|og|och|ja|és|-)\s+|\s+)"
_RUN = rf"{_NAME}(?:{_JOIN}{_NAME}){{0,4}}"
_CUE_BEFORE = re.compile(rf"(?i:{_TRADE_BEFORE})")
_CUE_AFTER = re.compile(rf"(?i:{_TRADE_AFTER})")
_RUN_AT = re.compile(_RUN)
_RUN_ENDING = re.compile(rf"(?<![\w'’-])(?:{_RUN})$")
WINDOW = 120
_CONJUNCTION = re.compile(r"\s*,\s*|\s+(?:and|&|und|et|e|y|og|och|ja|és|-)\s+", re.IGNORECASE)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "sir", "madam", "prof", "professor", "mx"})


@register
class TradePartyRecognizer(LocalRecognizer):
    """The business on the other side of a trade: "I work at Bordador", "the invoice came from
    Weber", "Nilsson Petersson is the reseller we bought from". Such names are often surnames,
    places or job titles, which NER takes for persons or places; here they shield the words in
    them, as a legal form does. Not when the name reads as a person's: a title, a given name
    that is no surname, or a given name first followed only by names (not "and", not
    vocabulary): "bought it from John Smith" and "my friend Ana is the reseller" stay persons."""

    REQUIRES = r"(?i:\b(?:at|from|by)\s|\s(?:is|was|are|were)\s+(?:the|our|my|a|an)\s)"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[SHIELD], supported_language=supported_language, name="TradePartyRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        spans = []
        for cue in _CUE_BEFORE.finditer(text):
            if run := _RUN_AT.match(text, cue.end(), min(len(text), cue.end() + WINDOW)):
                spans.append((run.start(), run.end()))
        for cue in _CUE_AFTER.finditer(text):
            low = max(0, cue.start() - WINDOW)
            while 0 < low < cue.start() and not text[low - 1].isspace():
                low += 1  # the window opens at a word's start
            if run := _RUN_ENDING.search(text[low : cue.start()]):
                spans.append((low + run.start(), low + run.end()))
        return [result(self, SHIELD, a, b, 0.9, "the other side of a trade") for a, b in spans if not _reads_as_person(text[a:b])]


def _reads_as_person(name: str) -> bool:
    from recognizers.lexicon import is_english_vocabulary

    words = [w.lower().rstrip(".") for w in _LISTED.findall(name)]
    if not words or words[0] in _TITLES:
        return bool(words)
    if _CONJUNCTION.search(name) and not re.fullmatch(rf"{_NAME}-{_NAME}", name.strip()):
        return False  # a list of names: a firm
    given, family = given_names(), surnames()
    # Only the census's given names tell a person from a firm here: the world lists hold
    # surnames as given names too (people write theirs first), and "the invoice came from
    # machado" is a firm named after a family.
    census_given = census_given_names()
    if "-" in name and not all(w in given for w in words):
        return False  # "Miller-Garcia": surnames joined are a firm; "Jean-Pierre" is a person
    if any(w in census_given and w not in family for w in words):
        return True  # "my friend Ana is the reseller": a given name that is no surname
    rest = words[1:]
    return words[0] in census_given and len(words) <= 3 and all(w in given or w in family or not is_english_vocabulary(w) for w in rest)
