"""Person names: spaCy's NER, checked, plus names introduced by what people say before them.

spaCy's small English model finds most capitalized full names, but in support transcripts it
also tags product names, units and ticket numbers as persons ("Mbps", "KB34816"), and it
misses lower-case names and a lone first name ("it's lisa weber", "my wife Brooke").
- NerPersonRecognizer keeps Presidio's SpacyRecognizer and drops a PERSON or LOCATION span
  that holds a digit, and a one-word PERSON that is not a census name.
- PersonCueRecognizer finds the words after an introduction ("my name is", "this is",
  "it's", "I'm", "my wife", "calling for", "Mr") when they are capitalized or census names.
- CensusFullNameRecognizer takes two capitalized words that are a census given name and a
  census surname ("requested by Marcus Gilbert", which the small model misses).
- LoneGivenNameRecognizer takes a capitalized census given name in the middle of a sentence
  ("..., Shane is fine"), but not months, weekdays or known places.
- NameRunRecognizer takes runs of name words with no cue at all, in any case.
- whole_name and joined_name widen what was found: the rest of a half-found name, and the
  name joined to a found one by "and" ("emanuel and noa").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.lexicon import (
    ATTESTED,
    CALENDAR_WORDS,
    EMPTY_VALUE_WORDS,
    english_counts,
    in_another_language,
    is_common_english,
    is_english_vocabulary,
    is_foreign_everyday,
    is_typo_of_common,
    reads_as_english,
)
from recognizers.location import AMBIGUOUS, PLACE_QUALIFIERS, is_country, is_known_place, is_well_known_place, place_names
from recognizers.names import given_names, given_names_no_words, in_names_list, is_english_proper_name, is_name_word, opens_sentence, surnames
from recognizers.organization import is_legal_form
from recognizers.registry import AnyOf, FirstWords, register, result
from recognizers.spoken import Token, is_filler, tokenize, without_fillers
from recognizers.street_address import is_street_cell

NER_ENTITIES = ["PERSON", "LOCATION"]


@register
class NerPersonRecognizer(SpacyRecognizer):
    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, supported_entities=NER_ENTITIES, name="NerPersonRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        kept = []
        for r in super().analyze(text, entities, nlp_artifacts):
            span = text[r.start : r.end]
            if any(ch.isdigit() for ch in span) or sum(ch.isalpha() for ch in span) < 2:
                continue
            words = span.split()
            # One word that is no census name is more often a product or a unit ("Mbps") than a
            # person; names of two or more words are kept whatever they are.
            if r.entity_type == "PERSON" and len(words) == 1 and not is_name_word(words[0]):
                continue
            if _vocabulary_only(text, r.start, r.end):
                continue
            # In text of another language the English model takes its words for names
            # ("zu hoch", "tháng trước"; "Hoch" is a surname too): there a span must hold a given
            # name or a place of the lists.
            if in_another_language(text) and not any(w.lower().strip(".,") in given_names() or w.lower().strip(".,") in place_names() for w in words):
                continue
            kept.append(r)
        return kept


_WORD_PART = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _vocabulary_only(text: str, start: int, end: int) -> bool:
    """Whether a span the model called a person or a place is English vocabulary and nothing
    else: job titles and slogans ("Transport planner", "reduced logistical hierarchy",
    "decentralized bifurcated matrix") that the small model tags in lower-case or odd text.
    Every word must be an attested English word that no census list has as a name and no
    gazetteer as a place; a span cut from a hyphenated word ("multi" of "multi-tiered") is
    judged as the whole word."""
    while end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
            end += 1
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    words = _WORD_PART.findall(text[start:end])
    if not words:
        return False
    places = place_names()
    for word in words:
        parts = [p for p in word.replace("’", "'").split("-") if p]
        if not (is_english_vocabulary(word) or is_foreign_everyday(word)) or any(is_name_word(p) or p.lower() in places for p in parts):
            return False
    return True


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


# Titles before a name, in English and the languages a customer's name comes written in
# ("herr wolfram klemm", "sigra stefania mondadori", "bà thành lê", "doç korkmazalp inönü").
# Left out where the title is an everyday English word too ("bay", "don", "pan", "fru").
HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor", "mx",
        "herr", "frau", "hr", "univprof", "dipl-ing",  # German
        "dhr", "mevr", "mevrouw", "meneer",  # Dutch
        "monsieur", "madame", "mademoiselle", "mme", "mlle",  # French
        "señor", "señora", "señorita", "sr", "sra", "srta", "doña", "senhor", "senhora", "sto",  # Spanish, Portuguese
        "signor", "signore", "signora", "signorina", "sig", "sigra", "sig.ra", "dott", "dott.ssa", "avv", "ing",  # Italian
        "pani", "paní", "slečna", "mgr",  # Polish, Czech
        "sayın", "doç", "öğr", "bayan",  # Turkish
        "domnul", "doamna", "dl", "dna",  # Romanian
        "gospodin", "gospođa", "gđa",  # Croatian
        "herra", "rouva", "frú",  # Finnish, Icelandic
        "shri", "shree", "smt", "kumari",  # India
        "ông", "bà", "chị", "cô", "chú",  # Vietnamese
    }
)  # fmt: skip
_RELATIONS = (
    "wife|husband|partner|son|daughter|father|dad|mother|mom|mum|brother|sister|friend|boss|colleague"
    "|neighbou?r|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|fianc[eé]e?|girlfriend|boyfriend"
    "|niece|nephew|granddaughter|grandson|stepson|stepdaughter|stepmother|stepfather|child|kid|landlord|tenant|flatmate|roommate"
)
# Each cue ends where the name starts.
_CUES = re.compile(
    # "yes that's me helena lips date of birth ...": who answers to a name asked for.
    r"\b(?:my\s+name(?:\s+is|'?s)|(?:that|it)'?s\s+me|(?:that|it|this)\s+is\s+me|name'?s|this\s+is|it'?s|it\s+is|i'?m|i\s+am|speaking\s+with|speak\s+(?:to|with)"
    r"|talk\s+to|ask\s+for|spoke\s+(?:to|with)|calling\s+for(?:\s+my\s+(?:" + _RELATIONS + r"))?"
    r"|on\s+behalf\s+of|holder(?:\s+is)?:?|contact\s+(?:to|is)|under\s+the\s+name(?:\s+of)?|signed\s+(?:for\s+)?by"
    r"|addressed\s+to|belong(?:s|ed|ing)?\s+to|assigned\s+to|transferred\s+to|care\s+of|c/o|(?:for\s+the\s+)?attention\s+of"
    # A letter's greeting, and a clerk's "per": "Dear Ms Novak", "dear amaira", "per guy lemoine: ..."
    r"|dear|per"
    r"|(?:customer|client|caller|subscriber|contact|name|attn|attention|recipient|cc|bcc|from|to|sender)\s*:|verified|account\s+is\s+under|registered\s+(?:to|under)|(?:it'?s|is|was|put\s+it|keep\s+it)\s+under"
    r"|(?:my|his|her|our)\s+(?:late\s+)?(?:" + _RELATIONS + r")(?:\s+(?:is|named|called)|['’]s\s+name(?:\s+is)?)?"
    # The people a telecom sends: "the technician anders came by", "your engineer Priya".
    r"|(?:the|your|our|my)\s+(?:technician|engineer|installer|courier|driver|agent|rep|representative|manager|supervisor|adviser|advisor|consultant)(?:\s+(?:named|called))?"
    r"|(?:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.?)\s+",
    re.IGNORECASE,
)
# Words that follow "this is" or "it's" and are no names, however they are written.
_NOT_NAMES = STOP_WORDS | {
    "bill", "billing", "data", "roaming", "fine", "okay", "ok", "sure", "right", "great", "good", "calling",
    "regarding", "ridiculous", "frustrating", "urgent", "important", "still", "down", "terrible", "crazy",
    "weird", "annoying", "correct", "wrong", "true", "yes", "no", "hello", "hi", "thanks", "sorry", "sir",
    "madam", "ma'am", "here", "there", "about", "fixed", "working", "broken", "gone", "done", "ready",
    # The labels of a form's fields: "name karley dob 01 march 1945 tel ...".
    "dob", "tel", "ph", "mob", "email", "addr", "ssn", "acct", "ref", "postcode", "zip",
}  # fmt: skip


_CUE_FIRST_WORDS = (
    "my name names this it its that thats i im speaking speak talk ask spoke calling behalf holder contact under signed his her our"
    " addressed belong belongs belonged belonging assigned transferred care c attention"
    " technician engineer installer courier driver agent rep representative manager supervisor adviser advisor consultant"
    " thanks thank thx ty cheers regards best sincerely yours br dear per"
    " here customer client caller subscriber attn attention recipient verified account registered for by with to who whos call ring phone"
    " kunde kundin klant klient klientka cliente ansprechpartner ansprechpartnerin contactpersoon referente osoba cuidados atención atencion attenzione"
    " nom nome nombre namen cc bcc from sender hi hello hey morning afternoon evening addressee payee user met meet"
    " card account phone mobile number line sim contract plan bill invoice details address e email router handset subscription voicemail device payment"
    " cards accounts phones mobiles numbers lines sims contracts plans bills invoices addresses emails routers handsets subscriptions voicemails devices payments"
)


@register
class PersonCueRecognizer(LocalRecognizer):
    # The first word of every cue of _CUES and _HERE; hesitations removed before matching
    # cannot make one appear.
    REQUIRES = AnyOf(FirstWords([*_CUE_FIRST_WORDS.split(), *(re.split(r"[.-]", h)[0] for h in HONORIFICS)]), r"(?m)^--\s")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="PersonCueRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        clean, offsets = without_fillers(text)
        # All capitals say as little as none: such text is read as uncased.
        cased = any(ch.isupper() for ch in clean[1:]) and not clean.isupper()
        spans = []
        for cue in _CUES.finditer(clean):
            said = cue.group().strip().rstrip(".").lower()
            span = _name_after(clean, cue.end(), cased, title=said in _TITLES, strong=not _WEAK_CUE.match(said))
            if span and said in _TITLES:
                # After a title any word may start the name; the sentence of another language
                # that runs on after it is no part of it ("señora maría de castellón quiere darse").
                # Two words stay: a surname may be an everyday word of its language ("mevrouw
                # daan broek", Dutch "trousers").
                span = _without_trailing_foreign_words(clean, span, keep=2)
            if said not in _TITLES and not _WEAK_CUE.match(said):
                # "yes that's me helena lips date of birth ...": the words between a cue and the
                # date of birth are the name, everyday words or not.
                span = _words_before_birth(clean, cue.end(), span) or span
            if span is None and said.startswith("my name"):
                span = _word_named(clean, cue.end())
            if span:
                spans.append(span)
        for cue in _SOFT_CUES.finditer(clean):
            # Without its colon, "customer" is as often a word of the sentence ("Customer
            # Service"): read what follows as uncased, where only a known name or a word that
            # is no everyday English counts. A cue in another language is no English word that
            # a sentence uses otherwise: what follows it need not even be far from every
            # English word ("osoba kontaktowa Nela Grzywnowicz", "Nela" is one letter from "Nell").
            foreign = cue.group().split()[0].lower() in _FOREIGN_SOFT_CUE_WORDS
            span = _name_after(clean, cue.end(), cased=False, title=False, strong=foreign)
            if span and foreign:
                span = _without_trailing_foreign_words(clean, span)
            if span:
                spans.append(span)
        for m in _HERE.finditer(clean):
            if _introduces_self(m.group("name"), greeted=m.group("greeting") is not None):
                spans.append(m.span("name"))
        for m in _OBJECT_CUE.finditer(clean):
            # "ON FILE FOR HOLLY, IS THAT RIGHT", "can someone call Maria back?": a name as the
            # whole object of "for", "by", "with" (up to the end of the clause) or of "call back".
            span = _name_after(clean, m.end(), cased, title=False)
            if span is None or not (_BACK if m.group(1) else _CLAUSE_END).match(clean, span[1]):
                if (span := _calendar_word_before_birth(clean, m.end())) is not None:
                    spans.append(span)
                continue
            words = clean[span[0] : span[1]].replace(",", " ").split()
            # A given name first ("Holly", not "Christmas"), or a word no list knows; of two
            # words or more, any name of the lists or such word ("Tore Jeppsson", "noël de
            # mary"); no city ("went to Paris,").
            named = any(_names(part, given_names()) for part in words[0].split("-")) or unknown_word(words[0])
            # A surname alone, of the lists and no everyday word: "chargeback filed by wenzel".
            named = named or (len(words) == 1 and _names(words[0], surnames()) and not is_common_english(words[0]))
            if not named and len(words) > 1:
                named = any(_names(w, given_names()) or _names(w, surnames()) or unknown_word(w) for w in words[1:] if w.lower() not in _PARTICLES)
            # Whom one meets is a person: in cased text a capitalized word no English one is
            # ("I met Timoteo yesterday"), though no list holds it.
            met = m.group().lower().startswith(("met", "meet"))
            named = named or (met and cased and words[0][:1].isupper() and not is_common_english(words[0]) and not is_well_known_place(words[0]))
            # Whom one asks about, before the question mark: "WHO IS MARK?", "who's Grace?".
            asked = (
                m.group().lower().startswith("who")
                and len(words) == 1
                and in_names_list(words[0].lower(), given_names())
                and clean[span[1] : span[1] + 1] == "?"
            )
            # Whose card or account it is: a given name of the lists, though an everyday word
            # too ("the payment card of lotta was declined").
            # So is a word English seldom uses ("the payment card of ingbert", "of Aimé").
            asked = asked or (
                m.group().rstrip().lower().endswith(" of") and len(words) == 1 and (in_names_list(words[0].lower(), given_names()) or _rare_owner(words[0]))
            )
            # Of whom a relative clause goes on: "SPOKE TO TONE WHO LIVES NEAR ...".
            asked = asked or (len(words) == 1 and in_names_list(words[0].lower(), given_names()) and _WHO_AFTER.match(clean, span[1]) is not None)
            # Whom a thing is handed to: a given name of the lists though an everyday word too, or
            # a word English seldom uses ("sold the handset to christian", "gave the SIM to Aimé").
            asked = asked or (
                len(words) == 1
                and m.group().rstrip().lower() == "to"
                and _HANDED.search(clean, max(0, m.start() - 40), m.start()) is not None
                and (_is_given_name(words[0]) or _rare_owner(words[0]))
            )
            named = named or asked
            city = m.group().lower().startswith(("to", "from")) and is_well_known_place(" ".join(words))
            if named and (words[0].lower() not in _CALENDAR or _calendar_word_before_birth(clean, m.end())) and not city:
                spans.append(span)
        for m in _GREETING.finditer(clean):
            span = _name_after(clean, m.start("name"), cased, title=False, strong=True)
            if span and span[1] == m.end("name") and not _everyday_words(m.group("name")):
                spans.append(span)
            elif _greeted_name(m.group("name")):
                spans.append(m.span("name"))
        for m in _NAME_FIELD.finditer(clean):
            words = m.group("name").replace(",", " ").split()
            lower = [w.lower().rstrip(".") for w in words]
            if m.group("role") or (m.group("label") or "").split()[:1] in (["full"], ["customer"], ["given"], ["first"], ["last"], ["family"], []):
                # Of a person's field, any word but those of a field no one fills in.
                named = len(words) <= 3 and not set(lower) & _NOT_A_NAME_VALUE
            else:
                named = not _everyday_words(m.group("name"))  # "account name: business premium"
            # A little word of English opens a name of another language too ("Name: An Xuân
            # Vũ"), when a word of a name follows it.
            little = [w for w in lower if w in _NOT_NAMES]
            foreign_opening = (
                little == lower[:1] and len(lower) > 1 and lower[0] not in _NO_ONE_OPENS and all(not is_common_english(w) or is_name_word(w) for w in lower[1:])
            )
            # A person's role as the label, a given name of the lists alone though a little word
            # of English too: "Verified caller: Else, born ...", "CONTRACT HOLDER: MAY".
            given_alone = bool(m.group("role")) and len(lower) == 1 and lower[0] in given_names() and lower[0] not in _CALENDAR
            if named and any(len(w) > 1 for w in lower) and (not little or foreign_opening or given_alone):
                spans.append(m.span("name"))
        for m in _DECLARER.finditer(clean):
            if not any(w.lower() in _NOT_NAMES for w in m.group("name").replace(",", " ").split()):
                spans.append(m.span("name"))
        for m in _SIGN_OFF.finditer(clean):
            span = _name_after(clean, m.start("name"), cased, title=False, strong=True)
            # Not who signs as a team or a department ("Kind regards,\nCustomer Services").
            if span and span[1] == m.end("name") and not _everyday_words(m.group("name")):
                spans.append(span)
            elif _signed_name(m.group("name")):
                spans.append(m.span("name"))  # "thx urban anders": a name of the lists says the rest is one too
        for start, end in spans:
            results.append(self._result(offsets[start], offsets[end - 1] + 1))
        return results

    def _result(self, start: int, end: int) -> RecognizerResult:
        return result(self, "PERSON", start, end, 0.75, "name after an introduction")


# What "my name is" is said of that is no name: "my name is spelled wrong", "is different".
_NOT_NAMED = re.compile(r"(?:ed|ing|ly|ous|ful|ent|ant|ible|able|ive|ic|al|less)$")
_NAME_STATES = frozenset(
    ["same", "still", "also", "already", "there", "here", "now", "long", "short", "hard", "unusual", "common", "private", "blank", "empty"]
)
# What ends the clause after the one word: "my name's mate and uh i'm calling ...".
_AFTER_NAMED = re.compile(r"\s*(?:$|[,;.!?]|\s(?i:and|but|so|from|calling|i'?m|i\s+am|uh|um|er|here)\b)")


def _word_named(text: str, offset: int) -> tuple[int, int] | None:
    """The one word after "my name is" when it ends the clause, though it is an everyday word
    ("my name's mate and uh i'm calling", "my name is ties"); not a word saying how the name is
    ("my name is spelled wrong", "is different", "is still on the account")."""
    m = _NAME_TOKEN.match(text, offset)
    if m is None or not _AFTER_NAMED.match(text, m.end()):
        return None
    word = _bare(m.group())
    if word in _NOT_NAMES or word in _CALENDAR or word in _NAME_STATES or (is_common_english(word) and _NOT_NAMED.search(word)):
        return None
    return m.span()


# A name as the object of a preposition, and what ends the clause after it.
# "the payment card of yauvani kalla was declined": of whom a thing of the account is;
# "technician met chiara outside ...": whom someone met.
# "Ask Mufide Güçlü Alemdar to sign the form": whom one asks, tells or thanks.
_OBJECT_CUE = re.compile(
    r"\b(?:for|by|with|to|from|met|meet|who\s+is|who's|(call|ring|phone)|(?:ask|asked|tell|told|remind|reminded|thank|thanked|inform|informed|notify|notified)"
    r"|(?:card|account|phone|mobile|number|line|sim|contract|plan|bill|invoice|details|address|e-?mail|router|handset|subscription|voicemail|device|payment)s?\s+of)\s+(?=\w)",
    re.IGNORECASE,
)
# What ends the clause: punctuation, the end, a dash or bracket, a number or date after the name.
# "FOR ESTER AT BJÖRKGRÄND 96": where the person is comes after "at".
# "Meeting with Hans-Walter and the landlord": "and" starts the next one.
# "from adam to sune", "reach out to nanni re: outage", "passed for maria date of birth ...".
# "mail for mona keeps bouncing", "the SIM for Verde went to ...": a verb starts the next one.
_CLAUSE_END = re.compile(
    r"\s*(?:[,;:?!]|\.(?:\s|$)|$|\s+(?i:is\s+that|on\s+file|at|and|or|from|to|on|the|re:?|date\s+of\s+birth|dob|born|outside|near|inside|opposite|beside|yesterday|today|tomorrow|tonight|earlier|again|last|this|next|who|whose)\s|\s+\(|\s+[-–]\s|\s+\d"
    r"|\s+(?i:is|was|has|had|keeps|kept|went|goes|moving|moved|will|would|can|could|should|does|did|got|gets"
    r"|called|phoned|rang|emailed|wrote|complained|reported|visited|wants|wanted|says|said|asked|asks|needs|needed|requested|confirmed|agreed|paid|returned)\b)"
)
_BACK = re.compile(r"\s+(?i:back)\b")
# A thing handed to someone, before "to": "sold the handset", "gave her old phone", "passed the line".
_HANDED = re.compile(
    r"\b(?i:sold|sells|gave|gives|given|handed|hands|lent|lends|loaned|passed|passes)(?:\s+(?i:the|a|an|this|that|his|her|their|my|our|your|its))?(?:\s+[^\W\d_][\w'’-]*){0,2}\s+\Z"
)
_WHO_AFTER = re.compile(r"\s+(?i:who|whose)\s")

_TITLES = HONORIFICS
# Cues that as often open a sentence about something else ("it's fiexd now", "this is frank
# feedback"): after them a typo of an everyday word is a typo. After the others ("ask for",
# "spoke with", "account holder is") a word that is no everyday word is a name, even one an
# everyday word is a letter swap away from ("olaf", "moen").
_WEAK_CUE = re.compile(r"^(?:it'?s|it\s+is|this\s+is|i'?m|i\s+am|name'?s|per|dear|(?:the|your|our)\s+\w+)$")
# "customer denise jones", "caller Gulyás Mária": a role word, then the name, no colon.
# "Name karley dob 01 march 1945": a form dictated or typed without its colon, "name" opening it.
# The same roles in the languages customers write: "Kunde gesa heß", "klant lorreijn, jip",
# "Ansprechpartner Curt", "aos cuidados de clara", "à l'attention de ...".
_SOFT_CUES = re.compile(
    r"\b(?:customer|client|caller|subscriber|account\s+holder|contract\s+holder|(?:second|main|other)\s+user|recipient|addressee|payee|kunde|kundin|klant|klient|klientka|cliente|ansprechpartner(?:in)?|contactpersoon"
    r"|referente|osoba\s+kontaktowa|(?:aos\s+)?cuidados\s+de|atenci[oó]n\s+de|attention\s+de|attenzione\s+di"
    # "emergency contact victor lesotho"; "au nom de yves", "a nome di", "en nombre de", "im Namen von".
    r"|(?:emergency\s+)?contact(?:\s+person)?|au\s+nom\s+de|a\s+nome\s+di|en\s+nombre\s+de|em\s+nome\s+de|im\s+namen\s+von)(?:[ \t]*:)?\s+(?=\w)"
    r"|(?:^|[.;,/|]\s*)name\s+(?=\w)",
    re.IGNORECASE,
)


def _without_trailing_foreign_words(text: str, span: tuple[int, int], keep: int = 1) -> tuple[int, int]:
    """A name after a cue in another language without the words of that language that ran on
    after it ("Kunde hans muster ruft an": "ruft" is the sentence's); at least `keep` words."""
    words = list(_LETTERS_RUN.finditer(text, *span))
    # A word after a particle is the surname ("van den broek"), whatever else it is.
    while len(words) > keep and is_foreign_everyday(words[-1].group().lower()) and words[-2].group().lower() not in _PARTICLES:
        words.pop()
    return span[0], words[-1].end() if words else span[1]


_FOREIGN_SOFT_CUE_WORDS = frozenset(
    ["kunde", "kundin", "klant", "klient", "klientka", "cliente", "ansprechpartner", "ansprechpartnerin", "contactpersoon", "referente", "osoba"]
    + ["aos", "cuidados", "atención", "atencion", "attention", "attenzione", "au", "a", "en", "em", "im"]
)
# "Marcin Żok called about the bill", "eliassen, trond phoned", "Zikmund wants the contract
# moved": a name opening a sentence, then a verb of getting in touch or asking.
_BEFORE_VERB = re.compile(
    r"(?:^|[.!?;:]\s+|\n)(?P<name>[^\W\d_][\w'’-]*(?:,?\s+(?:(?i:and|&)\s+)?[^\W\d_][\w'’-]*){0,4}?)\s+"
    # "george 6760856791 asked ...", "gaspare tasca (336465841) asked ...": how to reach them, between.
    r"(?:\(?\+?\d[\d \t().-]{5,}\d\)?\s+)?"
    r"(?P<verb>called|phoned|rang|emailed|texted|wrote|complained|reported|visited|wants|wanted|says|said|asked|asks|needs|needed|requested|disputes|disputed"
    r"|confirmed|agreed|approved|signed|cancell?ed|paid|returned|declined|accepted|refused|ordered|replied|explained|mentioned|told"
    r"|verified|gave|provided|updated"
    # What people do that a telecom writes down: "maxi and ildefonso share the family plan",
    # "VINCENT IS TRAVELLING TO MEPPEN", "per from borås won the loyalty draw".
    r"|shares?|won|lost|lives|lived|moved|bought|booked|owns|uses|left|(?:is|was)\s+(?:travell?ing|moving|calling|asking|waiting|visiting|abroad)"
    # "NORMAN FROM COPSA MICA WON THE DRAW", "uno from storbritannien": who, from where;
    # "Leontin of Vulcan disputes the charge": of where.
    r"|from|of)\b",
    re.IGNORECASE,
)
_VERBS = (
    "called phoned rang emailed texted wrote complained reported visited wants wanted says said asked asks needs needed requested disputes disputed from"
    " confirmed agreed approved signed cancelled canceled paid returned declined accepted refused ordered replied explained mentioned told"
    " verified gave provided updated"
    " of share shares won lost lives lived moved bought booked owns uses left travelling traveling moving calling asking waiting visiting abroad"
)


@register
class NameBeforeVerbRecognizer(LocalRecognizer):
    """A name opening a sentence, then a verb of getting in touch or asking ("Marcin Żok called
    about the bill", "eliassen, trond phoned", "Zikmund wants the contract moved"). Apart from
    PersonCueRecognizer because these verbs are frequent ("callback requested"): the costlier
    cues are not read for them."""

    REQUIRES = FirstWords(_VERBS.split())

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="NameBeforeVerbRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        # Most sentences that open with words before such a verb open with everyday words
        # ("callback requested", "Customer asked"): those are told apart on the raw text,
        # before hesitations are taken out for the rest.
        opening = any(_names_someone(m) for m in _BEFORE_VERB.finditer(text))
        if not opening and _VERB_INSIDE.search(text) is None:
            return []
        clean, offsets = without_fillers(text)
        cased = any(ch.isupper() for ch in clean[1:]) and not clean.isupper()
        results = []
        for m in _BEFORE_VERB.finditer(clean) if opening else ():
            if m.group("verb").lower() == "of" and not _names_someone(m):
                continue
            # "maxi and ildefonso share ...", "OLIVEIRA, MIGUEL AND ESTEVES, NOA SHARE ...": each of a pair.
            start, parts = m.start("name"), []
            for joiner in [*_PAIR_JOINER.finditer(clean, m.start("name"), m.end("name")), None]:
                end = joiner.start() if joiner is not None else m.end("name")
                parts.append((start, end))
                start = joiner.end() if joiner is not None else end
            for start, end in parts:
                span = _name_after(clean, start, cased, title=False, strong=True)
                # A sentence's first word is capitalized whatever it is: "Customer wants a refund".
                if (
                    span
                    and span[1] == end
                    and (
                        not _everyday_words(clean[start:end]) or _given_name_getting_in_touch(clean[start:end], m.group("verb"), clean[m.end() : m.end() + 40])
                    )
                ):
                    results.append(result(self, "PERSON", offsets[span[0]], offsets[span[1] - 1] + 1, 0.75, "name before a verb of getting in touch"))
                elif span and span[0] == start and _whole_subject_a_name(clean[start:end]):
                    results.append(result(self, "PERSON", offsets[start], offsets[end - 1] + 1, 0.75, "name before a verb of getting in touch"))
        results.extend(self._inside_sentences(clean, offsets, cased))
        return results

    def _inside_sentences(self, clean: str, offsets: list[int], cased: bool) -> list[RecognizerResult]:
        """A name inside a sentence before a verb only people do: "ticket reopened josh says
        nothing changed", "after that Sára Bednářová asked ...". The name is the run of words
        before the verb that are names of the lists or words no list knows, with a given name
        or a surname of the lists among them (not "the router says", "Netflix says")."""
        results = []
        for m in _VERB_INSIDE.finditer(clean):
            words = list(_LETTERS_WORD.finditer(clean, max(0, m.start() - 60), m.start()))
            run: list[re.Match[str]] = []
            for w in reversed(words[-3:]):
                gap = clean[w.end() : (run[0].start() if run else m.start())]
                if gap.strip() or not _name_like(w.group(), cased):
                    break
                run.insert(0, w)
            # "tine holst says": a given name of the lists before a surname, though an everyday word too.
            before = words[-len(run) - 1] if run and len(words) > len(run) else None
            if before is not None and not clean[before.end() : run[0].start()].strip() and _names(run[0].group(), surnames()):
                lower = before.group().lower()
                if lower in given_names() and lower not in _NOT_NAMES and lower not in _CALENDAR and (not cased or before.group()[:1].isupper()):
                    run.insert(0, before)
            # "the technician in sevilla said", "in South Jessica said": after a preposition of
            # place or a place's qualifier, the words are where.
            lead = words[-len(run) - 1].group().lower() if run and len(words) > len(run) else ""
            # "Siqueira do Campo said": a name or a place runs on before a particle.
            if (
                not run
                or lead in _BEFORE_A_PLACE
                or lead in _PARTICLES
                or run[0].group().lower() in _PARTICLES
                or _inside_a_place(clean, run[0].start())
                or is_known_place(" ".join(w.group().lower() for w in run))
            ):
                continue
            if any(_names(w.group(), given_names()) or _names(w.group(), surnames()) for w in run):
                results.append(result(self, "PERSON", offsets[run[0].start()], offsets[run[-1].end() - 1] + 1, 0.7, "name before a verb only people do"))
        return results


_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|at|from|near|to|of)\s+((?:[^\W\d_][\w'’.-]*\s+){1,4})$")


def _inside_a_place(text: str, start: int) -> bool:
    """Whether the words before `start` since a preposition of place are no English words: the
    run is the end of a place's name ("in serbien und montenegro said", "in tp. hồ chí minh")."""
    m = _PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 60), start)
    # The little words that join a place's name are no evidence either way ("sveti petar i miguel").
    return m is not None and not any(is_common_english(w.strip(".")) for w in m.group(1).split() if len(w.strip(".")) > 2)


_BEFORE_A_PLACE = PLACE_QUALIFIERS | frozenset(
    [
        "in",
        "at",
        "from",
        "to",
        "near",
        "into",
        "around",
        "across",
        "outside",
        "inside",
        "via",
        "of",
        "on",
        "by",
        "towards",
        "toward",
        "through",
        "within",
        "santo",
        "sainte",
        "sao",
        "são",
        "cape",
    ]
)
# Verbs only people do, inside a sentence (its opening is read by _BEFORE_VERB).
_VERB_INSIDE = re.compile(r"(?<=[^\W\d_])[ \t]+(?:says|said|asked|asks|wrote|phoned|rang|emailed|texted|complained)\b", re.IGNORECASE)
_LETTERS_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")


def _name_like(word: str, cased: bool) -> bool:
    """A word that may be part of a name: a name of the lists no everyday word is, or a word no
    list knows; capitalized in text that capitalizes."""
    if cased and not word[:1].isupper():
        return False
    lower = word.lower()
    if lower in _NOT_NAMES or lower in _CALENDAR or lower in HONORIFICS:
        return False
    return _names(word, given_names()) or _names(word, surnames()) or unknown_word(word)


def _whole_subject_a_name(subject: str) -> bool:
    """Whether every word before the verb is the name whose start was found: "otto casa grande
    asked us to call" (a given name of the lists, no everyday word, first; no little word of
    English after it, and a last word no everyday English word is or a name of the lists). Not
    "Anna today asked", "Maria also called"."""
    words = subject.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or not _names(words[0], given_names()):
        return False
    last = words[-1].lower()
    return not any(w.lower() in STOP_WORDS for w in words[1:]) and (not is_common_english(last) or is_name_word(last)) and last not in _CALENDAR


# Verbs only people do: a given name of the lists before one is someone's though the name is an
# everyday word too ("Christian wrote in from ...", "MARK WROTE IN", "Grace called about the bill").
_ONLY_PEOPLE_DO = frozenset(
    ["called", "phoned", "rang", "emailed", "texted", "wrote", "complained", "said", "says", "asked", "asks", "wants", "wanted", "disputes", "disputed"]
)


# What only a person confirms or gives of themselves: "MARK CONFIRMED DOB ...", "tone verified
# her date of birth" (a payment or a booking is confirmed too: "Payment confirmed").
_OF_ONESELF = re.compile(
    r"\s+(?:(?:his|her|their|the)\s+)?(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|identity|id|address|pin|passcode|password|security\s+answer)\b",
    re.IGNORECASE,
)
_GIVES_OF_ONESELF = frozenset(["confirmed", "verified", "gave", "provided", "updated", "changed"])


def _given_name_getting_in_touch(name: str, verb: str, after: str = "") -> bool:
    """A given name of the lists, though an everyday word too, before a verb only people do
    ("Grace called", "MARK WROTE IN"), or before what one confirms of oneself ("mile confirmed
    dob ..."); joined given names count when each half is one ("kelly-anne", "HANS-ALBERT")."""
    word = name.strip().lower()
    verb = verb.lower()
    of_oneself = verb in _GIVES_OF_ONESELF and _OF_ONESELF.match(after) is not None
    if not (verb in _ONLY_PEOPLE_DO or of_oneself):
        return False
    parts = word.split("-")
    if not 1 <= len(parts) <= 2 or not all(p.isalpha() for p in parts):
        return False
    return all(in_names_list(p, given_names()) and p not in _NOT_NAMES and p not in _CALENDAR and p not in STOP_WORDS for p in parts)


def _names_someone(m: re.Match[str]) -> bool:
    # "of" follows words of English as often as names: "Principality of Monaco", "Head of Sales".
    first = m.group("name").replace(",", " ").split()[0]
    if m.group("verb").lower() == "of" and is_english_vocabulary(first) and not _names(first, given_names()):
        return False
    return not _everyday_words(m.group("name")) or _given_name_getting_in_touch(m.group("name"), m.group("verb"), m.string[m.end() : m.end() + 40])


# "Alma's phone is broken", "Yves's router": a given name with the possessive.
_POSSESSIVE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?)['’]s\b")
# "Philippe-Yves Marchand's router": the words before the possessive that may open the name.
_CAPITALIZED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?)[ \t]+$")


