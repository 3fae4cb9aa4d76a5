import pytest

from processor.events import BuiltinStream
from recognizers.location import place_names

TRUE = [
    ("i'm travelling in vancouver this week", "vancouver"),
    ("we live at 7436 nash ports suite 104, seattle", "seattle"),
    ("calling from germany about roaming", "germany"),
]
DECOYS = ["the signal is nice in reading mode", "i'm in a hurry", "split the bill in two", "at home since monday"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_places_in_lower_case_speech(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize("text", DECOYS)
def test_everyday_words_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


ACCENTED_AND_CAPITALS = [
    ("we moved here from reykjavík last year", "reykjavík"),
    ("office in Reykjavik", "Reykjavik"),
    ("the tech in OULU said so", "OULU"),
    ("I live in ATHENS now", "ATHENS"),
    ("a friend from são paulo", "são paulo"),
    ("ok so my mum is in tp hải phòng and her phone won't connect", "tp hải phòng"),  # Vietnamese "city"
]


@pytest.mark.parametrize(("text", "expected"), ACCENTED_AND_CAPITALS)
def test_places_with_accents_or_in_capitals(scan, text, expected):
    assert expected in scan(text, "LOCATION")


# Cities as their own language (or another) writes them, after a preposition of place or
# where the text gives the words' bounds (a record's cell, brackets).
IN_ANOTHER_LANGUAGE = [
    ("we moved to København last year", "København"),
    ("she lives in bucurești now", "bucurești"),
    ("my son studies in WARSZAWA", "WARSZAWA"),
    ("the parcel is stuck in milano", "milano"),
    ("roaming near Praha since monday", "Praha"),
    ("calling from münchen about my bill", "münchen"),
    ("Via Roma 42, Milano", "Milano"),
    ("DR. GRETHE HANSEN | KØBENHAVN | 01.03.2004", "KØBENHAVN"),
]


@pytest.mark.parametrize(("text", "expected"), IN_ANOTHER_LANGUAGE)
def test_cities_as_other_languages_write_them(scan, text, expected):
    assert expected in scan(text, "LOCATION")


# Many of those names are names of people or words somewhere too: not after a name's comma.
@pytest.mark.parametrize("text", ["tech visit booked for Dobre, Simi at 10", "TECH VISIT BOOKED FOR DOBRE, SIMI AT 10"])
def test_another_language_s_city_name_after_a_surname_s_comma_is_a_given_name(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize("text", ["call SIM support", "the APN settings", "RESET THE ROUTER"])
def test_acronyms_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


UNLISTED = [
    ("customer is based in Marokko", "Marokko"),
    ("lost phone reported by eufrosina (0739 319 790) near sangeorgiu de mures", "sangeorgiu de mures"),
    ("the technician in haldensleben said so", "haldensleben"),
    ("i'm calling from são tomé e príncipe", "são tomé e príncipe"),
    ("ROAMING IN LAUREANA CILENTO SINCE MONDAY", "LAUREANA CILENTO"),
    ("I live in the city of Oulu", "Oulu"),
]


@pytest.mark.parametrize(("text", "expected"), UNLISTED)
def test_places_nobody_listed_after_a_cue_of_place(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize(
    "text", ["i'm calling from work", "calling from my mobile", "working from home today", "the technician in charge said", "I work at Acme"]
)
def test_everyday_words_after_a_cue_of_place_are_not_places(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm calling from Port Rebecca", "Port Rebecca"),
        ("roaming in jessica ville since friday", "jessica ville"),
        ("MOVING TO LISA-MARIE VILLE IN MAY", "LISA-MARIE VILLE"),  # a double given name
        ("the technician in NORTH BRANDON said so", "NORTH BRANDON"),
    ],
)
def test_towns_named_after_people_after_a_cue_of_place(scan, text, expected):
    assert expected in scan(text, "LOCATION")


# Country names as other languages write them, and well-known places whose names are no
# English word, need no cue; towns do, and a town's shape after a bare "in" or "of" counts.
NO_CUE_NEEDED = [
    ("bhubaneswar office escalated the ticket", "bhubaneswar"),
    ("Paraguay office escalated the ticket", "Paraguay"),
    ("PASSPORT SHOWS ALEXANDRIE, BORN 1961 IN MEXIQUE", "MEXIQUE"),
    ("Kambodja office escalated the ticket", "Kambodja"),
    ("Yuri of Camarões disputes the roaming charge", "Camarões"),
    # A name of several words, half of them no English word or name: "og" joins, "trinidad" is
    # a given name too.
    ("emergency contact fru britt mogensen trinidad og tobago", "trinidad og tobago"),
    # A country's name of several words, whatever words they are.
    ("united states of america thanks", "united states of america"),
    ("HEARD ISLAND AND MCDONALD ISLANDS, I THINK", "HEARD ISLAND AND MCDONALD ISLANDS"),
    ("cocos (keeling) islands thanks", "cocos (keeling) islands"),
]
TOWNS = [
    ("Passport shows Hans, born 02.03.1961 in Erkelenz", "Erkelenz"),  # 43,000 people, listed
    ("Christina of Rebeccachester disputes the charge", "Rebeccachester"),  # unlisted, a town's shape
    ("born in Steinarborg", "Steinarborg"),
    # The place of birth after the date of birth, and a place after a person's name and "of".
    ("passport shows nada born 24-04-1994 in daruvar", "daruvar"),
    ("born on 3 March 1961 in vracov", "vracov"),
    ("she was born in 1980 in petřvald", "petřvald"),
    ("ene, dora of odobesti disputes the roaming charge", "odobesti"),
    ("luna lima of marianas do norte disputes it", "marianas do norte"),
    # Where someone called or wrote from: any verb of getting in touch.
    ("Silvestro Cortese rang from Condove; wants a cheaper plan", "Condove"),
    ("LAURENT, GENEVIÈVE RANG FROM SAINT GUY; WANTS A CHEAPER PLAN", "SAINT GUY"),
]
NOT_PLACES_WITHOUT_A_CUE = [
    "I bought a Nokia G21 last week",  # a town in Finland, a brand first
    "my name is hayley richardson",  # a city in Texas, a surname here
    "i reda the imei off the settings",  # a Polish town, a typo here
    "the price of Huawei phones went up",  # a brand after "of"
    "a copy of the invoice for maria",  # no name before "of"
    "born and raised here",
    "the sim is new and we are in the office",
    "she called from work today",
    "he rang from the office",
    "Santa Claus brought a phone",
    "an do-over of the order",  # "an do" is India in Vietnamese without accents
]


@pytest.mark.parametrize(("text", "expected"), NO_CUE_NEEDED)
def test_well_known_places_that_are_no_english_words_need_no_cue(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize(("text", "expected"), TOWNS)
def test_towns_after_in_or_of(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize("text", NOT_PLACES_WITHOUT_A_CUE)
def test_brands_names_and_typos_are_no_places_without_a_cue(scan, text):
    assert scan(text, "LOCATION") == []


# Places come in pairs too: "between X and Y", "from X to Y".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customer travelling between brovst and næstved roaming pack added", ["brovst", "næstved"]),
        ("Customer travelling between Kimberleyborough and Ellisshire, roaming pack added", ["Kimberleyborough", "Ellisshire"]),
        ("roaming in south africa and grace ville since monday", ["south africa", "grace ville"]),
        # The first end of "between" read back from the second: an English word or not.
        ("CUSTOMER TRAVELLING BETWEEN VULCAN AND INDIA, ROAMING PACK ADDED", ["VULCAN", "INDIA"]),
        # And the second from the first, to the clause's end.
        ("CUSTOMER TRAVELLING BETWEEN PORTO AND SOUTHERN OCEAN, ROAMING PACK ADDED", ["PORTO", "SOUTHERN OCEAN"]),
    ],
)
def test_a_place_joined_to_a_place(scan, text, expected):
    assert scan(text, "LOCATION") == expected


@pytest.mark.parametrize("text", ["calls between monday and Paris were dropped", "the difference between it and Paris is the price"])
def test_days_and_pronouns_before_a_place_are_no_places(scan, text):
    assert scan(text, "LOCATION") == ["Paris"]


# What a person's name or an address is followed by says what a place is: "(Suecia)" after a
# name, "from Egå" after a name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emergency contact: Olegario Ruiz (Suecia)", "Suecia"),
        ("emergency contact: anneli forsell (trollhättan)", "trollhättan"),
        ("RE: OUTAGE NEAR RYMARKSGADE 431 (POLEN)", "POLEN"),
        # A place and its other name in brackets inside the brackets.
        ("re: outage near 25270 martha forges suite 951 (holy see (vatican city state))", "holy see (vatican city state)"),
        ("Eric Christiansen from Egå won the loyalty draw", "Egå"),
        ("edvardsen ellen from brekke won the loyalty draw", "brekke"),
        # After the date of birth that follows the name, its bracket closed.
        ("Customer Sten Lund (DOB: 28 February 1987) from Jerslev called twice", "Jerslev"),
    ],
)
def test_a_place_after_a_name_or_address(detector, text, expected):
    assert expected in _places(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Emergency contact: Olegario Ruiz (brother)",
        "Anna Schmidt (his wife) called",
        "Anna Schmidt (his wife (second)) called",
        "Anna Schmidt (Vodafone) (his wife) called",
        "Eric Christiansen from billing called",
        "Maria Lopez from Vodafone rang",
        "Maria Lopez (DOB: 28 February 1987) from billing rang",
    ],
)
def test_english_words_after_a_name_are_no_place(detector, text):
    assert _places(detector, text) == []


