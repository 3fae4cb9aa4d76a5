"""IMEI and IMEISV: the identity of a handset (3GPP TS 23.003, 6.2).

An IMEI is 15 digits, TAC(8) + serial(6) + Luhn check digit, often written 2-6-6-1 with
spaces, dashes or slashes. An IMEISV is 16 digits (the check digit replaced by a 2-digit
software version) and has no checksum, so it only counts with context ("imei", "imeisv").
"""

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.checksums import cue_before, luhn_valid, only_digits
from recognizers.registry import register

# Fifteen (or sixteen) digits, grouped any way people group them: 2-6-6-1, 8-7, 4-4-4-3...
_SEP = r"[ \-/.]?"


OTHER_CUES = ("imsi", "card", "visa", "amex", "mastercard", "credit", "iccid", "account")


@register
class ImeiRecognizer(PatternRecognizer):
    MIN_DIGITS = MIN_RUN = 15
    PATTERNS = [
        Pattern("IMEI", rf"(?<![\w.+-])\d(?:{_SEP}\d){{14}}(?![\w-]|[ .-]?\d)", 0.5),
        Pattern("IMEISV", rf"(?<![\w.+-])\d(?:{_SEP}\d){{15}}(?![\w-]|[ .-]?\d)", 0.3),
    ]
    CONTEXT = ["imei", "imeisv", "handset", "device", "serial", "phone", "equipment"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="IMEI",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="ImeiRecognizer",
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None) -> list[RecognizerResult]:
        # One 15-digit Luhn-valid number in ten is an IMSI by chance, and every Amex card is one:
        # the nearest cue before it decides.
        return [
            r
            for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
            if cue_before(text, r.start, OTHER_CUES + ("imei", "handset", "device")) not in OTHER_CUES
        ]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = only_digits(pattern_text)
        if len(digits) == 15:
            # A failed check digit is not an IMEI; a passed one is, with or without context.
            return luhn_valid(digits)
        return None