def _is_given_name(word: str, personal: bool = False) -> bool:
    """A given name of the lists, no everyday word, month, day or well-known place; of a
    double given name ("Philippe-Yves") the first half. A place's name too when what it owns is
    a person's (`personal`: "Victoria's phone", "Jordan's voicemail")."""
    parts = word.lower().split("-")
    return parts[0] in given_names() and not any(p in _NOT_NAMES or p in _CALENDAR for p in parts) and (personal or not is_well_known_place(word))


def _rare_owner(word: str) -> bool:
    """A word English text seldom uses, no month or day and no word of a form or a chat."""
    parts = word.lower().split("-")
    return not any(is_common_english(p) or p in _NOT_NAMES or p in _CALENDAR for p in parts)


# What only a person owns: a country or city has a network, never a phone or a voicemail.
_PERSONAL_THING = re.compile(
    r"[ \t]+(?:(?:new|old|own|current|work|home)[ \t]+)?(?i:phone|mobile|cell|handset|sim|voicemail|e-?mail|number|contract|birthday)\b"
)


# "Timothy - account holder", "Hardy (caller)": a name, then the role it has here.
_ROLE_AFTER = re.compile(
    r"(?:^|(?<=[.!?;:\n]\s)|(?<=\n))(?P<name>[^\W\d_][\w'’-]*(?:,?\s+(?:(?:&|and)\s+)?[^\W\d_][\w'’-]*){0,7}?)\s*(?:[-–—,]\s*|\(\s*)"
    r"(?i:the\s+)?(?i:account\s+holder|customer|caller|subscriber|owner|payer|tenant|contact|joint\s+account(?:\s+holders?)?|second\s+user"
    r"|authori[sz]ed\s+user|co-?signer|guarantor)\b",
    re.MULTILINE,
)
# "lists kanak as the payer", "added Ana Ruiz as an authorised user".
_AS_THE_ROLE = re.compile(
    r"(?<![\w'’-])(?P<name>[^\W\d_][\w'’-]*(?:,?[ \t]+[^\W\d_][\w'’-]*){0,2})[ \t]+as[ \t]+(?:the|a|an|her|his|their|our)[ \t]+"
    r"(?:(?:main|second|new|only|joint)[ \t]+)?(?:payer|account[ \t]+holder|holder|owner|contact|user|authori[sz]ed[ \t]+user|subscriber|beneficiary|guarantor|co-?signer|emergency[ \t]+contact)\b",
    re.IGNORECASE,
)
# "re bernardo's ticket", "RE Ahern, Shauneen's ticket", "about annak öcalan's bill": after a
# word saying what a note is about, a possessive before a thing of the account is whose it is,
# in any case (the capitalized possessive above needs no such cue).
_ABOUT_POSSESSIVE = re.compile(
    r"(?:^|(?<=[\s(\[:;,]))(?i:re|regarding|concerning|about|for)\b[:\s]+(?P<name>[^\W\d_][\w'’-]*(?:,?[ \t]+[^\W\d_][\w'’-]*){0,3}?)['’][sS][ \t]+"
    r"(?:(?i:new|old|own|current|open|last|latest|second|first|mobile|home|broadband|fibre|fiber)[ \t]+)?"
    r"(?i:ticket|case|account|bill|invoice|phone|line|router|modem|sim|esim|contract|order|complaint|request|refund|number|handset|device|plan"
    r"|appointment|visit|port(?:ing)?|payment|card|claim|query|issue|subscription|package|parcel|delivery|request|voicemail|address)\b",
    re.MULTILINE,
)
# "SPOKE TO HERRING, MARK'S DAUGHTER", "ayşe's husband called": whose relative someone is,
# a person whatever words the name is made of; read back from the possessive.
_AND_KIN = re.compile(
    r"(?:^|(?<=[.!?;:\n]\s)|(?<=\n))(?P<name>[^\W\d_][\w'’-]*(?:,?[ \t]+[^\W\d_][\w'’-]*){0,3}?)[ \t]+(?:&|(?i:and))[ \t]+(?i:her|his|their)[ \t]+"
    r"(?:(?i:late|new|ex)[ \t]+)?(?i:" + _RELATIONS + r")\b",
    re.MULTILINE,
)
_KIN_POSSESSIVE = re.compile(r"['’][sS][ \t]+(?:(?i:late|eldest|youngest|oldest|elder|younger|little|new|ex)[ \t]+)?(?i:" + _RELATIONS + r")\b")
_OWNER_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)(,?)[ \t]+$")
_PAIR_JOINER = re.compile(r"\s+(?:&|(?i:and))\s+")
# Letters of scripts other than the Latin one: a run of them in Latin text is a name or a place
# written in its own script ("I met 斎藤 直子 yesterday", "spoke with Иван Петров").
_OTHER_SCRIPT = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Thai}\p{Devanagari}]"
_OTHER_SCRIPT_RUN = regex.compile(rf"{_OTHER_SCRIPT}+(?:[ \u3000・]{_OTHER_SCRIPT}+){{0,3}}")
_LATIN_LETTER = regex.compile(r"\p{Latin}")


