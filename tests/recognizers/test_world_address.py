import pytest

from processor.events import BuiltinStream

TRUE = [
    ("I live at Via Roma 42, 20121 Milano", "Via Roma 42, 20121 Milano"),
    ("ship to Hafnarstræti 12, 101 Reykjavík please", "Hafnarstræti 12, 101 Reykjavík"),
    ("41 Odos Ermou, Athens", "41 Odos Ermou, Athens"),
    ("my address is 12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris"),
    ("Calle Mayor 3", "Calle Mayor 3"),
    ("merelboulevard 5 - van mispelen, jonas - fibre install pending", "merelboulevard 5"),
    ("i live near the station, klanac grgura tepečića 1b", "klanac grgura tepečića 1b"),
    ("Prilaz Gjure Deželića 12, 10000 Zagreb", "Prilaz Gjure Deželića 12, 10000 Zagreb"),
    # "ships", "sends", "delivers": the cue in every person of the verb.
    ("your new sim ships to via roman, 2 appartamento 69 this week.", "via roman, 2 appartamento 69"),
    ("dear elena, your new sim ships to u hřiště 667, 451 18 mimoň this week.", "u hřiště 667, 451 18 mimoň"),
    ("ulica Długa 5, 80-827 Gdańsk", "ulica Długa 5, 80-827 Gdańsk"),
    ("Kalverstraat 92\n1012 PH Amsterdam", "Kalverstraat 92\n1012 PH Amsterdam"),
    ("send it to Töröktóti utca 102.", "Töröktóti utca 102."),
    ("I live in Kajmán-szigetek near the station, Ady endre utca 177.", "Ady endre utca 177."),  # a name of two words before "utca"
    ("the address is Rotonda Claudia, 9 Piano 8, 40050 Monteortone", "Rotonda Claudia, 9 Piano 8, 40050 Monteortone"),
    ("deliver to Pasadizo de Perla Polo 758", "Pasadizo de Perla Polo 758"),
    ("Storgatan 77, 73170 Varberg", "Storgatan 77, 73170 Varberg"),
    ("NAE, BULEVARDUL TUDOR NR. 90 BL. 15  SC. 87 AP. 747 - COMPLAINT", "BULEVARDUL TUDOR NR. 90 BL. 15  SC. 87 AP. 747"),  # block, stair, flat
    ("Evelina Dima says the router at Intrarea Eftimie keeps rebooting", "Intrarea Eftimie"),  # no number
    ("installer could not find chemin de petitjean; customer not home", "chemin de petitjean"),  # no cue: the particle says it
    ("we met at rue de la paix.", "rue de la paix"),
    # The name ends where the sentence says when ("now", "last year") or where ("near").
    ("we are at Pátio Novaes now", "Pátio Novaes"),
    ("Address: Área de Fonseca", "Área de Fonseca"),  # with its accent; "area" is English
    ("okay um the address is Intrarea Aanei yeah", "Intrarea Aanei"),  # no digit in the text, a filler after it
    ("she is at rua augusta near the park", "rua augusta"),
    ("RE: outage near Stretto Tonia, 60 Appartamento 53 (Muggio')", "Stretto Tonia, 60 Appartamento 53"),
    ("tech visit booked at strada fabricii, zip code 400100", "strada fabricii"),
    # A street word English uses too, in any case, when a street name's particle follows it.
    ("the sim for eva maia went to largo de branco, 65 by mistake", "largo de branco, 65"),
    ("INSTALLER COULD NOT FIND AV DE MACEDO, 77; CUSTOMER NOT HOME", "AV DE MACEDO, 77"),
    ("installer could not find Av. de Macedo, 77 today", "Av. de Macedo, 77"),
    # "Av" and "R." for "Avenida" and "Rua", capitalized ("av" is Swedish for "of").
    ("Paulo de Santos\nAv Castro, 14\n2750-510 Ponte de Sor\n\nDear", "Av Castro, 14\n2750-510 Ponte de Sor"),
    ("Silva, Mariana\nR. de Pinheiro, S/N\n7069-802 Marinha Grande", "R. de Pinheiro, S/N\n7069-802 Marinha Grande"),
    ("sent to\nAcceso de Violeta Palomo 55\nOurense, 25466\nwithin", "Acceso de Violeta Palomo 55\nOurense, 25466"),
]
DECOYS = [
    "sent via email 2 times",
    "the route to london 5 times",
    "the ring of fire 5 times",
    "tillverkad av ericsson 5 st",
    "the route 66 diner",
    "I paid 20 dollars on Main",
    "version 2 of the app",
    "meet at gate 12",
    "the cable on avenue is broken",
    "she paid at strada and then left",
]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_addresses_as_the_world_writes_them(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


# Vietnamese addresses: house number and alleys, the ways to it, each with a number or a name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the old flat at 7/28 Ngõ 41 Phố số 4, TP. Cần Thơ was sold", "7/28 Ngõ 41 Phố số 4, TP. Cần Thơ"),
        ("the package went to 2/73/643 Hẻm 12 Lê Đức Thọ, TP. Đà Nẵng", "2/73/643 Hẻm 12 Lê Đức Thọ, TP. Đà Nẵng"),
        ("letter returned from 1 đường 53 addressed to bà kim dương", "1 đường 53"),
        ("technician met them outside số 943411 đường 33 fault fixed", "số 943411 đường 33"),
        ("RE: outage near 895 Khu 69 Hoàng Diệu (Guinea-Bissau)", "895 Khu 69 Hoàng Diệu"),
        # A street named without its word: the city's word after it says what it is.
        ("COURIER LEFT IT AT 9/66 TRẦN QUỐC TOẢN, 14751 THÀNH PHỐ CẦN THƠ", "9/66 TRẦN QUỐC TOẢN, 14751 THÀNH PHỐ CẦN THƠ"),
        ("sent to 12 Lê Lợi, Tỉnh Thừa Thiên Huế today", "12 Lê Lợi, Tỉnh Thừa Thiên Huế"),
        ("NOT FOUND: SỐ 7/74 ĐƯỜNG 62, 96855 THÀNH PHỐ HỒ CHÍ MINH; CALL", "SỐ 7/74 ĐƯỜNG 62, 96855 THÀNH PHỐ HỒ CHÍ MINH"),
        # Ward, commune, city and province after the street, without commas, a postcode last.
        ("residing at 3/38/141 Lê Văn Sỹ Phường Bình Thuận Cà Mau 60558, authorise", "3/38/141 Lê Văn Sỹ Phường Bình Thuận Cà Mau 60558"),
        ("address:\n\n1 Khóm 25 đường 43 xã An Khê TP. Đà Nẵng", "1 Khóm 25 đường 43 xã An Khê TP. Đà Nẵng"),
        ("Vi Vũ\n617 Hẻm 30 Nguyễn Văn Linh phường Long Bình thành phố Huế\nTel. 1", "617 Hẻm 30 Nguyễn Văn Linh phường Long Bình thành phố Huế"),
        (
            "Số 1/83/266 Alexandre de Rhodes phường Đông Hải tỉnh Đồng Nai 21269 / Contact",
            "Số 1/83/266 Alexandre de Rhodes phường Đông Hải tỉnh Đồng Nai 21269",
        ),
    ],
)
def test_vietnamese_addresses(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["we sold 12 Apples, TP. ok", "room 12 Tower B, level 3"])
def test_a_number_and_capitals_without_a_vietnamese_city_word_are_no_address(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# A street without a house number: "S/N" where the number would stand, or, after an address
# cue, a street word and a name closed by a postcode.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anjos, Rafael\nAlameda Faria, S/N\n3921-495 Amarante", "Alameda Faria, S/N\n3921-495 Amarante"),
        ("RETURN ADDRESS: STRADA IONESCU, FIENI, 623008 / CONTACT: EUGENIA", "STRADA IONESCU, FIENI, 623008"),
        ("my address is calle mayor, 28013 madrid", "calle mayor, 28013 madrid"),
        ("billing address strada barbu 869337 boldesti-scaeni", "strada barbu 869337 boldesti-scaeni"),
        ("Ship to:\nBarros, Luís\nAv de Fonseca, S/N\n3409-804 Mealhada", "Av de Fonseca, S/N\n3409-804 Mealhada"),
        # After a cue, a street word and its name are the street up to the end of the clause.
        ("NOUVELLE ADRESSE DE LIVRAISON : BOULEVARD GRONDIN, NÉ LE 22/06/1965", "BOULEVARD GRONDIN"),
        ("Nouvelle adresse de livraison : avenue de Bourdon, né le 17-08-1975", "avenue de Bourdon"),
        # A street word English never uses, its name, a postcode and the town need no cue.
        ("visit rescheduled - Aristița Nistor, Intrarea Dinu, 705966 Onesti, ring twice", "Intrarea Dinu, 705966 Onesti"),
        ("i live in buhusi near the station intrarea ioniță 519775 sabaoani", "intrarea ioniță 519775 sabaoani"),
        ("mazilescu casandra intrarea stoica 327015 agnita - complaint about coverage", "intrarea stoica 327015 agnita"),  # a dash ends it
    ],
)
def test_a_street_without_a_house_number(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize(
    "text",
    ["my address is the same, 2024 was the last move", "address: see the calle mayor branch", "the new address is Avenue.", "we moved to avenue and then left"],
)
def test_no_street_without_a_street_word_and_name_a_number_or_a_postcode(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# Street words English uses too, before a name English does not: the street, without a number.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hugues says the router at avenue bernier keeps rebooting", "avenue bernier"),
        ("DENIS SAYS THE ROUTER AT AVENUE DE ÉTIENNE KEEPS REBOOTING", "AVENUE DE ÉTIENNE"),
        ("parked on avenue de la paix", "avenue de la paix"),
    ],
)
def test_a_street_word_english_uses_too_before_a_foreign_name(scan, text, expected):
    assert scan(text, "STREET_ADDRESS") == [expected]


