"""The scanner: skip conditions never hide a finding, and the NER gate's decisions."""

import pytest

from processor.events import BuiltinStream, walk
from processor.generate import generate
from processor.scan import Digits, needs_ner, readable_form, without_combining_marks, without_mojibake

HAND_MADE = [
    "card 4111 1111 1111 1111, imei 49-015420-323751-8, iccid 89441234567890123454",
    "imsi 310-410-123456789 on cell 310/410/1201/4288864 or cell id 0x1A2B3C",
    "mac AA-BB-CC-DD-EE-FF and 0011.2233.4455, ip fe80::1 and ::ffff:10.0.0.1",
    "ssn 536 22 1987, iban GB82 WEST 1234 5698 7654 32, account number 55102938",
    "SUB-12345678 and ACC_1234567, born on 3rd of March 1985, 20 Main Street",
    "Chrome/13.0.816.0 rv:1.9.5.20 v10.2.3.4",
    "gateway http://10.0.0.1/x, x.10.0.0.1, 9/10.0.0.1, 1:2:3:4:5:6:10.0.0.2, 10.0.0.0/8, ip 10.0.0.3.",
    "Mozilla/5.0 (Linux; Android 10; SM-G973F 192.168.1.20) Build/QP1A.190711.020",
    "my PASSWORD is tulip, Mother's maiden name was Hartley, first pet's name: Rex, pin code is 4321",
    "it's four five six, seven eight nine, oh one two; or 4 5 6 7 8 9",
    "we moved to winston-salem from st. louis, then lived in SAN ANTONIO and near Paris.",
    "ship it to 12 Baker STREET, Apt 4 or 1600 pennsylvania avenue",
]


def corpus() -> list[str]:
    texts = list(HAND_MADE)
    for kind in BuiltinStream:
        for g in generate(kind, 150, seed=11):
            texts += [str(v) for _, _, v in walk(g.event)]
    return list(dict.fromkeys(texts))


def test_a_recognizer_is_skipped_only_where_it_would_find_nothing(detector):
    checked = 0
    for entry in detector.scanner._entries:
        if entry.spacy or (entry.min_digits == 0 and entry.min_run == 0 and entry.requires is None):
            continue
        for text in corpus():
            if not entry.could_match(text, Digits(text)):
                checked += 1
                found = entry.recognizer.analyze(text, list(entry.entities), None)
                assert [r for r in found if r.score > 0] == [], (entry.recognizer.name, text)
    assert checked > 1000


def test_skip_conditions_let_every_hand_made_identifier_through(detector):
    found = {entity for text in HAND_MADE for entity, *_ in detector.scanner.code(text, detector.code_entities)}
    assert {"CREDIT_CARD", "IMEI", "ICCID", "IMSI", "CELL_ID", "MAC_ADDRESS", "IP_ADDRESS", "US_SSN", "IBAN_CODE"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Dropped call, customer retried.",
        "Thank you for calling, how can I help you today?",
        "Call back requested. I think the SIM was swapped.",
        "okay",
    ],
)
def test_texts_whose_capitals_are_explained_skip_ner(text):
    assert not needs_ner(text, [])


@pytest.mark.parametrize(
    "text",
    [
        "Call back requested by Xiomara Okonkwo.",
        "Spoke with Dr. Adaeze about the outage.",
        "Lisa called about the bill.",  # a sentence opening with a given name
        "we moved to denver last year",  # no capitals at all: the gate cannot judge
    ],
)
def test_texts_with_unexplained_capitals_or_no_case_go_to_ner(text):
    assert needs_ner(text, [])


def test_a_name_already_found_by_a_pattern_does_not_need_ner():
    text = "Call back requested by Marcus Gilbert."
    start = text.index("Marcus")
    assert needs_ner(text, [])
    assert not needs_ner(text, [(start, start + len("Marcus Gilbert"))])