# The separators of a record written as a line: "MAURICIO | MURCIA | 11/23/2000", a tab-separated
# export, "dverce 1b - roko džapo - fibre install pending", "Caller ID 30884500 / astrid".
_CELL_SEPARATOR = re.compile(r"[ \t]+[|/–—-][ \t]+|\t|[ \t]*\|[ \t]*")
# A word, or the Dutch particle "'t" ("Caller ID 30884500 / Jan van 't Hof").
_CELL_WORD = re.compile(r"['’][tT](?![\w'’])|[^\W\d_][\w'’.-]*")


@register
class RecordCellRecognizer(LocalRecognizer):
    """A name standing alone in a cell of a record written as a line, cells parted by "|", a
    tab, " - " or " / " ("Caller ID 30884500 / astrid"): the cell is the value, as a field would
    be, and what makes it a name is its words: given names and surnames of the lists, words no
    list knows, and not only everyday words ("fibre install pending", "Router - restarted" stay)."""

    REQUIRES = AnyOf(r"\||\t|\s[/–—-]\s|\]|:\s")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["PERSON", "LOCATION", "PHONE_NUMBER", "STREET_ADDRESS"], supported_language=supported_language, name="RecordCellRecognizer"
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for line_start, line in _lines(text):
            # A chat line's tag and speaker are cells too: "[dresden] hans-gerhard hering: the
            # line is dead", "[10:02] Anna Berg: hi" ("Subject:", "Agent:" are everyday words).
            head = _LINE_HEAD.match(line)
            if head is not None:
                for part in ("tag", "speaker"):
                    cell = head.group(part)
                    chat = part == "speaker" and bool(line[: head.start(part)].strip())
                    named = (_name_cell(cell) or (_speaker(cell, chat) if part == "speaker" else None)) if cell else None
                    if named is not None:
                        at, to, entity = named
                        found.append(
                            result(
                                self, entity, line_start + head.start(part) + at, line_start + head.start(part) + to, 0.6, "a name as a line's tag or speaker"
                            )
                        )
            if _CELL_SEPARATOR.search(line) is None:
                continue
            cells, start = [], 0
            for m in [*_CELL_SEPARATOR.finditer(line), None]:
                end = m.start() if m is not None else len(line)
                cells.append((start, line[start:end], _name_cell(line[start:end])))
                start = m.end() if m is not None else len(line)
            # Beside a phone number, or a date and a name, a cell is a person's detail: a given
            # name that is a word too ("job | +31292 841908 | oeganda", "edit | dunaújváros |
            # 05/14/1989"); not a log's "date | 2024-01-05 | ok".
            kinds = {named[2] for _, _, named in cells if named is not None}
            dates = [cell_date for _, cell, _ in cells if (cell_date := _DATE_CELL.fullmatch(cell)) is not None]
            # A date of birth's year ("ISTVAN GREIN GROTH B.ENG. | BÜSINGEN AM HOCHRHEIN |
            # 12.07.1962") says the record is about someone as a name would.
            born = any(int(year) <= _LATEST_BIRTH_YEAR for d in dates for year in _YEAR.findall(d.group()))
            beside_an_identifier = "PHONE_NUMBER" in kinds or (bool(dates) and (bool(kinds) or (born and len(cells) >= 3)))
            unnamed = [
                (start, cell)
                for start, cell, named in cells
                if named is None and (not beside_an_identifier or _detail_cell(cell) is None) and not _DATE_CELL.fullmatch(cell)
            ]
            for start, cell, named in cells:
                if named is None and beside_an_identifier:
                    named = _detail_cell(cell)
                if named is None and len(cells) >= 3 and unnamed == [(start, cell)] and (born or {"PHONE_NUMBER", "LOCATION"} <= kinds):
                    # A record of someone born then, or of a number and a place, its other cells
                    # told apart: the one left is the person, whatever words the name is made of
                    # ("ROAR | JONSJØEN | JUNE 25, 1984", "Per\t82 89 74 94\tArmenia").
                    named = _whole_name_cell(cell)
                if named is None and (kinds or dates) and cell[:1].isdigit() and is_street_cell(cell):
                    # Beside a name, a number or a date, a cell that is a street in the US and
                    # UK order ("07 smith circle - shari - fibre install pending"; "status | 2
                    # hard drive | open" has no one in it).
                    named = 0, len(cell), "STREET_ADDRESS"
                if named is not None:
                    at, to, entity = named
                    found.append(result(self, entity, line_start + start + at, line_start + start + to, 0.6, "a name alone in a cell of a record"))
        return found


_LINE_HEAD = re.compile(
    r"[ \t]*(?:\[(?P<tag>[^\]\n\d]{2,40})\][ \t]*)?(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]*)?(?:(?P<speaker>[^\W\d_][\w'’., -]{0,40}?)[ \t]*:[ \t])?"
)


def _lines(text: str) -> list[tuple[int, str]]:
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    return lines


# A cell of digit groups alone, as a phone number is written ("22 531 15 41", "(0161) 496-0672").
_NUMBER_CELL = re.compile(r"[ \t]*(?P<number>\+?\(?\d[\d()]*(?:[ .-]\(?\d[\d()]*){0,5})[ \t]*")


_DATE_SHAPE = re.compile(r"\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{2,4}")


def _listed_name(word: str) -> bool:
    return (word in given_names() and word not in _CALENDAR) or word in surnames() or is_english_proper_name(word)


_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# Records of customers: a year of birth at least this far back (a log's dates are recent).
_LATEST_BIRTH_YEAR = date.today().year - 10
_MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?"
# A date in digits, or with its month's name ("11 march 1964", "March 11, 1964").
_DATE_CELL = re.compile(
    rf"[ \t]*(?:\d{{4}}([-./])\d{{1,2}}\1\d{{1,2}}|\d{{1,2}}([-./])\d{{1,2}}\2\d{{2,4}}|\d{{1,2}}\.?[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}})[ \t]*"
)


def _in_word_list(word: str) -> bool:
    """Whether the frequency list has the word itself ("restarted"), not only a word it could be
    inflected from ("novaes" is no "nova")."""
    return english_counts().get(word, 0) >= ATTESTED or is_common_english(word)


_PLACE_AND_BRACKETS = re.compile(r"[ \t]*(?P<place>[^\W\d_][^()\d\t]*?)[ \t]*\([^()\d\t]+\)")


def _whole_name_cell(cell: str) -> tuple[int, int, str] | None:
    """The cell as a person's name: one to four words, no digit, no little word of English but
    a name's particles, no status ("open", "pending")."""
    words = list(_CELL_WORD.finditer(cell))
    if not words or len(words) > 4 or _CELL_WORD.sub("", cell).strip(" \t,"):
        return None
    lower = [w.group().lower().strip(".") for w in words]
    if _a_status(lower) or any(
        (w in STOP_WORDS and w not in _PARTICLES) or w in _NOT_NAMES or w in _CALENDAR or w in _BLOCK_LABEL_WORDS or w in _ROLE_WORDS for w in lower
    ):
        return None
    return words[0].start(), words[-1].end(), "PERSON"


def _detail_cell(cell: str) -> tuple[int, int, str] | None:
    """A cell of one to four words, each a name of the lists or no everyday English word
    ("job", "NOVAES", "dolní kounice"), in a record beside a phone number or a date."""
    bracketed = _PLACE_AND_BRACKETS.fullmatch(cell)
    if bracketed is not None and is_known_place(" ".join(bracketed.group("place").lower().split())):
        # "Holy See (Vatican City State)", "Slovakia (Slovak Republic)": a place and its other name.
        return bracketed.start("place"), bracketed.end(), "LOCATION"
    words = list(_CELL_WORD.finditer(cell))
    if not words or len(words) > 4 or _CELL_WORD.sub("", cell).strip(" \t,"):
        return None
    lower = [w.group().lower().strip(".") for w in words]
    if _a_status(lower):
        return None
    # A known place, of two words or of one no everyday word ("SAINT MARTIN", "Bad Ischl"; not "Orange").
    if is_known_place(" ".join(lower)) and (len(lower) > 1 or not is_common_english(lower[0])):
        return words[0].start(), words[-1].end(), "LOCATION"
    # Between the words of a town, the small words of its river or region ("Büsingen am Hochrhein").
    inner = {w for w in lower[1:-1] if w in _PLACE_JOINERS}
    if any(w in STOP_WORDS and w not in _PARTICLES and w not in inner for w in lower):
        return None
    if not all(_listed_name(w) or not _in_word_list(w) for w in lower if w not in inner):
        # "VASILICĂ POP": a given name (of the lists, or a word no list knows) opens it, and a
        # surname that is a word elsewhere too follows, written alike.
        opens = (lower[0] in given_names() and not is_common_english(lower[0])) or unknown_word(lower[0])
        if not (2 <= len(words) <= 3 and not inner and opens and _same_case(words)):
            return None
        return words[0].start(), words[-1].end(), "PERSON"
    return words[0].start(), words[-1].end(), "LOCATION" if inner or is_known_place(" ".join(lower)) else "PERSON"


_PLACE_JOINERS = frozenset({"am", "an", "im", "upon", "on", "sur", "sous", "ob", "bei"})

# What may finish an address or a number's cell before its separator: ", 97478 Finsterwalde".
_REST_OF_CELL = re.compile(r"[^|\t\n/–—]{0,40}?(?=[ \t]+[|/–—-][ \t]+|\t|[ \t]*\|)")
_NEXT_SEPARATOR = re.compile(r"[ \t]+[|/–—-][ \t]+|\t|[ \t]*\|[ \t]*|\n|$")