def _places(detector, text):
    from processor.events import BuiltinStream

    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    return [text[f.start : f.end] for f in detection.findings if f.entity_type == "LOCATION"]


@pytest.mark.parametrize("text", ["I'm calling from Paris and the line is bad", "calling from Lyon and it keeps dropping", "between 5 and 6 pm"])
def test_words_after_a_place_and_and_are_no_place(scan, text):
    assert len(scan(text, "LOCATION")) <= 1


# A place names an office or a branch.
@pytest.mark.parametrize("text", ["the signal is weak near the window", "battery near zero again", "near Netflix levels of buffering"])
def test_everyday_words_and_brands_after_near_are_no_place(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lidingö office escalated the ticket", "Lidingö"),
        ("PORTALEGRE OFFICE ESCALATED THE TICKET", "PORTALEGRE"),
        ("tamásikövesd office escalated the ticket", "tamásikövesd"),
        # Opening the sentence, names and other languages' words name the office too.
        ("Maia office escalated the ticket for Leal, Miriam", "Maia"),
        ("Duga Resa office escalated the ticket", "Duga Resa"),
        ("RIOS OFFICE ESCALATED THE TICKET FOR NATHAN NUNES", "RIOS"),
        # A place of five words is one too.
        ("united states minor outlying islands office escalated the ticket", "united states minor outlying islands"),
    ],
)
def test_a_place_before_office_or_branch(scan, text, expected):
    assert scan(text, "LOCATION") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "the head office escalated it",
        "the Smith office called",
        "our Vodafone branch is closed",
        "the post office is closed",
        "Sales office escalated it",
        "Head office called back",
        "the customer services and billing office called",
    ],
)
def test_words_before_office_that_name_no_place(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Frau Alma Pechel-Gertz aus Gardelegen möchte den Vertrag kündigen", "Gardelegen"),
        ("Mevrouw Lauren van den Eijssel uit Hieslum wil het abonnement opzeggen", "Hieslum"),
        ("Mevrouw Meyer, Helena uit Vledder wil opzeggen", "Vledder"),
        # In lower case too: "from" in the customer's language ends the name before it.
        ("mevrouw senna van hulten uit santpoort-zuid wil het abonnement opzeggen", "santpoort-zuid"),
        ("pani pan filip pałac z sandomierz chce wypowiedzieć umowę", "sandomierz"),
        ("Herr Jürgen Weber aus München hat angerufen", "München"),
    ],
)
def test_the_place_a_person_is_from_in_another_language(detector, text, place):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    assert any(place in text[f.start : f.end] for f in detection.findings if f.entity_type == "LOCATION")
    # ... and "from" is no part of the person's name.
    assert not any(text[f.start : f.end].endswith((" uit", " z", " aus")) for f in detection.findings if f.entity_type == "PERSON")