@pytest.mark.parametrize("text", ["we met at avenue level and talked", "the shop on avenue road is closed", "I'm at the avenue now", "in piazza today"])
def test_a_street_word_english_uses_before_english_words_is_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Address: Na Příkopě 12, 147 86 Praha", "147 86 Praha"),  # Czechia: 3 + 2 digits
        ("I live at 12 Main Street, Dublin D02 X285", "D02 X285"),  # Ireland's Eircode
        ("send it to Keizersgracht 12, 1015 CS Amsterdam please", "1015 CS Amsterdam"),
        ("send it to 599, Venkataraman Chowk-595921 please", "Chowk-595921"),  # India's PIN, joined
        ("the sim went to mirtesingel 64, 7092sk sondel by mistake", "7092sk sondel"),  # lower case, together
        # After the house number, any two letters: "GB" is a Dutch postcode's as often as a unit.
        ("i live in meterik near the station anneweg 847 7055gb roodeschool", "7055gb roodeschool"),
        # A country's letters before the code, in lower case too; a town with its joining word.
        ("could not find hídfalui utca 197 h-7197 mosonhetvenvár, customer not home", "h-7197 mosonhetvenvár"),
        ("could not find aleea ababei nr 904 bl 34 229474 viseu de sus, customer not home", "229474 viseu de sus"),
    ],
)
def test_the_postcode_after_an_address_belongs_to_it(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS")), scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", DECOYS)
def test_numbers_near_ordinary_words_are_not_addresses(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my address is store kirke allé 9, 4784 ejby", "store kirke allé 9, 4784 ejby"),
        ("ship the new router to pedersentjernet 7, 1170 trondvik", "pedersentjernet 7, 1170 trondvik"),
        ("MY ADDRESS IS ALEEA OPREA NR. 800, 587303 NADLAC", "ALEEA OPREA NR. 800, 587303 NADLAC"),
    ],
)
def test_any_street_after_an_address_cue_in_any_case(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS"))


@pytest.mark.parametrize("text", ["my address is the same as before 2 years ago", "send it to me in 3 days"])
def test_a_sentence_after_an_address_cue_is_not_an_address(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("letter returned from liekedreef 24, addressed to her", "liekedreef 24"),
        ("the router at klášterecká 66 keeps rebooting", "klášterecká 66"),
        ("RE: outage near Madsenmyra 51A, 7533 Ingeborgsand", "Madsenmyra 51A, 7533 Ingeborgsand"),
        ("LETTER RETURNED FROM KNUDSENGRENDA 82B", "KNUDSENGRENDA 82B"),
        ("your new sim ships to medlovská 4 this week", "medlovská 4"),
        # One word English writes too, among two it does not.
        ("nothing changed at pod velkým hájem 324", "pod velkým hájem 324"),
        # After a landmark near it.
        ("I live in Sejšeli near the station, Perivoj srpanjskih žrtava 130", "Perivoj srpanjskih žrtava 130"),
        # A preposition of another language of a letter or two opens the name ("at", "on").
        ("RE: outage near U Štěpu 541 (Hrob)", "U Štěpu 541"),
        ("RE: OUTAGE NEAR NA KOZINCI 434 (VIZOVICE)", "NA KOZINCI 434"),
    ],
)
def test_a_foreign_street_and_number_after_at_or_from(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS"))


@pytest.mark.parametrize(
    "text",
    [
        "meet me at gate 5",
        "it broke from build 2204 on",
        "the bug at windows 10 startup",
        "call me at 555 1234",
        "upgrade to windows 10 please",
        "moved to plan 5 last month",
        "send it to gate 5",
        "installed at windows build 2204",
        "meet at the Bäckerei Müller 3",
        "we are near the station, platform 4",
        "waiting outside the school, gate 5",
        "meet me at TV room 4",
        "from iOS 17 on",
    ],
)
def test_english_words_and_numbers_after_at_are_no_streets(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# The US order in lower case (speech to text, chat): after "at", "from" or "to", a house
# number, the street's name, a street suffix, and what follows it (unit, postcode, place).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sarah says the router at 0 amber trail keeps rebooting", "0 amber trail"),
        ("letter returned from 9791 maharaj path addressed to jani", "9791 maharaj path"),
        ("the router at 935 minhas chowk keeps rebooting", "935 minhas chowk"),
        ("the router at 07115 abdülhadi key suite 832 keeps rebooting", "07115 abdülhadi key suite 832"),
        ("letter returned from studio 02 george burgs w3f 3sg woodville", "studio 02 george burgs w3f 3sg"),
        ("SHIP IT TO 2360 VALÞÓRSSON BURGS APT 739", "2360 VALÞÓRSSON BURGS APT 739"),
        ("the router at 11/23, Ganguly Road keeps rebooting", "11/23, Ganguly Road"),
        ("letter returned from 05 smith crossway addressed to ruben", "05 smith crossway"),  # Australia's street types
        ("tech visit booked for james at apt 207 1 martin entrance", "apt 207 1 martin entrance"),
        # A number and a surname alone, India's street named after someone ("64, Vaidya").
        ("no no the bill should go to zayyan at 64 vaidya", "64 vaidya"),
        ("moved from 3 patel, please", "3 patel"),
    ],
)
def test_a_numbered_street_in_any_case_after_at_from_or_to(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS")), scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "it is at 5 minutes walk from here",
        "turn left at 2 blocks down the road",
        "went from 3 bars to 1 bar",
        "upgrade to 5 gb plan",
        "I paid 20 dollars on the way home",
        "meet at 9 sharp",
        "see you at 5 then",
        "switched to 4 vodafone",
    ],
)
def test_counts_after_at_from_or_to_are_no_streets(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# A postcode where one is said to follow, and a US state with its ZIP after a city: part of an
# address, reported as one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My zip code is 94107", "94107"),
        ("postal code: SW1A 1AA", "SW1A 1AA"),
        ("the postcode is 2000", "2000"),
        ("ZIP 10001-1234", "10001-1234"),
        ("TECH VISIT BOOKED AT 57 DORE STREET, ZIP CODE C80 R7T0", "C80 R7T0"),  # an Eircode
        ("tech visit booked, zip code 11336399", "11336399"),  # any country's code after the cue
        ("zip code 8490mc", "8490mc"),
        ("caller gave postcode h-3055 and said so", "h-3055"),
        ("PLZ 80331 München", "80331"),
        ("I live in Springfield, IL 62704", "IL 62704"),
        ("send it to 221B Baker Street, London NW1 6XE, United Kingdom", "221B Baker Street, London NW1 6XE"),
    ],
)
def test_postcodes_said_as_such(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS")), scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["my data cap is 500 gb", "the post 12345 was deleted", "code 1234 is the voucher", "IN 2020 WE MOVED"])
def test_numbers_near_postcode_like_words_are_no_postcodes(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# Forms and letters write the street right after the name, with no cue.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Luuk Claassen, Frederiquedreef 8, 8347WL Alde Leie - complaint about coverage", "Frederiquedreef 8, 8347WL Alde Leie"),
        ("Barbara Maretić, Mihaljevac 053 - complaint about coverage", "Mihaljevac 053"),
        ("surać, kristina, medvedgradska 596, 52972 slunj - complaint", "medvedgradska 596, 52972 slunj"),
        ("siri haugland sivertsensvingen 87e - complaint about coverage", "sivertsensvingen 87e"),
        ("zak segerson, 96 raol street - complaint about coverage", "96 raol street"),
        ("Kind regards,\nDutta, Hardik\n599, Venkataraman Chowk, Ludhiana-595921\nTel. +917996661970", "599, Venkataraman Chowk, Ludhiana-595921"),
        # The sentence goes on after the name: the street is what its own recognizer finds.
        ("the sim for pieter went to mirtesingel 64, 7092sk sondel by mistake", "mirtesingel 64, 7092sk sondel"),
        # A signature's block: the name on its line (a town's name too, which NER reads as a
        # place), then the street, then postcode and town; a label ends it.
        ("Kind regards,\nDino Požega\nSvibovac 71\n63505 Čazma\nTel. 023 358 194", "Svibovac 71\n63505 Čazma"),
        ("Kind regards,\nNistor, Eusebiu\nIntrarea Stoica\nCernavoda, 766591\nTel. 0723 701 709", "Intrarea Stoica\nCernavoda, 766591"),
    ],
)
def test_a_street_right_after_a_name(detector, text, expected):
    # The name found says what follows it: the whole detection, not one entity type alone.
    assert expected in _streets(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "I told Anna, room 12 is free",
        "ask Lisa Smith at gate 5",
        "I gave Anna 1000mb extra",
        "called Maria 3 times",
        "Kind regards,\nAnna Berg\nCustomer Services\nTeam 5",
    ],
)
def test_english_words_and_numbers_after_a_name_are_no_street(detector, text):
    assert _streets(detector, text) == []


