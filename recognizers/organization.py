"""Organisations by their legal form: "Riley LLC", "Kovács Bt.", "Allen & Sons", "Nieminen Ky".

Company names are often made of surnames and places ("Morton-Barnes Ltd", "Mäki Tmi"), so NER
and the name recognizers take them for persons. A company is not a person and its name is no
personal identifier: this recognizer marks the name before a legal-form suffix as an
ORGANIZATION, which shields it. The detector drops a PERSON or LOCATION finding inside such a
span, then drops the ORGANIZATION finding itself: nothing is redacted for it.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.registry import register

SHIELD = "ORGANIZATION"
_SUFFIXES = (
    r"LLC|L\.L\.C\.|LLP|Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|PLC|plc|GmbH|AG|KG|OHG|e\.\s?V\.|S\.?A\.?S?|SARL|S\.?R\.?L\.?"
    r"|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|AB|ASA|A/S|ApS|Oyj?|Tmi|Ky|ry|Bt\.?|Kft\.?|Zrt\.?|Nyrt\.?|Sp\.\s?z\s?o\.\s?o\.|sp\.\s?k\.|S/A|Ltda\.?|Lda\.?"
    r"|EIRELI|d\.o\.o\.|d\.d\.|s\.r\.o\.|a\.s\.|Co\.|Holdings|(?:&|and)\s+(?:Sons|Co\.?|Partners|Associates|Söhne|Fils|Hijos|Filhos)|et\s+Fils"
)
# Legal forms that are no word of any sentence, in any case: "riley llc", "FARKAS ZRT.",
# "blanchet weber sarl" (lower-case chat, all-caps forms, speech-to-text).
_UNMISTAKABLE = (
    r"LLC|L\.L\.C\.|LLP|Inc\.|Ltd\.?|PLC|GmbH|SARL|S\.p\.A\.|Kft\.?|Zrt\.?|Nyrt\.?|Ltda\.?|EIRELI|d\.o\.o\.|s\.r\.o\."
    r"|Sp\.\s?z\s?o\.\s?o\.|sp\.\s?k\.|S\.L\.(?:N\.E\.?)?|et\s+Fils"
)
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


@register
class OrganizationRecognizer(PatternRecognizer):
    SPEECH_ONLY = True

    PATTERNS = [Pattern("name before a legal form", ORGANIZATION, 0.95)]
    # The legal form alone, as a word: a cheap search that spares nearly every text the pattern.
    REQUIRES = rf"(?<![\w-])(?:{_SUFFIXES}|(?i:{_UNMISTAKABLE}))(?![\w-])"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entity=SHIELD, patterns=self.PATTERNS, supported_language=supported_language, name="OrganizationRecognizer")