@pytest.mark.parametrize(
    ("text", "entity", "found"),
    [
        ("re outage near horní stromky 1 paskov", "LOCATION", "paskov"),  # the town after a street, no comma
        ("sari of merikarvia disputes the roaming charge", "PERSON", "sari"),  # who is of the place
        ("Radegund of Lyon called about the bill", "PERSON", "Radegund"),  # a capitalized word no list knows
        ("diego from ilhas virgens americanas won the loyalty draw", "PERSON", "diego"),
        ("Emergency contact: Véronique (Navarro)", "LOCATION", "Navarro"),  # in brackets after a name
        ("re: outage near 24 varghese path, nashik (fiji)", "LOCATION", "fiji"),  # in brackets after a place
        ("ok so my mum naja is in bindslev and her phone won't connect", "LOCATION", "bindslev"),
        ("lost phone: huy mai phạm oman", "LOCATION", "oman"),  # a well-known place ending the clause
    ],
)
def test_what_stands_next_to_a_place_or_a_name(detector, text, entity, found):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    assert any(found in text[f.start : f.end] for f in detection.findings if f.entity_type == entity)


@pytest.mark.parametrize("text", ["the Bank of Spain called", "she is in the shop now", "the battery is in bad shape", "Spoke with Ana (mother) today"])
def test_no_place_or_name_made_of_everyday_words_next_to_one(detector, text):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    words = {text[f.start : f.end].lower() for f in detection.findings}
    assert not words & {"bank", "shop", "bad shape", "mother"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Victoria Henk rang from Mühldorf am Inn; wants a cheaper plan", ["Mühldorf", "am Inn"]),
        ("michael is travelling to brøndby strand next week", ["brøndby", "strand"]),
        ("I am calling from Newcastle upon Tyne about my bill", ["Newcastle upon Tyne"]),
        # A river after a particle no English sentence uses, in any case.
        ("RE DOMINIK'S TICKET, MOVED TO NOVÉ MĚSTO NAD METUJÍ LAST WK", ["NOVÉ MĚSTO", "NAD METUJÍ"]),
        ("shop in united states virgin islands sold the handset", ["united states", "virgin islands"]),
    ],
)
def test_the_words_that_make_a_place_name_with_it_go_with_it(scan, text, expected):
    found = scan(text, "LOCATION")
    assert all(any(word in place for place in found) for word in expected), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [("she rang from port kyle; wants a cheaper plan", "port kyle"), ("EAST SAFINAZ OFFICE ESCALATED THE TICKET", "EAST SAFINAZ")],
)
def test_a_place_read_as_a_name_keeps_the_word_before_it(detector, text, expected):
    # NER reads "kyle" and "SAFINAZ" as persons; "port" and "EAST" say they are places, and go too.
    [found] = detector.scanner.texts([(text, ["PERSON", "LOCATION"])])
    start, end = text.index(expected), text.index(expected) + len(expected)
    assert all(any(s <= i < e for _, s, e, _, _ in found) for i in range(start, end) if text[i].isalnum()), found


