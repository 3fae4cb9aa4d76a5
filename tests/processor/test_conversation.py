"""Conversations: what a turn asks for is found in the next turn, which answers it."""

import pytest

from processor.conversation import answers, asked, labelled_lines
from processor.events import BuiltinStream


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("Thanks. What's your date of birth?", "DATE_OF_BIRTH"),
        ("and your DOB please", "DATE_OF_BIRTH"),
        ("can you spell your last name for me?", "PERSON"),
        ("Who am I speaking with today?", "PERSON"),
        ("may I have the name on the account?", "PERSON"),
        ("What is your mother's maiden name?", "SECRET_ANSWER"),
        ("what was the name of your first pet", "SECRET_ANSWER"),
        ("what's the best number to reach you on?", "PHONE_NUMBER"),
        ("Can I get your account number?", "ACCOUNT_NUMBER"),
        ("and the postcode?", "STREET_ADDRESS"),
        ("What email should we use?", "EMAIL_ADDRESS"),
        ("Which city are you in?", "LOCATION"),
        ("where r u travelling at the moment", "LOCATION"),
        ("And where are you calling from?", "LOCATION"),
        ("Which number is it about?", "PHONE_NUMBER"),
        ("Where should we send the replacement?", "STREET_ADDRESS"),
        ("What's your customer number?", "ACCOUNT_NUMBER"),
        ("what's the tracking number?", None),  # a number of something else
        ("Is there anything else I can help with?", None),
        ("The outage should be fixed by tonight.", None),
    ],
)
def test_what_a_turn_asks_for(question, entity):
    assert asked(question) == entity


@pytest.mark.parametrize(
    ("answer", "entity", "value"),
    [
        ("04/22/1987", "DATE_OF_BIRTH", "04/22/1987"),
        ("uh it's march fourth nineteen sixty two", "DATE_OF_BIRTH", "march fourth nineteen sixty two"),
        ("four twelve eighty one", "DATE_OF_BIRTH", "four twelve eighty one"),
        ("3 14 1972", "DATE_OF_BIRTH", "3 14 1972"),
        ("22.04.1987, yes", "DATE_OF_BIRTH", "22.04.1987"),
        ("yeah sure, 12th of the 3rd, 85", "DATE_OF_BIRTH", "12th of the 3rd, 85"),  # in no format: its pieces
        ("it's Henderson", "SECRET_ANSWER", "Henderson"),
        ("k a p o o r", "PERSON", "k a p o o r"),
        ("sure, B - R - O - W - N", "PERSON", "B - R - O - W - N"),
        ("O-K-A-F-O-R", "PERSON", "O-K-A-F-O-R"),
        ("Hélène Dubois", "PERSON", "Hélène Dubois"),
        ("yes this is Nguyễn Văn An, thanks", "PERSON", "Nguyễn Văn An"),
        ("ŁUKASZ WÓJCIK", "PERSON", "ŁUKASZ WÓJCIK"),
        ("you're speaking with anouk de vries", "PERSON", "anouk de vries"),
        ("five five one oh two nine three eight", "ACCOUNT_NUMBER", "five five one oh two nine three eight"),
        ("it's 55102938", "ACCOUNT_NUMBER", "55102938"),
        ("0049 151 2345 678", "PHONE_NUMBER", "0049 151 2345 678"),
        ("Hafnarstræti 12, 101 Reykjavík", "STREET_ADDRESS", "Hafnarstræti 12, 101 Reykjavík"),
        ("41 Odos Ermou, Athens", "STREET_ADDRESS", "41 Odos Ermou, Athens"),
        ("uh 16 mcleer street", "STREET_ADDRESS", "16 mcleer street"),  # its street word is no cue of its own
        ("yeah bentefjell", "LOCATION", "bentefjell"),
        ("THAT WOULD BE SOUTH AFRICA", "LOCATION", "SOUTH AFRICA"),
        ("sure, Niederländische Antillen, thanks", "LOCATION", "Niederländische Antillen"),
        # A street without its number, named by a street word of its language.
        ("it's intrarea popa", "STREET_ADDRESS", "intrarea popa"),
        ("uh drumul preda", "STREET_ADDRESS", "drumul preda"),
        # Street words that are English stop words too.
        ("yeah via palladio 90", "STREET_ADDRESS", "via palladio 90"),
        ("it's 12 back lane", "STREET_ADDRESS", "12 back lane"),
        # A place's small words in other languages.
        ("yeah marques do sul", "LOCATION", "marques do sul"),
        ("uh Ždírec nad Doubravou", "LOCATION", "Ždírec nad Doubravou"),
        # A place's name of six words.
        ("sure british indian ocean territory chagos archipelago", "LOCATION", "british indian ocean territory chagos archipelago"),
        # An abbreviation's full stop is no end of the answer ("thành phố" as "tp.").
        ("tp. đà nẵng thanks", "LOCATION", "tp. đà nẵng"),
        ("St. Albans. It's lovely", "LOCATION", "St. Albans"),
        # "and" joins a place's parts, brackets hold its other name; a place of the lists is one
        # whatever words it has ("see" is an English stop word).
        ("ashmore and cartier islands", "LOCATION", "ashmore and cartier islands"),
        ("uh holy see (vatican city state)", "LOCATION", "holy see (vatican city state)"),
        # The given name after the surname and a comma; not what is said of the name.
        ("KUCHARZYK, NELA", "PERSON", "KUCHARZYK, NELA"),
        ("Bureš, Klement thanks", "PERSON", "Bureš, Klement"),
        ("Ana Ruiz, with one z", "PERSON", "Ana Ruiz"),
        ("Ana Ruiz, yes", "PERSON", "Ana Ruiz"),
    ],
)
def test_the_answer_holds_what_was_asked(answer, entity, value):
    assert [answer[a.start : a.end] for a in answers(answer, entity)] == [value]


