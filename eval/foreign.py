"""A second evaluation source for `make eval`, with values the team did not write: Faker's
locale providers (24 locales) give the names, street addresses, postcodes, places, phone
numbers, dates of birth and email addresses, as people and systems of those countries write
them; Faker's company names and English word lists give the harmless look-alikes that must
survive. Each value stands in one short line (a support note), and each line is written in
one of four styles: as typed, lower case, ALL CAPS, and speech-to-text (lower case, no
punctuation).

The lines around the values are ours, and few; what is measured is whether a value of
another country's shape is found, whatever surrounds it. Measured per identifier class and
per locale (the leak rate: the value still verbatim in the redacted line).
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from datetime import date
from typing import Any

import phonenumbers
from faker import Faker

from eval.dataset import Sample, Span
from processor.events import BuiltinStream
from recognizers.checksums import luhn_complete

LOCALES = [
    "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pt_PT", "nl_NL", "da_DK", "sv_SE", "no_NO", "fi_FI", "pl_PL",
    "cs_CZ", "hu_HU", "ro_RO", "hr_HR", "tr_TR", "en_GB", "en_IN", "en_AU", "en_CA", "en_IE", "vi_VN", "is_IS",
]  # fmt: skip
FRAMES = {
    "PERSON": ["{v} called about the bill", "please ask for {v} when you call back", "account holder is {v}", "spoke with {v} yesterday", "Customer: {v}"],
    "STREET_ADDRESS": ["my address is {v}", "ship the new router to {v}", "billing address: {v}", "we moved to {v} last month"],
    "LOCATION": ["I'm calling from {v}", "roaming in {v} since monday", "the technician in {v} said so", "customer is based in {v}"],
    "PHONE_NUMBER": ["call me on {v}", "my number is {v}", "you can reach me at {v} after six", "callback number {v}"],
    "DATE_OF_BIRTH": ["date of birth {v}", "I was born on {v}", "DOB: {v}", "my birthday is {v}"],
    "EMAIL_ADDRESS": ["email me at {v}", "my email is {v}", "contact: {v}"],
}
DECOY_FRAMES = ["I work at {v}, the phones there are fine", "the invoice came from {v}", "{v} is the reseller we bought from"]
DECOY_KINDS = ("company", "catch_phrase", "job")
DATE_FORMATS = ["%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d %B %Y", "%B %d, %Y", "%d-%m-%Y"]
STYLES = ["typed", "lower", "upper", "speech"]
_PUNCTUATION = re.compile(r"[^\w\s@+'-]")


def _value(fake: Faker, entity: str, rng: random.Random) -> str:
    if entity == "PERSON":
        return fake.name() if rng.random() < 0.7 else f"{fake.last_name()}, {fake.first_name()}"
    if entity == "STREET_ADDRESS":
        return f"{fake.street_address()}, {fake.postcode()} {fake.city()}"
    if entity == "LOCATION":
        return fake.city() if rng.random() < 0.6 else fake.country()
    if entity == "PHONE_NUMBER":
        return fake.phone_number()
    if entity == "DATE_OF_BIRTH":
        born = date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
        return born.strftime(rng.choice(DATE_FORMATS))
    return fake.email()


def _styled(text: str, style: str, entity: str | None = None) -> str:
    if style == "lower":
        return text.lower()
    if style == "upper":
        return text.upper()
    if style == "speech":
        # What speech-to-text writes: lower case, no punctuation, "at" and "dot" in addresses.
        if entity == "EMAIL_ADDRESS":
            text = text.replace("@", " at ").replace(".", " dot ")
        return re.sub(r"\s+", " ", _PUNCTUATION.sub("", text.lower()))
    return text


def build(seed: int, per_locale: int = 30) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` lines per locale with one identifier each, and a third as
    many decoy lines."""
    rng = random.Random(seed)
    samples: list[tuple[str, Sample]] = []
    english = Faker("en_US")
    english.seed_instance(seed)
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for n in range(per_locale + per_locale // 3):
            style = rng.choice(STYLES)
            if n >= per_locale:
                frame, entity = rng.choice(DECOY_FRAMES), None
                value = getattr(fake if rng.random() < 0.5 else english, rng.choice(DECOY_KINDS))()
            else:
                entity = rng.choice(list(FRAMES))
                frame, value = rng.choice(FRAMES[entity]), _value(fake, entity, rng)
            before, after = (_styled(part, style) for part in frame.split("{v}"))
            value = _styled(value, style, entity).strip()
            text = f"{before}{value}{after}"
            span = Span(("notes",), len(before), len(before) + len(value), entity, value)
            sample = Sample(BuiltinStream.CALL_RECORDS, {"notes": text})
            (sample.gold if entity else sample.decoys).append(span)
            samples.append((locale, sample))
    return samples


# Sentences that name two or three identifiers and give few cues: how notes are written when
# nobody writes for a recognizer. Written apart from the lines the detection was tuned on, and
# not tuned on since; the values are Faker's, as above.
NARRATIVE = [
    "{PERSON} and {PERSON} share the family plan",
    "Letter returned from {STREET_ADDRESS}, addressed to {PERSON}",
    "{PERSON} of {LOCATION} disputes the roaming charge",
    "Birth date on the ID: {DATE_OF_BIRTH}. Holder {PERSON}.",
    "Porting request: {PHONE_NUMBER} moves to {PERSON}",
    "{PERSON} says the router at {STREET_ADDRESS} keeps rebooting",
    "Passport shows {PERSON}, born {DATE_OF_BIRTH} in {LOCATION}",
    "Refund approved for {PERSON}; receipt sent to {EMAIL_ADDRESS}",
    "{LOCATION} office escalated the ticket for {PERSON}",
    "New SIM delivered to {STREET_ADDRESS} and signed for by {PERSON}",
    "Second line {PHONE_NUMBER} belongs to {PERSON}, her son",
    "{PERSON} ({DATE_OF_BIRTH}) wants paper bills",
]


# A second set of such sentences, written later (2026-12-02) in other shapes: chat, forms,
# e-mail, a clerk's shorthand; with postcodes on their own. Measured before any change for it.
NARRATIVE_LATER = [
    "hi, {PERSON} here - the wifi at {STREET_ADDRESS} dropped again",
    "Name: {PERSON} / DOB {DATE_OF_BIRTH} / tel {PHONE_NUMBER}",
    "can u send the invoice to {EMAIL_ADDRESS}? thx, {PERSON}",
    "Spoke to {PERSON}'s daughter, she lives in {LOCATION} now",
    "Dear {PERSON}, your new SIM ships to {STREET_ADDRESS} this week.",
    "tech visit booked for {PERSON} at {STREET_ADDRESS}, zip code {POSTCODE}",
    "Caller gave postcode {POSTCODE} and said she was born {DATE_OF_BIRTH}",
    "{PERSON} wants the contract moved to her partner {PERSON}",
    "Customer travelling between {LOCATION} and {LOCATION}, roaming pack added",
    "per {PERSON}: the old number {PHONE_NUMBER} can be released",
    "{PERSON}, {STREET_ADDRESS} - complaint about coverage",
    "ok so my mum {PERSON} is in {LOCATION} and her phone won't connect",
]


# A third set, written at the end of that session and measured once before anything was
# changed for it: how the changes made for the first two sets carry to shapes nobody tuned on.
NARRATIVE_LAST = [
    "Account transferred from {PERSON} to {PERSON} on request",
    "visit rescheduled - {PERSON}, {STREET_ADDRESS}, ring twice",
    "{PERSON} rang from {LOCATION}; wants a cheaper plan",
    "the SIM for {PERSON} went to {STREET_ADDRESS} by mistake",
    "Verified caller: {PERSON}, born {DATE_OF_BIRTH}, postcode {POSTCODE}",
    "mail for {PERSON} keeps bouncing, new address {EMAIL_ADDRESS}",
    "{PERSON} asked us to call {PHONE_NUMBER} instead",
    "Note from {PERSON}: moving to {LOCATION} in May, keep the number",
    "shop in {LOCATION} sold the handset to {PERSON}",
    "installer could not find {STREET_ADDRESS}; customer {PERSON} not home",
    "{PERSON} and her husband {PERSON} both need eSIMs",
    "lost phone reported by {PERSON} ({PHONE_NUMBER}) near {LOCATION}",
]


# A fourth set, written at the start of the next session (2026-12-02, evening) before anything
# was measured on it: requests, questions, hand-overs. Measured before any change for it (15.3%
# leaked at seed 20261125); classes were then found on other seeds of it.
NARRATIVE_FRESH = [
    "Please update the contact: {PERSON}, mobile {PHONE_NUMBER}",
    "Can someone call {PERSON} back? She's at {STREET_ADDRESS} until noon",
    "{PERSON} from {LOCATION} won the loyalty draw",
    "Chargeback filed by {PERSON} - DOB {DATE_OF_BIRTH}",
    "RE: outage near {STREET_ADDRESS} ({LOCATION})",
    "I am {PERSON} and my email is {EMAIL_ADDRESS}",
    "{PERSON} is travelling to {LOCATION} next week and needs roaming",
    "Who is {PERSON}? The account lists {PERSON} as the payer",
    "courier left the parcel with {PERSON} at {STREET_ADDRESS}",
    "Handset insured for {PERSON}, {DATE_OF_BIRTH}, {POSTCODE}",
    "we have {PHONE_NUMBER} on file for {PERSON}, is that still right?",
    "Emergency contact: {PERSON} ({LOCATION})",
]


# A fifth set, written during that evening session and measured once at its end, with the
# session's starting code and its final code: nothing was changed for it.
NARRATIVE_CLOSING = [
    "Ticket reopened: {PERSON} says nothing changed at {STREET_ADDRESS}",
    "{PERSON} ({PHONE_NUMBER}) asked whether roaming works in {LOCATION}",
    "Delivery failed. Recipient {PERSON}, address {STREET_ADDRESS}, phone {PHONE_NUMBER}",
    "my sister {PERSON} moved to {LOCATION} and kept her old sim",
    "KYC check passed for {PERSON}, date of birth {DATE_OF_BIRTH}",
    "{PERSON} wrote in from {EMAIL_ADDRESS} about a double charge",
    "technician met {PERSON} outside {STREET_ADDRESS}, fault fixed",
    "Contract holder: {PERSON}; second user: {PERSON}",
    "the payment card of {PERSON} was declined twice",
    "Customer lives in {LOCATION}, postcode {POSTCODE}, prefers email",
    "{PERSON} confirmed DOB {DATE_OF_BIRTH} and the last digits of {PHONE_NUMBER}",
    "porting out to another carrier: {PERSON}, {LOCATION}",
]


def build_narrative_closing(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): the fifth set of sentences, as build_narrative writes the first ones."""
    return build_narrative(seed ^ 0xC105E, per_locale, NARRATIVE_CLOSING)


def build_narrative_fresh(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): the fourth set of sentences, as build_narrative writes the first ones."""
    return build_narrative(seed ^ 0xF2E5, per_locale, NARRATIVE_FRESH)


def build_narrative_last(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): the third set of sentences, as build_narrative writes the first ones."""
    return build_narrative(seed ^ 0x1A57, per_locale, NARRATIVE_LAST)


def build_narrative_later(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): the later sentences, as build_narrative writes the first ones."""
    return build_narrative(seed ^ 0x1A7E, per_locale, NARRATIVE_LATER)


def _narrative_value(fake: Faker, entity: str, rng: random.Random) -> str:
    if entity == "POSTCODE":
        return fake.postcode()
    if entity == "ADDRESS_BLOCK":
        return fake.address()  # as the locale writes an envelope: one line or several
    if entity == "ADDRESS_LINE":
        return ", ".join(fake.address().splitlines())
    if entity == "PERSON" and rng.random() < 0.25:
        return fake.first_name()
    if entity == "STREET_ADDRESS" and rng.random() < 0.5:
        return fake.street_address()
    return _value(fake, entity, rng)


def _filled(frame: str, style: str, fake: Faker, rng: random.Random) -> Sample:
    """A call-record note: `frame` with its {ENTITY} slots filled by Faker's values, in `style`."""
    text, pos = "", 0
    sample = Sample(BuiltinStream.CALL_RECORDS, {"notes": ""})
    for slot in re.finditer(r"\{(\w+)\}", frame):
        text += _styled(frame[pos : slot.start()], style)
        entity = slot.group(1)
        value = _styled(_narrative_value(fake, entity, rng), style, entity).strip()
        # A postcode on its own is part of an address: the product reports it as one.
        kind = "STREET_ADDRESS" if entity in ("POSTCODE", "ADDRESS_BLOCK", "ADDRESS_LINE") else entity
        sample.gold.append(Span(("notes",), len(text), len(text) + len(value), kind, value))
        text += value
        pos = slot.end()
    sample.event["notes"] = text + _styled(frame[pos:], style)
    return sample


def build_narrative(seed: int, per_locale: int = 10, frames: list[str] = NARRATIVE, styles: list[str] = STYLES) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` sentences per locale, each with two or three identifiers."""
    rng = random.Random(seed ^ 0x5EED)
    samples: list[tuple[str, Sample]] = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for _ in range(per_locale):
            style, frame = rng.choice(styles), rng.choice(frames)
            samples.append((locale, _filled(frame, style, fake, rng)))
    return samples


# Support conversations: the agent asks, the customer answers with the value and little else,
# so that what a turn holds is said by the turn before it. Written on 2026-12-02 (evening)
# before anything was measured on it (9.0% leaked with that session's starting code, 13.9% once
# half the transcripts came as one text); the values are Faker's, the answers in the four styles.
QUESTIONS = {
    "PERSON": ["Who am I speaking with today?", "Can I take your full name?", "And the name on the account?", "who's the account holder?"],
    "DATE_OF_BIRTH": ["Can you confirm your date of birth?", "and your DOB please", "When were you born?"],
    "STREET_ADDRESS": ["What's the address on the account?", "Where should we send the replacement?", "And the service address?"],
    "PHONE_NUMBER": ["What's the best number to reach you?", "Which number is it about?", "Is there another contact number?"],
    "LOCATION": ["Where are you travelling at the moment?", "Which city are you in?", "Where are you calling from?"],
    "POSTCODE": ["And the postcode?", "what's your zip?"],
    "EMAIL_ADDRESS": ["What email should the receipt go to?", "Can I get an email address?"],
}
ANSWERS = ["{v}", "it's {v}", "yeah {v}", "sure, {v}", "{v} thanks", "uh {v}", "that would be {v}"]
OPENINGS = ["Thanks for calling, how can I help?", "hi, you're through to support", "Hello, what can I do for you today?"]
CUSTOMER_OPENINGS = ["my bill is wrong", "hi the internet keeps dropping", "I want to change my plan", "my sim stopped working"]


# Half the transcripts come as one text, a speaker label on each line, as exports and chat
# logs write them.
LABELS = [("Agent", "Customer"), ("AGENT", "CALLER"), ("rep", "cust"), ("Support", "Me")]


def _as_one_text(sample: Sample, labels: tuple[str, str]) -> None:
    """The sample's turns written into one `transcript` text, its gold spans moved with them."""
    text, starts = "", []
    for turn in sample.event.pop("turns"):
        label = labels[0] if turn["speaker"] == "agent" else labels[1]
        text += f"{label}: "
        starts.append(len(text))
        text += turn["text"] + "\n"
    sample.event["transcript"] = text
    sample.gold = [Span(("transcript",), starts[g.location[1]] + g.start, starts[g.location[1]] + g.end, g.entity, g.value) for g in sample.gold]


def build_dialogue(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` support transcripts per locale, each with three questions
    of the agent answered by the customer; half as a list of turns, half as one text."""
    rng = random.Random(seed ^ 0xD1A1)
    samples: list[tuple[str, Sample]] = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for n in range(per_locale):
            style = rng.choice(STYLES)
            turns = [{"speaker": "agent", "text": rng.choice(OPENINGS)}, {"speaker": "customer", "text": _styled(rng.choice(CUSTOMER_OPENINGS), style)}]
            sample = Sample(BuiltinStream.SUPPORT_TRANSCRIPTS, {})
            for entity in rng.sample(list(QUESTIONS), 3):
                turns.append({"speaker": "agent", "text": rng.choice(QUESTIONS[entity])})
                before, after = (_styled(part, style) for part in rng.choice(ANSWERS).split("{v}"))
                value = _styled(_narrative_value(fake, entity, rng), style, entity).strip()
                kind = "STREET_ADDRESS" if entity == "POSTCODE" else entity
                sample.gold.append(Span(("turns", len(turns), "text"), len(before), len(before) + len(value), kind, value))
                turns.append({"speaker": "customer", "text": f"{before}{value}{after}"})
            sample.event = {
                "event_id": f"00000000-0000-4000-8000-{n:012d}",
                "conversation_id": f"conv-{rng.randint(10**5, 10**6 - 1)}",
                "channel": rng.choice(["voice", "chat"]),
                "started_at": "2026-12-02T18:00:00Z",
                "turns": turns,
            }
            if n % 2:
                _as_one_text(sample, rng.choice(LABELS))
            samples.append((locale, sample))
    return samples


# Everyday text of other languages, with no identifier in it: Faker's word lists of these
# locales (Latin ones only sort-of words). What is measured is how much of it is redacted for
# nothing (the English model and the name lists take foreign words for names).
PROSE_LOCALES = ["de_DE", "fr_FR", "it_IT", "es_ES", "nl_NL", "da_DK", "pl_PL", "cs_CZ", "vi_VN"]


def build_prose(seed: int, per_locale: int = 40) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` sentences of ten words per locale, half in lower case."""
    rng = random.Random(seed ^ 0x9205E)
    samples: list[tuple[str, Sample]] = []
    for locale in PROSE_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for n in range(per_locale):
            text = fake.sentence(nb_words=10)
            samples.append((locale, Sample(BuiltinStream.CALL_RECORDS, {"notes": text.lower() if n % 2 else text})))
    return samples


# Structured events in the schemas other systems write (3GPP charging records, RADIUS accounting,
# 5G core events, Zeek and syslog lines, web-server logs, a CRM export, a payment provider's
# billing details, a billing system's nested records): field names as those systems name them,
# none declared in the pipeline's streams, so that detection must go by a field's name, its
# value's shape and the text inside it. Written on 2026-12-03 before anything was measured on
# it; the values are Faker's, of the 24 locales. Gold: the identifiers; decoys: the ids,
# counters, models and names of things that sit beside them and must survive.
MCC = {
    "de_DE": "262", "fr_FR": "208", "es_ES": "214", "it_IT": "222", "pt_BR": "724", "pt_PT": "268", "nl_NL": "204",
    "da_DK": "238", "sv_SE": "240", "no_NO": "242", "fi_FI": "244", "pl_PL": "260", "cs_CZ": "230", "hu_HU": "216",
    "ro_RO": "226", "hr_HR": "219", "tr_TR": "286", "en_GB": "234", "en_IN": "404", "en_AU": "505", "en_CA": "302",
    "en_IE": "272", "vi_VN": "452", "is_IS": "274",
}  # fmt: skip
DEVICES = ["iphone", "ipad", "galaxy-s23", "pixel-8", "macbook-pro", "laptop", "pc", "android", "tablet"]
APPS = ["WhatsApp", "Netflix", "Spotify", "YouTube", "Teams", "Instagram"]
MODELS = ["SM-S911B", "iPhone15,2", "Pixel 8", "CPH2451", "M2101K6G"]


class _Record:
    """One structured event being written: its fields, and where its gold values and decoys are."""

    def __init__(self, stream: BuiltinStream) -> None:
        self.sample = Sample(stream, {})

    def put(self, path: tuple[str, ...], value: Any, entity: str | None = None, start: int = 0, end: int | None = None) -> None:
        node = self.sample.event
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        text = str(value)
        span = Span(path, start, len(text) if end is None else end, entity, text[start:end])
        if entity:
            self.sample.gold.append(span)
        elif entity is None and end != -1:
            self.sample.decoys.append(span)

    def plain(self, path: tuple[str, ...], value: Any) -> None:
        """A field that is neither an identifier nor a look-alike that is measured."""
        self.put(path, value, "", 0, -1)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _msisdn(fake: Faker, locale: str, rng: random.Random) -> str:
    """A mobile number of the locale's country in international digits, without the '+'."""
    region = locale.split("_")[1]
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for _ in range(50):
        candidate = national[:2] + "".join(rng.choice("0123456789") for _ in national[2:])
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number):
            return f"{example.country_code}{candidate}"
    return f"{example.country_code}{national}"