# A list of someone's details ends in a code of postcode shape with no cue: the list says whose.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Handset insured for Harry Ferm, 15.02.1954, 87511", "87511"),
        ("HANDSET INSURED FOR JÁN JELÍNEK, 07 NOVEMBER 1967, 296 70", "296 70"),
        ("handset insured for alejandro, 20.07.1991, n2c 8h9", "n2c 8h9"),
        ("handset insured for álvaro da teixeira, 01/06/2000, 4247-854", "4247-854"),
        ("card holder Olga Zieja, 12/25/1978, 71-168.", "71-168"),
        ("handset insured for bertalan, 11 june 1974, h-6416", "h-6416"),  # any case
        ("handset insured for olthof abel 17041949 7863id", "7863id"),
    ],
)
def test_a_postcode_listed_after_a_name_or_date_of_birth(detector, text, expected):
    assert expected in _streets(detector, text)


@pytest.mark.parametrize(
    "text", ["Harry Ferm, 15.02.1954, 87511 minutes used", "I told Anna 2025 was a good year for us", "spoke to Harry Ferm about ticket 4411 today"]
)
def test_numbers_with_words_after_them_are_no_listed_postcode(detector, text):
    assert _streets(detector, text) == []


def _streets(detector, text):
    from processor.events import BuiltinStream

    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    return [text[f.start : f.end] for f in detection.findings if f.entity_type == "STREET_ADDRESS"]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("NIEUW BEZORGADRES: YARAPAD 132. GEBOORTEDATUM 22.11.1970", "YARAPAD 132"),
        ("Neue Lieferadresse: Ödegårdvollen 3G, bitte", "Ödegårdvollen 3G"),
        ("indirizzo di consegna: Borgo Gianni 12", "Borgo Gianni 12"),
    ],
)
def test_a_street_after_the_word_for_address_in_another_language(scan, text, street):
    assert street in " ".join(scan(text, "STREET_ADDRESS"))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Aaronbaan 32 is my address", "Aaronbaan 32"),  # the cue after the street
        ("Shipping address - Jaysonbaan 15", "Jaysonbaan 15"),
        ("we are at Rambla de Almudena Ferrer 806 now", "Rambla de Almudena Ferrer 806"),
        ("Address: Glorieta Diego Hoyos 95, Melilla, 17442", "Glorieta Diego Hoyos 95, Melilla, 17442"),
        ("I live at Camino Josep Alberto 56 Apt. 62 , Barcelona, 41496", "Camino Josep Alberto 56 Apt. 62 , Barcelona, 41496"),
        ("my home address is Level 7 85 Hill Highroad.", "Level 7 85 Hill Highroad"),
        ("Shipping address - 4/701 Sanchez Beach, Port Alexander, SA, 2697", "SA, 2697"),
        ("he moved to Avenida Leão, 82, Alto Barroca, 87757447 Casa Grande do Campo / MG", "87757447 Casa Grande do Campo"),
    ],
)
def test_addresses_as_more_countries_write_them(scan, text, address):
    assert address in " | ".join(scan(text, "STREET_ADDRESS"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I live at Vicolo Gionata, 53 Piano 2, 80048, Starza Vecchia (NA)", "NA"),
        ("we moved to Avenida Leão, 82, Alto Barroca, 87757447 Casa Grande / MG", "MG"),
    ],
)
def test_the_province_after_an_address(detector, text, code):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    assert code in [text[f.start : f.end] for f in detection.findings]


