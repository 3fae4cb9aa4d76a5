import pytest

TRUE = [
    ("My billing address is 27684 Lori Way Suite 656.", "27684 Lori Way Suite 656"),
    ("ship it to 12 Baker Street", "12 Baker Street"),
    ("I live at 400 north maple ave apt 3", "400 north maple ave apt 3"),
    ("send to 1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW"),
    # In lower case, the flat or suite after the street is the evidence.
    ("installer could not find 68994 frank mountain suite 780; customer not home", "68994 frank mountain suite 780"),
    # Australia's road types.
    ("Wendy Rodriguez, 3 Watson Plateau - complaint about coverage", "3 Watson Plateau"),
    ("tech visit booked at Flat 23 47 Pierce Gully today", "Flat 23 47 Pierce Gully"),
    ("the modem at 12 Nolan Artery keeps rebooting", "12 Nolan Artery"),
    ("letters for 8 Vittoria Piazza come back", "8 Vittoria Piazza"),
    # A unit and a house number: whatever word ends the street (Australia's "Dip", "Top").
    ("send it to Suite 393 328 Grant Dip, Wendyshire please", "Suite 393 328 Grant Dip"),
    ("Address: Flat 74 2 Adkins Top, East Derek", "Flat 74 2 Adkins Top"),
    # In any case and with no cue, a word that names only a road; a unit number before the house's.
    ("installer could not find 93 shah street; customer not home", "93 shah street"),
    ("installer could not find 2/1 fritz junction; customer vicki not home", "2/1 fritz junction"),
    ("installer could not find 93/99, shah street; customer away", "93/99, shah street"),
]
DECOYS = [
    "I paid 20 dollars on the way home",
    "we have 3 way calling",
    "version 2 of the app runs fine",
    "ship 2 units to suite 5",
    "we have 3 Free Rides left",
    "it has 4 Core Quad chips",
    "we're on level 3 2 Factor Auth now",
    "I waited 2 Long Range minutes",
    # A number, then what it measures or the road's little words: no address.
    "it takes 10 minutes drive from here",
    "it is a 2 km road",
    "i drove 5 miles down the road",
    "we backed up 2 hard drives",
    "the 4 lane highway is closed",
]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_street_addresses(scan, text, expected):
    # The address as a whole: a piece of it found by another recognizer too is merged away.
    found = scan(text, "STREET_ADDRESS")
    assert [f for f in found if not any(f != g and f in g for g in found)] == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_not_addresses(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# US military mail, as forms and US generators write it, in any case and over two lines.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Address: PSC 3341, Box 1057\nAPO AP 38261\nDate of birth: 24.05.1970", "PSC 3341, Box 1057\nAPO AP 38261"),
        ("ship to unit 8127 box 9023, dpo ae 25147 thanks", "unit 8127 box 9023, dpo ae 25147"),
        ("USNS Miller\nFPO AA 44112", "USNS Miller\nFPO AA 44112"),
        ("send it to APO AE 09012", "APO AE 09012"),
    ],
)
def test_military_mail_addresses(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["the USS Enterprise was a ship", "box 12 in unit 4", "unit 8127 box 9023 is on the shelf"])
def test_a_ship_or_a_box_without_a_post_office_line_is_no_address(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# A street named without its number where a street is said to be, in cased text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live on Hurst Shore", "Hurst Shore"),
        ("the shop on Mason Track.", "Mason Track"),
        ("he lives on Kelly Turnpike now", "Kelly Turnpike"),
    ],
)
def test_a_street_without_its_number(scan, text, expected):
    assert scan(text, "STREET_ADDRESS") == [expected]


# Not a day, a product, a park or a lake, nor text in capitals (whose capitals say nothing).
@pytest.mark.parametrize("text", ["we met on Black Friday", "I saw it on Facebook Live", "meet at Central Park", "I LIVE ON HURST SHORE", "on The Way home"])
def test_capitalized_words_after_on_or_at_that_are_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []
