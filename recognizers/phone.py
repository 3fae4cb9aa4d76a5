"""Phone numbers (MSISDN), validated by `phonenumbers`.

Presidio's PhoneRecognizer runs `phonenumbers`' matcher over the whole text once per region,
which made it most of the processor's time, and it accepts pieces of larger tokens that
`phonenumbers` deems valid somewhere: `Gecko/7595-04-07 12` in a user agent, a date, a time,
a version, an SSN, the tail of an order number. This recognizer finds digit runs with one
regular expression, parses each run (and, if the run is several numbers, its sub-runs) for
the configured regions, and keeps a number only when it stands on its own: not glued to
letters, slashes or other digits, and not shaped like a date, a time, a version or an SSN.
A number without a country code and with fewer than nine digits ("555-0123") needs a
context word such as "call" or "phone".
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers
from phonenumbers import PhoneMetadata
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.checksums import cue_before
from recognizers.registry import register, result
from recognizers.settings import RecognizerSettings

# A run of digits with the separators people write in phone numbers.
# A slash counts between digit groups ("33/443-2631", how Hungary writes area codes); dates
# written with slashes are told apart later (`_stands_alone`).
_CANDIDATE = re.compile(r"\+?\(?\d(?:[\d().\-]|/(?=\d)|[ \t](?=[\d(+]))*\d\)?")
# What may stand right before and right after a phone number; anything else (a letter, a
# digit, a slash, a dash, a dot) makes it part of a longer token.
_BEFORE_OK = set(" \t\r\n\"'([{<,;:=+#*")
_AFTER_BAD = re.compile(r"^(?:(?![xX]\d)[\w/\\]|[.:-]\d)")  # an extension ("x624") may follow
# A date writes one separator twice and a year of two or four digits.
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)|(\d{1,2})([-/.])(\d{1,2})\6(\d{4}|\d{2})(?!\d)")
# 3-2-4 with dashes is how US social security numbers are written, not phones.
_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
# "3.7.3.0.79": dotted groups of one digit are versions; phone groups have two or more.
_VERSION_SHAPE = re.compile(r"\d+(?:\.\d+){2,}")
# Four dotted groups of one to three digits are an IPv4 address ("129.228.142.97").
_IPV4_SHAPE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_NOT_DIGIT = re.compile(r"\D")
MIN_DIGITS, MAX_DIGITS = 7, 15
REMEMBERED = 65_536
# Fewer digits than any full national number: only with context words ("call", "phone").
SHORT_DIGITS = 9
SCORE, SHORT_SCORE = 0.4, 0.3
# Numbers no region validates, taken after a call cue (see `_cued_number`).
CUED_SCORE = 0.5
CUED_DIGITS = (8, 15)
CUE_WINDOW = 40
NEAR_CUE = 20
# What may follow a number to call and say it is one: "we have 878092 4661 on file", "07700
# 900123 is her mobile".
_CUE_AFTER = re.compile(
    r"\)?\s+(?i:on\s+(?:file|record)|is\s+(?:my|her|his|their|our)\s+(?:(?:home|work|mobile|cell|new|old|own|contact|private)\s+)?(?:number|mobile|phone|cell|landline))\b"
)


def _said_to_be_one(text: str, end: int) -> bool:
    """Whether the words after a number (and its extension) say it is one to call: "09257073
    is my mobile", "120 033-6375 x125 on file"."""
    return _CUE_AFTER.match(text, _with_extension(text, end)) is not None


# A number given as what was asked for: "sorry it's 9175 8927 not the old one", "that's
# 0612345678". Eight digits or more that someone says "it is" are theirs, whatever they number.
_GIVEN_AS_AN_ANSWER = re.compile(r"(?<![\w'’])(?i:it'?s|it\s+is|that'?s|that\s+is)\s+$")
CALL_CUES = (
    "call",
    "phone",
    "mobile",
    "cell number",
    "tel",
    "reach",
    "ring",
    "dial",
    "text me",
    "sms",
    "whatsapp",
    "landline",
    "contact",
    "fax",
    "msisdn",
    "number is",
    # "confirmed the last digits of 331155449": a number read back to prove whose line it is.
    "digits of",
    # Whose number, or which: "the old number 969993183 can be released", "her number 0729 235 554".
    "my number",
    "old number",
    "new number",
    "her number",
    "his number",
    "their number",
    "your number",
    "home number",
    "work number",
    # The telecom's own words for a number: "second line 93 5429-7287", "porting request: ...".
    "line",
    "porting",
    "ported",
    "port",
    # The same said in the languages customers write: "Rückruf unter", "terugbellen op",
    # "joignable au", "richiamare al", "retornar no", "oddzwonić na", "número", "Handy".
    "ruf",
    "bellen",
    "joignable",
    "appel",
    "llam",
    "chiama",
    "retornar",
    "ligar",
    "dzwoni",
    "nummer",
    "numer",
    "número",
    "numéro",
    "handy",
    "portable",
    "móvil",
    "movil",
    "celular",
    "cellulare",
    "mobil",
    # A signature's labels: "m: 22 905 18 59 | e: ...", "t: +44 ...", "tlf. 22 33 44 55".
    "m:",
    "t:",
    "ph:",
    "tlf",
    "telefon",
    "tél",
)