@pytest.mark.parametrize("text", ["we upgraded to 5 Mbps, Melilla office says", "the iPad 2 is broken", "take 2 turn left"])
def test_no_street_made_of_a_unit_and_a_word(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apt 4B, 221B Baker Street, London NW1 6XE, United Kingdom", "NW1 6XE"),
        ("she moved to Paris 75002.", "75002"),
        ("the office is in Utrecht, 3511 LB", "3511 LB"),
        ("The postal code there is 10115.", "10115"),  # words between the cue and its verb
        ("the zip code of the flat is 94016", "94016"),
    ],
)
def test_a_postcode_next_to_a_place_or_after_its_cue(detector, text, expected):
    [found] = detector.scanner.texts([(text, ["LOCATION", "STREET_ADDRESS"])])
    assert any(expected in text[s:e] for kind, s, e, _, _ in found if kind == "STREET_ADDRESS"), found


@pytest.mark.parametrize("text", ["Paris 2024 was great", "in 2019 Berlin was cold", "Berlin 500 euros", "we flew to Oslo 3 times"])
def test_years_and_counts_by_a_place_are_no_postcodes(detector, text):
    [found] = detector.scanner.texts([(text, ["LOCATION", "STREET_ADDRESS"])])
    assert [text[s:e] for kind, s, e, _, _ in found if kind == "STREET_ADDRESS"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2418 KARAKUCAK FORD, 34851 HÜRMETTON - GÖRKLÜ ŞENSOY - FIBRE INSTALL PENDING", "34851 HÜRMETTON"),
        ("DELIVERY FAILED: 008 BERENT TERRACE, 66435 NORTH TEKLATOWN (RECIPIENT UNKNOWN)", "66435 NORTH TEKLATOWN"),
    ],
)
def test_the_postcode_and_town_after_a_street(detector, text, expected):
    [found] = detector.scanner.texts([(text, ["STREET_ADDRESS", "LOCATION", "PERSON"])])
    assert any(expected in text[s:e] for kind, s, e, _, _ in found if kind == "STREET_ADDRESS"), found


