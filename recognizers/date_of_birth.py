"""Dates of birth: a date right after a birth cue ("born on", "date of birth", "DOB"), and a
whole date decades back with no cue.

A date alone is not personal (calls have dates); a date of birth is, and it is a common
identity check in support calls. Only the date is the finding.
"""

import re
from datetime import date

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.captured_value import FILLERS, CapturedValueRecognizer
from recognizers.registry import register, result

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # The months of the languages customers write dates in: German, Dutch and the Nordic
    # languages, French, Spanish, Italian, Portuguese, Polish (in the genitive a date takes).
    r"|januar[iy]?|februar[iy]?|märz|maart|mars|mai|mei|maj|juni|juli|august(?:us|i)?|oktober|dezember|december"
    r"|janvier|février|fevrier|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)\.?"
)
# A day: "3rd", "22", "22." as German and the Nordic languages write it.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
_YEAR = r"(?:19|20)\d{2}"
# Dates said aloud, as speech-to-text writes them: "march fourth nineteen sixty two", "the
# twenty-first of june two thousand and one", "four twelve eighty one".
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN_WORD = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORDINAL_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL_WORD = (
    rf"(?:(?:twenty|thirty)[\s-]?{_ORDINAL_UNIT}|{_ORDINAL_UNIT}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_DAY_WORD = rf"(?:{_ORDINAL_WORD}|(?:twenty|thirty)[\s-]?{_UNIT_WORD}|{_TEEN_WORD}|{_UNIT_WORD}|twenty|thirty)"
_TWO_DIGIT_WORDS = rf"(?:{_TENS_WORD}(?:[\s-]?{_UNIT_WORD})?|{_TEEN_WORD}|o(?:h)?\s+{_UNIT_WORD})"
_YEAR_WORDS = rf"(?:(?:nineteen|twenty)[\s-]?(?:{_TWO_DIGIT_WORDS}|hundred)|two\s+thousand(?:\s+and)?(?:\s+{_TWO_DIGIT_WORDS}|\s+{_UNIT_WORD})?)"
_SPOKEN_YEAR = rf"(?:{_YEAR_WORDS}|{_TWO_DIGIT_WORDS}|{_YEAR})"
_MONTH_NUMBER_WORD = rf"(?:{_UNIT_WORD}|ten|eleven|twelve)"
_DATE = (
    rf"(?:{_WEEKDAY}?{_DAY}(?:\s+of|\s+de)?\s+{_MONTH}(?:\s+de)?,?\s+{_YEAR}"  # 3rd of March 1985, 22 de abril de 1987
    rf"|{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # March 3, 1985; Thursday, April 22, 1987
    rf"|{_DAY}-{_MONTH}-(?:{_YEAR}|\d{{2}})|{_DAY}/{_MONTH}/(?:{_YEAR}|\d{{2}})"  # 22-Apr-1987, 22/apr/87
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})"  # 03/04/1985
    rf"|{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"  # 1985-03-04
    rf"|\d{{1,2}}\s+\d{{1,2}}\s+(?:{_YEAR}|\d{{2}})(?!\s*\d)"  # 3 14 1972, read out
    # Eight digits, the separators dropped (speech-to-text, forms): day, month and year in
    # each order people write them: 22041987, 04221987, 19870422.
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{{2}}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    rf"|(?:the\s+)?{_DAY_WORD}\s+of\s+{_MONTH},?\s+{_SPOKEN_YEAR}"  # the fourth of march nineteen sixty two
    rf"|{_MONTH}\s+(?:the\s+)?(?:{_DAY_WORD}|{_DAY}),?\s+{_SPOKEN_YEAR}"  # march fourth nineteen sixty two
    rf"|{_MONTH_NUMBER_WORD}\s+{_DAY_WORD}\s+{_SPOKEN_YEAR}"  # four twelve eighty one
    rf"|{_MONTH}\s+{_YEAR}"  # March 1985
    rf"|{_YEAR}(?![/.-]?\d))"  # "born 1987": the year of birth, after a cue only
)
# Any date of the forms above, for a turn that answers "what's your date of birth?".
# One piece of a date in any order or shape ("12th", "3rd", "85", "june", "twenty", "nineteen"):
# where a date of birth was asked for, a run of them is the answer though no format above
# matches it ("12th of the 3rd, 85").
DATE_PIECE = re.compile(
    rf"(?<!\w)(?:\d{{1,4}}(?:st|nd|rd|th)?|{_MONTH}|{_ORDINAL_WORD}|{_TENS_WORD}|{_TEEN_WORD}|{_UNIT_WORD}|hundred|thousand)(?!\w)", re.IGNORECASE
)

