"""Cell identities: where a handset was, to within a few hundred metres.

Global cell identity (CGI, MCC-MNC-LAC-CI) and E-UTRAN cell global identity (ECGI,
MCC-MNC-ECI) written with `-`, `/` or `:` between the parts. The first part must be a mobile
country code in use; dots are not accepted as separators, so IP addresses and versions
never match. A hexadecimal cell id after a cue ("cell id 0x1A2B3C") counts too.
"""

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.captured_value import CapturedValueRecognizer
from recognizers.imsi import is_mobile_country_code
from recognizers.registry import register

_SEP = r"[-/:]"


@register
class CellIdRecognizer(PatternRecognizer):
    MIN_DIGITS = 7
    REQUIRES = r"\d{3}[-/:]\d{2,3}[-/:]\d"
    PATTERNS = [
        Pattern("CGI", rf"(?<![\w.:/-])\d{{3}}{_SEP}\d{{2,3}}{_SEP}\d{{1,5}}{_SEP}\d{{1,9}}(?![\w.:/-])", 0.5),
        Pattern("ECGI", rf"(?<![\w.:/-])\d{{3}}{_SEP}\d{{2,3}}{_SEP}\d{{6,10}}(?![\w.:/-])", 0.3),
    ]
    CONTEXT = ["cell", "ecgi", "cgi", "tower", "sector", "site", "enodeb", "gnodeb", "lac", "tac"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="CELL_ID",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="CellIdRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_mobile_country_code(pattern_text[:3]) else False


@register
class HexCellIdRecognizer(CapturedValueRecognizer):
    MIN_DIGITS = 1
    REQUIRES = r"0[xX][0-9A-Fa-f]{4}"

    def __init__(self, supported_language: str = "en") -> None:
        pattern = r"\b(?:cell(?:\s+id)?|eci|ci|ecgi)\s*(?:is|:|=|#)?\s*(?P<value>0x[0-9a-f]{4,8})\b"
        super().__init__("CELL_ID", [pattern], 0.6, "HexCellIdRecognizer", supported_language)