def test_a_year_after_a_street_is_no_postcode():
    from recognizers.world_address import postcode_and_town_after_address

    text = "the old flat at 12 Main Street, 2024 was a hard year"
    assert postcode_and_town_after_address(text, 16, 30) is None


def test_a_street_after_at_though_a_name_and_to_stand_before_it(scan):
    assert "Halvorsenmoen 51" in scan("no no the bill should go to Kenneth at Halvorsenmoen 51", "STREET_ADDRESS")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("send it to 北海道三宅島三宅村白金28丁目14番4号 パレス丹勢184 please", "北海道三宅島三宅村白金28丁目14番4号 パレス丹勢184"),
        ("住所：東京都千代田区丸の内1丁目9番2号", "東京都千代田区丸の内1丁目9番2号"),
        ("new address 江苏省淑华市永川罗街I座 762328, call first", "江苏省淑华市永川罗街I座 762328"),
        ("寄到 880 苗栗新生街7號9樓", "880 苗栗新生街7號9樓"),
        ("deliver to 대전광역시 동구 반포대길 116 (경숙김정마을) tomorrow", "대전광역시 동구 반포대길 116 (경숙김정마을)"),
        ("경기도 부천시 소사구 언주로 지하300 is the address", "경기도 부천시 소사구 언주로 지하300"),
    ],
)
def test_an_address_in_east_asian_writing(scan, text, address):
    # Whole: in Chinese or Japanese the words before it may run on into it ("寄到 880 ...").
    assert any(address in found for found in scan(text, "STREET_ADDRESS")), scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["2024年3月15日に東京都の店で買いました", "注文番号は123です", "회의는 3시에 시작합니다 2번 방", "第3号機 is down"])