@pytest.mark.parametrize("text", ["we went to Paris on holiday", "she moved to Lyon on monday"])
def test_an_everyday_word_after_on_is_no_part_of_the_place(scan, text):
    assert not any(found.startswith("on ") for found in scan(text, "LOCATION")), scan(text, "LOCATION")


@pytest.mark.parametrize(("written", "typed"), [("Łódź", "lodz"), ("København", "kobenhavn"), ("Đà Nẵng", "da nang"), ("Þórshöfn", "thorshofn")])
def test_place_names_are_known_as_keyboards_without_their_letters_type_them(written, typed):
    from recognizers.location import without_accents

    assert without_accents(written.lower()) == typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer lives in TP. Đà Nẵng, prefers email", "Đà Nẵng"),  # known as "Da Nang"; "TP." says a city follows
        ("moving to tp đà nẵng in may", "đà nẵng"),
    ],
)
def test_a_place_written_with_accents_its_list_lacks(scan, text, expected):
    assert expected in scan(text, "LOCATION"), scan(text, "LOCATION")


@pytest.mark.parametrize(("text", "expected"), [("[uganda] natasza ćmiel: the line is dead again", "uganda"), ("trip to (Kenya) soon", "Kenya")])
def test_a_place_in_brackets_or_quotes(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("outage near Flat 2\nAllen Drive, N9 4WP Port Bethanside (New Adam)", "New Adam"),
        ("RE: outage near Suussteeg 68, 5231RH Meerssen (De Weere)", "De Weere"),  # a particle opens it
        ("RE: outage near Fredriksenhøgda 3, 6332 Eliås (Moen)", "Moen"),  # capitalized: no slip of the keyboard
        ("RE: outage near Intrarea Marin, 197463 Segarcea (Alesd)", "Alesd"),
        # One place in brackets after another: the district, then the town; a town's other name
        # in brackets inside them.
        ("re: outage near k lipám 304, 433 94 hranice (okres cheb) (nechanice)", "okres cheb) (nechanice"),
        ("RE: OUTAGE NEAR ALEEA DOBRE, 815558 TIMISOARA (PIPERA (VOLUNTARI))", "PIPERA (VOLUNTARI)"),
        # A street after "near" whose name opens on a preposition of another language.
        ("RE: outage near U Štěpu 541 (Hrob)", "Hrob"),
    ],
)
def test_a_place_in_brackets_after_an_address(detector, text, expected):
    [found] = detector.scanner.texts([(text, ["STREET_ADDRESS", "LOCATION"])])
    assert expected in [text[s:e] for kind, s, e, _, _ in found if kind == "LOCATION"]