@pytest.mark.parametrize(
    ("text", "count", "run"),
    [("card 4111-1111 1111.1111 ok", 16, 16), ("Chrome/23.0.820.0 Safari/535.1", 11, 7), ("no digits", 0, 0), ("a 1 2", 2, 2)],
)
def test_digit_counts_and_runs(text, count, run):
    digits = Digits(text)
    assert (digits.count, digits.longest_run()) == (count, run)


def test_a_word_running_on_past_a_finding_or_right_after_it_needs_ner():
    text = "my name is Chelsea Burton-Rees and Jo Flowers MD"
    chelsea = text.index("Chelsea")
    jo = text.index("Jo ")
    covered = [(chelsea, chelsea + len("Chelsea Burton")), (jo, jo + len("Jo Flowers"))]
    assert needs_ner(text, covered)
    assert needs_ner(text[: text.index(" and")], covered[:1])
    assert needs_ner("Jo Flowers MD", [(0, len("Jo Flowers"))])


# Text in decomposed form, and Python's lower() of a Turkish "İ": the letters and their marks
# are scanned as one, and what is found is where it stands in the text as written.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spoke with Jose\u0301 Marti\u0301nez today", "Jose\u0301 Marti\u0301nez"),
        ("shop sold the handset to i\u0307hsanog\u0306lu, sencar", "i\u0307hsanog\u0306lu, sencar"),
        # Vowel signs with no composed form (Thai, Devanagari): the word stays whole.
        ("my name is นวรรษนันท์ จ้อยนุแสง", "นวรรษนันท์ จ้อยนุแสง"),
        ("my name is प्रिया शर्मा", "प्रिया शर्मा"),
        # A zero-width joiner inside a word is part of it.
        ("कृष्ण श्रेष्\u200dठ called yesterday", "कृष्ण श्रेष्\u200dठ"),
    ],
)
def test_letters_and_their_combining_marks_are_read_as_one(detector, text, name):
    [found] = detector.scanner.texts([(text, ["PERSON"])])
    assert name in [text[start:end] for _, start, end, _, _ in found]


def test_composing_keeps_every_offset_in_the_text_as_written():
    text = "Jose\u0301 i\u0307no\u0308nu\u0308 ok"
    composed, starts = without_combining_marks(text)
    assert composed == "José inönü ok"
    assert [text[starts[i] : starts[i + 1]] for i in range(len(composed))][:5] == ["J", "o", "s", "e\u0301", " "]
    assert starts[-1] == len(text)
    assert without_combining_marks("plain text, no marks: é already composed") is None


# UTF-8 read as Latin-1 or Windows-1252, as exports between systems leave it: scanned as the
# letters it stands for, found where it is written.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("RE: outage near Số 79 Phố Hùng Vương, 64443 Thành phố Cần Thơ (SÃ£o TomÃ© and PrÃ\xadncipe)", "SÃ£o TomÃ© and PrÃ\xadncipe"),
        ("spoke with Nguyá»…n VÄƒn about the bill", "Nguyá»…n VÄƒn"),
    ],
)
def test_mojibake_is_read_as_the_letters_it_stands_for(detector, text, found):
    [results] = detector.scanner.texts([(text, ["PERSON", "LOCATION"])])
    assert found in [text[start:end] for _, start, end, _, _ in results]


def test_decoding_mojibake_keeps_every_offset_in_the_text_as_written():
    text = "SÃ£o TomÃ©, itâ€™s 5Â£"
    decoded, starts = without_mojibake(text)
    assert decoded == "São Tomé, it’s 5£"
    assert [text[starts[i] : starts[i + 1]] for i in range(4)] == ["S", "Ã£", "o", " "]
    assert starts[-1] == len(text)
    assert without_mojibake("São Tomé, written right") is None and without_mojibake("plain ascii") is None
    # Both repairs at once map through both.
    both, offsets = readable_form("JoseÌ\x81 SÃ£o")
    assert both == "José São" and offsets[-1] == len("JoseÌ\x81 SÃ£o")