def test_dates_and_numbers_in_east_asian_writing_are_no_address(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # No street word: the number, a postcode and a town after the name say it is a street.
        ("INSTALLER COULD NOT FIND ÚPSKÁ 790, 606 14 LANŽHOT; CUSTOMER NOT HOME", "ÚPSKÁ 790, 606 14 LANŽHOT"),
        ("installer could not find svatoplukova 68, 655 97 unhošť; customer not home", "svatoplukova 68, 655 97 unhošť"),
        ("could not find Bakkenvollen 14B, 7871 Lie; customer not home", "Bakkenvollen 14B, 7871 Lie"),
        ("Delivery failed: Smålands Allé 83 (recipient unknown)", "Smålands Allé 83"),
    ],
)
def test_a_street_known_by_its_number_postcode_and_town(scan, text, address):
    assert address in scan(text, "STREET_ADDRESS"), scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["we moved in room 12, 2024 was hard", "ticket 4411, 12345 units shipped", "order 12 items, 45678 Berlin please"])
def test_numbers_before_a_code_shape_are_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Please forward all mail to:\n\n7 Smith Meadows\nGeorginahaven\nG9J 5JD", "Georginahaven\nG9J 5JD"),
        ("Invoice address\nAnna Berg\n846 Hayrioğlu Brook\nNorth Uzbay, AS 88215\n\nCustomer since 2019", "North Uzbay, AS 88215"),
        ("SHIP TO:\nMARIA SILVA\nRUA DAS FLORES 12\nESPERANÇA\n56766-981 MOREIRA PAULISTA", "ESPERANÇA\n56766-981 MOREIRA PAULISTA"),
    ],
)
def test_the_lines_that_finish_an_address_block(detector, text, block):
    [found] = detector.scanner.texts([(text, ["STREET_ADDRESS", "LOCATION", "PERSON"])])
    start = text.index(block)
    assert any(s <= start and start + len(block) <= e for kind, s, e, _, _ in found if kind == "STREET_ADDRESS"), found


@pytest.mark.parametrize(
    "text", ["12 Main Street\nPlease call me back\nThanks", "12 Main Street\nTel. 0742 181 543", "Flat 4, 12 Main Street\n\nDear Sir,\nwithin three days"]
)
def test_a_sentence_or_a_label_after_an_address_is_no_part_of_it(detector, text):
    [found] = detector.scanner.texts([(text, ["STREET_ADDRESS"])])
    assert not any("\n" in text[s:e] for kind, s, e, _, _ in found if kind == "STREET_ADDRESS"), found


# Capitals write a town after an address and the sentence's next words alike: those words
# ("KEEPS", "IS") are no town.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("PIETRA SAYS THE ROUTER AT PÁTIO ARTHUR GABRIEL CAMARGO, 26 KEEPS REBOOTING", "PÁTIO ARTHUR GABRIEL CAMARGO, 26"),
        ("THE ROUTER AT CALLE MAYOR 3 IS DOWN", "CALLE MAYOR 3"),
        # A town's own small words are its ("San Martino In Trignano").
        ("delivered to Incrocio Rocco, 65, 14037 San Martino In Trignano and signed", "Incrocio Rocco, 65, 14037 San Martino In Trignano"),
    ],
)
def test_the_sentence_after_an_address_in_capitals_is_no_part_of_it(scan, text, address):
    assert scan(text, "STREET_ADDRESS") == [address]