def name_cell_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name in the cell after an address's or a phone number's cell of a record written as
    a line ("46 Staunton Street - Jackson - fibre install pending", "CALLER ID 08-042 52 59 /
    BROR"): beside such a detail, a cell of names of the lists (everyday words too) or of words
    no list knows is whose it is; "fibre install pending", "ok" stay."""
    rest = _REST_OF_CELL.match(text, end)
    if rest is None or any(ch in ".;:!?" for ch in rest.group()):
        return None
    separator = _NEXT_SEPARATOR.match(text, rest.end())
    if separator is None or not separator.group().strip(" \t"):
        return None
    after = _NEXT_SEPARATOR.search(text, separator.end())
    cell_end = after.start() if after is not None else len(text)
    cell = text[separator.end() : cell_end]
    named = _detail_cell(cell)
    # A town that is a name too is the name here ("Jackson"): a town stays in the address's cell.
    if named is None or (named[2] != "PERSON" and not all(w in given_names() for w in cell[named[0] : named[1]].lower().split())):
        return None
    return separator.end() + named[0], separator.end() + named[1]


def _a_status(lower: list[str]) -> bool:
    """A cell of one word that says how things stand, not who: "ok", "done", "fixed", "yes"."""
    return len(lower) == 1 and lower[0] in _STATUSES


_STATUSES = frozenset(
    [
        "ok",
        "okay",
        "done",
        "fixed",
        "yes",
        "no",
        "pending",
        "closed",
        "open",
        "resolved",
        "unresolved",
        "none",
        "unknown",
        "tbd",
        "sent",
        "failed",
        "error",
        "active",
        "inactive",
        "cancelled",
        "canceled",
    ]
)


# Who speaks on a chat line when it is no person, in the languages customers write: "Kunde",
# "Klant", "Cliente", "Opérateur", "Asesor" (English ones are everyday words already).
_CHAT_ROLE_WORDS = (
    "agent agente agentin kunde kundin klant klient klientka klientas cliente client operador operadora operatore operatrice opérateur opératrice"
    " operatör berater beraterin medewerker medewerkster asesor asesora consulente conseiller conseillère bot bota sistema système systeem"
    " soporte suporte supporto assistenza assistent assistente assistentin atendente atendimento servicio servizio kundenservice klantenservice"
    " kundeservice kundtjänst asiakas asiakaspalvelu müşteri temsilci ügyfél ügyintéző zákazník operátor doradca konsultant konsultantka"
    # and the notes a system writes on the line: "[10:42] Nota: ...", "[10:42] Notiz: ..."
    " nota notiz hinweis notitie opmerking uwaga poznámka megjegyzés huomautus anteckning notat bemærkning"
)
_CHAT_ROLES = frozenset(_CHAT_ROLE_WORDS.split())


def _speaker(cell: str, chat: bool = False) -> tuple[int, int, str] | None:
    """Who speaks on a chat line ("[mozambique] isabelle-charlotte ferrand: ..."): a person,
    whatever list knows the words, unless every word is everyday English ("Agent", "Tech
    support", "System")."""
    words = list(_CELL_WORD.finditer(cell))
    # One comma, after the first word: the name written surname first ("[ITÁLIA] NASCIMENTO,
    # DOM: ..."), not a list ("Agent, Tech: ...").
    if not words or len(words) > 4 or cell.count(",") > 1 or ("," in cell and (len(words) < 2 or not cell[words[0].end() :].startswith(","))):
        return None
    lower = [w.group().lower().strip(".") for w in words]
    if any(p in STOP_WORDS for w in lower for p in [w, *w.split("-")]):
        return None
    # Each part a name of the lists or no English word ("Wi-Fi settings", "Tech Support" stay);
    # a short word in capitals alone is an acronym ("FTTH: ok").
    # The first of two may be an everyday word when the second is a surname no English word is
    # ("[Saramark] Tore Haugland: ...", Norwegian "Tore").
    parts = [p for w in (lower[1:] if len(lower) == 2 and _listed_name(lower[1]) and not is_english_vocabulary(lower[1]) else lower) for p in w.split("-") if p]
    if not all(_listed_name(p) or not (is_english_vocabulary(p) or is_typo_of_common(p)) for p in parts):
        return None
    # One word alone is a label as often ("Birthdate:", "cc:"): only a name of the lists; on a
    # chat line, whose speakers are people or their roles, any word but a role's in another
    # language ("[satu mare] floarea:", Romanian "flower"; not "[10:42] Kunde:").
    if len(words) == 1 and not (lower[0] in given_names() or lower[0] in surnames() or (chat and lower[0] not in _CHAT_ROLES)):
        return None
    # A label in another language ("Nieuw bezorgadres:", "NEUE LIEFERADRESSE:"): a word of its
    # everyday language and no name of the lists.
    # On a chat line (a tag or a time before the speaker), a word no list knows makes it a name
    # too ("[Vladimirescu] Mălina Dobre:", Polish "dobre" is "good").
    if (
        "," not in cell
        and any(is_foreign_everyday(w) for w in lower)
        and not any(_listed_name(w) or (chat and (unknown_word(w) or len(words) == 1)) for w in lower)
    ):
        return None
    if any(w in _NOT_NAMES for w in lower):
        return None
    return words[0].start(), words[-1].end(), "PERSON"


def _name_cell(cell: str) -> tuple[int, int, str] | None:
    """The span and type of the name that is the whole cell ("roko džapo", "Butcher, Alexandra";
    "MURCIA"), or None."""
    number = _NUMBER_CELL.fullmatch(cell)
    # One run of digits is a number to call only with its trunk "0" or "+" ("03298786848").
    solid = number is not None and number.group("number").isdigit() and not number.group("number").startswith("0")
    if number is not None and not solid and 7 <= sum(c.isdigit() for c in number.group("number")) <= 15 and not _DATE_SHAPE.fullmatch(number.group("number")):
        return number.start("number"), number.end("number"), "PHONE_NUMBER"
    words = list(_CELL_WORD.finditer(cell))
    if not words or len(words) > 6 or _CELL_WORD.sub("", cell).strip(" \t,") or cell.count(",") > 1:
        return None
    lower = [w.group().lower().strip(".") for w in words]
    joined = " ".join(lower)
    # A place of little words is a place still ("SAINT VINCENT AND THE GRENADINES"); a name is
    # four words at most and has none.
    little = [w for w in lower if w in STOP_WORDS and w not in _PARTICLES]
    if (len(words) > 4 or little) and not (len(little) < len(lower) and is_known_place(joined)):
        return None
    if _a_status(lower):
        return None
    if is_known_place(joined):
        # A place, or a name that is one too ("Mauricio" is Spanish for Mauritius): either is
        # who or where; "Orange" and "Nice" as a carrier's or a word's cell stay.
        # A country is one though English has the word ("JOHN\t(01)964-6125\tPHILIPPINES").
        if joined in AMBIGUOUS or (all(is_common_english(w) for w in lower) and not is_country(joined)):
            return None
        return words[0].start(), words[-1].end(), "LOCATION"
    # The cell is the value, as a field's is: a name of the lists counts though it is an everyday
    # word too ("Mauricio", "Butcher"), unless every word is everyday English and none a given name.
    listed = [all(_listed_name(part) for part in w.split("-")) for w in lower]
    # "Selena Hoes": a given name of the lists that is no everyday word, then its surname,
    # whatever word that is elsewhere.
    if len(words) == 2 and "," not in cell and _names(lower[0], given_names()) and not is_common_english(lower[0]) and lower[1] not in STOP_WORDS:
        return words[0].start(), words[-1].end(), "PERSON"
    # "Andresen, Laus": a listed surname, its comma, then the given name, whatever list knows it.
    if (
        len(words) == 2
        and cell.count(",") == 1
        and listed[0]
        and not is_common_english(lower[1])
        and words[1].group()[:1].isupper() == words[0].group()[:1].isupper()
    ):
        return words[0].start(), words[-1].end(), "PERSON"
    # "Wi-Fi" is "wifi": a word no list knows has no known word in it either.
    if not all(n or (unknown_word(w) and unknown_word(w.replace("-", ""))) or w in _PARTICLES for n, w in zip(listed, lower)):
        return None
    if all(is_common_english(w) for w in lower) and not any(_names(w, given_names()) or is_english_proper_name(w) for w in lower):
        return None
    return words[0].start(), words[-1].end(), "PERSON"


@register
class NameBySideRecognizer(LocalRecognizer):
    """A name told by what stands by it: the possessive after a given name ("Alma's phone"), a
    role after it ("Timothy - account holder"), or the script it is written in: a word of
    another script in Latin text ("I met 斎藤 直子 yesterday", "cc: Иван Петров") is a name
    or a place, both identifying, in support notes."""

    REQUIRES = AnyOf(
        r"['’][sS]\b",
        FirstWords("holder customer caller subscriber owner payer tenant contact joint user cosigner signer guarantor beneficiary"),
        # "and her husband": the pronouns of _AND_KIN.
        FirstWords("her his their"),
        _OTHER_SCRIPT_RUN,
        r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]",
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="NameBySideRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _POSSESSIVE.finditer(text):
            # The name opens with its leftmost given name among up to two capitalized words
            # before the possessive ("Philippe-Yves Marchand's"; "Yesterday Anna's").
            words = [(m.start("name"), m.group("name"))]
            for _ in range(2):
                before = _CAPITALIZED_BEFORE.search(text, max(0, words[0][0] - 40), words[0][0])
                if before is None:
                    break
                words.insert(0, (before.start(1), before.group(1)))
            personal = _PERSONAL_THING.match(text, m.end()) is not None
            start = next((at for at, word in words if _is_given_name(word, personal)), None)
            if start is None and personal and _rare_owner(m.group("name")):
                # What only a person owns says the owner is one, whatever lists miss the name
                # ("Buenaventura's phone is broken", "Ize's phone"; not "Apple's phone").
                start = m.start("name")
            if start is not None:
                found.append(result(self, "PERSON", start, m.end("name"), 0.6, "a given name (and surname) with the possessive"))
        for m in _ABOUT_POSSESSIVE.finditer(text):
            named = list(_LETTERS_RUN.finditer(text, m.start("name"), m.end("name")))
            # "Bilge, Sakip's": written surname first, the surname may be any word.
            inverted = len(named) == 2 and "," in text[named[0].end() : named[1].start()] and named[0].group().lower() not in STOP_WORDS
            # "re joel brown's ticket": after a given name of the lists, a surname of them though
            # an everyday word too.
            given_first = not inverted and len(named) > 1 and _names(named[0].group(), given_names())
            if given_first:
                given_first = all(_owner_word(w.group()) or (w.group().lower() in surnames() and w.group().lower() not in STOP_WORDS) for w in named[1:])
            if named and (given_first or all(_owner_word(w.group()) for w in named[inverted:])):
                found.append(result(self, "PERSON", named[0].start(), named[-1].end(), 0.6, "whose thing a note is about"))
        for m in _AND_KIN.finditer(text):
            # "SAAR AND HER HUSBAND IRIS BOTH NEED ESIMS": whose relative comes next is a person.
            name = m.group("name")
            lower = [w.lower() for w in _LETTERS_RUN.findall(name)]
            if lower and not set(lower) & (STOP_WORDS | _NOT_NAMES | _ROLE_WORDS) and (not _everyday_words(name) or lower[0] in given_names()):
                found.append(result(self, "PERSON", *m.span("name"), 0.6, "a name before whose relative follows"))
        for m in _KIN_POSSESSIVE.finditer(text):
            span = _owner_before(text, m.start())
            if span is not None:
                found.append(result(self, "PERSON", *span, 0.6, "whose relative someone is"))
        cased = any(ch.isupper() for ch in text[1:]) and not text.isupper()
        for m in _ROLE_AFTER.finditer(text):
            # "Efil Öcalan Dumanlı & Tunguç Şama (joint account)": each name of the pair.
            halves: list[tuple[int, int]] = []
            start = m.start("name")
            for joiner in [*_PAIR_JOINER.finditer(text, m.start("name"), m.end("name")), None]:
                end = joiner.start() if joiner is not None else m.end("name")
                halves.append((start, end))
                start = joiner.end() if joiner is not None else end
            named_parts: list[tuple[int, int]] = []
            for at, end in halves:
                span = _name_after(text, at, cased, title=False, strong=True)
                if span and span[1] == end and not _everyday_words(text[at:end]):
                    named_parts.append((at, end))
                elif _is_given_name(text[at:end].strip(), personal=True):
                    # A given name of the lists alone before a role only people have, though an
                    # everyday word too: "Dawn - account holder", "Mark (caller)".
                    named_parts.append((at, end))
            if len(halves) == 2 and len(named_parts) == 1:
                # The found half of a pair says what the other half is, everyday words or not:
                # "PAULA BLACK & JACK WHITE (JOINT ACCOUNT)", "Odd & Torill Jenssen (joint account)".
                (at, end) = next(h for h in halves if h not in named_parts)
                other = [_bare(w) for w in _LETTERS_RUN.findall(text[at:end])]
                if 1 <= len(other) <= 3 and not any(w in STOP_WORDS or w in _NOT_NAMES or w in _CALENDAR or w in _ROLE_WORDS for w in other):
                    named_parts.append((at, end))
            for span in named_parts:
                found.append(result(self, "PERSON", *span, 0.75, "a name before the role it has"))
        for m in _AS_THE_ROLE.finditer(text):
            # "the account lists kanak as the payer": the words right before "as", a name's.
            named = list(_LETTERS_RUN.finditer(text, m.start("name"), m.end("name")))
            while named and not _name_or_rare(named[0].group()):
                named.pop(0)
            if named and all(_name_or_rare(w.group()) and w.group().lower() not in _NOT_NAMES for w in named):
                found.append(result(self, "PERSON", named[0].start(), named[-1].end(), 0.6, "a name before the role it is listed as"))
        if not text.isascii():
            runs = list(_OTHER_SCRIPT_RUN.finditer(text))
            if runs and len(_LATIN_LETTER.findall(text)) > sum(len(r.group()) for r in runs):
                found += [result(self, "PERSON", r.start(), r.end(), 0.6, "a name in another script in Latin text") for r in runs]
            found += [result(self, "PERSON", start, end, 0.6, "a Vietnamese name in text of another language") for start, end in _vietnamese_names(text)]
        return found


def _kin_word(word: str) -> bool:
    """A word of a name whose relative someone is: a name of the lists though an everyday word
    too ("mark's daughter"), or a word no everyday English one is."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in _NOT_NAMES or lower in _CALENDAR:
        return False
    return lower in given_names() or _names(word, surnames()) or not (is_english_vocabulary(word) or is_typo_of_common(word))


def _owner_before(text: str, end: int) -> tuple[int, int] | None:
    """The name of up to three words ending at text[end] (a possessive's "'s" follows): "mark",
    "HERRING, MARK", "ana ruiz"; the words leading up to it ("spoke to") left out."""
    m = re.match(r"[^\W\d_][\w'’-]*", text[max(0, end - 40) : end][::-1])
    if m is None:
        return None
    start = end - m.end()
    if not _kin_word(text[start:end]):
        return None
    first = start
    for _ in range(2):
        before = _OWNER_WORD_BEFORE.search(text, max(0, first - 40), first)
        if before is None or not _kin_word(before.group(1)):
            # Written surname first, the surname may be any word ("HERRING, MARK'S").
            if (
                before is not None
                and before.group(2)
                and first == start
                and before.group(1).lower() not in STOP_WORDS
                and before.group(1)[:1].isupper() == text[start : start + 1].isupper()
            ):
                first = before.start(1)
            break
        first = before.start(1)
    return first, end


def _owner_word(word: str) -> bool:
    """A word of whose a thing is: a name of the lists or a word no everyday English one is;
    not a day, a month, "last month's" or "the company's"."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in _NOT_NAMES or lower in _CALENDAR:
        return False
    return _names(word, given_names()) or _names(word, surnames()) or not is_common_english(word)


_WORD_IN_RUN = re.compile(r"[^\W\d_]+")


def _vietnamese_names(text: str) -> list[tuple[int, int]]:
    """Runs of two to four Vietnamese syllables ("Nhật Lê", "trần thị mai") in text not itself
    Vietnamese: a name, its syllables everyday Vietnamese words each. Known places stay places."""
    if _VIETNAMESE_LETTER.search(text) is None:
        return []
    # Text in Vietnamese is dense with its letters, unless it is an English note about a
    # Vietnamese customer and place ("[thành phố Hà Nội] Nhật Tấn Đặng: the line is dead").
    if len(_VIETNAMESE_LETTER.findall(text)) > len(text) // 10 and not reads_as_english(text):
        return []
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in [*_WORD_IN_RUN.finditer(text), None]:
        if m is not None and _vietnamese_in_run(m.group()) and (not run or text[run[-1].end() : m.start()] == " "):
            run.append(m)
            continue
        while run and not _vietnamese(run[-1].group()):
            run.pop()  # a plain syllable ends no name ("Đặng an"): only between or after others
        while run and not _vietnamese(run[0].group()) and len(run) > 1 and not _vietnamese(run[1].group()):
            run.pop(0)
        if 2 <= len(run) <= 4 and any(_VIETNAMESE_LETTER.search(w.group()) for w in run):
            words = " ".join(w.group().lower() for w in run)
            if not is_known_place(words):
                spans.append((run[0].start(), run[-1].end()))
        run = [m] if m is not None and _vietnamese_in_run(m.group()) else []
    return spans


# "Samuel de Hoog", "Tijn van Alenburg": the particles and the surname after a given name found.
_PARTICLE_SURNAME = re.compile(r"\s+(?:(?i:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ter|ten|bin|ibn|al|el)\s+){1,3}[^\W\d_][\w'’-]*")


def surname_with_particles(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The surname with its particles after a person's name found without them ("Samuel" of
    "Samuel de Hoog"): the name is the whole of it, and "de" alone would stay readable. The
    surname written like the found name (capitalized, or all lower case)."""
    m = _PARTICLE_SURNAME.match(text, end)
    if m is None:
        return None
    last = m.group().split()[-1]
    found = text[start:end]
    if found[:1].isupper() != last[:1].isupper() or is_common_english(last):
        return None
    # "... möchte den vertrag kündigen", "quiere darse de baja": an article and a word of the
    # text's language after a name that ran on into the sentence.
    if (is_foreign_everyday(last.lower()) or is_foreign_everyday(found.split()[-1].lower())) and not is_name_word(last):
        return None
    return m.start() + len(m.group()) - len(m.group().lstrip()), m.end()


_COMMONEST_WORD = 100_000  # uses in the frequency list: "young", "man", "green", "hope"


def _signed_name(words: str) -> bool:
    """Whether the words that end a message after a sign-off are a name: no small or everyday
    filler ("thanks so much", "cheers mate"), and at least one name of the lists that is no
    everyday word ("urban anders")."""
    split = [w.lower() for w in words.replace(",", " ").split()]
    if not split or any(w in _NOT_NAMES or w in _CALENDAR for w in split):
        return False
    return any((w in given_names() or w in surnames()) and not is_common_english(w) for w in split) and not all(is_common_english(w) for w in split)


def _everyday_words(words: str) -> bool:
    """Whether every word is everyday English and none a given name of the lists; a given name
    and a surname of the lists together are a name even when both are everyday words too
    ("DAWN WARD asked us to call", "Grace Hill wants paper bills")."""
    split = words.replace(",", " ").split()
    # Two given names joined are a double given name, whatever each is alone ("Hans-Martin").
    if any(_double_given_name(w.lower()) for w in split):
        return False
    first, last = (split[0].lower(), split[-1].lower()) if split else ("", "")
    # Not the commonest words of all ("Young man called"): a name is rarer than they are.
    if len(split) in (2, 3) and first in given_names() and last in surnames() and not {first, last} & _NOT_NAMES:
        counts = english_counts()
        if counts.get(first, 0) < _COMMONEST_WORD and counts.get(last, 0) < _COMMONEST_WORD:
            return False
    return all(is_common_english(w) and not _names(w, given_names()) for w in split)


# "yeah, Debbie here", "hi anne-marie here": a given name followed by "here" at the start of a turn.
_HERE = re.compile(
    r"(?:^(?P<greeting>yeah|yes|hi|hello|hey|hiya)[,\s]+|^|[.!?]\s+)(?P<name>[^\W\d_]+(?:-[^\W\d_]+)?(?:,?[ \t]+[^\W\d_]+(?:-[^\W\d_]+)?){0,3}?)\s+here\b",
    re.IGNORECASE,
)


def _introduces_self(name: str, greeted: bool = False) -> bool:
    """Whether the words before "here" ("hi, manthan here", "hi christian barber here", "Florea,
    Giorgiana here") are a name: one word a given name of the lists or a word no list knows,
    or after a greeting a word English seldom uses ("hi, romulus here"; not "hi, everyone here"
    or "hi, tech here"); more, each a name of the lists or no English word ("tech support here"
    stays), but for a name's particles inside it ("lenn den buytelaar-aarden here")."""
    words = [w for w in re.split(r"[,\s]+", name.lower()) if w]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if w not in _PARTICLES), words[-1]]
    if len(words) > 3 or any(w in _NOT_NAMES for w in words):
        return False
    if len(words) == 1:
        return all(
            p in given_names() or unknown_word(p) or not (is_english_vocabulary(p) or is_typo_of_common(p)) or (greeted and _seldom_english(p))
            for p in words[0].split("-")
        )
    return all(p in given_names() or p in surnames() or not (is_english_vocabulary(p) or is_typo_of_common(p)) for w in words for p in w.split("-"))


def _seldom_english(word: str) -> bool:
    """A word the frequency list has seen, but seldom, and no word of chats ("romulus",
    "horatio"; not "everyone", "tech" or "billing")."""
    return not is_common_english(word) and is_english_vocabulary(word, modern=False) and word not in _NOT_NAMES


# "thx, Vansha", "Kind regards,\nAnouk de Vries": a sign-off, then the name that ends the message.
_SIGN_OFF = re.compile(
    r"(?:\b(?:thanks|thank\s+you|thx|ty|cheers|regards|best\s+regards|kind\s+regards|best\s+wishes|best|sincerely|yours|br)[,!.]?|^--)\s+"
    r"(?P<name>[^\W\d_][\w'’-]*(?:,?[ \t]+[^\W\d_][\w'’-]*){0,2})[.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# "SMS: Hi dan, your SIM is on its way", "Good morning Ms Berg!": a greeting opening a
# sentence, then the name it is addressed to and a comma or "!".
# A form's name field: "NAME: BRANDS, WOUT / DOB ...", "Full name: Wout Brands | tel ...". The
# label says what its value is, in any case, up to the end of the field: a separator, the end
# of the line, or the next field's label.
# A person's role as a form's label ("CONTRACT HOLDER: KICK;", "VERIFIED CALLER: TORE, BORN
# ..."), where the field's value is a name whatever words it is made of: what the field holds
# when no one is named is a word of _NOT_A_NAME_VALUE.
_NAME_FIELD = re.compile(
    r"(?<![\w-])(?:(?P<label>(?:full|customer|account|contact|given|first|last|family|display)[ \t]+)?name"
    r"|(?P<role>(?:verified[ \t]+)?(?:customer|caller|subscriber|(?:account|contract)[ \t]+holder|(?:main|second|other)[ \t]+user|recipient|payee|addressee|contact[ \t]+person)))[ \t]*:[ \t]*"
    r"(?P<name>[^\W\d_][\w'’-]*\.?(?:,?[ \t]+[^\W\d_][\w'’-]*\.?){0,3})"
    r"(?=[ \t]*(?:$|[|/;\n]|[ \t][-–][ \t]|,?[ \t]+(?:dob|d\.o\.b|date|born|tel|phone|mobile|mob|email|e-mail|addr|address|acct|account|id)\b))",
    re.IGNORECASE | re.MULTILINE,
)
_NO_ONE_OPENS = frozenset(["the", "a", "my", "your", "our", "his", "her", "their", "its", "this", "that", "these", "those", "no", "none"])
_NOT_A_NAME_VALUE = EMPTY_VALUE_WORDS
# A declaration: "I, Traian Marin, born on ...", "I, AMOR, RESIDING AT ...", "I, Ortmann,
# Heide-Marie, born on ...": the name between "I," and the comma before what the declarer is,
# does or declares.
_DECLARER = re.compile(
    r"(?:^|(?<=[.!?:\n\"“])[ \t]*|(?<=[.!?:]\s))I,[ \t]+(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}(?:,[ \t]+[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*)?)?),[ \t]+"
    r"(?=(?i:born|residing|resident|living|of|the\s+undersigned|holder|hereby|authori[sz]e|declare|confirm|request|agree|consent|give|wish|want|understand|acknowledge|certify|being|customer|subscriber|account|date\s+of\s+birth|dob|id|passport)\b)",
    re.MULTILINE,
)
# "Hi Blom, Lize, your SIM ...", "HI ALE DE MARTÍ, YOUR SIM": up to four words, a surname first
# and its comma too, before the comma that ends the greeting.
_GREETING = re.compile(
    r"(?:^|(?<=[.!?:\n])\s*|(?<=[.!?:]\s))(?i:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))[ \t]+"
    r"(?P<name>[^\W\d_][\w'’-]*(?:(?:,?[ \t]+)[^\W\d_][\w'’-]*){0,3})[ \t]*[,!]",
    re.MULTILINE,
)


def _greeted_name(name: str) -> bool:
    """Whether the words a greeting names are someone's: no word of them a little word of
    English but a name's particles, and not all everyday words ("Hi team,", "hello there,")."""
    words = name.replace(",", " ").split()
    if any(w.lower() in _NOT_NAMES and w.lower() not in _PARTICLES for w in words):
        return False
    # One given name of the lists, though an everyday word too: "Hi Mark,", "dear grace,".
    if len(words) == 1 and in_names_list(words[0].lower(), given_names()) and words[0].lower() not in _CALENDAR:
        return True
    return not _everyday_words(name)


# Small words inside names: "Luísa da Martins", "Anouk de Vries", "Ludwig van Beethoven".
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "e",
        "y",
        "'t",
        "’t",
    }
)
MAX_NAME_WORDS = 4


# A word, a comma, then its date of birth: "KYC check passed for April, date of birth ...".
_BEFORE_BIRTH = re.compile(r"([^\W\d_]+),?\s+(?i:date\s+of\s+birth|d\.?o\.?b\.?|born)\b")


_WORDS_BEFORE_BIRTH = re.compile(r"[ \t]*(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2}?),?[ \t]+(?i:date\s+of\s+birth|d\.?o\.?b\.?|born)\b")


def _words_before_birth(text: str, offset: int, found: tuple[int, int] | None) -> tuple[int, int] | None:
    """The one to three words between a cue and a date of birth, when they open with the name
    found after the cue, a given name of the lists or a word no list knows, and hold no little
    word of English but a name's particles ("that's me line date of birth ...")."""
    m = _WORDS_BEFORE_BIRTH.match(text, offset)
    if m is None or (found is not None and found[0] != m.start("name")):
        return None
    words = m.group("name").lower().split()
    if any((w in STOP_WORDS and w not in _PARTICLES) or w in _NOT_NAMES or w in _CALENDAR for w in words):
        return None
    if found is None and not (words[0] in given_names() or unknown_word(words[0])):
        return None
    return m.span("name")


def _calendar_word_before_birth(text: str, offset: int) -> tuple[int, int] | None:
    """A given name that is also a month or weekday ("April", "June"), as the object of a cue
    and right before its date of birth: a month has no birthday."""
    m = _BEFORE_BIRTH.match(text, offset)
    if m is None or m.group(1).lower() not in _CALENDAR or m.group(1).lower() not in given_names():
        return None
    return m.span(1)


# A line that opens with a speaker's or a field's label: "AGENT: ...", "Customer: ...".
_LINE_LABEL = re.compile(r"[^\W\d_][\w.'’ -]{0,24}:")


def _space_before(text: str, offset: int) -> int:
    """Where the whitespace right before `offset` starts (looked for 20 characters back at most)."""
    low = max(0, offset - 20)
    while offset > low and text[offset - 1].isspace():
        offset -= 1
    return offset


def _name_after(text: str, offset: int, cased: bool, title: bool, strong: bool = False) -> tuple[int, int] | None:
    """The span of up to four name words starting at `offset`, or None. A word is a name word
    when it is capitalized (in cased text), a census name, or no everyday English word (names
    from everywhere: "mário gomes", "NIESZPOREK"); "Last, First" is one name, and so is a
    census surname before a census given name ("hall kevin", "PETIT, ASTRID")."""
    window = text[offset : offset + 80]
    tokens = tokenize(window)
    words: list[Token] = []
    # Where a double given name judged whole begins (its first half is not in `words`).
    first_token: Token | None = None
    i = 0
    while i < len(tokens) and len(words) < MAX_NAME_WORDS:
        t = tokens[i]
        w = t.text
        if words and "\n" in window[words[-1].end : t.start]:
            break  # a name is written on one line: "Kind regards,\nAmedeu\nDrumul Niculina 398"
        if not words and "\n" in text[_space_before(text, offset) : offset + t.start] and _LINE_LABEL.match(text, offset + t.start):
            break  # the next line is another speaker's: "CALLER: sure, per\nAGENT: What's ..."
        if w in (",",) and words and len(words) == 1 and i + 1 < len(tokens) and _is_name_word(tokens[i + 1].text, cased, False, title, strong):
            i += 1  # "Pires, Mário": surname, comma, given name
            continue
        if w == "-" and words and _joins_name(tokens, i, words[-1], cased, title, strong):
            words.append(tokens[i + 1])  # a double-barrelled name, "Hans-Rainer", "Jacobsen-Jeppesen"
            i += 2
            continue
        if not words and _inverted_name(tokens, i):
            words.append(t)
            i += 1
            continue
        # A double given name is judged whole ("yves-thibaut": "yves" alone is an everyday word
        # to the frequency list, the pair is no English).
        if (
            not words
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "-"
            and tokens[i + 1].start == t.end
            and tokens[i + 2].start == tokens[i + 1].end
            and _is_name_word(w + "-" + tokens[i + 2].text, cased, True, title, strong)
            and _is_name_word(tokens[i + 2].text, cased, False, title, strong)
        ):
            words.append(tokens[i + 2])
            first_token = t
            i += 3
            continue
        # "James Tucker near Perrychester": after a capitalized name word, a preposition in lower
        # case ends the name in cased text, though "Near" is a surname somewhere ("Jasmine bell"
        # typed carelessly is still one name).
        ends_capitals = cased and words and _is_capitalized_name(words[-1].text) and w.lower() in _ENDS_A_NAME
        # "senna van hulten uit santpoort-zuid", "filip pałac z sandomierz": "from" in the
        # customer's language ends the name, in any case, where a word follows it.
        ends_abroad = words and w.lower() in _FROM_ABROAD and i + 1 < len(tokens)
        if ends_capitals or ends_abroad or not _is_name_word(w, cased, not words, title, strong):
            if words and w.lower() in _PARTICLES and i + 1 < len(tokens) and _is_name_word(tokens[i + 1].text, cased, False, title, strong):
                i += 1
                continue
            if not words and title and w.lower() in _PARTICLES and i + 1 < len(tokens) and _is_name_word(tokens[i + 1].text, cased, True, title, strong):
                words.append(t)  # "Mevr. de Vries", "dhr. van Dijk": the particle opens the surname
                i += 1
                continue
            break
        words.append(t)
        i += 1
    if not words:
        return None
    start = first_token.start if first_token is not None else words[0].start
    return offset + start, offset + words[-1].end


# Words in lower case that end a capitalized name: prepositions of place, and the verbs a name
# stands before ("from Egå won the draw").
# "From" in other languages (German, Dutch, Scandinavian, Polish, Czech, Croatian, Romanian).
_FROM_ABROAD = frozenset(["aus", "uit", "fra", "från", "z", "ze", "iz", "din"])
_ENDS_A_NAME = frozenset(["near", "outside", "opposite", "beside", "via", "inside", "nearby", "towards", "toward", "past", "across", "along", *_VERBS.split()])


def _joins_name(tokens: list[Token], i: int, last: Token, cased: bool, title: bool, strong: bool) -> bool:
    """Whether the hyphen at `i` joins the name word before it to a name word right after it."""
    if tokens[i].start != last.end or i + 1 >= len(tokens) or tokens[i + 1].start != tokens[i].end:
        return False
    after = tokens[i + 1].text
    return _is_name_word(after, cased, False, title, strong) or not is_common_english(after)


def _inverted_name(tokens: list[Token], i: int) -> bool:
    """A census surname, then (after a comma or not) a census given name: "hall kevin"."""
    w = tokens[i].text.lower()
    if w in _NOT_NAMES or w not in surnames():
        return False
    j = i + 2 if i + 1 < len(tokens) and tokens[i + 1].text == "," else i + 1
    return j < len(tokens) and tokens[j].text.lower() in given_names() and tokens[j].text.lower() not in _NOT_NAMES


def _is_name_word(w: str, cased: bool, first: bool, title: bool, strong: bool = False) -> bool:
    if not w.replace("-", "").replace("'", "").replace("’", "").isalpha() or w.lower() in _NOT_NAMES:
        return False
    lower = w.lower()
    known = (lower in given_names() or (title and lower in surnames())) if first else is_name_word(w)
    if cased:
        if first and not title and not _is_capitalized_name(w):
            return False  # in cased text a real name is capitalized; "this is frank feedback" is not a name
        return _is_capitalized_name(w) or known
    if title and first and lower not in STOP_WORDS:
        return True  # after "Mr.", "MRS", "dr" the next word is a name, everyday or not ("MR. CAL RENEHAN")
    return known or not (is_common_english(w) or (not strong and is_typo_of_common(w)))


def _is_capitalized_name(word: str) -> bool:
    """ "Ana", "O'Neil", "Jacobsen-Jeppesen", "Łukasz"; also a name in capitals ("NIESZPOREK")."""
    if word[:1].isupper() and (word[1:].islower() or word.isupper() or not word[1:].isalpha()):
        return True
    # "McKing", "DeShawn", "MacArthur": a capital inside after a prefix names take.
    inner = _INNER_CAPITAL.search(word)
    return word[:1].isupper() and inner is not None and word[: inner.start()].lower() in _NAME_PREFIXES and word[inner.start() + 1 :].islower()


_FULL_NAME = re.compile(r"(?<![\w'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?![\w'-])")


@register
class CensusFullNameRecognizer(LocalRecognizer):
    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="CensusFullNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _FULL_NAME.finditer(text):
            first, last = m.group(1).lower(), m.group(2).lower()
            if first in _NOT_NAMES or last in _NOT_NAMES:
                continue
            known_first, known_last = first in given_names(), last in surnames()
            if known_first and known_last:
                results.append(result(self, "PERSON", m.start(), m.end(), 0.6, "census given name and surname"))
            # Name lists are never complete (given names change by decade and country): one
            # half known and the other a capitalized word that is no everyday English word and
            # no place is a name too ("Makayla Deleon", "Marcus Okonkwo").
            elif (known_first and _unlisted_name_word(m.group(2))) or (known_last and _unlisted_name_word(m.group(1))):
                results.append(result(self, "PERSON", m.start(), m.end(), 0.5, "a census name and a capitalized word"))
        return results


def _unlisted_name_word(word: str) -> bool:
    w = word.lower()
    return not (is_common_english(w) or is_typo_of_common(w) or is_foreign_everyday(w) or w in _CALENDAR or w in place_names() or w in STOP_WORDS)


_CAPITALIZED_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])")
_CALENDAR = CALENDAR_WORDS


