"""The development set for `make eval`: seeded events of the three streams with gold spans.

Kept apart from `processor/generate.py` (which feeds the demo and the tests) on purpose: the
templates, formats and noise here are not the ones the unit tests were written against.

Every sample carries its gold identifiers (location in the event, character span, entity
type) and its decoys (values that look like identifiers but are not: order and ticket
numbers, versions, amounts, times, device models), so that precision, recall, leaks and
over-redaction can all be measured on the same data.
"""

from __future__ import annotations

import random
import re
import string
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import phonenumbers
from faker import Faker

from processor.events import BuiltinStream, Location
from recognizers.checksums import luhn_complete


@dataclass(frozen=True)
class Span:
    location: Location
    start: int
    end: int
    entity: str | None  # None for a decoy
    value: str


@dataclass
class Sample:
    stream: BuiltinStream
    event: dict[str, Any]
    gold: list[Span] = field(default_factory=list)
    decoys: list[Span] = field(default_factory=list)


# -- customer and agent lines ------------------------------------------------------------------
# Slots in {braces}; slot names are listed in Values.slot. PII-free lines have only decoys.

CUSTOMER_PII = [
    "hi, this is {name} calling about my bill",
    "my name is {name} and my internet is down again",
    "yes it's {name}, {first} is fine",
    "the account holder is {name}, I'm her husband",
    "you can call me back on {phone}",
    "my number is {phone_spoken}",
    "the best number to reach me is {phone}, after six please",
    "it's {phone_spoken}, that's my mobile",
    "text me at {phone} when it's fixed",
    "my email is {email}",
    "send the invoice to {email_spoken}",
    "the email on file should be {email}, not the old one",
    "it's {email_spoken}, all lower case",
    "the IMEI on the box says {imei}",
    "I read the imei off the settings: {imei_spoken}",
    "serial number, sorry the IMEI, is {imei}",
    "charge it to my card, {card}",
    "the card number is {card_spoken}",
    "use the visa ending... actually the full number is {card}",
    "I moved to {address} last month",
    "my billing address is {address}",
    "please ship the new router to {address}",
    "we live at {address}, {city}",
    "my date of birth is {dob}",
    "I was born on {dob}",
    "DOB {dob}",
    "my account number is {account}",
    "the account is {account}, under my wife's name",
    "account {account_spoken}",
    "last four of my social? the whole thing is {ssn}",
    "my social security number is {ssn}",
    "I'm travelling in {city} this week and roaming doesn't work",
    "I was in {city} when the calls started dropping",
    "my mother's maiden name is {maiden}",
    "the security answer is {pet}, my first dog",
    "first pet's name was {pet}",
    "my sim card number is {iccid}",
    "the ICCID printed on the sim is {iccid}",
    "the router shows my IP as {ip}",
    "my laptop's MAC address is {mac}",
    "it says IMSI {imsi} in the diagnostics",
    "the app shows cell {cell} when it drops",
    "I'm {name}, my email is {email} and my number is {phone}",
    "it's {first} {last_lower}, with a y",
    "please update the contact to {name}, {phone}",
    "my wife {first} handles the account, her number is {phone_spoken}",
    "yeah, {first} here, I called yesterday",
    "I'm calling for my father {name}",
]

CUSTOMER_CLEAN = [
    "my internet has been slow since the update to version {version}",
    "I was charged {amount} twice this month",
    "I have a question about order {order}",
    "the reference on my letter is ticket {ticket}",
    "the router firmware says {version}, is that the latest",
    "it happened yesterday at {time}",
    "the outage started on {day} around {time}",
    "I'm paying {amount} for {speed} and getting half of that",
    "I bought a {model} last week and it won't register",
    "the tracking number for the delivery is {tracking}",
    "the case number you gave me was {ticket}",
    "can I upgrade to the {speed} plan",
    "my bill went from {amount} to {amount2}",
    "it just keeps saying error {error}",
    "I restarted it three times, still nothing",
    "why is there a roaming charge, I never left the country",
    "the signal drops every evening around {time}",
    "is there an outage in my area",
    "I want to cancel the premium sports add-on",
    "the order {order} never arrived",
    "I tried the steps from article {article} already",
]

