"""Organisations shield the names in them: a company is no person."""

import pytest

from processor.events import StreamKind


@pytest.mark.parametrize(
    "note",
    ["the invoice came from Riley LLC", "Kovács Bt. is the reseller", "we bought it from Allen & Sons", "I work at Mäki Tmi", "Morton-Barnes Ltd sent it"],
)
def test_a_company_named_after_people_is_not_redacted_as_a_person(detector, note):
    [detection] = detector.detect([(StreamKind.CALL_RECORDS, {"notes": note})])
    assert [f.entity_type for f in detection.findings] == []


@pytest.mark.parametrize("note", ["Maria Lopez as the contact, please", "ask for John Allen and co-workers", "Ana Ruiz, group leader"])
def test_a_person_next_to_a_word_like_a_legal_form_is_still_a_person(detector, note):
    [detection] = detector.detect([(StreamKind.CALL_RECORDS, {"notes": note})])
    assert "PERSON" in [f.entity_type for f in detection.findings]
