import pytest

TRUE = [
    ("I was born on March 3, 1985.", "March 3, 1985"),
    ("DOB 03/04/1985", "03/04/1985"),
    ("date of birth is the 3rd of March 1985", "3rd of March 1985"),
    ("birthday: 1990-12-24", "1990-12-24"),
]
DECOYS = ["the call on March 3, 2026 was dropped", "invoice dated 03/04/2026", "born to run", "customer since March 1985"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_dates_of_birth(scan, text, expected):
    assert scan(text, "DATE_OF_BIRTH") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_other_dates_are_not_dates_of_birth(scan, text):
    assert scan(text, "DATE_OF_BIRTH") == []


SPOKEN_AND_OTHER_FORMS = [
    ("my date of birth is march fourth nineteen sixty two", "march fourth nineteen sixty two"),
    ("dob four twelve eighty one", "four twelve eighty one"),
    ("born 3 14 1972", "3 14 1972"),
    ("date of birth: 22.04.1987", "22.04.1987"),
    ("birthday is the twenty-first of june two thousand and one", "twenty-first of june two thousand and one"),
    ("DATE OF BIRTH 19870422", "19870422"),
    # Eight digits in every order people write a date, the separators lost to speech-to-text.
    ("dob 22041987", "22041987"),
    ("i was born on 04221987", "04221987"),
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN_AND_OTHER_FORMS)
def test_dates_of_birth_said_aloud_or_written_otherwise(scan, text, expected):
    assert scan(text, "DATE_OF_BIRTH") == [expected]


# No cue, but a whole date decades back: in support notes that is someone's birth.
PAST_DATES = [
    ("Anaïs, 10 Dec 1910, Lyon", "10 Dec 1910"),
    ("<PERSON>, 20.07.1957, Ankara", "20.07.1957"),
    ("NOVEMBER 4, 1962 IS ON FILE", "NOVEMBER 4, 1962"),
    ("ref 1987-04-22 on the form", "1987-04-22"),
    ("the owner (04/22/1987) asked for a new SIM", "04/22/1987"),
    # Eight digits, the separators dropped, in each order they are written.
    ("irmhild söding 28041964 wants paper bills", "28041964"),
    ("BIRTH DATE ON THE ID 06182003. HOLDER NELSON", "06182003"),
    ("id shows 19620315 as the date", "19620315"),
]
NOT_PAST_DATES = [
    "the outage began on 12/03/2025",  # recent: the date of something that happened
    "contract renewed 2024-02-29",
    "on the plan since 1998",  # a year alone
    "roaming since March 1999",  # month and year
    "router firmware 10.12.1985.3",  # a version, not a date
    "ticket 12345678 closed",  # eight digits that are no date
    "ref 31131964 on file",  # no 13th month, no 31st of the 13th
    "paid 20250611 by card",  # a recent date
    "call +28041964 now",  # a number to call
    "serial 128041964",  # nine digits
]


@pytest.mark.parametrize(("text", "expected"), PAST_DATES)
def test_a_whole_date_decades_back_is_a_date_of_birth(scan, text, expected):
    assert scan(text, "DATE_OF_BIRTH") == [expected]


@pytest.mark.parametrize("text", NOT_PAST_DATES)
def test_recent_dates_years_and_versions_stay(scan, text):
    assert scan(text, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("date of birth: 22-Apr-1987", "22-Apr-1987"),
        ("Birthdate: Thursday, April 22, 1987.", "Thursday, April 22, 1987"),
        ("he was born 22. April 1987", "22. April 1987"),
        ("date de naissance / born 22 avril 1987", "22 avril 1987"),
        ("DOB 22 de abril de 1987", "22 de abril de 1987"),
        ("born 3 maggio 1961 in Bari", "3 maggio 1961"),
        ("urodzony / born 12 września 1975", "12 września 1975"),
        ("4/22/87 is my birthday", "4/22/87"),  # the cue after the date
        ("22/04/87 was her date of birth", "22/04/87"),
        ("DOB 1987", "1987"),  # the year alone, after a cue
    ],
)
def test_dates_of_birth_in_more_of_the_ways_people_write_them(scan, text, value):
    assert value in scan(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize("text", ["the 2019 contract ends in May", "invoice of 22 avril 2025 attached", "plan changed in 1987 style"])
def test_years_and_recent_dates_without_a_birth_cue_are_no_dates_of_birth(scan, text):
    assert scan(text, "DATE_OF_BIRTH") == []