@pytest.mark.parametrize(
    ("answer", "entity"),
    [
        ("sorry, can you repeat that?", "PERSON"),
        ("hang on a second", "PERSON"),
        ("hang on, let me find it", "DATE_OF_BIRTH"),
        ("I have a question about order W469073551", "STREET_ADDRESS"),
        ("it just keeps saying error E-099", "STREET_ADDRESS"),
        ("I've opened ticket INC2460204 for this", "PHONE_NUMBER"),
        ("my first pet's name was bella", "PERSON"),  # a cue of its own: the recognizers' job
        ("I'm not sure, is it important?", "LOCATION"),
        ("on the train to work", "LOCATION"),
        ("me and my wife", "LOCATION"),
        ("same as before", "STREET_ADDRESS"),
        ("it's the green one", "STREET_ADDRESS"),
        ("over there by the station", "STREET_ADDRESS"),
        ("i do", "LOCATION"),
    ],
)
def test_a_turn_that_is_no_answer_gives_nothing(answer, entity):
    assert answers(answer, entity) == []


def test_a_transcript_carries_each_question_into_the_answer(detector):
    turns = [
        ("agent", "Thanks for calling. Who am I speaking with?"),
        ("customer", "k a p o o r"),
        ("agent", "And what's your date of birth?"),
        ("customer", "march fourth nineteen sixty two"),
        ("agent", "What's your date of birth?"),
        ("agent", "sorry, one moment"),  # the same speaker goes on: no answer
        ("customer", "Is roaming included?"),
    ]
    event = {"turns": [{"speaker": s, "text": t} for s, t in turns]}
    [detection] = detector.detect([(BuiltinStream.SUPPORT_TRANSCRIPTS, event)])
    found = sorted((f.location[1], f.entity_type, turns[f.location[1]][1][f.start : f.end]) for f in detection.findings)
    assert found == [(1, "PERSON", "k a p o o r"), (3, "DATE_OF_BIRTH", "march fourth nineteen sixty two")]


def test_a_transcript_written_as_one_text_is_read_line_by_line(detector):
    transcript = (
        "[00:01] AGENT: can you spell your last name\n"
        "[00:04] CALLER: k a p o o r\n"
        "[00:09] AGENT: and the best number to reach you\n"
        "[00:12] CALLER: oh seven seven double oh nine hundred one two three\n"
        "[00:20] AGENT: and which city are you in?\n"
        "[00:23] CALLER: uh reykjavik\n"
    )
    [detection] = detector.detect([(BuiltinStream.SUPPORT_TRANSCRIPTS, {"transcript": transcript})])
    found = {(f.entity_type, transcript[f.start : f.end]) for f in detection.findings}
    assert {("PERSON", "k a p o o r"), ("LOCATION", "reykjavik")} <= found
    assert any(entity == "PHONE_NUMBER" and value.startswith("oh seven seven") for entity, value in found)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Agent: Who am I speaking with?\nCustomer: Hélène Dubois\n", ["agent", "customer"]),
        ("- rep: and your postcode\n- cust: SW1A 1AA", ["rep", "cust"]),
        ("Note: call back tomorrow\nNote: done", []),  # one speaker is no dialogue
        ("Customer: Hélène Dubois", []),  # one line neither
    ],
)
def test_the_lines_of_a_transcript_and_who_speaks_them(text, speakers):
    assert [line.speaker for line in labelled_lines(text)] == speakers


def test_a_name_ends_at_a_line_break(detector):
    transcript = "Agent: Who am I speaking with?\nCustomer: Hélène Dubois\nAgent: Thanks. What is your date of birth?"
    [detection] = detector.detect([(BuiltinStream.SUPPORT_TRANSCRIPTS, {"transcript": transcript})])
    assert [transcript[f.start : f.end] for f in detection.findings if f.entity_type == "PERSON"] == ["Hélène Dubois"]
