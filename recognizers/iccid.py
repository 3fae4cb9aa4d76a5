"""ICCID: the serial number of a SIM card (ITU-T E.118).

19 or 20 digits starting with the telecom industry prefix `89`, ending in a Luhn check digit.
"""

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.checksums import luhn_valid, only_digits
from recognizers.registry import register


@register
class IccidRecognizer(PatternRecognizer):
    MIN_DIGITS = MIN_RUN = 19
    PATTERNS = [Pattern("ICCID", r"(?<![\w.+-])89(?:[ -]?\d){17,18}(?![\w-]|\.\d)", 0.5)]
    CONTEXT = ["iccid", "sim", "card", "serial"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="ICCID",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="IccidRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = only_digits(pattern_text)
        return len(digits) in (19, 20) and luhn_valid(digits)