@register
class LoneGivenNameRecognizer(LocalRecognizer):
    """A census given name written with a capital in the middle of a sentence ("yes it's
    Julia Santos, Shane is fine"): in ordinary cased text that is how a person is named.
    Not at the start of a sentence (any word is capitalized there), not a month or weekday
    ("May", "June"), not a known place ("Jordan", "Austin"), and not in text where most
    words are capitalized (a headline), where capitals say nothing."""

    # A capitalized word after something other than the end of a sentence.
    REQUIRES = r"[^\s.!?:;\"“(]\s*[A-Z][a-z]"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="LoneGivenNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        words = text.split()
        capitalized = sum(1 for w in words if w[:1].isupper())
        if not words or capitalized * 2 > len(words):
            return []
        results = []
        for m in _CAPITALIZED_WORD.finditer(text):
            lower = m.group().lower()
            if opens_sentence(text, m.start()):
                continue
            if lower in given_names() and lower not in _NOT_NAMES and lower not in _CALENDAR and lower not in place_names():
                results.append(result(self, "PERSON", m.start(), m.end(), 0.45, "capitalized census given name"))
        return results


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?) $")
# A title right before a name ("Univ.Prof. Franca Stroh", "DOTT. CIRILLO", "chị bảo dương"):
# it goes with the name, so that what is left says nothing about who was named. Besides the
# titles that cue a name, those that are words of other uses in some language ("av" is
# Swedish "of", Turkish "Av." an advocate) and so only ever widen a name found.
_TITLE_BEFORE = re.compile(r"(?<![\w.])([^\W\d_][\w.]*)[ \t]+$")
_TITLES_BEFORE_A_NAME = HONORIFICS | {"av", "uzm", "gör", "dt", "quý", "anh", "em", "dipl", "mag", "ing", "fr", "sir", "dame", "lady", "lord"}
_WORD_AFTER = re.compile(r" ([^\W\d_][\w'’]*)(?![\w'’-])")