DATE = re.compile(rf"(?<!\w){_DATE}(?!\w)", re.IGNORECASE)
_CUE = r"(?:born(?:\s+on|\s+in)?|birth\s*(?:date|day)|date\s+of\s+birth|d\.?o\.?b\.?|birthday(?:\s+is)?)"


@register
class DateOfBirthRecognizer(CapturedValueRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    # Every cue has one of these (dates said aloud have no digits, so no digit count is needed).
    REQUIRES = r"(?i:born|birth|d\.?o\.?b)"

    def __init__(self, supported_language: str = "en") -> None:
        pattern = rf"\b{_CUE}{FILLERS}\s*(?:is|was|:|-)?{FILLERS}\s*(?:the\s+)?(?P<value>{_DATE})(?!\w)"
        # The cue after the date: "4/22/87 is my birthday", "22-Apr-1987 was his date of birth".
        after = rf"(?<!\w)(?P<value>{_DATE})\s+(?:is|was|=)\s+(?:my|his|her|their|the)\s+{_CUE}"
        super().__init__("DATE_OF_BIRTH", [pattern, after], 0.8, "DateOfBirthRecognizer", supported_language)


# A birth year is at least this many years back: a younger person's date is more often the
# date of something else (a contract, a payment) than a birthday.
YOUNGEST_AGE = 14
_FULL_DATE = re.compile(
    rf"(?<![\w/.-])(?:{_DAY}(?:\s+of)?\s+{_MONTH},?\s+(?P<y1>{_YEAR})"
    rf"|{_MONTH}\s+{_DAY},?\s+(?P<y2>{_YEAR})"
    rf"|(?:[12]\d|3[01]|0?[1-9])(?P<s1>[/.-])(?:1[0-2]|0?[1-9])(?P=s1)(?P<y3>{_YEAR})"
    rf"|(?:1[0-2]|0?[1-9])(?P<s2>[/.-])(?:[12]\d|3[01]|0?[1-9])(?P=s2)(?P<y4>{_YEAR})"
    rf"|(?P<y5>{_YEAR})(?P<s3>[/.-])(?:1[0-2]|0?[1-9])(?P=s3)(?:[12]\d|3[01]|0?[1-9]))(?![\w/-]|\.\d)",
    re.IGNORECASE,
)
# Eight digits standing alone, the separators dropped as forms and speech-to-text drop them
# ("28041964", "06182003"): read as day-month-year, month-day-year or year-month-day.
_COMPACT_DATE = re.compile(r"(?<![\w+/.-])\d{8}(?![\w/-]|\.\d)")


def _compact_date_year(digits: str) -> int | None:
    """The year of an eight-digit date in any of the three orders, if one reads as a real date."""
    for day, month, year in ((digits[:2], digits[2:4], digits[4:]), (digits[2:4], digits[:2], digits[4:]), (digits[6:], digits[4:6], digits[:4])):
        if year[:2] not in ("19", "20"):
            continue
        try:
            return date(int(year), int(month), int(day)).year
        except ValueError:
            continue
    return None


@register
class PastDateRecognizer(LocalRecognizer):
    """A whole calendar date (day, month and a four-digit year) at least YOUNGEST_AGE years
    back, with no cue: "Anaïs, 10 Dec 1910, Lyon", "20.07.1957". Support notes and
    transcripts date what happens now; a date decades back is nearly always someone's birth,
    and a date of birth is an identity check. A lower score than after a cue; recent dates,
    years alone and month-and-year stay."""

    SPEECH_ONLY = True
    REQUIRES = r"(?:19|20)\d\d"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["DATE_OF_BIRTH"], supported_language=supported_language, name="PastDateRecognizer")
        self.latest_year = date.today().year - YOUNGEST_AGE

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _FULL_DATE.finditer(text):
            year = int(next(y for y in (m.group(f"y{k}") for k in range(1, 6)) if y))
            if year <= self.latest_year:
                found.append(result(self, "DATE_OF_BIRTH", m.start(), m.end(), 0.6, "a full date decades back"))
        for m in _COMPACT_DATE.finditer(text):
            compact = _compact_date_year(m.group())
            if compact is not None and 1900 <= compact <= self.latest_year:
                found.append(result(self, "DATE_OF_BIRTH", m.start(), m.end(), 0.6, "a full date decades back, without separators"))
        return found