# "s/n" (sin número, sem número) where the house number stands, in a text with no digit at all.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("courier left the parcel with Cristiano da Matos at Av de Coelho, S/N", "Av de Coelho, S/N"),
        ("ship it to Calle Mayor s/n, please", "Calle Mayor s/n"),
        # Lower-case notes drop the slash: "sn", then the postcode and the town.
        ("the sim went to travessa diogo carneiro sn 5105-443 alverca do ribatejo by mistake", "travessa diogo carneiro sn 5105-443 alverca do ribatejo"),
    ],
)
def test_s_n_where_the_house_number_stands(scan, text, expected):
    assert scan(text, "STREET_ADDRESS") == [expected]


def test_a_serial_number_abbreviated_is_no_street(scan):
    assert scan("the s/n of the router is on the back", "STREET_ADDRESS") == []


# What an installer or a courier could not find is a place too.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("installer could not find hauglandfaret 3 customer marius sørensen not home", "hauglandfaret 3"),
        ("INSTALLER COULD NOT FIND VRŠOVKA 63; CUSTOMER KRYŠTOF ŠEVČÍK NOT HOME", "VRŠOVKA 63"),
    ],
)
def test_a_street_that_could_not_be_found(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["i could not find windows 10 settings", "we found page 3 of the bill"])
def test_english_words_and_a_number_after_find_are_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# After "to" or "at", a house number, a name no English word is and one word more (a kind of
# road no list holds) to the clause's end; not a count of people.
def test_a_number_a_name_and_a_kind_of_road_no_list_holds(scan):
    assert scan("the sim for jeffrey clark went to 417 sanchez reach by mistake", "STREET_ADDRESS") == ["417 sanchez reach"]


@pytest.mark.parametrize("text", ["I talked to 2 johnson reps today", "the bill went to 300 dollars by mistake"])
def test_a_count_after_to_is_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# With no cue at all, a house number, a person's name and a street suffix ending the clause,
# in any case: the name does what a capital does in cased text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uygun soylu, 99126 erdoğan mills - complaint about coverage", "99126 erdoğan mills"),
        ("i live in holy see near the station 793 rodriguez track", "793 rodriguez track"),
        ("TECH VISIT: 12 OKAFOR CRESCENT - NO ANSWER", "12 OKAFOR CRESCENT"),
    ],
)
def test_a_number_a_persons_name_and_a_street_suffix(scan, text, expected):
    assert any(expected in found for found in scan(text, "STREET_ADDRESS"))


@pytest.mark.parametrize("text", ["i bought 3 smith chargers", "I have 3 green parks nearby", "we sold 40 apple stores", "in 2019 patel park opened"])
def test_counted_things_and_everyday_words_are_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


def test_a_blank_line_ends_an_address(scan):
    text = "TONE-RUTH LIE\nMOENHAUGEN 7H, 5396 THOMASSEN\n\nDEAR CUSTOMER SERVICES,\nPLEASE CANCEL MY CONTRACT."
    assert scan(text, "STREET_ADDRESS") == ["MOENHAUGEN 7H, 5396 THOMASSEN"]


# A street of one word no English word is and its number, alone in a record's cell or at a line's head.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Všejanská 6 - Erik Tichý - fibre install pending", "Všejanská 6"),
        ("AASENHAVNA 7 - BERG, ANDERS - FIBRE INSTALL PENDING", "AASENHAVNA 7"),
        ("DELIVERY FAILED: DANIELSENGROPA 4A (RECIPIENT ROGER KNUDSEN UNKNOWN)", "DANIELSENGROPA 4A"),
    ],
)
def test_a_street_alone_in_a_cell(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["iPhone 12 - screen broken", "Anna 5 - calls", "Windows 10 - update", "ticket: Router 3 - down"])
def test_a_product_a_name_or_a_word_and_a_number_in_a_cell_are_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# A name found right after a street word of another language is the street's name: the street,
# not a person.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Address: boulevard Colette Lesage", "boulevard Colette Lesage"),
        ("the package went to C. de Wilfredo Gálvez 81 Piso 6 , Ávila, 46422", "C. de Wilfredo Gálvez"),
    ],
)
def test_a_street_named_after_someone(detector, text, expected):
    [found] = detector.scanner.texts([(text, ["PERSON", "STREET_ADDRESS", "LOCATION"])])
    assert ("STREET_ADDRESS", expected) in [(kind, text[s:e]) for kind, s, e, _, _ in found]