AGENT = [
    "thanks for calling, how can I help you today?",
    "one moment while I pull up your account",
    "I've opened ticket {ticket} for this",
    "can you confirm the address on the account?",
    "your order {order} shipped yesterday",
    "I can see a credit of {amount} on the bill",
    "please restart the router and wait two minutes",
    "the latest firmware is {version}",
    "that's been updated, anything else?",
    "I'll escalate this to our network team, reference {ticket}",
    "thank you, I've verified your identity",
    "could you spell that for me?",
    "let me check the coverage map for you",
    "is there anything else I can help with today?",
    "the technician can come on {day} between {time} and {time2}",
]

NOTES_PII = [
    "customer {name} asked for a callback on {phone}",
    "callback requested to {phone}",
    "spoke with {first}, promised a credit",
    "customer reports handset {imei} stolen",
    "new sim {iccid} issued",
    "email confirmation sent to {email}",
    "address change to {address} pending",
    "verified with DOB {dob}",
    "customer disputes charge, account {account}",
]
NOTES_CLEAN = [
    "dropped call, customer retried",
    "ticket {ticket} opened for poor signal",
    "firmware {version} pushed",
    "refund of {amount} approved",
    "",
    "call transferred to billing",
    "order {order} linked",
]

REAL_CITIES = [
    "Chicago", "Houston", "Phoenix", "Seattle", "Denver", "Boston", "Atlanta", "Miami", "Dallas", "Portland",
    "London", "Manchester", "Berlin", "Munich", "Paris", "Lyon", "Madrid", "Rome", "Toronto", "Vancouver",
    "Sydney", "Melbourne", "Mumbai", "Delhi", "Tokyo", "Dublin", "Amsterdam", "Lisbon", "Austin", "Nashville",
]  # fmt: skip
PETS = ["Rex", "Biscuit", "Max", "Luna", "Pepper", "Shadow", "Coco", "Milo", "Bella", "Daisy", "Rocky", "Ginger"]
MODELS = ["iPhone 14", "Galaxy S23", "Pixel 8", "Moto G54", "router model TL-WR841N", "Nokia G21", "Galaxy A15"]
DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NETWORKS = (("310", "260"), ("310", "410"), ("234", "10"), ("262", "02"), ("208", "10"), ("404", "45"), ("302", "720"), ("505", "01"))
REGIONS = ("US", "US", "US", "GB", "DE", "FR", "CA", "AU", "IN")
TYPES = {
    "name": "PERSON", "first": "PERSON", "last_lower": "PERSON", "phone": "PHONE_NUMBER", "phone_spoken": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS", "email_spoken": "EMAIL_ADDRESS", "imei": "IMEI", "imei_spoken": "IMEI",
    "card": "CREDIT_CARD", "card_spoken": "CREDIT_CARD", "address": "STREET_ADDRESS", "city": "LOCATION",
    "dob": "DATE_OF_BIRTH", "dob_born": "DATE_OF_BIRTH", "account": "ACCOUNT_NUMBER", "account_spoken": "ACCOUNT_NUMBER",
    "ssn": "US_SSN", "maiden": "SECRET_ANSWER", "pet": "SECRET_ANSWER", "iccid": "ICCID", "ip": "IP_ADDRESS",
    "mac": "MAC_ADDRESS", "imsi": "IMSI", "cell": "CELL_ID",
}  # fmt: skip


