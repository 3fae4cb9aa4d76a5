"""Numbers read out digit by digit: "five five five, zero one two three", "double seven",
"4 1 5 5 5 5 0 1 2 3", "oh two oh, seven nine four six...".

Speech-to-text writes what people say, and people say identifiers digit by digit, in
groups, with "double" and "triple", and "oh" for zero. Pattern recognizers built for typed
numbers see only loose words. This recognizer joins a run of digit words and digit groups
into one number, then names it by its checks (Luhn for IMEI and cards, `phonenumbers` for
phones) or by the words before it. A run of seven or more digits that passes no check is
still taken: spoken out in a support call, it is somebody's number.
"""

from __future__ import annotations

from collections.abc import Iterator

import phonenumbers
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.checksums import luhn_valid
from recognizers.credit_card import plausible_card_number
from recognizers.imsi import is_mobile_country_code
from recognizers.registry import AllOf, AnyOf, FirstWords, register, result
from recognizers.settings import RecognizerSettings
from recognizers.spoken import Token, tokenize

DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "niner": "9",
}  # fmt: skip
REPEATS = {"double": 2, "triple": 3}
# Glue that may stand between the groups of one spoken number.
JOINERS = {",", "-", ".", "/"}
MIN_DIGITS = 7
CUES = {
    **dict.fromkeys(("imei", "handset", "serial"), "IMEI"),
    "imsi": "IMSI",
    **dict.fromkeys(("iccid", "sim"), "ICCID"),
    **dict.fromkeys(("card", "visa", "mastercard", "amex", "credit", "debit"), "CREDIT_CARD"),
    **dict.fromkeys(("account", "acct"), "ACCOUNT_NUMBER"),
    **dict.fromkeys(("social", "ssn"), "US_SSN"),
    **dict.fromkeys(("pin", "passcode", "password"), "SECRET_ANSWER"),
    **dict.fromkeys(("phone", "mobile", "cell", "call", "reach", "text", "landline", "msisdn"), "PHONE_NUMBER"),
}
CONTEXT_WINDOW = 8  # tokens before a run in which a cue word names it


@register
class SpokenDigitsRecognizer(LocalRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    # A digit word, or five or more digit groups in a row (digits read out one by one).
    REQUIRES = AnyOf(FirstWords("zero oh o nought one two three four five six seven eight nine niner"), AllOf(r"\d", r"(?<!\d)\d++(?:\W++\d++){4}"))

    ENTITIES = ["PHONE_NUMBER", "IMEI", "IMSI", "ICCID", "CREDIT_CARD", "ACCOUNT_NUMBER", "US_SSN", "SECRET_ANSWER"]

    def __init__(self, supported_language: str = "en", regions: list[str] | None = None) -> None:
        self.regions = regions or ["US"]
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language, name="SpokenDigitsRecognizer")

    @classmethod
    def from_settings(cls, settings: RecognizerSettings) -> SpokenDigitsRecognizer:
        return cls(settings.language, list(settings.phone_regions))

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if not any(ch.isdigit() for ch in text) and not any(w in text.lower() for w in ("one", "two", "five", "oh", "zero", "nine", "six")):
            return []
        tokens = tokenize(text)
        results = []
        for first, last, digits, spoken in _runs(tokens):
            # Typed numbers in ordinary groupings are the pattern recognizers' job; a run is ours
            # when it was spoken (digit words) or spaced out digit by digit.
            if not spoken or len(digits) < 4:
                continue
            entity, score = self._classify(digits, _nearest_cue(tokens, first))
            if entity is None or entity not in entities:
                continue
            results.append(result(self, entity, tokens[first].start, tokens[last].end, score, f"{len(digits)} digits read out"))
        return results

    def _classify(self, digits: str, cued: str | None) -> tuple[str | None, float]:
        n = len(digits)
        if n == 15 and luhn_valid(digits) and cued in (None, "IMEI"):
            return "IMEI", 0.9
        if n in (19, 20) and digits.startswith("89") and luhn_valid(digits):
            return "ICCID", 0.9
        if 13 <= n <= 19 and plausible_card_number(digits) and luhn_valid(digits):
            return "CREDIT_CARD", 0.9
        if n == 15 and is_mobile_country_code(digits[:3]) and cued == "IMSI":
            return "IMSI", 0.8
        if cued is not None:
            return cued, 0.7
        if n < MIN_DIGITS:
            return None, 0.0
        if self._is_phone(digits):
            return "PHONE_NUMBER", 0.8
        return ("PHONE_NUMBER" if n <= 12 else "ACCOUNT_NUMBER"), 0.6

    def _is_phone(self, digits: str) -> bool:
        for candidate, region in [(f"+{digits}", None), *((digits, r) for r in self.regions)]:
            try:
                if phonenumbers.is_valid_number(phonenumbers.parse(candidate, region)):
                    return True
            except phonenumbers.NumberParseException:
                continue
        return False