def _name_opening(word: str) -> bool:
    """A word that may open a name found after it: a given name of the lists, or a surname of
    the lists that is no everyday word, month or well-known place ("urban [lundkvist]": given
    names the lists miss are often surnames somewhere)."""
    if "-" in word:
        # "lars-tor [eriksen]": a double given name, its first half a given name of the lists.
        first, *rest = word.lower().split("-")
        return _names(first, given_names()) and not any(part in STOP_WORDS for part in rest)
    if _names(word, given_names()):
        return True
    lower = word.lower()
    return _names(lower, surnames()) and lower not in _NOT_NAMES and lower not in _CALENDAR and not is_well_known_place(lower)


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's span widened to the whole name when only part of it was found: a given name
    (or a surname that is no everyday word) right before it ("maria [gonzalez]", NER on capitals or lower case finds half),
    a census surname right after a given name ("[Maria] Gonzalez"). Words of everyday English
    ("will", "long") are left alone: they join names less often than they join sentences."""
    for _ in range(3):  # "philippine alexandre [le roy]", "mohamed rosendo [peral atienza]"
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if not (before and before.end() == start and _name_opening(before.group(1))):
            break
        start = before.start(1)
    # A surname's particles go with it: "van [Noort, Levi]", "DE [STRIGTER, JENNA]", "da [cruz
    # vinicius]" (the lists hold the surname without them).
    before_words = text[max(0, start - 20) : start].lower().split()
    particles = _PARTICLES_BEFORE.search(text, max(0, start - 20), start) if before_words and before_words[-1] in _PARTICLE_WORDS else None
    if particles is not None and particles.end() == start:
        start = particles.start(1)
    # "porto, [cauã]", "Gustavsson, [Per]": a given name found, the surname before it and a comma
    # (a surname of the lists, or a word no language uses every day).
    inverted = _SURNAME_AND_COMMA_BEFORE.search(text, max(0, start - 40), start) if text[max(0, start - 2) : start].startswith(",") else None
    if inverted is not None and inverted.end() == start and text[start:end].split()[0].lower().strip(",") in given_names():
        surname = inverted.group(1).lower()
        listed = surname in surnames() and not is_common_english(surname)
        if (listed or unknown_word(surname)) and surname not in _NOT_NAMES and surname not in _CALENDAR:
            start = inverted.start(1)
    for _ in range(3):  # "Univ.Prof. Dr. Anna Berg", "quý cô Nhật Phạm", "DR. A. PINTÉR FERENC"
        initial = _INITIAL_BEFORE.search(text, max(0, start - 6), start)
        if initial is not None:
            start = initial.start(1)
            continue
        title = _TITLE_BEFORE.search(text, max(0, start - 20), start)
        if title is None:
            break
        said = title.group(1).lower()
        if said not in _TITLES_BEFORE_A_NAME and said.replace(".", "") not in _TITLES_BEFORE_A_NAME:
            break
        start = title.start(1)
    words = [w for w in text[start:end].split() if w.lower().replace(".", "") not in _TITLES_BEFORE_A_NAME]
    after = _WORD_AFTER.match(text, end)
    if after and words and words[-1].lower() in given_names():
        word = after.group(1)
        # A surname that is an everyday word too ("Natalie Page", "Omar Cross") when written
        # as names are, in text that writes words in lower case.
        titled = word[:1].isupper() and word[1:].islower() and _CASED.search(text) is not None and words[-1][:1].isupper()
        # Text in one case tells nothing by case; a surname that ends the clause after a given
        # name is the name's end ("NOTE FROM YVONNE HALL:", "ON FILE FOR ISABELA POP, IS").
        closing = _CASED.search(text) is None and _CLAUSE_CLOSE.match(text, after.end(1)) is not None and word.lower() not in _NOT_A_SURNAME_AFTER
        # A word no list knows that ends the clause after a given name is its surname too
        # ("note from ilija grba: moving to ...").
        if (
            _names(word, surnames())
            or ((titled or closing) and word.lower() in surnames() and word.lower() not in _NOT_NAMES and word.lower() not in _CALENDAR)
            or (closing and len(word) >= 3 and unknown_word(word))
        ):
            end = after.end(1)
    start = _double_name_start(text, start)
    # A degree's first letter may have been taken for an initial ("TIBOR GEISLER B" of "B.A.").
    degree_at = end - 2 if end - start > 2 and text[end - 2] == " " and text[end - 1].isalpha() and text[end : end + 1] == "." else None
    suffix = _POSTNOMINAL.match(text, end) or (_POSTNOMINAL.match(text, degree_at) if degree_at is not None else None)
    if suffix is not None:
        end = max(end, suffix.end())
    return _whole_vietnamese_name(text, start, end)


_SURNAME_AND_COMMA_BEFORE = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’-]*),[ \t]+$")


def name_between(word: str) -> bool:
    """Whether one word between two names found makes them one ("merkúr [storm] marinósson",
    "kiss [enikő] orsolya"): a name of the lists, or a word no everyday English one is; not a
    little word ("Anna and Ben"), a verb or a noun of a sentence ("Anna called Ben")."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in _NOT_NAMES or lower in _CALENDAR or not word.isalpha():
        return False
    return is_name_word(lower) or not is_common_english(lower)


# Not "do" (English's auxiliary far more often than Portuguese's particle).
_PARTICLE_WORDS = frozenset(
    ["van", "von", "de", "da", "dos", "das", "du", "di", "del", "della", "der", "den", "ter", "ten", "le", "la", "al", "el", "bin", "ibn"]
)
_PARTICLES_BEFORE = re.compile(r"(?:^|(?<=[\s(\[:;,]))((?:(?i:van|von|de|da|dos|das|du|di|del|della|der|den|ter|ten|le|la|al|el|bin|ibn)[ \t]+){1,3})$")
# An initial before a name: "O. BALOGH FERENC", "J. Kiss György" (not "e.g. Anna").
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-Z])\.[ \t]+$")
# What follows a name's last word: the clause's end, or a word that ends a name ("MET SOPHIA
# SALES OUTSIDE ...", "YVONNE HALL CALLED").
_CLAUSE_CLOSE = re.compile(r"[ \t]*(?:$|[,;:.!?)(\n]|[ \t](?i:" + "|".join(sorted(_ENDS_A_NAME | {"from", "is", "was", "has", "had"})) + r")\b)")
# Words that end a clause after a name without being its surname: "call maria back.".
_NOT_A_SURNAME_AFTER = frozenset(
    ["back", "again", "now", "later", "today", "tomorrow", "tonight", "yesterday", "too", "also", "here", "there", "first", "last", "soon", "home"]
    + ["please", "thanks", "instead", "asap", "directly", "personally", "alone", "anyway", "though", "ok", "okay"]
)
# Letters after a name, its degrees and generation: "Tibor Geisler B.A.", "Vadim Lehmann
# B.Eng.", "prof. else karz b.sc.", "John Smith Jr.", "Henry Ford III", "AMY MAY PHD". Two-letter
# degrees in lower case only with their dots ("M.A.", never "ma", Italian for "but").
_POSTNOMINAL = re.compile(
    r",?[ \t]+(?:(?i:[bmd]\.[ \t]?(?:a|sc|eng|ed|phil|com|arch|tech|fa|res|des|mus)\.?|ph\.[ \t]?d\.?|dipl\.-ing\.?|jr\.?|sr\.?|mba|bsc|msc|llm|ll\.[ \t]?m\.?|phd|dds|dvm)"
    r"|MdB|MD|BA|MA|III?|IV)(?![\w.-])"
)
# "Sophie-[Louise Beakey]", "LUCE-[GABRIELLE LELIÈVRE]": the first half of a double given name.
_HALF_BEFORE_HYPHEN = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})-$")


def _double_name_start(text: str, start: int) -> int:
    """Where a name found starting after a hyphen really starts: at the first half of a double
    name, when that is a given name of the lists or no English word ("non-Smith" stays)."""
    m = _HALF_BEFORE_HYPHEN.search(text, max(0, start - 30), start)
    if m is None:
        return start
    half = m.group(1).lower()
    return m.start(1) if half in given_names() or not (is_english_vocabulary(half) or half in STOP_WORDS) else start


# Vietnamese names are three syllables or so (family, middle, given: "Bùi Hữu Bảo"), each an
# everyday Vietnamese word too, so the lists and NER find one of them. In text not otherwise
# written in Vietnamese, syllables with its letters next to such a name belong to it.
_VIETNAMESE_LETTER = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_VIETNAMESE_SURNAMES = frozenset(["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý"])
_SYLLABLE_AFTER = re.compile(r"[ \t]+([^\W\d_]+)(?![\w'’-])")
_SYLLABLE_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)[ \t]+$")


# Vietnamese syllables of names that need no letter beyond ASCII ("Chị An Đặng", "Lê Văn Nam"):
# part of a name only next to a syllable with Vietnamese letters.
_VIETNAMESE_PLAIN = frozenset(
    [
        "an",
        "anh",
        "binh",
        "duc",
        "ha",
        "hai",
        "hoa",
        "hung",
        "khanh",
        "kim",
        "lan",
        "linh",
        "long",
        "mai",
        "minh",
        "nam",
        "ngoc",
        "phuong",
        "quang",
        "son",
        "tam",
        "thanh",
        "thi",
        "thu",
        "trung",
        "tuan",
        "van",
    ]
)


def _vietnamese(word: str) -> bool:
    return _VIETNAMESE_LETTER.search(word) is not None or word.lower() in _VIETNAMESE_SURNAMES


def _vietnamese_in_run(word: str) -> bool:
    return _vietnamese(word) or word.lower() in _VIETNAMESE_PLAIN


def _whole_vietnamese_name(text: str, start: int, end: int) -> tuple[int, int]:
    words = text[start:end].split()
    if not words or len(words) >= 4 or not all(_vietnamese(w) for w in words):
        return start, end
    if len(_VIETNAMESE_LETTER.findall(text)) > len(text) // 10:
        return start, end  # Vietnamese text: its words are not names for their letters
    count = len(words)
    while count < 4 and (after := _SYLLABLE_AFTER.match(text, end)) is not None and _vietnamese(after.group(1)):
        end, count = after.end(1), count + 1
    while count < 4 and (before := _SYLLABLE_BEFORE.search(text, max(0, start - 12), start)) is not None and _vietnamese(before.group(1)):
        start, count = before.start(1), count + 1
    return start, end


# "Poole, Sally", "Fliegner, Hans-Dieter", "LIE, KARI": the given name after the surname found.
_GIVEN_AFTER_COMMA = re.compile(
    r",[ \t]*(?P<given>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?)(?=[ \t]*(?:$|[,.;:!?)(\n]|[-–][ \t])|[ \t]+(?i:is|was|has|and|"
    + "|".join(_VERBS.split())
    + r")\b)"
)


def given_after_comma(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The given name after a surname found and a comma, as lists write "Surname, Given" (given
    names that are everyday words too: "sally", "tea", "crystal"), ending the clause."""
    m = _GIVEN_AFTER_COMMA.match(text, end)
    if m is None:
        return None
    given = m.group("given")
    parts = [p.lower() for p in given.split("-")]
    if not all(p in given_names() and p not in _NOT_NAMES and p not in _CALENDAR for p in parts):
        return None
    found = text[start:end]
    if not (given.isupper() == found.isupper() and given.islower() == found.islower()):
        return None
    return m.span("given")


# "From: Anna Berg <anna@example.org>", "On Tue, Ástgeir <odda75@example.net> wrote:",
# '"Berg, Anna" <...>': the display name an e-mail address is written with.
_NAME_BEFORE_ADDRESS = re.compile(
    r"(?:^|(?<=[:;,(\n\t|])|(?<=^[ \t])|(?<=[:;,(\n\t|][ \t]))[ \t]*[\"'“]?(?P<name>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3})[\"'”]?[ \t]*<$",
    re.MULTILINE,
)


def name_before_email(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name right before an e-mail address in angle brackets, as mail headers and chat
    exports write who wrote: a sender is a person, or a team whose name costs nothing to hide."""
    if start == 0 or text[start - 1] != "<":
        return None
    m = _NAME_BEFORE_ADDRESS.search(text, max(0, start - NAME_BEFORE_WINDOW), start)
    if m is not None and _HEADER_LABEL_BEFORE.search(text, max(0, m.start("name") - 20), m.start("name")):
        # A mail header's sender or recipient named in one word: a person, whatever the word
        # is elsewhere ("FROM: YVES <...>", "from: pier <...>"); a team's name has more words
        # ("Customer Service <...>"), judged below.
        named = _LETTERS_RUN.findall(m.group("name"))
        if len(named) == 1 and named[0].lower() not in STOP_WORDS and named[0].lower() not in _NOT_NAMES:
            return m.span("name")
    words = _words_before(_NAME_BEFORE_ADDRESS, text, start)
    if not words:
        return None
    return words[0].start(), words[-1].end()


_LETTERS_RUN = re.compile(r"[^\W\d_][\w'’.-]*")
# A mail header's label, in the languages mail programs write them.
_HEADER_LABEL_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?i:from|to|cc|bcc|reply-to|sender|von|an|de|para|à|da|van|aan|od|do|fra|til|från|till|feladó|címzett|lähettäjä|vastaanottaja)[ \t]*:[ \t]*\Z"
)
# How far before an identifier found its owner's name may begin.
NAME_BEFORE_WINDOW = 80


def _words_before(pattern: re.Pattern[str], text: str, start: int, between: frozenset[str] = frozenset()) -> list[re.Match[str]]:
    """The words of the name `pattern` (its group "name") finds right before text[start:], the
    words that lead up to it left out ("On Tue, Ástgeir", "send it to", "passport shows",
    "handset of"): read back from the identifier, the name ends at the first word that leads in."""
    m = pattern.search(text, max(0, start - NAME_BEFORE_WINDOW), start)
    if m is None:
        return []
    words = list(_LETTERS_RUN.finditer(text, m.start("name"), m.end("name")))
    # Words that stand between a name and its identifier ("kate born 1980-02-15") are no part.
    while words and words[-1].group().lower().rstrip(".") in between:
        words.pop()
    first = len(words)
    while first > 0 and not _leads_in(words[first - 1].group(), text[words[first - 1].end() : words[first - 1].end() + 1] == ","):
        first -= 1
    return words[first:]


# "visit rescheduled - Lassen, Mads, Blåmunkevej 224", "luna, callejón de ariel larrea 908": a
# name and its comma, opening a clause, before the address found.
_NAME_BEFORE_COMMA = re.compile(r"(?:^|(?<=[:;(\n\t|])|(?<=\s[-–—]))[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3}),\s*\Z", re.MULTILINE)


# "ELLA (JUNE 18, 2001) WANTS PAPER BILLS", "bianca 22071951 wants ...", "passport shows kate born
# 1980-02-15", "that's me jimmy date of birth 01 march 1988": a name, then its date of birth.
_NAME_BEFORE_BIRTH_DATE = re.compile(
    r"(?<![\w'’.-])(?P<name>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3})(?:[ \t]*\(|,?[ \t]+(?:(?i:born|b\.|dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|[-–])[ \t:]+)*)$"
)