class Values:
    """Random identifiers and decoys in the many formats people and systems write them."""

    def __init__(self, rng: random.Random, fake: Faker) -> None:
        self.rng, self.fake = rng, fake

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def spoken(self, digits: str) -> str:
        words, i = [], 0
        while i < len(digits):
            d = digits[i]
            if i + 1 < len(digits) and digits[i + 1] == d and self.rng.random() < 0.3:
                words.append(f"double {DIGIT_NAMES[int(d)]}")
                i += 2
                continue
            words.append("oh" if d == "0" and self.rng.random() < 0.4 else DIGIT_NAMES[int(d)])
            i += 1
        # Group in threes or fours with commas, as people pause.
        size = self.rng.choice((3, 4))
        groups = [" ".join(words[k : k + size]) for k in range(0, len(words), size)]
        return self.rng.choice((", ", " ", " - ")).join(groups)

    def phone_number(self) -> phonenumbers.PhoneNumber:
        region = self.rng.choice(REGIONS)
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        national = str(example.national_number)
        for _ in range(100):
            number = phonenumbers.parse(f"+{example.country_code}{national[:2]}{self.digits(len(national) - 2)}")
            if phonenumbers.is_valid_number(number):
                return number
        return example

    def phone(self) -> str:
        n = self.phone_number()
        e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        region = phonenumbers.region_code_for_number(n)
        styles = [
            e164,
            phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
            phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL).replace(" ", "-"),
        ]
        if region == "US":
            nat = str(n.national_number)
            styles += [
                f"({nat[:3]}) {nat[3:6]}-{nat[6:]}",
                f"{nat[:3]}.{nat[3:6]}.{nat[6:]}",
                f"{nat[:3]}-{nat[3:6]}-{nat[6:]}",
                f"1-{nat[:3]}-{nat[3:6]}-{nat[6:]}",
            ]
        if region == "GB":
            styles.append(phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL))
        return self.rng.choice(styles)

    def phone_spoken(self) -> str:
        n = self.phone_number()
        digits = str(n.national_number) if phonenumbers.region_code_for_number(n) == "US" else f"{n.country_code}{n.national_number}"
        return self.spoken(digits)

    def email(self) -> str:
        return self.rng.choice((self.fake.email(), self.fake.free_email(), self.fake.company_email())).lower()

    def email_spoken(self) -> str:
        first, last = self.fake.first_name().lower(), self.fake.last_name().lower()
        domain = self.rng.choice(("gmail dot com", "yahoo dot com", "outlook dot com", "example dot org", "mail dot co dot uk", "hotmail dot fr"))
        style = self.rng.random()
        if style < 0.3:
            return f"{' '.join(first)} at {domain}"
        if style < 0.6:
            return f"{first} dot {last} at {domain}"
        if style < 0.8:
            return f"{first} underscore {last} at {domain}"
        return f"{first}{self.rng.randint(1, 99)} at {domain}"

    def imei(self) -> str:
        v = luhn_complete(self.rng.choice(("35", "86", "01", "99", "49")) + self.digits(12))
        return self.rng.choice((v, f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}", f"{v[:8]} {v[8:]}"))

    def imei_spoken(self) -> str:
        return self.spoken(luhn_complete(self.rng.choice(("35", "86")) + self.digits(12)))

    def card_digits(self) -> str:
        prefix = self.rng.choice(("4", "51", "55", "2221", "6011"))
        return luhn_complete(prefix + self.digits(15 - len(prefix)))

    def card(self) -> str:
        v = self.card_digits()
        if self.rng.random() < 0.2:
            v = luhn_complete("37" + self.digits(12))
            return self.rng.choice((v, f"{v[:4]} {v[4:10]} {v[10:]}"))
        sep = self.rng.choice(("", " ", "-"))
        return sep.join(v[i : i + 4] for i in range(0, 16, 4))

    def card_spoken(self) -> str:
        return self.spoken(self.card_digits())

    def dob(self) -> str:
        d = date(self.rng.randint(1940, 2005), self.rng.randint(1, 12), self.rng.randint(1, 28))
        return self.rng.choice((d.strftime("%B %-d, %Y"), d.strftime("%m/%d/%Y"), d.isoformat(), d.strftime("%-d %B %Y"), d.strftime("%d.%m.%Y")))

    def account(self) -> str:
        return self.rng.choice((f"ACC-{self.digits(8)}", f"ACC{self.digits(10)}", self.digits(8), f"{self.digits(4)} {self.digits(4)}"))

    def account_spoken(self) -> str:
        return self.spoken(self.digits(8))

    def ssn(self) -> str:
        area = self.rng.choice([a for a in range(1, 899) if a != 666])
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def iccid(self) -> str:
        return luhn_complete("89" + self.rng.choice(("01", "44", "49", "33")) + self.digits(14))

    def imsi(self) -> str:
        mcc, mnc = self.rng.choice(NETWORKS)
        return mcc + mnc + self.digits(15 - len(mcc) - len(mnc))

    def cell(self) -> str:
        mcc, mnc = self.rng.choice(NETWORKS)
        sep = self.rng.choice(("-", "/", ":"))
        if self.rng.random() < 0.5:
            return sep.join((mcc, mnc, str(self.rng.randint(1, 65533)), str(self.rng.randint(1, 65535))))
        return sep.join((mcc, mnc, str(self.rng.randint(1_000_000, 268_435_455))))

    def mac(self) -> str:
        raw = [self.rng.randint(0, 255) for _ in range(6)]
        hexes = [f"{b:02x}" for b in raw]
        style = self.rng.random()
        if style < 0.5:
            return ":".join(hexes).upper() if self.rng.random() < 0.5 else ":".join(hexes)
        if style < 0.8:
            return "-".join(hexes).upper()
        joined = "".join(hexes)
        return ".".join(joined[i : i + 4] for i in range(0, 12, 4))

    def ip(self) -> str:
        return self.fake.ipv6() if self.rng.random() < 0.25 else self.fake.ipv4_public()

    # decoys
    def version(self) -> str:
        return self.rng.choice(
            (
                f"{self.rng.randint(1, 20)}.{self.rng.randint(0, 9)}.{self.rng.randint(0, 30)}",
                f"{self.rng.randint(1, 12)}.{self.rng.randint(0, 9)}.{self.rng.randint(0, 9)}.{self.rng.randint(0, 9)}.{self.rng.randint(0, 99)}",
                f"v{self.rng.randint(1, 5)}.{self.rng.randint(0, 40)}",
            )
        )

    def order(self) -> str:
        return self.rng.choice((f"ORD-{self.digits(6)}", f"#{self.digits(5)}", f"{self.digits(4)}-{self.digits(4)}", f"W{self.digits(9)}"))

    def ticket(self) -> str:
        return self.rng.choice((f"INC{self.digits(7)}", f"#{self.digits(6)}", f"CS-{self.digits(5)}", self.digits(6)))

    def amount(self) -> str:
        return self.rng.choice(
            (f"${self.rng.randint(5, 300)}.{self.rng.randint(0, 99):02d}", f"{self.rng.randint(5, 300)} dollars", f"£{self.rng.randint(5, 120)}")
        )

    def time(self) -> str:
        return self.rng.choice(
            (
                f"{self.rng.randint(1, 12)}:{self.rng.randint(0, 59):02d} pm",
                f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}",
                f"{self.rng.randint(1, 12)} o'clock",
            )
        )

    def day(self) -> str:
        d = date(2026, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return self.rng.choice((d.isoformat(), d.strftime("%A"), d.strftime("%B %-d")))

    def speed(self) -> str:
        return self.rng.choice(("100 Mbps", "1 Gig", "500 meg", "5G", "300 Mb/s"))

    def tracking(self) -> str:
        return self.rng.choice((f"1Z{self.digits(3)}AA{self.digits(10)}", f"TBA{self.digits(12)}", self.digits(12)))

    def error(self) -> str:
        return self.rng.choice((f"0x{self.rng.randint(0, 0xFFFF):04X}", f"E-{self.digits(3)}", f"{self.digits(3)}"))

    def slot(self, name: str) -> tuple[str, str | None]:
        """(text, entity type or None for a decoy)."""
        f = self.fake
        simple = {
            "name": lambda: f.name(), "first": lambda: f.first_name(), "last_lower": lambda: f.last_name().lower(),
            "city": lambda: self.rng.choice(REAL_CITIES), "maiden": lambda: f.last_name(), "pet": lambda: self.rng.choice(PETS),
            "address": lambda: f.street_address(),
            "model": lambda: self.rng.choice(MODELS), "article": lambda: f"KB{self.digits(5)}",
        }  # fmt: skip
        base = name.rstrip("2")
        make = simple.get(base) or getattr(self, base)
        value = make()
        entity = TYPES.get(base)
        return value, entity


class DevSet:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker(["en_US", "en_GB"])
        self.fake.seed_instance(seed)
        self.values = Values(self.rng, self.fake)
        self.clock = datetime(2026, 10, 1, tzinfo=UTC)

    # -- text with tracked spans ----------------------------------------------------------------

    def fill(self, template: str, location: Location, gold: list[Span], decoys: list[Span], noisy: bool) -> str:
        out, cursor = [], 0
        lower = noisy and self.rng.random() < 0.35
        for piece in re.split(r"(\{\w+\})", template):
            if not piece:
                continue
            if piece.startswith("{"):
                value, entity = self.values.slot(piece[1:-1])
                if lower:
                    value = value.lower()
                span = Span(location, cursor, cursor + len(value), entity, value)
                (gold if entity else decoys).append(span)
                out.append(value)
                cursor += len(value)
            else:
                text = self._noise(piece) if noisy else piece
                text = text.lower() if lower else text
                out.append(text)
                cursor += len(text)
        return "".join(out)

    def _noise(self, text: str) -> str:
        words = text.split(" ")
        for i, w in enumerate(words):
            r = self.rng.random()
            if r < 0.04 and len(w) > 3 and w.isalpha():
                j = self.rng.randrange(len(w) - 1)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]  # swapped letters
            elif r < 0.07 and w.isalpha():
                words[i] = self.rng.choice(("um ", "uh ", "like ")) + w
        return " ".join(words)

    def tick(self) -> str:
        self.clock += timedelta(seconds=self.rng.randint(1, 120))
        return self.clock.isoformat().replace("+00:00", "Z")

    # -- streams ------------------------------------------------------------------------------

    def transcript(self) -> Sample:
        sample = Sample(BuiltinStream.SUPPORT_TRANSCRIPTS, {})
        with_pii = self.rng.random() >= 0.2
        turns: list[dict[str, str]] = []
        n = self.rng.randint(2, 5)
        for k in range(n):
            loc_agent = ("turns", len(turns), "text")
            turns.append({"speaker": "agent", "text": self.fill(self.rng.choice(AGENT), loc_agent, sample.gold, sample.decoys, False)})
            pool = CUSTOMER_PII if with_pii and (k == 0 or self.rng.random() < 0.6) else CUSTOMER_CLEAN
            loc = ("turns", len(turns), "text")
            turns.append({"speaker": "customer", "text": self.fill(self.rng.choice(pool), loc, sample.gold, sample.decoys, True)})
        sample.event = {
            "event_id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "conversation_id": f"conv-{self.rng.randint(10**5, 10**6 - 1)}",
            "channel": self.rng.choice(["voice", "chat", "callback"]),
            "started_at": self.tick(),
            "turns": turns,
        }
        sample.decoys += [Span(("event_id",), 0, 36, None, sample.event["event_id"]), Span(("started_at",), 0, 20, None, sample.event["started_at"])]
        return sample

    def call_record(self) -> Sample:
        v = self.values
        sample = Sample(BuiltinStream.CALL_RECORDS, {})
        caller, callee = v.phone(), v.phone()
        imsi, imei, cell = v.imsi(), v.imei(), v.cell()
        event: dict[str, Any] = {
            "event_id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "start_time": self.tick(),
            "duration_s": self.rng.randint(0, 5400),
            "call_type": self.rng.choice(["voice", "video", "sms", "voicemail", "conference"]),
            "caller_msisdn": caller,
            "callee_msisdn": int(re.sub(r"\D", "", callee)) if self.rng.random() < 0.2 else callee,
            "imsi": int(imsi) if self.rng.random() < 0.2 else imsi,
            "imei": imei,
            "cell_id": cell,
        }
        notes_gold: list[Span] = []
        pool = NOTES_PII if self.rng.random() < 0.4 else NOTES_CLEAN
        event["notes"] = self.fill(self.rng.choice(pool), ("notes",), notes_gold, sample.decoys, False)
        if self.rng.random() < 0.25:
            # A field the schema does not know: it must be scanned all the same.
            forwarded = v.phone()
            event["forwarding"] = {"to_number": forwarded, "reason": "busy"}
            sample.gold.append(Span(("forwarding", "to_number"), 0, len(forwarded), "PHONE_NUMBER", forwarded))
        for key, entity in (("caller_msisdn", "PHONE_NUMBER"), ("callee_msisdn", "PHONE_NUMBER"), ("imsi", "IMSI"), ("imei", "IMEI"), ("cell_id", "CELL_ID")):
            text = str(event[key])
            sample.gold.append(Span((key,), 0, len(text), entity, text))
        sample.gold += notes_gold
        sample.decoys += [Span(("event_id",), 0, 36, None, event["event_id"]), Span(("start_time",), 0, 20, None, event["start_time"])]
        sample.event = event
        return sample

    def telemetry(self) -> Sample:
        v = self.values
        sample = Sample(BuiltinStream.NETWORK_TELEMETRY, {})
        subscriber = f"SUB-{v.digits(8)}"
        src_ip, mac = v.ip(), v.mac()
        host = self.fake.domain_name()
        path = self.rng.choice(["/", "/watch", "/news/world", "/api/v2/items", "/search"])
        url = f"https://{host}{path}"
        url_gold: list[tuple[int, int, str, str]] = []
        roll = self.rng.random()
        if roll < 0.15:
            email = v.email()
            url += f"?email={email}"
            url_gold.append((len(url) - len(email), len(url), "EMAIL_ADDRESS", email))
        elif roll < 0.25:
            digits = phonenumbers.format_number(v.phone_number(), phonenumbers.PhoneNumberFormat.E164)[1:]
            url += f"?msisdn=%2B{digits}&lang=en"
            start = url.index("%2B")
            url_gold.append((start, start + 3 + len(digits), "PHONE_NUMBER", f"%2B{digits}"))
        elif roll < 0.5:
            url += f"?q={self.rng.choice(['weather', 'football+scores', 'pizza'])}&page={self.rng.randint(1, 9)}"
        event = {
            "event_id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "timestamp": self.tick(),
            "subscriber_id": subscriber,
            "src_ip": src_ip,
            "dst_ip": self.fake.ipv4_public(),
            "device_mac": mac,
            "url": url,
            "user_agent": self.fake.user_agent(),
            "bytes_up": self.rng.randint(0, 10**7),
            "bytes_down": self.rng.randint(0, 10**9),
        }
        # A destination address may be another subscriber's (peer to peer): it is redacted too.
        for key, entity in (("subscriber_id", "SUBSCRIBER_ID"), ("src_ip", "IP_ADDRESS"), ("dst_ip", "IP_ADDRESS"), ("device_mac", "MAC_ADDRESS")):
            sample.gold.append(Span((key,), 0, len(event[key]), entity, event[key]))
        for start, end, entity, value in url_gold:
            sample.gold.append(Span(("url",), start, end, entity, value))
        sample.decoys += [
            Span(("user_agent",), 0, len(event["user_agent"]), None, event["user_agent"]),
            Span(("url",), 8, 8 + len(host), None, host),
            Span(("event_id",), 0, 36, None, event["event_id"]),
            Span(("timestamp",), 0, 20, None, event["timestamp"]),
        ]
        sample.event = event
        return sample


def build(seed: int, transcripts: int, call_records: int, telemetry: int) -> list[Sample]:
    dev = DevSet(seed)
    return [dev.transcript() for _ in range(transcripts)] + [dev.call_record() for _ in range(call_records)] + [dev.telemetry() for _ in range(telemetry)]


TEMPLATE_COUNT = len(CUSTOMER_PII) + len(CUSTOMER_CLEAN) + len(AGENT)