def _nearest_cue(tokens: list[Token], first: int) -> str | None:
    """The entity named by the cue word closest before a run: in "the account is hers, her
    number is ...", "number" is nearer than "account". A bare "number" names a phone unless
    the word before it names something else ("account number", "card number")."""
    for i in range(first - 1, max(-1, first - 1 - CONTEXT_WINDOW), -1):
        word = tokens[i].lower
        if word in CUES:
            return CUES[word]
        if word in ("number", "no", "num", "#"):
            before = tokens[i - 1].lower if i > 0 else ""
            return CUES.get(before, "PHONE_NUMBER")
    return None


def _runs(tokens: list[Token]) -> Iterator[tuple[int, int, str, bool]]:
    """Yield (first token, last token, digits, spoken?) for each run of digit units."""
    i, n = 0, len(tokens)
    while i < n:
        if _unit(tokens, i) is None:
            i += 1
            continue
        first, digits, spoken, groups, last, joined = i, "", False, 0, i, False
        while i < n:
            unit = _unit(tokens, i)
            if unit is not None:
                value, width, is_word = unit
                digits += value
                spoken |= is_word
                groups += 1
                last = i + width - 1
                i += width
                continue
            # A joiner continues the run only if another digit unit follows it.
            if tokens[i].text in JOINERS and i + 1 < n and _unit(tokens, i + 1) is not None and tokens[i].start - tokens[i - 1].end <= 1:
                joined = True
                i += 1
                continue
            break
        # Spaced digits ("4 1 5 5 5 5 0 1 2 3") count as spoken: no typed format looks like that.
        # ("12.5.7.6.61" is a version: dots and dashes make typed formats.)
        if not spoken and not joined and groups >= 5 and len(digits) <= groups + 3:
            spoken = True
        yield first, last, digits, spoken


def _unit(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    """The digits at token i: (digits, tokens used, was it a word?)."""
    t = tokens[i]
    if t.text.isdigit():
        return t.text, 1, False
    word = t.lower
    if word in REPEATS and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        d = DIGIT_WORDS.get(nxt.lower) or (nxt.text if nxt.text.isdigit() and len(nxt.text) == 1 else None)
        if d is not None:
            return d * REPEATS[word], 2, True
        return None
    if word in DIGIT_WORDS:
        # A lone "o" or "oh" is an interjection unless digits are on either side.
        if word in ("o", "oh") and not (_is_digitish(tokens, i - 1) or _is_digitish(tokens, i + 1)):
            return None
        return DIGIT_WORDS[word], 1, True
    return None


def _is_digitish(tokens: list[Token], i: int) -> bool:
    if not 0 <= i < len(tokens):
        return False
    t = tokens[i]
    return t.text.isdigit() or (t.lower in DIGIT_WORDS and t.lower not in ("o", "oh")) or t.lower in REPEATS
