"""Dates of birth: a date right after a birth cue ("born on", "date of birth", "DOB").

A date alone is not personal (calls have dates); a date of birth is, and it is a common
identity check in support calls. Only the date is the finding.
"""

from recognizers.captured_value import FILLERS, CapturedValueRecognizer
from recognizers.registry import register

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}"  # 3rd of March 1985
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # March 3, 1985
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})"  # 03/04/1985
    rf"|{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"  # 1985-03-04
    rf"|{_MONTH}\s+{_YEAR})"  # March 1985
)
_CUE = r"(?:born(?:\s+on|\s+in)?|birth\s*(?:date|day)|date\s+of\s+birth|d\.?o\.?b\.?|birthday(?:\s+is)?)"


@register
class DateOfBirthRecognizer(CapturedValueRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    MIN_DIGITS = 4  # every date form has a year or day and month in digits

    def __init__(self, supported_language: str = "en") -> None:
        pattern = rf"\b{_CUE}{FILLERS}\s*(?:is|was|:|-)?{FILLERS}\s*(?:the\s+)?(?P<value>{_DATE})(?!\w)"
        super().__init__("DATE_OF_BIRTH", [pattern], 0.8, "DateOfBirthRecognizer", supported_language)