@register
class MsisdnRecognizer(LocalRecognizer):
    MIN_DIGITS = MIN_DIGITS
    # Seven digits with nothing but the characters of a candidate run between them: every
    # number found is such a stretch; most version strings of a user agent are not.
    REQUIRES = rf"\d(?:[().\-+ \t/]*\d){{{MIN_DIGITS - 1}}}"
    # Presidio's context list without "number": "account number" and "order number" are no phones.
    CONTEXT = ["phone", "telephone", "cell", "cellphone", "mobile", "call", "msisdn", "reach", "text", "sms", "contact", "landline", "whatsapp"]

    def __init__(self, supported_language: str = "en", supported_regions: list[str] | None = None) -> None:
        self.regions = supported_regions or ["US"]
        # Candidate -> whether `phonenumbers` takes it: the costliest step, and the same
        # numbers call and are called again and again.
        self._valid_numbers: dict[str, bool] = {}
        super().__init__(supported_entities=["PHONE_NUMBER"], supported_language=supported_language, context=self.CONTEXT, name="MsisdnRecognizer")

    @classmethod
    def from_settings(cls, settings: RecognizerSettings) -> MsisdnRecognizer:
        return cls(settings.language, list(settings.phone_regions))

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _CANDIDATE.finditer(text):
            if m.end() - m.start() < MIN_DIGITS or len(_NOT_DIGIT.sub("", m.group())) < MIN_DIGITS:
                continue  # too few digits for any number in it ("5.0", "534.38.4" in a user agent)
            numbers = self._numbers(text, m.start(), m.end())
            whole = _trim(text, m.start(), m.end())
            if numbers != [whole] and (shaped := _phone_shaped(text, *whole)) is not None:
                # Written as a phone number is, whole: not its valid pieces ("411-7715" of
                # "(294) 411-7715"), which would leave the rest readable.
                results.append(result(self, "PHONE_NUMBER", *shaped, SCORE, "a number written as phone numbers are"))
                continue
            if numbers and numbers != [whole] and (cued := self._cued_number(text, *whole)) is not None:
                # Pieces of the run are valid somewhere, the run is a number said to be one
                # ("the old number 135 496 9607"): the whole run, not its valid tail.
                results.append(result(self, "PHONE_NUMBER", *cued, CUED_SCORE, "a number to call, in a format of any country"))
                continue
            for start, end in numbers:
                international = text[start] == "+" or text.startswith("00", start)
                digits = sum(ch.isdigit() for ch in text[start:end])
                score = SCORE if international or digits >= SHORT_DIGITS or _phone_shaped(text, start, end) else SHORT_SCORE
                if score < CUED_SCORE and (cue_before(text, start, CALL_CUES, CUE_WINDOW) is not None or _said_to_be_one(text, end)):
                    # A short national number said to be one to call: as sure as an unvalidated
                    # one after the same cue (below), whatever the context scorer makes of it.
                    score = CUED_SCORE
                results.append(result(self, "PHONE_NUMBER", start, _with_extension(text, end), score, "valid phone number (phonenumbers)"))
            if not numbers:
                cued = self._cued_number(text, m.start(), m.end())
                if cued is not None:
                    results.append(result(self, "PHONE_NUMBER", *cued, CUED_SCORE, "a number to call, in a format of any country"))

        return results

    def _cued_number(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A run that no configured region validates ("22 33 44 55" in Denmark, "06-12345678"
        in the Netherlands) is still a phone number when the text says it is one to call: a
        call cue shortly before (or a leading "+"), eight to fifteen digits, standing on its own."""
        start, end = _trim(text, start, end)
        digits = sum(ch.isdigit() for ch in text[start:end])
        # Right after the cue ("reach me at 950 0 923"), seven digits are a local number too.
        # So are they before "on file" ("we have 177 1 908 on file for Zorlu, Anargül").
        near = cue_before(text, start, CALL_CUES, NEAR_CUE) is not None or _said_to_be_one(text, end)
        fewest = CUED_DIGITS[0] - 1 if near else CUED_DIGITS[0]
        if not fewest <= digits <= CUED_DIGITS[1] or not _stands_alone(text, start, end):
            return None
        # A leading "+" is how a number to call is written in every country: it needs no cue;
        # nor does a national number with its trunk "0" in brackets after a word ("nitara deo
        # (05395462226) asked"), as contact lists write whose number it is.
        if (
            text[start] != "+"
            and not _TRUNK_IN_BRACKETS.search(text, max(0, start - 3), min(len(text), end + 1))
            and cue_before(text, start, CALL_CUES, CUE_WINDOW) is None
            and not _said_to_be_one(text, end)
            and not _GIVEN_AS_AN_ANSWER.search(text, max(0, start - 12), start)
        ):
            return None
        return start, _with_extension(text, end)

    def _numbers(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Valid numbers in the run text[start:end]: the whole run, or else its longest valid
        sub-runs of whitespace-separated groups ("call 4155550123 4155550199").

        Only sub-runs of at most MAX_DIGITS digits are tried, so each group starts a bounded
        number of tries: the cost is linear in the run's length, however long it is (trying
        every sub-run made a few kilobytes of "12 12 12" cost seconds)."""
        start, end = _trim(text, start, end)
        if _IPV4_SHAPE.fullmatch(text, start, end):
            return []
        if self._valid(text, start, end):
            return [(start, end)]
        groups = [(g.start() + start, g.end() + start) for g in re.finditer(r"\S+", text[start:end])]
        digits = [sum(ch.isdigit() for ch in text[s:e]) for s, e in groups]
        found, i = [], 0
        while i < len(groups):
            longest, total = i, 0
            while longest < len(groups) and total + digits[longest] <= MAX_DIGITS:
                total += digits[longest]
                longest += 1
            for j in range(longest, i, -1):
                s, e = _trim(text, groups[i][0], groups[j - 1][1])
                if (j - i) < len(groups) and self._valid(text, s, e):
                    found.append((s, e))
                    i = j
                    break
            else:
                i += 1
        return found

    def _valid(self, text: str, start: int, end: int) -> bool:
        candidate = text[start:end]
        digits = sum(ch.isdigit() for ch in candidate)
        if not MIN_DIGITS <= digits <= MAX_DIGITS or not _stands_alone(text, start, end):
            return False
        known = self._valid_numbers.get(candidate)
        if known is None:
            if len(self._valid_numbers) >= REMEMBERED:
                self._valid_numbers.clear()
            known = self._valid_numbers[candidate] = self._parses(candidate)
        return known

    def _parses(self, candidate: str) -> bool:
        written = _NOT_DIGIT.sub("", candidate)
        if written.startswith("00") and not candidate.startswith("+"):
            # "00" is how most of the world dials out: "0049 151 2345 678" is "+49 151 2345 678".
            try:
                return phonenumbers.is_valid_number(phonenumbers.parse("+" + written[2:], None))
            except phonenumbers.NumberParseException:
                return False
        for region in [None] if candidate.startswith("+") else self.regions:
            if region is not None and not _could_be_national(len(written), region):
                continue
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                continue
            if region is None:
                return True
            # Written as that region writes its numbers (with its trunk prefix, or with the
            # country code): "0339838608571" is a German number, "339838608571" a parcel.
            national = _NOT_DIGIT.sub("", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
            if written in (national, f"{number.country_code}{number.national_number}"):
                return True
        return False


# A mobile number written in international digits without "+" or "00" ("34611369128"), as
# charging records and RADIUS write the MSISDN: 10 to 15 digits.
INTERNATIONAL_DIGITS = (10, 15)
_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})


