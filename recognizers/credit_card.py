"""Payment card numbers.

Presidio's CreditCardRecognizer checks the Luhn digit but accepts any length from 12 to 19
for any leading digit, so a 15-digit IMEI starting with 4 (Luhn-valid by construction) passes
as a Visa card, and its leading-digit list misses Mastercard's 2-series. This subclass
takes 13 to 19 digits in any grouping (not after a "+", which makes a phone number) and
requires the Luhn digit and a length that the card's network issues.
"""

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

from recognizers.checksums import cue_before, luhn_valid, only_digits
from recognizers.registry import register

# Leading digits -> lengths issued (ISO/IEC 7812 ranges of the major networks).
_NETWORK_LENGTHS = (
    (("4",), {13, 16, 19}),  # Visa
    (("51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27"), {16}),  # Mastercard
    (("34", "37"), {15}),  # American Express
    (("6011", "644", "645", "646", "647", "648", "649", "65"), {16, 17, 18, 19}),  # Discover
    (("35",), {16, 17, 18, 19}),  # JCB
    (("1800", "2131"), {15}),  # JCB, the older 15-digit ranges
    (("300", "301", "302", "303", "304", "305", "36", "38", "39"), {14, 15, 16, 17, 18, 19}),  # Diners Club
    (("62",), {16, 17, 18, 19}),  # UnionPay
    (("50", "56", "57", "58", "59", "60", "61", "63", "66", "67", "68", "69"), set(range(12, 20))),  # Maestro (50, 56-69)
)


def plausible_card_number(digits: str) -> bool:
    for prefixes, lengths in _NETWORK_LENGTHS:
        if digits.startswith(prefixes):
            return len(digits) in lengths
    return False


OTHER_CUES = ("imei", "imsi", "iccid", "sim", "serial", "handset")


@register
class PaymentCardRecognizer(CreditCardRecognizer):
    MIN_DIGITS = MIN_RUN = 12
    PATTERNS = [Pattern("card number", r"(?<![\w.+-])\d(?:[ -]?\d){11,18}(?![\w-]|[ .-]?\d)", 0.3)]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name="PaymentCardRecognizer", patterns=self.PATTERNS)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None) -> list[RecognizerResult]:
        # A Luhn-valid number after "IMEI" or "SIM" is that, whatever card range it falls in.
        return [
            r
            for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
            if cue_before(text, r.start, OTHER_CUES + ("card", "visa", "amex", "mastercard", "credit", "debit", "pay")) not in OTHER_CUES
        ]

    def validate_result(self, pattern_text: str) -> bool:
        digits = only_digits(pattern_text)
        return plausible_card_number(digits) and luhn_valid(digits)
