import pytest

from recognizers.phone import is_international_mobile

TRUE = [
    ("call me on +1 415 555 0123 tomorrow", "+1 415 555 0123"),
    ("my number is (415) 555-0123", "(415) 555-0123"),
    ("UK mobile +44 7911 123456.", "+44 7911 123456"),
    ("reach me at 415.555.0123", "415.555.0123"),
    ("msisdn=+4915112345678", "+4915112345678"),
]
DECOYS = [
    "Mozilla/5.0 Gecko/7595-04-07 12:53:21.511749 Firefox/7.0",
    "logged at 2026-11-01 23:38:07.023895",
    "order ORD-4155550123 shipped",
    "version 4.15.555.0123 released",
    "dst 129.228.142.97 port 443",
]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_phone_numbers_in_common_formats(scan, text, expected):
    found = scan(text, "PHONE_NUMBER")
    assert len(found) == 1 and found[0].lstrip("+(") in expected


@pytest.mark.parametrize("text", DECOYS)
def test_digits_inside_other_tokens_are_not_phone_numbers(scan, text):
    assert scan(text, "PHONE_NUMBER") == []


def test_a_number_remembered_as_valid_is_still_judged_by_what_stands_around_it(scan):
    assert scan("call 4155550123 now", "PHONE_NUMBER") == ["4155550123"]
    # The same digits glued to an order id: remembered as a valid number, still not a phone.
    assert scan("order ORD-4155550123 shipped", "PHONE_NUMBER") == []
    assert scan("call 4155550123 now", "PHONE_NUMBER") == ["4155550123"]


def test_the_length_filter_never_rejects_a_number_phonenumbers_accepts(monkeypatch):
    """`_could_be_national` spares `phonenumbers` candidates of impossible lengths; with it and
    without it, the same candidates are accepted, in regions with a trunk prefix, with none
    (Italy) and with a long one (Russia)."""
    import random

    import phonenumbers

    from recognizers import phone

    regions = ["US", "GB", "DE", "FR", "IN", "CA", "AU", "IT", "RU"]
    rng = random.Random(6)
    candidates = []
    for region in regions:
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                candidates += [
                    phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL),
                    f"{example.country_code}{example.national_number}",
                ]
    candidates += ["".join(rng.choice("0123456789") for _ in range(rng.randint(7, 17))) for _ in range(1500)]

    def accepted(filtered: bool) -> list[str]:
        if not filtered:
            monkeypatch.setattr(phone, "_could_be_national", lambda digits, region: True)
        recognizer = phone.MsisdnRecognizer("en", regions)
        return [c for c in candidates if recognizer._parses(c)]

    with_filter = accepted(True)
    assert len(with_filter) > 2 * len(regions)  # the examples, at least
    assert with_filter == accepted(False)


def test_the_skip_condition_holds_wherever_a_number_is_found():
    import random
    import re

    from recognizers.phone import MsisdnRecognizer

    recognizer = MsisdnRecognizer("en", ["US", "GB", "DE", "FR", "IN", "CA", "AU"])
    condition = re.compile(MsisdnRecognizer.REQUIRES)
    rng = random.Random(5)
    found = 0
    for _ in range(30_000):
        text = "".join(rng.choice("0123456789 ()-.+/\tab") for _ in range(rng.randint(5, 22)))
        if recognizer.analyze(text, ["PHONE_NUMBER"]):
            found += 1
            assert condition.search(text), text
    assert found > 100


WRITTEN_ELSEWHERE = [
    ("call me on 00491512345678", "00491512345678"),  # "00" dials out in most of the world
    ("ring me at 22 33 44 55 tonight", "22 33 44 55"),  # Denmark: valid in no configured region
    ("my mobile is 06-12345678", "06-12345678"),  # the Netherlands
    ("whatsapp 0612 345 678 please", "0612 345 678"),
    ("we have 878092 4661 on file for nebih", "878092 4661"),  # what follows says so
    ("we have 177 1 908 on file for Zorlu, Anargül", "177 1 908"),  # seven digits, as after a cue right before
    ("07700 900 12 is her mobile", "07700 900 12"),
    # Valid in a configured region but short: what follows says so as a cue before would.
    ("09257073 is my mobile", "09257073"),
    # What follows the extension says so ("120" is no US area code).
    ("we have 120 033-6375 x125 on file for susan griffin", "120 033-6375 x125"),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN_ELSEWHERE)
def test_numbers_of_other_countries_when_the_text_says_they_are_to_be_called(scan, text, expected):
    assert scan(text, "PHONE_NUMBER") == [expected]