def is_international_mobile(value: str) -> bool:
    """Whether a field's whole value is a mobile number in international digits, of any
    country: "34611369128" (Spain), "4915112345678" (Germany). Without a "+", a tenth of all
    11-digit strings would pass for a number of some country, so only a value that is nothing
    else (a field's whole value) and a mobile one is taken."""
    if not value.isdigit() or not INTERNATIONAL_DIGITS[0] <= len(value) <= INTERNATIONAL_DIGITS[1] or value[0] == "0":
        return False
    try:
        number = phonenumbers.parse("+" + value, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _MOBILE_TYPES


@cache
def _national_lengths(region: str) -> tuple[frozenset[int], int]:
    """The lengths a valid national significant number of `region` may have (from
    `phonenumbers`' metadata), and the most digits written before it: the national prefix or
    the country code, and one more for a leading zero kept in the number (Italy)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None:
        return frozenset(), 0
    prefix = max(len(metadata.national_prefix or ""), len(str(metadata.country_code or "")))
    return frozenset(metadata.general_desc.possible_length or ()), prefix + 1


def _could_be_national(digits: int, region: str) -> bool:
    """Whether `digits` written digits could be a valid number of `region`, as `_parses`
    accepts it (its national form or its country code and number): a 16-digit card number
    cannot be a US or French phone number, so `phonenumbers` (tens of microseconds a region)
    is not asked. Never stricter than `phonenumbers`: a valid number's length is one of its
    region's possible lengths."""
    lengths, most_before = _national_lengths(region)
    return not lengths or any(digits - k in lengths for k in range(most_before + 1))


# How phone numbers are written that no other number is, valid for a region or not (made-up
# and test numbers, numbers of countries not configured): the North American 3-3-4 with an
# optional country code, trunk code and extension ("(294) 411-7715", "1-764-686-9589",
# "001-335-504-9258"); digits in pairs ("12 90 40 47", "06.12.34.56.78"); an area code in
# brackets ("(00695) 848304", "(351) 919825979", "(09)040-4796", "+90(483)378-8762").
_PHONE_SHAPE = re.compile(
    r"(?:(?:\+?1|001)[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-. ]\d{4}"
    r"|\d{2}(?:([ .-])\d{2})(?:\1\d{2}){2,3}"
    r"|(?:\+\d{1,3}\s?)?\(\d{2,5}\)\s?\d{2,4}(?:[ -]?\d{2,4}){1,2}"
    # A trunk "0" and an area code, then groups ("08-89 91 39", "032 464 686", "0074-833 78").
    r"|0\d{1,4}[-/ ]\d{2,4}(?:[ -]\d{2,4}){1,3}"
    # Brazil's "69 6972-5102", Hungary's "23/286-0129": an area code, then 4-4 or 3-4.
    r"|\d{2} \d{4,5}-\d{4}|\d{1,2}/\d{3}[- ]\d{3,4}"
)
_EXTENSION = re.compile(r"\s?[xX]\d{1,5}(?!\w)")


def _phone_shaped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a number in a phone number's shape, its extension with it, or None."""
    # "(12 90 40 47)", "((294) 411-7715)": brackets around the number are the sentence's.
    for a, b in ((start, end), (start, end - 1), (start + 1, end - 1), (start + 1, end)):
        if a < b and _PHONE_SHAPE.fullmatch(text, a, b) and _stands_alone(text, a, b):
            return a, _with_extension(text, b)
    return None


def _with_extension(text: str, end: int) -> int:
    """Where a number ends with its extension ("x232") if one follows."""
    extension = _EXTENSION.match(text, end)
    return extension.end() if extension else end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # An opening parenthesis belongs to the number only if it is closed inside it.
    while start < end and text[start] == "(" and ")" not in text[start:end]:
        start += 1
    while end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    while end > start and text[end - 1] in ".-/":
        end -= 1
    return start, end


def _stands_alone(text: str, start: int, end: int) -> bool:
    matched = text[start:end].lstrip("( ")
    if not matched.startswith("+") and (_is_date(matched) or _SSN_SHAPE.fullmatch(matched)):
        return False
    if _VERSION_SHAPE.fullmatch(matched) and any(len(g) == 1 for g in matched.split(".")):
        return False
    if _IPV4_SHAPE.fullmatch(matched):
        return False
    if start > 0 and text[start - 1] not in _BEFORE_OK:
        return False
    if text[max(0, start - 2) : start - 1].isdigit() and text[start - 1] == ":":
        return False  # the seconds of a time, "23:38:07.023895"
    return not _AFTER_BAD.match(text[end : end + 2])


def _is_date(text: str) -> bool:
    """Whether `text` starts with a date a calendar has: "2024-03-07", "07/03/24". Groups of a
    phone number in the same shape ("06-88/262 8439", Hungary) name no month."""
    m = _DATE.match(text)
    if m is None:
        return False
    if m.group(1):
        return 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31
    a, b = int(m.group(5)), int(m.group(7))
    return 1 <= min(a, b) <= 12 and max(a, b) <= 31 and min(a, b) >= 1


_TRUNK_IN_BRACKETS = re.compile(r"[^\W\d_][ \t]\(0[1-9][\d \t-]*\d\)(?:$|(?=\s))")
# What stands between a name and the number written with it: "Anna Berg (515 537 904)",
# "witold kochel 888 244 561 asked", "Berg, Anna: 0089-679181", a tab of an export.
_BETWEEN_NAME_AND_NUMBER = re.compile(r"(?:[ \t]*[,:–—-])?[ \t]*\(?[ \t]*(?=[+\d(])")
NAMED_DIGITS = (7, 15)


def number_after_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The number written right after a person's name: a contact list's way of saying whose
    number it is, in any country's format ("Todd (6976.1722)", "paula andreasen (9819 2593)").
    A date, a year or a short count is no such number."""
    between = _BETWEEN_NAME_AND_NUMBER.match(text, end)
    if between is None or (between.end() == end and end < len(text) and not text[end].isspace()):
        return None
    run = _CANDIDATE.match(text, between.end())
    if run is None:
        return None
    s, e = _trim(text, run.start(), run.end())
    digits = sum(ch.isdigit() for ch in text[s:e])
    if not NAMED_DIGITS[0] <= digits <= NAMED_DIGITS[1] or not _stands_alone(text, s, e):
        return None
    return s, _with_extension(text, e)
