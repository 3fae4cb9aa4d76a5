"""Answers to secret questions ("my mother's maiden name is Hartley", "first pet was Rex").

The privacy policy names secret questions and answers among what the operator collects to
authenticate people; in a support transcript the answer is as sensitive as a password.
Only the answer (up to three words, or a quoted phrase) is the finding.
"""

from recognizers.captured_value import FILLERS, CapturedValueRecognizer
from recognizers.registry import Substrings, register

_CUE = (
    r"(?:mother'?s?\s+maiden\s+name|maiden\s+name"
    r"|(?:secret|security)\s+(?:question|answer|word|phrase)(?:\s+answer)?"
    r"|(?:name\s+of\s+(?:my|your|the)\s+)?first\s+(?:pet|dog|cat|car|school|teacher|street|job|employer)(?:'?s)?(?:\s+name)?"
    r"|(?:my|your)\s+(?:pet'?s?|dog'?s?|cat'?s?)\s+name"
    r"|city\s+(?:where\s+)?(?:i|you)\s+(?:was|were)\s+born(?:\s+in)?"
    r"|(?:favou?rite|fav)\s+(?:teacher|book|movie|film|food|colou?r|team|band|singer)"
    r"|(?:pass\s?word|pass\s?phrase|passcode|pin(?:\s+code|\s+number)?)"
    r")"
)
# A cue must be linked to its answer ("is", "was", ":", "named"): "my first car broke down"
# says nothing secret.
_LINK = (
    r"(?:\s*,?\s*(?:it\s+)?(?:is|was|'s|would\s+be|should\s+be)\s+(?:(?:named|called)\s+)?"
    r"|\s*[:=]\s*|\s+(?:named|called)\s+)"
)
_STOP = r"(?:and|but|so|because|if|or|please|thanks|thank|okay|ok|right|is|was|um+|uh+|er+|erm|like)"
# A quoted phrase, or up to three words that are not linking words.
_ANSWER = rf"(?P<value>\"[^\"]{{1,40}}\"|'[^']{{1,40}}'|(?!{_STOP}\b)[\w'-]+(?:\s+(?!{_STOP}\b)[\w'-]+){{0,2}})"


@register
class SecretAnswerRecognizer(CapturedValueRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    # A piece of the first word of every cue of _CUE (hesitations removed before matching
    # cannot make one appear); "pass" stands for "password", "passphrase" and "passcode".
    REQUIRES = Substrings("maiden", "secret", "security", "first", "pet", "dog", "cat", "city", "fav", "pass", "pin")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__("SECRET_ANSWER", [rf"\b{_CUE}{FILLERS}{_LINK}{FILLERS}\s*{_ANSWER}"], 0.7, "SecretAnswerRecognizer", supported_language)