@pytest.mark.parametrize("text", ["order 22334455 shipped", "the app shows cell 404-45-70045745 when it drops", "order 22334455 is the order number"])
def test_numbers_without_a_call_cue_stay_unless_a_region_validates_them(scan, text):
    assert scan(text, "PHONE_NUMBER") == []


def test_full_width_and_other_scripts_digits_are_read_as_digits(detector):
    from processor.events import BuiltinStream

    note = "call ＋４４ ２０ ７９４６ ０９５８ today"
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": note})])
    assert [note[f.start : f.end] for f in detection.findings if f.entity_type == "PHONE_NUMBER"] == ["＋４４ ２０ ７９４６ ０９５８"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("call me on 17/403-3649", "17/403-3649"), ("you can reach me at (834)717-6964x0256 after six", "(834)717-6964x0256")],
)
def test_area_codes_after_a_slash_and_extensions(scan, text, expected):
    found = scan(text, "PHONE_NUMBER")
    assert found and found[0] in expected and len(found[0]) >= 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CALL ME ON 4512 3378", "4512 3378"),  # a short national number after a call cue
        ("my number is 06-30/512 7788", "06-30/512 7788"),  # dashes and a slash: no date has month 30
        ("you can reach me at 412 5 901 tonight", "412 5 901"),  # seven digits right after the cue
    ],
)
def test_numbers_said_to_be_numbers_to_call(scan, text, expected):
    assert expected in scan(text, "PHONE_NUMBER")


def test_a_date_with_a_call_cue_is_still_a_date(scan):
    assert scan("call on 12/03/2024 at noon", "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("porting request: +49(0) 879414735 moves to Anna", "+49(0) 879414735"),  # a "+" needs no cue
        ("the ticket mentions +45 0051 5670 twice", "+45 0051 5670"),
        ("second line 93 5429-7287 belongs to her son", "93 5429-7287"),  # the telecom's words for a number
        ("ported 49504050 from the old provider", "49504050"),
        # Whose number or which one: "the old number", "her number".
        ("per Nils Eriksen: the old number 92 93 21 01 can be released", "92 93 21 01"),
        # The whole run, though a piece of it is valid somewhere.
        ("per brandy anderson: the old number 135 496 9607 can be released", "135 496 9607"),
    ],
)
def test_numbers_written_as_numbers_or_named_by_the_telecom(scan, text, expected):
    assert expected in scan(text, "PHONE_NUMBER")


