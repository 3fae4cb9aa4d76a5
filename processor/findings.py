"""Findings: where an identifier is, of what type, how sure, and which recognizer said so;
and the one rule for findings that overlap. Pure data and logic: the policy renders findings
without loading any NLP library."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

import recognizers
from processor.events import Location


# Not frozen: a frozen dataclass costs four times as much to build, and detection builds
# several per event. Findings are never changed after they are made.
@dataclass(slots=True)
class Finding:
    location: Location
    entity_type: str
    # Character span inside a string value; both None when the whole value is the identifier.
    start: int | None
    end: int | None
    score: float
    # The recognizer that found it ("field-rule" for a rule of the config, "echo" for a repeat).
    source: str = ""

    @property
    def whole_value(self) -> bool:
        return self.start is None

    def contains(self, other: Finding) -> bool:
        if self.location != other.location:
            return False
        if self.start is None:
            return True
        return other.start is not None and self.start <= other.start and other.end <= self.end  # type: ignore[operator]


@dataclass(slots=True)
class Detection:
    findings: list[Finding] = field(default_factory=list)
    error: BaseException | None = None


# Presidio's NER-backed recognizer: the least specific source, overruled by any pattern.
NER_SOURCE = "NerPersonRecognizer"


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside another and says less: NER inside a pattern match ("Rex"
    the person inside the secret answer "Rex"), a lower score inside a higher one (a phone number
    inside a validated IMEI), an equal score inside a longer span, or a repeat of the same type
    inside a larger one or on the same span (the same number seen by two overlapping chunks of a
    long text). Only contained findings are dropped, so the characters redacted are the same; the
    type reported is the more specific one, and each identifier is counted once. Of two findings
    on the same span that each say as much, the first is kept: never both dropped.

    Span findings are sorted by start; for each, only those before it whose end reaches its end
    can contain it, and a running maximum of ends says where to stop looking back, so findings
    that do not overlap (nearly all) cost one comparison each, not one per other finding."""
    if len(findings) < 2:
        return findings
    dropped: set[int] = set()
    wholes = [f for f in findings if f.start is None]
    spans = [f for f in findings if f.start is not None]
    _drop_overruled_on_one_span(wholes, dropped)
    kept_wholes = [g for g in wholes if id(g) not in dropped]
    for f in spans:
        if any(_overrules(g, f) for g in kept_wholes):
            dropped.add(id(f))
    spans = [f for f in spans if id(f) not in dropped]
    ordered = sorted(spans, key=lambda f: (f.start, -f.end))  # type: ignore[operator]
    ends: list[int] = [f.end for f in ordered]  # type: ignore[misc]
    reach = list(accumulate(ends, max))  # reach[i]: the largest end among ordered[0..i]
    i = 0
    while i < len(ordered):
        # Findings on the same span as ordered[i] are judged among themselves first.
        k = i
        while k < len(ordered) and ordered[k].start == ordered[i].start and ordered[k].end == ordered[i].end:
            k += 1
        _drop_overruled_on_one_span(ordered[i:k], dropped)
        for f in ordered[i:k]:
            j = i - 1
            while id(f) not in dropped and j >= 0 and reach[j] >= f.end:  # type: ignore[operator]
                g = ordered[j]
                if ends[j] >= f.end and id(g) not in dropped and _overrules(g, f):  # type: ignore[operator]
                    dropped.add(id(f))
                j -= 1
        i = k
    return [f for f in findings if id(f) not in dropped] if dropped else findings


def _drop_overruled_on_one_span(same: list[Finding], dropped: set[int]) -> None:
    """Of findings on one span, keep one: one identifier is counted once. The one kept is one
    that no other overrules (the more specific type), the first of those if several are."""
    if len(same) < 2:
        return
    best = next((f for f in same if not any(g is not f and _overrules(g, f) and not _overrules(f, g) for g in same)), same[0])
    dropped.update(id(f) for f in same if f is not best)


def _overrules(g: Finding, f: Finding) -> bool:
    """Whether g, which contains f, makes f redundant."""
    if g.entity_type in recognizers.SHIELD_ENTITIES or f.entity_type in recognizers.SHIELD_ENTITIES:
        # A company's name shields the persons and places in it, and nothing else.
        return g.entity_type in recognizers.SHIELD_ENTITIES and f.entity_type in ("PERSON", "LOCATION")
    if g.entity_type == f.entity_type:
        return True  # the same identifier seen again, or a piece of it
    if f.source == NER_SOURCE and g.source != NER_SOURCE:
        return True
    return _outranks(g, f) and not (g.source == NER_SOURCE and f.source != NER_SOURCE)


def _outranks(g: Finding, f: Finding) -> bool:
    """A higher score, or the same score over a longer span: "Jon Plaza" the census name says
    less than "2869 Jon Plaza Apt. 476" the street address around it."""
    if g.score != f.score:
        return g.score > f.score
    return g.start is None or (f.start is not None and (g.end - g.start) > (f.end - f.start))  # type: ignore[operator]
