"""Email addresses said out loud: "john dot smith at example dot com", "j o h n at gmail dot com",
"jane underscore doe at mail dot co dot uk".

The address is rebuilt from the words ("dot" is ".", "at" is "@", spelled letters join) and
kept only if its domain ends in a public suffix (tldextract's offline snapshot). The local
part stops at the first ordinary word that is not joined on, so "my email is john at ..."
yields "john", never "is john".
"""

from __future__ import annotations

from dataclasses import dataclass

import tldextract
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.registry import register, result
from recognizers.spoken import Token, tokenize

_OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
JOIN = {"dot": ".", "period": ".", ".": ".", "underscore": "_", "_": "_", "dash": "-", "hyphen": "-", "-": "-"}
AT = {"at", "@"}
# Words that precede an address, never start one.
NOT_LOCAL = STOP_WORDS | {"email", "mail", "e-mail", "address", "send", "write", "reach", "contact", "look", "it's", "its", "me"}


@register
class SpelledEmailRecognizer(LocalRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["EMAIL_ADDRESS"], supported_language=supported_language, name="SpelledEmailRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        lowered = text.lower()
        if " at " not in lowered and "@" not in lowered:
            return []
        if "dot" not in lowered and "." not in lowered:
            return []
        tokens = tokenize(text)
        results = []
        for first, last in _emails(tokens):
            start, end = tokens[first].start, tokens[last].end
            # A typed address is the regular recognizer's; only spoken or spaced ones are ours.
            if " " not in text[start:end]:
                continue
            results.append(result(self, "EMAIL_ADDRESS", start, end, 0.8, "email address spelled out"))
        return results


@dataclass(frozen=True, slots=True)
class _Segment:
    kind: str  # "unit" (a word, or letters spelled one by one), "join", "at" or "other"
    text: str
    first: int  # token indexes
    last: int


def _segments(tokens: list[Token]) -> list[_Segment]:
    out: list[_Segment] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.lower in AT:
            out.append(_Segment("at", "@", i, i))
        elif t.lower in JOIN:
            out.append(_Segment("join", JOIN[t.lower], i, i))
        elif t.text.isalnum() and len(t.text) == 1:
            j = i
            while j + 1 < len(tokens) and len(tokens[j + 1].text) == 1 and tokens[j + 1].text.isalnum():
                j += 1
            out.append(_Segment("unit", "".join(x.lower for x in tokens[i : j + 1]), i, j))
            i = j
        elif t.text.isalnum():
            out.append(_Segment("unit", t.lower, i, i))
        else:
            out.append(_Segment("other", t.text, i, i))
        i += 1
    return out


def _emails(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first token, last token) of each spoken email address."""
    segs = _segments(tokens)
    found = []
    for k, seg in enumerate(segs):
        if seg.kind != "at" or k == 0 or segs[k - 1].kind != "unit":
            continue
        left = k - 1
        if segs[left].text in NOT_LOCAL:
            continue
        while left >= 2 and segs[left - 1].kind == "join" and segs[left - 2].kind == "unit" and segs[left - 2].text not in NOT_LOCAL:
            left -= 2
        labels, right = [], k + 1
        while right < len(segs) and segs[right].kind == "unit":
            labels.append(segs[right].text)
            if right + 2 < len(segs) and segs[right + 1].kind == "join" and segs[right + 1].text == "." and segs[right + 2].kind == "unit":
                right += 2
                continue
            break
        if len(labels) < 2:
            continue
        extracted = _OFFLINE(".".join(labels))
        if extracted.suffix and extracted.domain:
            found.append((segs[left].first, segs[right].last))
    return found
