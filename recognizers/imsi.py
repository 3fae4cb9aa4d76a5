"""IMSI: the identity of a subscriber on a SIM (3GPP TS 23.003, 2.2).

15 digits: MCC(3) + MNC(2-3) + MSIN. There is no checksum, so a 15-digit run is only taken
for an IMSI when its first three digits are a mobile country code (ITU E.212, as kept in
python-stdnum's IMSI database), and it scores higher with context words.
"""

from functools import lru_cache

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import numdb

from recognizers.checksums import only_digits
from recognizers.registry import register


@lru_cache(maxsize=1)
def mobile_country_codes() -> frozenset[str]:
    """Every MCC in python-stdnum's IMSI database (its top level: ranges of 3-digit codes), but
    those only of test networks (001, 999 "internal use"): 15 digits starting so are far more
    often something else."""
    codes: set[str] = set()
    for length, low, high, _props, networks in numdb.get("imsi").prefixes:
        if networks and all(props.get("country") == "Test networks" for *_, props, _ in networks):
            continue
        codes.update(f"{n:0{length}d}" for n in range(int(low), int(high) + 1))
    return frozenset(codes)


def is_mobile_country_code(mcc: str) -> bool:
    return mcc in mobile_country_codes()


@register
class ImsiRecognizer(PatternRecognizer):
    MIN_DIGITS = MIN_RUN = 14
    PATTERNS = [Pattern("IMSI", r"(?<![\w.+-])\d{3}[ -]?\d{2,3}[ -]?\d{9,10}(?![\w-]|\.\d)", 0.4)]
    CONTEXT = ["imsi", "subscriber", "sim", "identity"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="IMSI",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="ImsiRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = only_digits(pattern_text)
        if len(digits) != 15 or not is_mobile_country_code(digits[:3]):
            return False
        return None