@pytest.mark.parametrize(("text", "person"), [("Place Anna Berg on hold", "Anna Berg"), ("I spoke to R. Smith today", "R. Smith")])
def test_an_english_word_or_an_initial_before_a_name_makes_no_street(detector, text, person):
    [found] = detector.scanner.texts([(text, ["PERSON", "STREET_ADDRESS"])])
    assert [(kind, text[s:e]) for kind, s, e, _, _ in found] == [("PERSON", person)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Portugal's "r" for "rua", before the particle of the street's name.
        ("re outage near r de baptista 469 esposende", "r de baptista 469"),
        ("R DE BAPTISTA 469, ESPOSENDE", "R DE BAPTISTA 469, ESPOSENDE"),
        # A street without its number, postcode and town, before "zip code".
        ("booked at drumul ene 412907 baraolt zip code 386511", "drumul ene 412907 baraolt"),
    ],
)
def test_streets_by_their_abbreviation_or_their_postcode(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["r u there", "the r de 2 version"])
def test_a_lone_r_is_no_street(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# An address written in another alphabet inside a text written in a Latin one: the other
# alphabet's words and the numbers among them, whole.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at п. Баргузин, ш. Запрудное, д. 7 стр. 28, 821993", "п. Баргузин, ш. Запрудное, д. 7 стр. 28, 821993"),
        ("ship it to проспект Симфонічна, буд. 3 кв. 9, Зимогір'я, 69838.", "проспект Симфонічна, буд. 3 кв. 9, Зимогір'я, 69838"),
        ("I live at Βαυκερής 09-13,, ΤΚ 09960 Ηράκλειο", "Βαυκερής 09-13,, ΤΚ 09960 Ηράκλειο"),
        ("address: מענית 78, תלמי אליהו, 7975432", "מענית 78, תלמי אליהו, 7975432"),
        # Georgian (capitals in Unicode that addresses do not use) and Bengali with its digits.
        ("I live at პატარძეულის ქ. 30, დუშეთი", "პატარძეულის ქ. 30, დუშეთი"),
        ("I live at হোল্ডিং নং ৪১, রায়রাস্তা, সোনাদিয়া, কুষ্টিয়া, ১৯৯৬", "হোল্ডিং নং ৪১, রায়রাস্তা, সোনাদিয়া, কুষ্টিয়া, ১৯৯৬"),
    ],
)
def test_an_address_in_another_alphabet(scan, text, expected):
    assert scan(text, "STREET_ADDRESS") == [expected]


# Text written in that alphabet is no address for its numbers, nor is a sentence of it.
@pytest.mark.parametrize("text", ["Мой iPhone 12 не работает", "Я живу в Москве с 2010 года", "Ticket: Клиент жалуется на интернет 3 дня"])
def test_sentences_of_another_alphabet_are_no_address(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# Latin America: a marked house number ("N°", "#"), streets named by a number, the units and the
# three parts after ("478159, Concordia, Magdalena"), Chile's seven-digit postcode.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("address: Av. San Juan N° 885 Piso 9 Dto. 2, Formosa 3600, Formosa", "Av. San Juan N° 885 Piso 9 Dto. 2, Formosa 3600, Formosa"),
        ("I live at Carrera 1ª # 7-2, Casa 7, 478159, Concordia, Magdalena", "Carrera 1ª # 7-2, Casa 7, 478159, Concordia, Magdalena"),
        ("I live at Cl. 197 # 3-43 Sur, Apto. 41, 199378, Corinto, Cauca", "Cl. 197 # 3-43 Sur, Apto. 41, 199378, Corinto, Cauca"),
        ("ship it to Ramón Picarte 1815, Quellón, Región de Los Lagos, 3016610.", "Ramón Picarte 1815, Quellón, Región de Los Lagos, 3016610"),
    ],
)
def test_latin_american_addresses_whole(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["ticket # 7-2 is closed", "see item no. 5 on the list", "the tv # 3 in the shop"])
def test_a_number_sign_alone_is_no_house_number(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# In lower case, a street word English uses too ("largo", "via") after a preposition of place,
# a name no English word is and a house number.
@pytest.mark.parametrize(
    ("text", "expected"), [("re outage near largo júlia santos 840 brunei", "largo júlia santos 840"), ("router is at via roma 42", "via roma 42")]
)
def test_a_shared_street_word_in_lower_case(scan, text, expected):
    assert expected in scan(text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", ["I sent it to via email 3 times", "meet at plaza mayor 3 pm", "we went to camino real 5 days ago"])
def test_a_shared_street_word_before_a_count_or_an_english_word(scan, text):
    assert scan(text, "STREET_ADDRESS") == []


# Finland's kinds of way written apart after the name ("kuja", "katu"), the preposition before
# them in capitals left out, and the town in brackets after.
def test_a_finnish_street_written_apart_and_its_town_in_brackets(detector):
    text = "RE: OUTAGE NEAR NILS WESTERMARCKIN KUJA 706 (PUUMALA)"
    [found] = detector.scanner.texts([(text, ["STREET_ADDRESS", "LOCATION"])])
    spans = [(kind, text[s:e]) for kind, s, e, _, _ in found]
    assert ("STREET_ADDRESS", "NILS WESTERMARCKIN KUJA 706") in spans and ("LOCATION", "PUUMALA") in spans