def _schema_record(kind: str, fake: Faker, locale: str, rng: random.Random) -> Sample:
    imsi = MCC[locale] + f"{rng.randint(1, 99):02d}" + "".join(rng.choice("0123456789") for _ in range(10))
    imei = luhn_complete("35" + "".join(rng.choice("0123456789") for _ in range(12)))
    msisdn, first, last = _msisdn(fake, locale, rng), fake.first_name(), fake.last_name()
    given = next((g for g in (_ascii(fake.first_name()).split()[0] for _ in range(20)) if len(g) >= 4), "Anna")
    host = rng.choice([f"{given.lower()}s-{rng.choice(DEVICES)}", f"{given}-{rng.choice(DEVICES)}", f"{rng.choice(DEVICES)}-{given.lower()}"])
    name_at, name_end = host.lower().index(given.lower()), host.lower().index(given.lower()) + len(given)
    telemetry, calls = BuiltinStream.NETWORK_TELEMETRY, BuiltinStream.CALL_RECORDS
    if kind == "msc_cdr":
        r = _Record(calls)
        r.put(("recordType",), "moCallRecord")
        r.put(("servedIMSI",), imsi, "IMSI")
        r.put(("servedIMEI",), imei, "IMEI")
        r.put(("servedMSISDN",), msisdn, "PHONE_NUMBER")
        r.put(("calledNumber", "address"), _msisdn(fake, locale, rng), "PHONE_NUMBER")
        r.plain(("calledNumber", "typeOfNumber"), "international")
        r.put(("location", "locationAreaCode"), f"{rng.randint(1, 65535):04X}")
        r.put(("location", "cellIdentifier"), f"{rng.randint(1, 65535):04X}")
        r.put(("callDuration",), rng.randint(1, 3600))
        r.put(("causeForTerm",), "normalRelease")
    elif kind == "radius":
        r = _Record(telemetry)
        r.put(("Acct-Status-Type",), "Interim-Update")
        r.put(("User-Name",), fake.email(), "EMAIL_ADDRESS")
        r.put(("Calling-Station-Id",), msisdn, "PHONE_NUMBER")
        r.put(("Called-Station-Id",), "internet")
        r.put(("Framed-IP-Address",), fake.ipv4_private(), "IP_ADDRESS")
        r.put(("Acct-Session-Id",), f"{rng.getrandbits(64):016X}")
        r.put(("Acct-Input-Octets",), rng.randint(10**3, 10**9))
        r.put(("3GPP-IMSI",), imsi, "IMSI")
        r.put(("3GPP-IMEISV",), imei[:14] + f"{rng.randint(0, 99):02d}", "IMEI")
    elif kind == "sbi_event":
        r = _Record(telemetry)
        r.put(("supi",), f"imsi-{imsi}", "IMSI", 5)
        r.put(("gpsi",), f"msisdn-{msisdn}", "PHONE_NUMBER", 7)
        r.put(("pei",), f"imei-{imei}", "IMEI", 5)
        r.plain(("ueLocation", "nrLocation", "tai", "plmnId", "mcc"), MCC[locale])
        r.put(("ueLocation", "nrLocation", "tai", "tac"), f"{rng.randint(1, 65535):06X}")
        r.put(("dnn",), "internet")
        r.put(("pduSessionId",), rng.randint(1, 15))
    elif kind == "zeek_dhcp":
        r = _Record(telemetry)
        r.put(("ts",), round(1.7e9 + rng.random() * 1e7, 6))
        r.put(("uids",), f"C{rng.getrandbits(60):x}")
        r.put(("client_addr",), fake.ipv4_private(), "IP_ADDRESS")
        r.put(("mac",), fake.mac_address(), "MAC_ADDRESS")
        r.put(("host_name",), host, "PERSON", name_at, name_end)
        r.put(("lease_time",), 86400)
    elif kind == "syslog":
        r = _Record(telemetry)
        r.put(("host",), "bng-01")
        r.put(("program",), "dhcpd")
        ip, mac = fake.ipv4_private(), fake.mac_address()
        message = f"DHCPACK on {ip} to {mac} ({host}) via eth1"
        r.put(("message",), message, "IP_ADDRESS", message.index(ip), message.index(ip) + len(ip))
        r.sample.gold.append(Span(("message",), message.index(mac), message.index(mac) + len(mac), "MAC_ADDRESS", mac))
        at = message.index(host) + name_at
        r.sample.gold.append(Span(("message",), at, at + len(given), "PERSON", host[name_at:name_end]))
    elif kind == "access_log":
        r = _Record(telemetry)
        lat, lng = f"{rng.uniform(-60, 70):.5f}", f"{rng.uniform(-170, 170):.5f}"
        request = f"GET /v1/stores/nearby?lat={lat}&lng={lng}&radius=500 HTTP/1.1"
        r.put(("remote_addr",), fake.ipv4_public(), "IP_ADDRESS")
        r.put(("request",), request, "LOCATION", request.index(lat), request.index(lat) + len(lat))
        r.sample.gold.append(Span(("request",), request.index(lng), request.index(lng) + len(lng), "LOCATION", lng))
        r.put(("status",), 200)
        r.put(("body_bytes_sent",), rng.randint(100, 99999))
        r.put(("http_user_agent",), f"MyTelco/{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)} (Android 14; {rng.choice(MODELS)})")
    elif kind == "crm_contact":
        r = _Record(calls)
        r.put(("Id",), "003" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(15)))
        r.put(("FirstName",), first, "PERSON")
        r.put(("LastName",), last, "PERSON")
        r.put(("MailingStreet",), fake.street_address(), "STREET_ADDRESS")
        r.put(("MailingPostalCode",), fake.postcode(), "STREET_ADDRESS")
        r.put(("MailingCity",), fake.city(), "LOCATION")
        r.put(("MobilePhone",), fake.phone_number(), "PHONE_NUMBER")
        r.put(("Email",), fake.email(), "EMAIL_ADDRESS")
        r.put(("Birthdate",), fake.date_of_birth(minimum_age=18, maximum_age=90).isoformat(), "DATE_OF_BIRTH")
        r.put(("LeadSource",), rng.choice(["Web", "Partner", "Phone Inquiry"]))
    elif kind == "payment":
        r = _Record(calls)
        r.put(("id",), "pm_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(24)))
        r.put(("billing_details", "name"), f"{first} {last}", "PERSON")
        r.put(("billing_details", "email"), fake.email(), "EMAIL_ADDRESS")
        r.put(("billing_details", "phone"), fake.phone_number(), "PHONE_NUMBER")
        r.put(("billing_details", "address", "line1"), fake.street_address(), "STREET_ADDRESS")
        r.put(("billing_details", "address", "city"), fake.city(), "LOCATION")
        r.put(("billing_details", "address", "postal_code"), fake.postcode(), "STREET_ADDRESS")
        r.put(("card", "brand"), rng.choice(["visa", "mastercard", "amex"]))
        r.put(("card", "exp_month"), rng.randint(1, 12))
        r.put(("card", "exp_year"), rng.randint(2027, 2032))
    else:  # billing: a billing system's nested, snake_case record with national formats
        r = _Record(calls)
        r.put(("contract_id",), f"C-{rng.randint(2015, 2026)}-{rng.randint(1, 99999):05d}", "ACCOUNT_NUMBER")
        r.put(("tariff",), rng.choice(["Unlimited 5G", "Data 20GB", "Family Plus"]))
        r.put(("subscriber", "given_name"), first, "PERSON")
        r.put(("subscriber", "family_name"), last, "PERSON")
        r.put(("subscriber", "date_of_birth"), fake.date_of_birth(minimum_age=18, maximum_age=90).strftime(rng.choice(DATE_FORMATS)), "DATE_OF_BIRTH")
        r.put(("subscriber", "home_address", "street"), fake.street_address(), "STREET_ADDRESS")
        r.put(("subscriber", "home_address", "zip"), fake.postcode(), "STREET_ADDRESS")
        r.put(("subscriber", "home_address", "town"), fake.city(), "LOCATION")
        r.put(("subscriber", "contact", "mobile"), fake.phone_number(), "PHONE_NUMBER")
        r.put(("subscriber", "contact", "e_mail"), fake.email(), "EMAIL_ADDRESS")
        r.put(("usage", "top_app"), rng.choice(APPS))
        r.put(("usage", "handset_model"), rng.choice(MODELS))
    return r.sample


SCHEMAS = ["msc_cdr", "radius", "sbi_event", "zeek_dhcp", "syslog", "access_log", "crm_contact", "payment", "billing"]


def build_schemas(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` structured events per locale, in the schemas above."""
    rng = random.Random(seed ^ 0x5C4E)
    samples: list[tuple[str, Sample]] = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for _ in range(per_locale):
            samples.append((locale, _schema_record(rng.choice(SCHEMAS), fake, locale, rng)))
    return samples


# Support notes written in the customer's language, as agents of those countries write them:
# the frames of seven locales, the values of the same locale. Written on 2026-12-03 before
# anything was measured on it. The detection reads English; what is measured is whether the
# identifiers are still found where the words around them are not English.
NOTES_IN_LANGUAGE = {
    "de_DE": [
        "Kunde {PERSON} ruft wegen der Rechnung an, Rückruf unter {PHONE_NUMBER}",
        "Neue Lieferadresse: {STREET_ADDRESS}. Geburtsdatum {DATE_OF_BIRTH}",
        "Frau {PERSON} aus {LOCATION} möchte den Vertrag kündigen",
        "Bitte Rechnung an {EMAIL_ADDRESS} schicken, Ansprechpartner {PERSON}",
    ],
    "fr_FR": [
        "Le client {PERSON} appelle pour sa facture, joignable au {PHONE_NUMBER}",
        "Nouvelle adresse de livraison : {STREET_ADDRESS}, né le {DATE_OF_BIRTH}",
        "Mme {PERSON} de {LOCATION} veut résilier son abonnement",
        "Merci d'envoyer la facture à {EMAIL_ADDRESS} au nom de {PERSON}",
    ],
    "es_ES": [
        "El cliente {PERSON} llama por la factura, devolver la llamada al {PHONE_NUMBER}",
        "Nueva dirección de envío: {STREET_ADDRESS}. Fecha de nacimiento {DATE_OF_BIRTH}",
        "La señora {PERSON} de {LOCATION} quiere darse de baja",
        "Enviar la factura a {EMAIL_ADDRESS}, a la atención de {PERSON}",
    ],
    "it_IT": [
        "Il cliente {PERSON} chiama per la bolletta, richiamare al {PHONE_NUMBER}",
        "Nuovo indirizzo di consegna: {STREET_ADDRESS}. Data di nascita {DATE_OF_BIRTH}",
        "La signora {PERSON} di {LOCATION} vuole disdire il contratto",
        "Inviare la fattura a {EMAIL_ADDRESS}, referente {PERSON}",
    ],
    "nl_NL": [
        "Klant {PERSON} belt over de rekening, terugbellen op {PHONE_NUMBER}",
        "Nieuw bezorgadres: {STREET_ADDRESS}. Geboortedatum {DATE_OF_BIRTH}",
        "Mevrouw {PERSON} uit {LOCATION} wil het abonnement opzeggen",
        "Factuur graag naar {EMAIL_ADDRESS} sturen, contactpersoon {PERSON}",
    ],
    "pt_BR": [
        "O cliente {PERSON} ligou sobre a fatura, retornar no {PHONE_NUMBER}",
        "Novo endereço de entrega: {STREET_ADDRESS}. Data de nascimento {DATE_OF_BIRTH}",
        "A senhora {PERSON} de {LOCATION} quer cancelar o plano",
        "Enviar a fatura para {EMAIL_ADDRESS}, aos cuidados de {PERSON}",
    ],
    "pl_PL": [
        "Klient {PERSON} dzwoni w sprawie rachunku, oddzwonić na {PHONE_NUMBER}",
        "Nowy adres dostawy: {STREET_ADDRESS}. Data urodzenia {DATE_OF_BIRTH}",
        "Pani {PERSON} z {LOCATION} chce wypowiedzieć umowę",
        "Fakturę wysłać na {EMAIL_ADDRESS}, osoba kontaktowa {PERSON}",
    ],
}


def build_notes_in_language(seed: int, per_locale: int = 20) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` notes per locale in that locale's language, with its values."""
    rng = random.Random(seed ^ 0x1A96)
    samples: list[tuple[str, Sample]] = []
    for locale, frames in NOTES_IN_LANGUAGE.items():
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for _ in range(per_locale):
            style, frame = rng.choice(STYLES), rng.choice(frames)
            samples.append((locale, _filled(frame, style, fake, rng)))
    return samples


# One identifier in a plain sentence, in the formats Faker's locales write them: the frames
# were written (2026-12-03) to find which formats of names, addresses, phone numbers and dates
# of birth are missed, and the classes found were then fixed: this source is tuned on, and
# measured on other values (another seed) than those it was tuned with. What it shows is
# coverage: the share of values not wholly redacted (a title or one word left readable).
FORMAT_FRAMES = {
    "PERSON": [
        "I met {v} yesterday at the shop", "{v}'s phone is broken", "Thanks, {v}", "Ask {v} to sign the form", "cc: {v}",
        "according to {v}, the router is fine", "hi {v}! your order shipped", "{v} - account holder", "the form was signed by {v} on Monday",
        "Reminder for {v}: bill due", "Meeting with {v} and the landlord", "{v} confirmed the new plan",
    ],
    "STREET_ADDRESS": [
        "I live at {v}", "{v} is my address", "Address: {v}", "the package went to {v}", "he moved to {v} last year",
        "my home address is {v}.", "send it to {v} please", "we are at {v} now", "Shipping address - {v}", "the old flat at {v} was sold",
    ],
    "PHONE_NUMBER": ["Anna Berg ({v}) asked about roaming", "call me on {v}", "{v} is my mobile", "new number: {v}", "Tel. {v}", "reach her at {v} after six"],
    "DATE_OF_BIRTH": ["I was born on {v}", "my date of birth is {v}", "DOB {v}", "born {v} in Lyon", "{v} is my birthday", "Birthdate: {v}."],
}  # fmt: skip
FORMAT_LOCALES = [
    "en_US",
    "en_GB",
    "en_AU",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "tr_TR",
    "vi_VN",
    "ja_JP",
    "da_DK",
    "no_NO",
    "hu_HU",
]
BIRTH_FORMATS = [*DATE_FORMATS, "%d-%b-%Y", "%A, %B %d, %Y", "%m/%d/%y", "%d/%m/%y", "%b %d %Y", "%d. %B %Y", "%Y/%m/%d"]


def _format_value(fake: Faker, entity: str, rng: random.Random) -> str:
    if entity == "PERSON":
        return fake.name() if rng.random() < 0.6 else fake.first_name()
    if entity == "STREET_ADDRESS":
        kind = rng.random()
        return fake.street_address() if kind < 0.4 else (fake.address().replace("\n", ", ") if kind < 0.7 else f"{fake.street_address()}, {fake.city()}")
    if entity == "PHONE_NUMBER":
        return fake.phone_number()
    born = date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
    return born.strftime(rng.choice(BIRTH_FORMATS))


def build_formats(seed: int, per_locale: int = 20) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` sentences per locale, each one identifier in a plain frame."""
    rng = random.Random(seed ^ 0xF0A7)
    samples: list[tuple[str, Sample]] = []
    for locale in FORMAT_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for _ in range(per_locale):
            entity = rng.choice(list(FORMAT_FRAMES))
            before, after = rng.choice(FORMAT_FRAMES[entity]).split("{v}")
            value = _format_value(fake, entity, rng).strip()
            sample = Sample(BuiltinStream.CALL_RECORDS, {"notes": f"{before}{value}{after}"})
            sample.gold.append(Span(("notes",), len(before), len(before) + len(value), entity, value))
            samples.append((locale, sample))
    return samples


# Mail headers, exports, key=value lines, chat and SMS: the shapes systems and people write
# records in. Written on 2026-12-06 as a probe of shapes no other source has; the classes it
# showed (a display name before <address>, a greeting's name, a record's cells, spaced
# key=value values) were fixed on seeds 31 and 32 of it, so it is tuned on. Typed, lower case
# and capitals only: a record is not spoken.
RECORDS = [
    "From: {PERSON} <{EMAIL_ADDRESS}>\nSent: Monday\nSubject: my bill",
    "{PERSON}\t{PHONE_NUMBER}\t{LOCATION}",
    "name={PERSON};city={LOCATION};tel={PHONE_NUMBER}",
    "Hi team, pls reach out to {PERSON} re: outage in {LOCATION} asap",
    "{PERSON} | {LOCATION} | {DATE_OF_BIRTH}",
    "Customer {PERSON} (DOB: {DATE_OF_BIRTH}) from {LOCATION} called twice",
    "[{LOCATION}] {PERSON}: the line is dead again",
    "On Tue, {PERSON} <{EMAIL_ADDRESS}> wrote: my router is broken",
    "Caller ID {PHONE_NUMBER} / {PERSON}",
    "{STREET_ADDRESS} - {PERSON} - fibre install pending",
    "re {PERSON}'s ticket, moved to {LOCATION} last wk",
    "pls update billing addr for acct holder {PERSON} to {STREET_ADDRESS}",
    "{PERSON} & {PERSON} (joint account), {LOCATION}",
    "SMS to {PHONE_NUMBER}: Hi {PERSON}, your SIM is on its way",
    "Delivery failed: {STREET_ADDRESS} (recipient {PERSON} unknown)",
    "Spoke to {PERSON} who lives near {LOCATION}; born {DATE_OF_BIRTH}",
]


def build_records(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` records per locale in the shapes of RECORDS."""
    return build_narrative(seed ^ 0x2EC0, per_locale, frames=RECORDS, styles=["typed", "lower", "upper"])


# A customer on the phone as speech-to-text writes it: fillers, no punctuation or little,
# values said mid-sentence. Written on 2026-12-06 as a probe; the classes it showed ("registered
# under", "the technician anders", Vietnamese names, a street after "at" behind a name) were
# fixed on seeds 41 and 42 of it, so it is tuned on.
CALLS = [
    "uh yeah so my name's {PERSON} and uh I'm calling about my bill",
    "okay um the address is {STREET_ADDRESS} yeah",
    "it's registered under {PERSON} um at {STREET_ADDRESS}",
    "yeah hi I'm calling from {LOCATION} um my number is {PHONE_NUMBER}",
    "so I was born uh {DATE_OF_BIRTH} if that helps",
    "my wife {PERSON} she uh she usually handles this",
    "right so you can reach me on {PHONE_NUMBER} or um at {EMAIL_ADDRESS}",
    "we just moved from {LOCATION} to {LOCATION} so yeah",
    "can you put it under my son's name {PERSON} please",
    "I'm in {LOCATION} right now on holiday and the roaming isn't working",
    "the technician {PERSON} came by yesterday but nothing changed",
    "yes that's me {PERSON} date of birth {DATE_OF_BIRTH}",
    "sorry it's {PHONE_NUMBER} not the old one",
    "I live in {LOCATION} near the station, {STREET_ADDRESS}",
    "oh and {PERSON} from your shop in {LOCATION} told me to call",
    "no no the bill should go to {PERSON} at {STREET_ADDRESS}",
]


def build_calls(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` call snippets per locale, as speech-to-text, lower case or typed."""
    return build_narrative(seed ^ 0xCA11, per_locale, frames=CALLS, styles=["speech", "lower", "typed"])


# Letters, forms and signatures: an address as the locale writes it on an envelope (Faker's
# whole address, several lines in most locales), a name above it, a sign-off. Written on
# 2026-12-06 (late evening) as a probe before anything was measured on it (1.8% of identifiers
# leaked at the first run, seed 20261125); the classes it showed (lines that finish an address
# block, the name on the line above, a signature after "--", "m:", "my late father") were fixed
# on that seed, so it is tuned on (seed 71, not looked at first: 0.7%). Typed or in capitals.
LETTERS = [
    "{PERSON}\n{ADDRESS_BLOCK}\n\nDear customer services,\nplease cancel my contract. You can call me on {PHONE_NUMBER}.",
    "Kind regards,\n{PERSON}\n{ADDRESS_BLOCK}\nTel. {PHONE_NUMBER}",
    "Ship to:\n{PERSON}\n{ADDRESS_BLOCK}",
    "Dear {PERSON},\nyour new SIM card will be sent to\n{ADDRESS_BLOCK}\nwithin three days.",
    "Name: {PERSON}\nAddress: {ADDRESS_BLOCK}\nDate of birth: {DATE_OF_BIRTH}\nPhone: {PHONE_NUMBER}",
    "Sender: {PERSON}, {ADDRESS_LINE}",
    "--\n{PERSON}\nm: {PHONE_NUMBER} | e: {EMAIL_ADDRESS}",
    "I, {PERSON}, born on {DATE_OF_BIRTH} in {LOCATION}, residing at {ADDRESS_LINE}, authorise the transfer of my number {PHONE_NUMBER}.",
    "Please forward all mail for {PERSON} to the following address:\n\n{ADDRESS_BLOCK}",
    "Return address: {ADDRESS_LINE} / Contact: {PERSON} ({EMAIL_ADDRESS})",
    "To whom it may concern,\n\nmy late father {PERSON} had a contract with you. Please send the final bill to me at {ADDRESS_LINE}.\n\nYours faithfully",
    "Invoice address\n{PERSON}\n{ADDRESS_BLOCK}\n\nCustomer since {LOCATION} branch opened",
]


def build_letters(seed: int, per_locale: int = 10) -> list[tuple[str, Sample]]:
    """(locale, sample): `per_locale` letters, forms and signatures per locale."""
    return build_narrative(seed ^ 0x1E77E2, per_locale, frames=LETTERS, styles=["typed", "typed", "upper"])