@pytest.mark.parametrize("text", ["order 49504050 shipped", "the line was down for 20 minutes on 12/03/2024", "version +4.2.19.7"])
def test_no_number_to_call_without_a_plus_or_a_cue(scan, text):
    assert scan(text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    ("value", "mobile"),
    [
        ("34611369128", True),  # Spain
        ("4915112345678", True),  # Germany
        ("14155550123", True),  # the US, where mobile and fixed numbers look alike
        ("214643529401618", False),  # an IMSI
        ("356938035643809", False),  # an IMEI
        ("1733150000000", False),  # a time in milliseconds
        ("0612345678", False),  # a national number: no country code
        ("20261125", False),
    ],
)
def test_a_mobile_number_in_international_digits(value, mobile):
    assert is_international_mobile(value) is mobile


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kunde ruft wegen der Rechnung an, Rückruf unter 09957 977610", "09957 977610"),
        ("Il cliente chiama per la bolletta, richiamare al 38967372635", "38967372635"),
        ("o cliente ligou sobre a fatura retornar no 74 1950-2142", "74 1950-2142"),
        ("Klient dzwoni w sprawie rachunku, oddzwonić na 739 147 028", "739 147 028"),
    ],
)
def test_a_number_to_call_said_in_another_language(scan, text, number):
    assert scan(text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Written as phone numbers are, valid for a configured region or not, no cue needed.
        ("Anna Berg ((294) 411-7715) asked about roaming", "(294) 411-7715"),
        ("Anna Berg (948-337-8876 x232) asked about roaming", "948-337-8876 x232"),
        ("lost phone reported by Ole (12 90 40 47) near the station", "12 90 40 47"),
        ("Bo Ek, 08-89 91 39, wants paper bills", "08-89 91 39"),
        ("Kovács Ilona 23/286-0129 disputes the charge", "23/286-0129"),
        ("Jade Souza 69 6972-5102 asked whether roaming works", "69 6972-5102"),
        ("Mert Yıldız (+90(483)378-8762x328) asked", "+90(483)378-8762x328"),
    ],
)
def test_a_number_in_a_phone_number_s_shape(scan, text, number):
    assert scan(text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize(
    "text",
    ["firmware 10.0.19045.3803 installed", "router at 10.20.30.40 rebooted", "born 12.05.1987", "paid 1 234 567 in total"],
)
def test_numbers_in_other_shapes_are_no_phone_numbers(scan, text):
    assert scan(text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # A number right after a name is that person's, in any country's format.
        ("Melo, Marta (929693690) asked whether roaming works", "929693690"),
        ("witold kochel 888 244 561 asked about roaming", "888 244 561"),
        ("Todd (6976.1722) called twice", "6976.1722"),
        ("DENIS CUNHA\t962513572\tLISBOA", "962513572"),
        # Said to be the number: "it's", "that's"; or read back as its last digits.
        ("sorry it's 9175 8927 not the old one", "9175 8927"),
        ("sorry it's 481291-4489x7728 not the old one", "481291-4489x7728"),
        ("Noah confirmed the last digits of 917 330 123", "917 330 123"),
    ],
)
def test_a_number_whose_it_is(detector, text, number):
    assert _with_names(detector, text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize(
    "text",
    ["John Smith 12/03/1980 called", "Anna Berg 2024 contract renewed", "it's 2024 already", "that's 12.50 dollars", "Anna Berg (12 months) asked"],
)
def test_a_date_year_or_count_after_a_name_is_no_number(detector, text):
    assert _with_names(detector, text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sofia (+55 73 0275-1519) asked whether roaming works", "Sofia"),
        ("note: Oddvar Edílonsson (+47 412 34 567) moved", "Oddvar Edílonsson"),
        # The bracket found with the number: a national number in brackets.
        ("LOST PHONE REPORTED BY INGE COOLEN (0850 674531) NEAR CUBA", "INGE COOLEN"),
        # Read back from the bracket: the name ends at the first word that leads in.
        ("handset of Bakkeren (0850 674531) lost", "Bakkeren"),
        ("HANDSET OF BAKKEREN (0850 674531) LOST", "BAKKEREN"),
        ("Helena ((351) 295 441 089) asked whether roaming works", "Helena"),
        # A national number with its trunk "0" in brackets after a name is one to call.
        ("nitara deo (05395462226) asked whether roaming works", "nitara deo"),
    ],
)
def test_the_name_before_a_number_in_brackets(detector, text, name):
    assert name in _with_names(detector, text, "PERSON")


@pytest.mark.parametrize("text", ["order (0012345678) shipped", "see page (012) now", "ticket(0123456789)"])
def test_other_numbers_in_brackets_are_no_phone_numbers(detector, text):
    assert _with_names(detector, text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    "text",
    [
        "call my mobile (+44 7700 900123) after six",
        # The bracket of an area code is no bracket around the number.
        "Klant belt over de rekening, terugbellen op (0592) 169310",
        "contact us on (0592) 169310 tomorrow",
        "please pay your bill (0800 123 456) by friday",
        "the letter was sent by mail (0800 123 456)",
    ],
)
def test_everyday_words_before_a_number_in_brackets_are_no_name(detector, text):
    assert _with_names(detector, text, "PERSON") == []


# Without brackets, a given name of the lists right before the number is whose it is.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lost phone reported by kate +1-577-820-1824x7096 near carter ville", "kate"),
        ("marie 08-088 86 22 asked whether roaming works", "marie"),
        # In brackets, after a word that brings a person in, a given name that is an everyday word too.
        ("lost phone reported by grace (+448081570917) near fisherport", "grace"),
    ],
)
def test_a_given_name_right_before_a_number(detector, text, name):
    assert name in _with_names(detector, text, "PERSON")


@pytest.mark.parametrize("text", ["please call 0712 345 678", "mobile 0712 345 678", "my number is 0712 345 678", "ring mark 0712 345 678"])
def test_words_right_before_a_number_are_no_name(detector, text):
    assert _with_names(detector, text, "PERSON") == []


def _with_names(detector, text: str, entity: str) -> list[str]:
    """What is found as `entity` when names and numbers are both looked for: each says where
    the other is."""
    [found] = detector.scanner.texts([(text, ["PERSON", "PHONE_NUMBER"])])
    return [text[s:e] for kind, s, e, _, _ in sorted(found, key=lambda f: f[1]) if kind == entity]


@pytest.mark.parametrize(("text", "number"), [("m: 22 905 18 59 | e: anna@example.org", "22 905 18 59"), ("tlf. 22 33 44 55", "22 33 44 55")])
def test_a_number_after_a_signature_s_label(scan, text, number):
    assert scan(text, "PHONE_NUMBER") == [number]
