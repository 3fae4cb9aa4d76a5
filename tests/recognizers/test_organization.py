"""Organisations shield the names in them: a company is no person."""

import pytest

from processor.events import BuiltinStream


@pytest.mark.parametrize(
    "note",
    ["the invoice came from Riley LLC", "Kovács Bt. is the reseller", "we bought it from Allen & Sons", "I work at Mäki Tmi", "Morton-Barnes Ltd sent it"],
)
def test_a_company_named_after_people_is_not_redacted_as_a_person(detector, note):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert [f.entity_type for f in detection.findings] == []


@pytest.mark.parametrize("note", ["Maria Lopez as the contact, please", "ask for John Allen and co-workers", "Ana Ruiz, group leader"])
def test_a_person_next_to_a_word_like_a_legal_form_is_still_a_person(detector, note):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert "PERSON" in [f.entity_type for f in detection.findings]


@pytest.mark.parametrize(
    ("note", "person"),
    [
        ("Hi, this is Sarah Miller from Riley LLC", "Sarah Miller"),
        ("I spoke with Sarah at Riley LLC", "Sarah"),
        ("Sarah Miller of Acme Ltd called", "Sarah Miller"),
        ("Regards, Sarah Miller, Acme Ltd", "Sarah Miller"),
    ],
)
def test_the_shield_stops_where_the_company_name_does(detector, note, person):
    # A person introduced with the company they are from is still a person: the shield covers
    # only the run of name words right before the legal form.
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    found = [note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"]
    assert person in found


@pytest.mark.parametrize("note", ["the invoice came from riley llc", "THE INVOICE CAME FROM FARKAS ZRT.", "blanchet weber sarl is the reseller we bought from"])
def test_unmistakable_legal_forms_shield_in_any_case(detector, note):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert [f.entity_type for f in detection.findings] == []


@pytest.mark.parametrize(
    "text",
    [
        "the contract is with Baker, Morgan and Fletcher",
        "ROBINSON, HUGHES & PARKER IS OUR SUPPLIER",
        "i work at Patel group, the lines are fine",
        "the router came from petersen aps",
        "THE INVOICE CAME FROM TÓTH NAGY KKT.",
        "stichting vermeulen paid the bill",
        "nguyễn tập đoàn is the reseller",
        "the modem came from Fischer & Söhne",
        "Garrison, Roberts and Thomas represent the landlord",
    ],
)
def test_firms_named_after_people_shield_the_names(detector, text):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    assert [f.entity_type for f in detection.findings] == []


def test_a_list_of_people_with_given_names_is_not_a_firm(detector):
    note = "I spoke with Laura Baker, Tom Morgan and Eve Fletcher"
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    found = {note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"}
    assert {"Laura Baker", "Tom Morgan", "Eve Fletcher"} <= found


@pytest.mark.parametrize("note", ["helland, christian & mathias (joint account), philippines", "BAKER, JOSHUA & DONALD (JOINT ACCOUNT), WHEELERBOROUGH"])
def test_a_role_only_people_have_makes_no_firm_of_names(detector, note):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    found = [note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"]
    assert len(found) == 2 and note.split(" (")[0].endswith(found[-1]), found


@pytest.mark.parametrize(
    ("note", "people"),
    [
        ("Nicholls, Shannon and Lee share the family plan", {"Nicholls, Shannon", "Lee"}),
        ("COOK, CRAIG AND MALCOLM SHARE THE FAMILY PLAN", {"COOK, CRAIG", "MALCOLM"}),
    ],
)
def test_what_only_people_do_makes_no_firm_of_names(detector, note, people):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert people <= {note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"}


@pytest.mark.parametrize("note", ["griffith, david and kimberly robinson share the family plan", "GRIFFITH, DAVID AND KIMBERLY ROBINSON SHARE THE PLAN"])
def test_a_given_name_and_its_surname_after_and_make_no_firm_of_names(detector, note):
    # Read as a firm ("Griffith, David and Kimberly"), the first person went unredacted.
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    found = {note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"}
    assert {note[:15], note[20:37]} <= found


@pytest.mark.parametrize("note", ["Yoder, Omar and her husband Aimee both need eSIMs", "YODER, OMAR AND HER HUSBAND AIMEE BOTH NEED ESIMS"])
def test_a_pronoun_after_and_makes_no_firm_of_a_name(detector, note):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    found = {note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"}
    assert note[:11] in found


@pytest.mark.parametrize(
    "note",
    [
        "my daughter has an internship at Brandvold, she needs a second sim",
        "we ordered the handsets from kowalczyk-nowak last spring",
        "THE QUOTE CAME FROM HALVORSEN ELEKTRO",
        "the modems were supplied by Okonkwo Brothers",
        "Szabó és Társa was the dealer for the old plan",
        "the bill arrived from telewerk zuid yesterday",
        "I WORK AT MISHRA, SULE AND KHOSLA, THE PHONES THERE ARE FINE",  # "AND" in capitals joins too
    ],
)
def test_the_other_side_of_a_trade_is_a_business(detector, note):
    # Whoever one works at, buys from or is billed by is a business, whatever its name is made
    # of (surnames, places, foreign words): nothing is redacted for it.
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert [(f.entity_type, note[f.start : f.end]) for f in detection.findings if f.entity_type in ("PERSON", "LOCATION")] == []


@pytest.mark.parametrize(
    ("note", "person"),
    [
        ("i bought the phone from john smith on the market", "john smith"),
        ("we bought it from Mr Okafor", "Okafor"),
        ("my friend Ana is the seller", "Ana"),
        ("I BOUGHT IT FROM MARIA GONZALEZ", "MARIA GONZALEZ"),
    ],
)
def test_a_person_on_the_other_side_of_a_trade_is_still_a_person(detector, note, person):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert any(person in note[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON")