@pytest.mark.parametrize("text", ["Anna Berg and Ola Nordmann (joint account holders)", "Olegario (New Customer) called"])
def test_everyday_words_in_brackets_after_a_name_are_no_place(scan, text):
    assert scan(text, "LOCATION") == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("outage reported in Jessicahaven since noon", "Jessicahaven"),
        ("KIRSTY\t01414960908\tALEXANDERLAND", "ALEXANDERLAND"),
        ("she rang from south lauraborough, wants a cheaper plan", "lauraborough"),
        ("lost phone reported by James Tucker near Perrychester", "Perrychester"),
        ("moved from Jacksonville to the coast", "Jacksonville"),
        ("kunde bor i ritahavn nu", "ritahavn"),
        ("ashley | cynthiatown | 07/07/1944", "cynthiatown"),
    ],
)
def test_a_town_named_after_someone_needs_no_list(scan, text, town):
    assert any(town in found for found in scan(text, "LOCATION")), scan(text, "LOCATION")


@pytest.mark.parametrize(
    "text",
    [
        "she bought a sandal and ran the marathon downtown",  # words, though "san", "mara" are names
        "the hillside and the woodland were flooded",
        "Carlton called about his bill",  # a name of the lists is left to the name recognizers
        "please review the passport and the report",
    ],
)
def test_words_with_a_town_ending_are_no_town(scan, text):
    assert scan(text, "LOCATION") == []


def test_a_word_in_capitals_after_a_place_is_no_river_in_text_all_in_capitals(scan):
    assert not any("REQUEST" in found for found in scan("ACCOUNT TRANSFERRED TO ELINE ON REQUEST", "LOCATION"))


def test_words_about_someone_in_brackets_after_an_address_are_no_place(scan):
    assert scan("Delivery failed: Smålands Allé 83 (recipient Maja Berg unknown)", "LOCATION") == []


# Vietnamese says "city" or "province" before the name: the name is the syllables after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("emergency contact quang mai bảo phạm thành phố hà nội", ["thành phố hà nội"]),
        ("THÀNH PHỐ HỒ CHÍ MINH IS HOT TODAY", ["THÀNH PHỐ HỒ CHÍ MINH"]),
        ("the sim went to tỉnh đồng nai today", ["tỉnh đồng nai"]),
    ],
)
def test_a_vietnamese_city_or_province_after_its_word(scan, text, expected):
    assert scan(text, "LOCATION") == expected


# A place word of English makes the next word a town's name even when a typo or another
# language could be that word ("gestur" is one letter from "gesture" and Icelandic for "guest").
@pytest.mark.parametrize(
    ("text", "expected"),
    [("GUÐMANN ASKED WHETHER ROAMING WORKS IN NEW GESTUR", "NEW GESTUR"), ("roaming works in east jaki today", "east jaki")],
)
def test_a_town_opened_by_a_place_word(scan, text, expected):
    assert expected in scan(text, "LOCATION")


# A city whose name is an everyday word, capitalized in cased text where only a place is said.
@pytest.mark.parametrize(
    ("text", "expected"),
    [("lost phone reported near Split", ["Split"]), ("roaming in Nice was expensive", ["Nice"]), ("I live near Reading", ["Reading"])],
)
def test_a_city_named_by_an_everyday_word_where_a_place_is_said(scan, text, expected):
    assert scan(text, "LOCATION") == expected