def name_before_birth_date(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name right before a date of birth: each word a name of the lists or no everyday
    English word, the words leading up to it left out ("passport shows")."""
    lone = _lone_word_before_bracketed_date(text, start)
    if lone is not None:
        return lone
    words = _words_before(_NAME_BEFORE_BIRTH_DATE, text, start, between=_BIRTH_WORDS)
    if not words or any(w.group().lower() in _NOT_NAMES or w.group().lower() in _CALENDAR for w in words):
        return None
    # "GLOVER, GRACE, BORN ...": surname, comma, given name of the lists, everyday words or not.
    inverted = len(words) == 2 and text[words[0].end() : words[1].start()] == ", " and _inverted_name_words(words[0].group(), words[1].group())
    if not inverted and not all(_name_or_rare_in(w.group(), text) for w in words):
        return None
    return words[0].start(), words[-1].end()


# "ROAR (16 NOVEMBER 1961) WANTS PAPER BILLS": one word opening the clause, its date of birth in
# brackets after it, is whose date it is, whatever the word; not a role ("Customer (...)").
_LONE_WORD_BEFORE_BRACKET = re.compile(r"(?:\A|(?<=[.;:!?\n]))[ \t]*(?P<name>[^\W\d_][\w'’-]*)[ \t]*\($")
_ROLE_WORDS = frozenset(["customer", "caller", "client", "subscriber", "holder", "user", "payer", "owner", "contact", "tenant", "applicant", "patient"])


def _lone_word_before_bracketed_date(text: str, start: int) -> tuple[int, int] | None:
    m = _LONE_WORD_BEFORE_BRACKET.search(text, max(0, start - 40), start)
    if m is None or m.group("name").lower() in _ROLE_WORDS | _NOT_NAMES | _CALENDAR:
        return None
    return m.span("name")


def _inverted_name_words(surname: str, given: str) -> bool:
    lower_surname, lower_given = surname.lower(), given.lower()
    return lower_surname in surnames() and lower_given in given_names() and not {lower_surname, lower_given} & (_NOT_NAMES | _CALENDAR)


# The words of "date of birth" and "born" in English and the languages of the name lists:
# they stand between a name and its date ("Olga Fagiani, data di nascita 04161974").
_BIRTH_WORDS = frozenset(
    ["born", "b", "dob", "d.o.b", "date", "of", "birth", "birthdate"]
    + [
        "geburtsdatum",
        "geb",
        "geboren",
        "geboortedatum",
        "date",
        "de",
        "naissance",
        "née",
        "né",
        "fecha",
        "nacimiento",
        "nacido",
        "nacida",
        "data",
        "di",
        "nascita",
        "nato",
        "nata",
        "nascimento",
        "nascido",
        "nascida",
        "urodzenia",
        "urodzony",
        "urodzona",
        "datum",
        "narození",
        "narozen",
        "dátum",
        "születési",
        "született",
        "fødselsdato",
        "født",
        "födelsedatum",
        "född",
        "syntymäaika",
        "syntynyt",
        "fæðingardagur",
        "fæddur",
        "fædd",
        "rođenja",
        "rođen",
        "rođena",
        "nașterii",
        "născut",
        "născută",
        "doğum",
        "tarihi",
        "ngày",
        "sinh",
    ]
)


def _name_or_rare(word: str) -> bool:
    """A name of the lists that is no everyday word ("kate", not "born" though Born is a
    surname), or a word that is no everyday English word at all ("noa", "józsef")."""
    return _names(word, given_names()) or _names(word, surnames()) or not is_common_english(word)


def _name_or_rare_in(word: str, text: str) -> bool:
    """`_name_or_rare`, where an everyday word of another language counts as a word when the
    text is written in one ("data di nascita 27041940", "Nowy adres dostawy"): in English text
    it stands out as a name ("the account lists kanak as the payer")."""
    if not _name_or_rare(word):
        return False
    return _names(word, given_names()) or _names(word, surnames()) or not (is_foreign_everyday(word) and in_another_language(text))


# "Invoice address\nİnönü, Abdulsemet\n846 Hayrioğlu Brook": the line above an address block.
_NAME_LINE_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3})[ \t]*\n[ \t]*$")


def name_before_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name that opens a clause right before an address and its comma, or stands on the line
    above it, as a list of someone's details or an envelope writes it. Each word a name of the
    lists or no everyday English word."""
    m = _NAME_BEFORE_COMMA.search(text, max(0, start - 60), start) or _NAME_LINE_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return _recipient_before_at(text, start) or _full_name_right_before(text, start) or _given_name_right_before(text, start)
    words = list(_LETTERS_RUN.finditer(text, m.start("name"), m.end("name")))
    if not words or any(w.group().lower() in _CALENDAR for w in words):
        return None
    # An address block's first line is whom it is for, whatever words the name is made of
    # ("INVOICE ADDRESS\nCHE\n48 GEANY STREET", "TONE-RUTH LIE\nMOENHAUGEN 7H"): the block
    # opens the text, follows its label or a letter's sign-off. A name of little words ("RAKIDE
    # SEVEN", "May Summer") is one when not every word is everyday English.
    opens_block = m.re is _NAME_LINE_BEFORE and _BLOCK_OPENING.search(text, 0, m.start("name")) is not None
    lower = [w.group().lower() for w in words]
    little = [w for w in lower if w in STOP_WORDS]
    if opens_block and not set(lower) & _BLOCK_LABEL_WORDS and (not little or (len(little) < len(lower) and not _everyday_words(m.group("name")))):
        return words[0].start(), words[-1].end()
    if little:
        return None
    if not all(_name_or_rare_in(w.group(), text) for w in words):
        return None
    return words[0].start(), words[-1].end()


# "the bill should go to grace at 834 dyer circles", "VISIT BOOKED FOR JANE DOE AT 12 HIGH ST":
# whom something goes to or is for, at an address.
_RECIPIENT_BEFORE_AT = re.compile(r"(?i:\b(?:to|for|attn:?|c/o)[ \t]+)(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})[ \t]+(?i:at)[ \t]+\Z")


def _recipient_before_at(text: str, start: int) -> tuple[int, int] | None:
    """The words between "to" or "for" and "at" before an address, when each is a name of the
    lists or no everyday English word ("go to grace at ..."; not "booked for installation at",
    "send it to reception at", "for tuesday at")."""
    m = _RECIPIENT_BEFORE_AT.search(text, max(0, start - 50), start)
    if m is None:
        return None
    words = m.group("name").lower().split()
    if any(w in STOP_WORDS or w in _CALENDAR or w in _NOT_NAMES or not (in_names_list(w, given_names()) or _name_or_rare_in(w, text)) for w in words):
        return None
    return m.span("name")


# "visit rescheduled - nhật mai 449 ngõ 14 nguyễn du": a clause's words right before an address.
_WORDS_RIGHT_BEFORE = re.compile(r"(?:^|(?<=[:;(\n\t|])|(?<=\s[-–—]))[ \t]*(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){1,3})[ \t]+\Z", re.MULTILINE)


def _full_name_right_before(text: str, start: int) -> tuple[int, int] | None:
    """A name of two to four words opening a clause right before an address, no comma between:
    each word a name of the lists or no word of English or another language, one at least a
    name of the lists and one no English word ("- nhật mai 449 ngõ 14"; not "- customer moved
    12 High St", "neue lieferadresse jüttnerallee 46")."""
    m = _WORDS_RIGHT_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return None
    words = [w.lower() for w in m.group("name").split()]
    foreign = [w for w in words if not (is_english_vocabulary(w) or is_typo_of_common(w) or is_foreign_everyday(w)) and _name_or_rare_in(w, text)]
    listed = [w for w in words if in_names_list(w, given_names()) or in_names_list(w, surnames())]
    if not foreign or not listed or any(w not in foreign and w not in listed for w in words) or any(w in _CALENDAR or w in STOP_WORDS for w in words):
        return None
    return m.span("name")


_WORD_OPENING_RIGHT_BEFORE = re.compile(r"(?:^|(?<=[:;(\n\t|])|(?<=\s[-–—]))[ \t]*(?P<name>[^\W\d_][\w'’-]*)[ \t]+\Z", re.MULTILINE)


def _given_name_right_before(text: str, start: int) -> tuple[int, int] | None:
    """One word opening the text, a line or a clause right before an address, no comma
    between, that is a given name of the lists and no everyday word, or no word any list
    knows: whom the address is for ("amber 975 barrett port - complaint", "vasilica intrarea
    simion pop nr 185"; not "deliver 975 barrett port", "Lieferadresse: Hauptstraße 5")."""
    m = _WORD_OPENING_RIGHT_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group("name")
    bare = _bare(word)
    if bare in _NOT_NAMES or bare in _CALENDAR or not (_names(bare, given_names()) or unknown_word(bare)):
        return None
    return m.span("name")


# The start of the text, an address block's label on the line above ("Invoice address",
# "SHIP TO:", "--"), or a letter's sign-off: what follows it is the sender's signature block
# ("KIND REGARDS,\nRAKIDE SEVEN\n932 GÜLEN BROOK").
_BLOCK_OPENING = re.compile(
    r"(?:\A|(?:^|\n)[ \t]*(?:(?i:(?:invoice|billing|delivery|shipping|postal|mailing|home|new|old|correspondence)[ \t]+address|address(?:ee)?|ship[ \t]+to|deliver[ \t]+to|bill[ \t]+to|send[ \t]+to|recipient)[ \t]*:?|--"
    r"|(?i:(?:(?:kind|best|warm|warmest)[ \t]+)?regards|best[ \t]+wishes|sincerely|yours[ \t]+(?:sincerely|faithfully|truly)|many[ \t]+thanks|thanks|thank[ \t]+you|cheers)[ \t]*[,!.]?)[ \t]*\n)[ \t]*\Z"
)
# Words of a block's lines that are no one's name.
_BLOCK_LABEL_WORDS = frozenset(
    [
        "address",
        "addressee",
        "home",
        "work",
        "office",
        "billing",
        "shipping",
        "invoice",
        "delivery",
        "postal",
        "mailing",
        "to",
        "ship",
        "bill",
        "send",
        "recipient",
        "c",
        "o",
        "attn",
        "attention",
        "department",
        "dept",
        "floor",
        "building",
        "company",
        "customer",
        "services",
        "service",
        "team",
        "reception",
        "unit",
        "flat",
        "apartment",
        "suite",
    ]
)


# "Sofia (+55 73 0275-1519) asked ...", "Melo, Marta (929693690)": a name, its number in brackets.
_NAME_BEFORE_BRACKET = re.compile(r"(?<![\w'’.-])(?P<name>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3})[ \t]*\($")


def name_before_number(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name right before a phone number in brackets, as contact lists write whose it is.
    The words that lead up to it are no part of it ("call my mobile (...)", "the shop in").
    Without brackets, a given name of the lists right before it."""
    # The bracket is before the number found ("Helena ((351) 295 ...)"), or its first
    # character ("(0850 674531)").
    # (Not the area code's bracket: "terugbellen op (0592) 169310" has no name in brackets.)
    if text[start : start + 1] == "(" and text[start - 1 : start] != "(" and ")" not in text[start : end - 1]:
        start += 1
    if start > 0 and text[start - 1] in " \t":
        return _given_name_before(text, start)
    if start == 0 or text[start - 1] != "(":
        return None
    words = _words_before(_NAME_BEFORE_BRACKET, text, start)
    if not words:
        return _given_name_before_bracket(text, start)
    if any(is_common_english(w.group()) and not is_name_word(w.group()) for w in words):
        return None
    return words[0].start(), words[-1].end()


# "lost phone reported by grace (+448081570917)": after a word that brings a person in, a
# given name of the lists before its number in brackets, though an everyday word too.
_BROUGHT_IN_BEFORE_BRACKET = re.compile(r"(?i:\b(?:by|from|with|for|call|contact|ask)[ \t]+)(?P<name>[^\W\d_][\w'’-]*)[ \t]*\($")


def _given_name_before_bracket(text: str, start: int) -> tuple[int, int] | None:
    m = _BROUGHT_IN_BEFORE_BRACKET.search(text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group("name").lower()
    if not in_names_list(word, given_names()) or word in _NOT_NAMES or word in _CALENDAR or word in STOP_WORDS:
        return None
    return m.span("name")


_WORD_BEFORE_NUMBER = re.compile(r"(?:^|(?<=[\s:;,(]))(?P<name>[^\W\d_][\w'’-]*)[ \t]+$")


def _given_name_before(text: str, start: int) -> tuple[int, int] | None:
    """A given name of the lists right before a phone number, as notes write whose it is
    ("kate +1-577-820-1824 near ...", "marie 08-088 86 22 asked"); "call", "mobile", "ring"
    before a number are no names."""
    m = _WORD_BEFORE_NUMBER.search(text, max(0, start - 40), start)
    if m is None or m.end() != start:
        return None
    word = m.group("name")
    if not _names(word, given_names()) or word.lower() in _NOT_NAMES or word.lower() in _CALENDAR:
        return None
    # "richiamare al +39 ...", "devolver la llamada al ...": after a word of another language,
    # "al" is "to the" before it is Al ("please call al +1 ..." stays a name).
    if word.lower() in _TO_THE:
        before = _WORD_BEFORE_NUMBER_CONTEXT.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1) and not is_english_vocabulary(before.group(1)):
            return None
    return m.span("name")


# The word before the word before a number: what language the text is in there.
_WORD_BEFORE_NUMBER_CONTEXT = re.compile(r"([^\W\d_]+)[^\w]*$")
_TO_THE = frozenset(["al", "au", "ao", "aan", "am", "zum", "zur", "del", "dal", "alla", "allo"])


_DATE_WORDS = frozenset(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "on"])


def _leads_in(word: str, before_comma: bool) -> bool:
    lower = word.lower().rstrip(".")
    if lower in _DATE_WORDS or lower in _CALENDAR or lower in STOP_WORDS:
        return True
    # "Berg, Anna": a name of the lists before its comma stays.
    return is_common_english(lower) and not _names(lower, given_names()) and not (before_comma and lower in surnames())


_AND_AFTER = re.compile(r",?\s+(?:and|&|or)\s+", re.IGNORECASE)
_CONJUNCTION_WORDS = re.compile(r"(?i:\s(?:and|or|&)\s+$)")
_FROM_BEFORE = re.compile(r"(?i:\bfrom)\s+\Z")
_TO_AFTER = re.compile(r"\s+(?i:to)\s+")
_FROM_TO_BEFORE = re.compile(r"(?i:\bfrom)\s+((?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]*)\s+(?i:to)\s+\Z")
_AND_BEFORE = re.compile(r"(?:^|(?<=\s))((?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]*)\s+(?:and|&|or)\s+$", re.IGNORECASE)


def joined_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name joined by "and" (or "or", "&") to a person's name at text[start:end]: "emanuel
    and noa", "Aahana and Chakrika", "KRISTIN MUELLER AND SHERRY". People are named in pairs,
    and the found half says what the other half is: a given name of the lists or a word no list
    knows, written like the found name, with an optional surname after it."""
    found = text[start:end].split()
    if not found:
        return None
    after = _AND_AFTER.match(text, end)
    went_to = False
    if after is None and _FROM_BEFORE.search(text, max(0, start - 8), start):
        # "account transferred from kamdar lucky to jackson": from one person to another.
        after = _TO_AFTER.match(text, end)
        if after and is_well_known_place(text[after.end() : after.end() + 40].split(" ", 1)[0].strip(",.;:")):
            after = None
        went_to = after is not None
    if after:
        words = list(_NAME_TOKEN.finditer(text, after.end(), min(len(text), after.end() + 60)))
        if words and words[0].start() == after.end() and (_joinable(words[0].group(), found[0]) or (went_to and _given_as_written(words[0].group(), found[0]))):
            last = words[0]
            if len(words) > 1 and _adjacent(text, words[0], words[1]) and _joinable(words[1].group(), found[0], surname=True):
                last = words[1]
            return words[0].start(), last.end()
    window = text[max(0, start - 60) : start]
    # The conjunction is looked for with `in` first: most names have none before them.
    before = _AND_BEFORE.search(text, max(0, start - 60), start) if _CONJUNCTION_WORDS.search(window) else None
    if before is None and _RELATION_WORDS.search(window):
        # "CAMILLA AND HER HUSBAND KRISTEL SALMARSDÓTTIR": the other half, then how they are related.
        before = _AND_RELATION_BEFORE.search(text, max(0, start - 60), start)
    if before is None and (from_to := _FROM_TO_BEFORE.search(text, max(0, start - 60), start)) is not None:
        # "TRANSFERRED FROM PAW LASSEN TO HOLM, NADIA": the one it went from, a name of one or
        # two words, the last a name of the lists or no word any list knows.
        pair = from_to.group(1).split()
        if (
            all(_bare(w) not in _NOT_NAMES and _bare(w) not in _CALENDAR and w.isupper() == found[0].isupper() for w in pair)
            and (_joinable(pair[-1], found[0], surname=len(pair) == 2) or (len(pair) == 1 and _given_as_written(pair[0], found[0])))
            and not is_well_known_place(from_to.group(1))
        ):
            return from_to.span(1)
    if before:
        pair = before.group(1).split()
        if len(pair) == 2 and _joinable(pair[0], found[0]) and _joinable(pair[1], found[0], surname=True):
            return before.start(1), before.end(1)  # "Mare Ivandić and Dragutin Mičetić"
        if _joinable(pair[-1], found[0]):
            return before.end(1) - len(pair[-1]), before.end(1)
    return None


_RELATION_WORDS = re.compile(r"(?i:\s(?:his|her|their|my)\s+\w+\s+$)")
_AND_RELATION_BEFORE = re.compile(
    r"(?:^|(?<=\s))((?:[^\W\d_][\w'’-]*\s+)?[^\W\d_][\w'’-]*)\s+(?:and|&)\s+(?:his|her|their|my)\s+(?:" + _RELATIONS + r")\s+$", re.IGNORECASE
)


def _given_as_written(word: str, like: str) -> bool:
    """A given name of the lists, though an everyday word too ("BILLY", "dawn"), written like
    the name found beside it."""
    bare = _bare(word)
    return bare in given_names() and bare not in _NOT_NAMES and bare not in _CALENDAR and word.isupper() == like.isupper() and word.islower() == like.islower()


def _joinable(word: str, like: str, surname: bool = False) -> bool:
    bare = _bare(word)
    if bare in _NOT_NAMES or bare in _CALENDAR:
        return False
    # A given name that is a place too ("nancy", "jordan") is a person next to a person.
    if not (_names(bare, surnames() if surname else given_names()) or unknown_word(bare)):
        return False
    return word.isupper() == like.isupper() and word.islower() == like.islower()


# The count in the frequency list above which a name is also an everyday word
# ("mark" 50,334, "grant" 31,589, "hunter" 12,038; "john" 6,920, "maria" 1,744): the list counts
# names too, so the everyday-word threshold of the rest of detection would take every name.
EVERYDAY_WORD = 10_000


def _names(word: str, names: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in names and lower not in STOP_WORDS and (english_counts().get(lower, 0) < EVERYDAY_WORD or is_english_proper_name(lower))


# A word of letters standing alone: not the letters inside "0cfa0116" or "ab12".
_NAME_TOKEN = re.compile(r"(?<!\w)[^\W\d_]+(?:[-'’][^\W\d_]+)*(?!\w)")


@register
class NameRunRecognizer(LocalRecognizer):
    """A person's name with nothing around it to say so ("the complaint from casandra ionescu
    in ...", "Is Châu Phạm the owner", "CONTACT ZAYAN HANS AT ..."), in any case: two to four
    words, the first a given name of the world lists (or a surname before a given name,
    "horváth ilona"), the others names of the lists or words no English text uses, particles
    ("de", "van") between them; "Surname, Given" too. A given name alone counts when English
    does not use the word ("signed for by gustav", "Zdravko's number"). Given names that are
    everyday English words ("will", "mark") never start a run, and a run before a legal form
    ("toma inc", "KOVÁCS BT") names a company."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language, name="NameRunRecognizer")

    def load(self) -> None:
        given_names()
        surnames()
        given_names_no_words()
        is_foreign_everyday("")  # reads the list now, not on the first event

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        words = list(_NAME_TOKEN.finditer(text))
        results = []
        english = _Lazy(lambda: reads_as_english(text))
        i = 0
        while i < len(words):
            end = _name_run(text, words, i, english)
            if end is None:
                i += 1
                continue
            # The name, not its "'s": "Zdravko's number" names "Zdravko".
            stop = words[end].end() - 2 if words[end].group().lower().endswith(("'s", "’s")) else words[end].end()
            results.append(result(self, "PERSON", words[i].start(), stop, 0.6, "a run of name words"))
            i = end + 1
        return results


# Words of an address said aloud ("ashley at example dot org"): "Dot" is a given name too.
_SPOKEN_ADDRESS = frozenset({"dot", "com", "org", "net", "www", "http", "https", "underscore", "dash", "hyphen"})


class _Lazy:
    """A yes or no worked out when first asked (most texts never need to ask)."""

    def __init__(self, compute: Callable[[], bool]) -> None:
        self._compute = compute
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = self._compute()
        return self._value


def _name_run(text: str, words: list[re.Match[str]], i: int, english: _Lazy | bool = True) -> int | None:
    """The index of the last word of a name run starting at word `i`, or None. In English text
    a run may also start with a word no list knows when a name follows it ("heli laukkanen",
    "eftimia stănescu")."""
    first = _bare(words[i].group())
    if first in _NOT_NAMES or first in _CALENDAR or first in _SPOKEN_ADDRESS or is_well_known_place(first) or is_filler(first):
        return None
    if _surname_comma_given(text, words, i, first, english):
        return i + 1  # "Ritter, Alwine", "NAGY, ATTILA", "Fliegner, Hans-Dieter"
    if _names(first, given_names()):
        inverted = False
    elif i + 1 < len(words) and _adjacent(text, words[i], words[i + 1]) and _opens_inverted(first, _bare(words[i + 1].group()), english):
        inverted = True  # "horváth ilona", "PETIT ASTRID", "aanei clara", "arnoddur valbergsson"
    elif _stranger_in_english(text, words, i, first, english):
        inverted = False  # "DONATELLO AND MASSIMO SHARE", "refund approved for camillo"
    elif _double_barrelled_name(first) and i > 0 and _adjacent(text, words[i - 1], words[i]) and _bare(words[i - 1].group()) in given_names():
        # "THE SIM FOR JUNE HENRY-ROBERTS WENT": after a given name, though an everyday word or
        # a month; alone, "Wilson-Maxwell" is as often a firm.
        inverted = False
    else:
        return None
    last = i
    j = i + 1
    while j < len(words) and j - i < MAX_NAME_WORDS and _adjacent(text, words[j - 1], words[j]):
        word = _bare(words[j].group())
        if word in _FROM_ABROAD and j + 1 < len(words):
            break  # "filip pałac z sandomierz": where the person is from follows
        if word in _PARTICLES and j + 1 < len(words) and _adjacent(text, words[j], words[j + 1]) and _run_word(_bare(words[j + 1].group())):
            j += 1
            continue
        if is_legal_form(words[j].group()) or is_legal_form(text[words[j].start() : words[j].end() + 1]):
            return None
        if not (_run_word(word) or (inverted and j == i + 1)):
            break
        last = j
        j += 1
    if last == i:
        return (
            i
            if not inverted and _double_barrelled_name(first) and i > 0 and _bare(words[i - 1].group()) in given_names()
            else _lone_given_name(words, i, first)
        )
    if not _same_case(words[i : last + 1]):
        # "Jürgen Baumgartner und wohne": the run ran on into the sentence's words; the names
        # are its first words written alike (two at least: "Tella was" stays no name).
        while last > i + 1 and not _same_case(words[i : last + 1]):
            last -= 1
        return last if last > i and _same_case(words[i : last + 1]) and words[i].group()[:1].isupper() else None
    return last


def _bare(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s")


def _run_word(word: str) -> bool:
    """A name of the lists that is no everyday word, or a word English text never uses and no place."""
    if word in _NOT_NAMES or word in _CALENDAR or word in _SPOKEN_ADDRESS or is_well_known_place(word):
        return False
    return _names(word, given_names()) or _names(word, surnames()) or not (is_english_vocabulary(word) or is_typo_of_common(word) or is_foreign_everyday(word))


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two words with only spaces (or a hyphen) between them: a comma or full stop ends a name."""
    between = text[a.end() : b.start()]
    return between.strip(" ") in ("", "-") and len(between) <= 2 and not a.group().endswith(("'s", "’s"))


def _same_case(run: list[re.Match[str]]) -> bool:
    """Every word capitalized ("Châu Phạm", "ZAYAN HANS") or every word lower case ("ane
    kramarić"): "Tella was" or "Bristol branch" mixes them and is no name."""
    names = [m.group() for m in run if _bare(m.group()) not in _PARTICLES]
    return all(w[:1].isupper() for w in names) or all(w.islower() for w in names)


def _lone_given_name(words: list[re.Match[str]], i: int, lower: str) -> int | None:
    """Word `i` when it is a given name alone that English does not use ("signed for by
    gustav", "moves to bořivoj", "Zdravko's number"); "Grace" and "Chase" alone stay words."""
    if lower in given_names_no_words():
        return i  # "belongs to ryan", "signed for by attila": English uses these only as names
    return i if not (is_english_vocabulary(lower) or is_typo_of_common(lower) or is_foreign_everyday(lower)) else None


def _stranger_in_english(text: str, words: list[re.Match[str]], i: int, first: str, english: _Lazy | bool) -> bool:
    """Whether word `i`, a word no list knows, stands among English words: in English text such
    a word is a person's name far more often than anything else (the lists miss the given names
    that are everyday words of another language too, "massimo", "cristiano", and the rarer
    ones). Not a short word (abbreviations, typos), not next to a word of another language or a
    particle ("máquinas de fabrico de calçado" is a phrase of that language), not before a legal
    form ("fogaça s/a")."""
    if len(first) < 4 or not (unknown_word(first) or _unused_surname(first)) or _typo_of_vocabulary(first):
        return False
    if words[i].group().islower() and _CASED.search(text):
        return False  # text that capitalizes names mid-sentence would have capitalized this one
    if _PRODUCT_VERSION.match(text, words[i].end()) or _brand_case(words[i].group()):
        return False  # "MyTelco/9.24.55" in a user agent, "TikTok", "PayPal": products, not people
    if i > 0 and _bare(words[i - 1].group()) in _DETERMINERS and _adjacent(text, words[i - 1], words[i]):
        return False  # "the Arlo camera", "my Roborock vacuum": a thing; a person is no "the X"
    for j in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= j < len(words) and not _SENTENCE_BREAK.search(text, min(words[i].end(), words[j].end()), max(words[i].start(), words[j].start())):
            near = _bare(words[j].group())
            if near in _PARTICLES or is_foreign_everyday(near) or (j == i + 1 and is_legal_form(text[words[j].start() : words[j].end() + 2].strip())):
                return False
    return bool(english)


# "diego from ilhas virgens", "sari of merikarvia", "ROMAN OF TŘEBENICE": a word, then "from"
# or "of", then the place found; read backwards from the place within a bounded window.
_NAME_FROM = re.compile(r"(?<![\w'’-])(?P<name>[^\W\d_][\w'’-]*)\s+(?i:from|of)\s+$")
NAME_FROM_WINDOW = 40


def name_before_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person before "from" or "of" a place found at text[start:end]: a given name of the
    lists, an everyday word too or not ("sari", "roman", "diego"), since "X of <place>" with X a
    given name names someone; "Bank of", "the office of" stay."""
    m = _NAME_FROM.search(text, max(0, start - NAME_FROM_WINDOW), start)
    if m is None or m.end() != start:
        return _name_comma_place(text, start)
    word = _bare(m.group("name"))
    # A capitalized word no list knows names someone too ("Wolfhard of Herzberg").
    unlisted = m.group("name")[:1].isupper() and not m.group("name").isupper() and unknown_word(word)
    if (word not in given_names() and not unlisted) or word in _NOT_NAMES or word in _DETERMINERS or word in _CALENDAR:
        return None
    return m.span("name")


# "PORTING OUT TO ANOTHER CARRIER: OTTO, VAASA", "- maria, letônia": a name, a comma, where
# the person is, opening a clause as a record or a form's value does.
_NAME_COMMA = re.compile(r"(?:^|[:;\n(|]\s*|\s[-–]\s+)(?P<name>(?P<given>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?)(?:[ \t]+[^\W\d_][\w'’-]*)?),[ \t]*$")


def _name_comma_place(text: str, start: int) -> tuple[int, int] | None:
    """The name before "<name>, <place>" at a clause's opening: a given name of the lists first
    (each half of a joined one), no place itself ("Victoria, Australia", "Jordan, Amman"), a
    surname of the lists or a word no list knows after it."""
    m = _NAME_COMMA.search(text, max(0, start - NAME_FROM_WINDOW), start)
    if m is None or m.end() != start:
        return None
    given = m.group("given").lower()
    if not all(in_names_list(p, given_names()) and p not in _NOT_NAMES and p not in _CALENDAR for p in given.split("-")):
        return None
    if is_well_known_place(m.group("given")) or is_well_known_place(m.group("name")):
        return None
    words = m.group("name").split()
    if len(words) == 2 and not (_names(words[1], surnames()) or _names(words[1], given_names()) or unknown_word(words[1])):
        return None
    return m.span("name")


def _unused_surname(word: str) -> bool:
    """A surname of the lists that no English or other everyday word is, nor a place ("marcantonio")."""
    return word in surnames() and not (is_english_vocabulary(word) or is_typo_of_common(word) or is_foreign_everyday(word) or word in place_names())


# A product token of a user agent or a software name: a word, a slash, a version.
_PRODUCT_VERSION = re.compile(r"/v?\d")
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")
# Names written with a capital inside ("McKenzie", "DeShawn", "LaToya", "VanDyke").
_NAME_PREFIXES = ("mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "st", "fitz", "o", "d", "l")


def _brand_case(word: str) -> bool:
    """A capital letter inside a word, as brands write their names ("MyTelco", "PayPal",
    "iPhone"), and names only after the prefixes that make one ("McKenzie", "DeShawn")."""
    inner = _INNER_CAPITAL.search(word)
    return inner is not None and word[: inner.start()].lower() not in _NAME_PREFIXES


_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those", "some", "any", "every"})
_CASED = re.compile(r"[a-z,;]\s+[A-Z][a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?;:()\n]")


def _typo_of_vocabulary(word: str) -> bool:
    """Whether `word` is an English word with two neighbouring letters swapped ("routre",
    "retsarted"), or an everyday word with one letter too many, too few or wrong ("acount",
    "tommorow", "dissapointed", "existance"): rarer words than is_typo_of_common looks for,
    asked of few words (each asks some hundreds of look-ups)."""
    if any(is_english_vocabulary(word[:k] + word[k + 1] + word[k] + word[k + 2 :]) for k in range(len(word) - 1) if word[k] != word[k + 1]):
        return True
    if len(word) < 5 or not word.isalpha():
        return False
    counts = english_counts()
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = (
        *(word[:k] + word[k + 1 :] for k in range(len(word))),
        *(word[:k] + c + word[k + 1 :] for k in range(len(word)) for c in letters if c != word[k]),
        *(word[:k] + c + word[k:] for k in range(len(word) + 1) for c in letters),
    )
    # Not a slip of a name's spelling ("georgel", "mulet"): those are names of their own.
    return any(counts.get(e, 0) >= COMMON_WORD and e not in given_names() and e not in surnames() for e in edits)


# How often a word must be seen to be the word a one-letter slip was meant to write.
COMMON_WORD = 1_000


def _opens_inverted(first: str, second: str, english: _Lazy | bool) -> bool:
    """Whether a run may start with `first`, no given name, because of the word after it: a
    surname before a given name of the lists ("horváth ilona"); in English text, a word no list
    knows before a name of the lists or another such word ("aanei clara", "heli laukkanen",
    "arnoddur valbergsson"): English text has few words that are in no word list, and two in a
    row are a name far more often than anything else."""
    if _names(first, surnames()):
        return _names(second, given_names())
    if not (unknown_word(first) and english):
        return False
    return _names(second, given_names()) or _names(second, surnames()) or unknown_word(second)


def unknown_word(word: str) -> bool:
    """A word no list knows: no English word (nor a typo of one), no everyday word of another
    language, no name and no place of the lists, no title or filler."""
    return _unknown(_bare(word))


@lru_cache(maxsize=65536)
def _unknown(w: str) -> bool:
    return (
        len(w) >= 2
        and w.replace("-", "").replace("'", "").isalpha()
        and w not in _NOT_NAMES
        and w not in _CALENDAR
        and w not in _SPOKEN_ADDRESS
        and w not in _PARTICLES
        and w not in HONORIFICS
        and not is_filler(w)
        and not (is_english_vocabulary(w) or is_typo_of_common(w) or is_foreign_everyday(w) or w in place_names())
        and not (w in given_names() or w in surnames())
        and _VOWEL.search(w) is not None  # "smh", "tbh", "vpn": abbreviations, no names
        and not _compound_of_words(w)
    )


_VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēėęěīįıōőœūůűų]")


def _compound_of_words(word: str) -> bool:
    """Whether `word` is two everyday English words run together, as product and command names
    are ("wireguard", "flushdns", "ipconfig", "nighthawk"); names of people seldom are. Both
    halves common words: the frequency list's rarer ones split names ("war|inder", "carl|ito",
    "ing|bert", "ran|veer", "ans|aldo")."""
    # The frequency list's words only: the chat words ("imo", "mas") would split names too.
    # A place's ending after a word makes a town's name, as English makes them ("darren|town",
    # "lorraine|view", "zea|land"), a place and no person.
    return len(word) >= 7 and any(
        is_english_vocabulary(word[:k], modern=False)
        and is_english_vocabulary(word[k:], modern=False)
        and ((is_common_english(word[:k]) and is_common_english(word[k:])) or word[k:] in _TOWN_MAKING_ENDINGS)
        for k in range(2, len(word) - 2)
    )


_TOWN_MAKING_ENDINGS = frozenset(
    [
        "town",
        "ville",
        "view",
        "shire",
        "chester",
        "land",
        "port",
        "mouth",
        "side",
        "field",
        "haven",
        "burgh",
        "burg",
        "borough",
        "bury",
        "ford",
        "stad",
        "dorf",
        "berg",
        "wood",
        "dale",
        "stead",
        "worth",
        "fort",
    ]
)


def _surname_comma_given(text: str, words: list[re.Match[str]], i: int, first: str, english: _Lazy | bool = True) -> bool:
    """ "Surname, Given", as forms and lists write a name: a surname of the lists or a word
    English does not use, a comma, then a given name of the lists; in English text, two words
    no list knows, written alike ("Gheorghiu, Grațiela", "mazilescu, zamfira")."""
    if i + 1 >= len(words) or text[words[i].end() : words[i + 1].start()] != ", ":
        return False
    given = _bare(words[i + 1].group())
    if unknown_word(first) and (unknown_word(given) or _names(given, given_names())) and _same_case(words[i : i + 2]) and english:
        return True
    if given in _NOT_NAMES or given in _CALENDAR or is_well_known_place(given) or not _same_case(words[i : i + 2]):
        return False
    if _double_given_name(given):
        # "JUNK, KLAUS-MICHAEL": two given names joined are nothing but a name, and the word
        # before its comma is the surname, whatever else the word means.
        return first.isalpha() and first not in _NOT_NAMES and first not in STOP_WORDS and first not in _CALENDAR
    if not _names(given, given_names()):
        # A given name English uses too after a surname English does not: "WEBB, BILLY",
        # "Phillips, Christian" (not "Well, Will": the surname must be no everyday word).
        return given in given_names() and _names(first, surnames())
    # Any surname of the lists, everyday word or not ("KNIGHT, EMILY", "Stack, Daniel"): the
    # comma and the given name after it say what it is.
    family = (first in surnames() and first not in STOP_WORDS) or not (is_english_vocabulary(first) or is_typo_of_common(first))
    return family and first not in _NOT_NAMES


def _double_given_name(word: str) -> bool:
    """Two given names of the lists joined by a hyphen ("klaus-michael", "anne-marie"), one of
    them at least no everyday English word ("will-power" is no name)."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return len(parts) == 2 and all(part in given_names() and part not in _NOT_NAMES for part in parts) and any(_names(part, given_names()) for part in parts)


def _double_barrelled_name(word: str) -> bool:
    """Two names of the lists joined by a hyphen ("henry-roberts", "schultz-kristensen"), one of
    them at least no everyday English word: "north-west" and "black-white" are no names."""
    if "-" not in word:
        return False
    parts = word.split("-")
    given, family = given_names(), surnames()
    return (
        len(parts) == 2
        and all((part in given or part in family) and part not in _NOT_NAMES and part not in _CALENDAR and part not in STOP_WORDS for part in parts)
        and any(_names(part, given) or _names(part, family) for part in parts)
    )