@pytest.mark.parametrize("text", ["SPLIT THE BILL NEAR THE END", "we are near split decisions", "the tech is in the gestur room", "see page 3 of the bill"])
def test_an_everyday_word_in_capitals_or_small_letters_is_no_city(scan, text):
    assert scan(text, "LOCATION") == []


# After "near", in text that writes in lower case, a capital makes any word a place's name.
@pytest.mark.parametrize(("text", "expected"), [("lost phone reported by Eva near Made", ["Made"]), ("the phone was stolen near Broek yesterday", ["Broek"])])
def test_a_capitalized_word_after_near(scan, text, expected):
    assert scan(text, "LOCATION") == expected


@pytest.mark.parametrize("text", ["I was near My Store when it failed", "it stopped near Midnight on the bill", "LOST PHONE NEAR MADE", "Near Me"])
def test_a_capitalized_pronoun_or_time_after_near_is_no_place(scan, text):
    assert scan(text, "LOCATION") == []


# Where the network fails is a place; a chat's abbreviation after it is not part of it.
def test_a_place_where_the_network_fails(scan):
    assert scan("hi team, pls reach out to narcisa dima re: outage in modelu asap", "LOCATION") == ["modelu"]


@pytest.mark.parametrize("text", ["outage in progress since monday", "no coverage in the basement"])
def test_what_an_outage_is_in_is_not_always_a_place(scan, text):
    assert scan(text, "LOCATION") == []


# After a verb of moving or living somewhere only a place follows, though one letter swap would
# make it an English word ("ried", "ride"); where one moved from a place to is a place too.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my sister moved to ried and kept her old sim", ["ried"]),
        ("we just moved from belgium to moen so yeah", ["belgium", "moen"]),
    ],
)
def test_where_someone_moved_to(scan, text, expected):
    assert scan(text, "LOCATION") == expected


@pytest.mark.parametrize("text", ["we moved to a new flat", "calls moved from monday to friday"])
def test_moving_to_a_thing_or_a_day_names_no_place(scan, text):
    assert scan(text, "LOCATION") == []


# Lists write "Central African Republic", people "to the central african republic"; "the Gambia"
# keeps its "the".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she moved to the central african republic", "central african republic"),
        ("She moved to the Cocos (Keeling) Islands last year.", "Cocos (Keeling) Islands"),
        ("address: 12 Main St, West Island, cocos (keeling) islands", "cocos (keeling) islands"),
    ],
)
def test_a_known_place_after_the(scan, text, expected):
    assert expected in scan(text, "LOCATION")


# ISO 3166's names as people write them: before its brackets, inside them, uninverted.
@pytest.mark.parametrize(
    "name", ["holy see", "vatican city state", "korea", "republic of korea", "svalbard and jan mayen", "cocos (keeling) islands", "cocos islands"]
)
def test_listed_country_names_as_people_write_them(name):
    assert name in place_names()


def test_a_place_of_five_words_in_brackets_after_a_name(detector):
    text = "Emergency contact: James Hood (United States Minor Outlying Islands)"
    [found] = detector.scanner.texts([(text, ["PERSON", "LOCATION"])])
    assert ("LOCATION", "United States Minor Outlying Islands") in [(kind, text[s:e]) for kind, s, e, _, _ in found]


# A place's field in text: the label says what the value is, whatever its words, up to the
# field's end; a field that may hold a status ("State:", "Region:") names only a known place.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Country: Saint Kitts y Nevis", "Saint Kitts y Nevis"),
        ("Country: Man, Isle of", "Man, Isle of"),
        ("Country: Indian Ocean | plan: prepaid", "Indian Ocean"),
        ("ticket 5 | city: vaasa | status: open", "vaasa"),
        ("Country of residence: United Kingdom", "United Kingdom"),
        ("Country: British Indian Ocean Territory (Chagos Archipelago)", "British Indian Ocean Territory (Chagos Archipelago)"),
    ],
)
def test_the_value_of_a_place_field(scan, text, expected):
    assert expected in scan(text, "LOCATION")


@pytest.mark.parametrize("text", ["State: active | Region: North | City: unknown", "country: indian ocean", "STATE: PENDING", "city: n/a"])
def test_a_place_field_holding_no_place(scan, text):
    assert scan(text, "LOCATION") == []
