"""Synthetic telecom events with planted identifiers, for the demo, the tests and benchmarks.

Every generated event comes with the list of raw identifier strings planted in it, so a test
can assert that none of them survives redaction. The values are realistic and valid where a
rule exists: phone numbers pass `phonenumbers` validation, IMEIs, ICCIDs and card numbers pass
Luhn, IMSIs start with a mobile country code in use. Same seed, same events.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import phonenumbers
from faker import Faker

from processor.events import BuiltinStream
from recognizers.checksums import luhn_complete

_REGIONS = ("US", "GB", "DE", "FR", "IN", "CA", "AU")
_FORMATS = (
    phonenumbers.PhoneNumberFormat.E164,
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    phonenumbers.PhoneNumberFormat.NATIONAL,
)
# (MCC, MNC) pairs of real networks: AT&T US, Vodafone UK, Telekom DE, Orange FR, Jio IN.
_NETWORKS = (("310", "410"), ("234", "15"), ("262", "01"), ("208", "01"), ("405", "857"))


@dataclass(frozen=True)
class GeneratedEvent:
    event: dict[str, Any]
    planted: list[str]  # raw identifier strings that must not reach any partner


class Generator:
    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.clock = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
        self._imsis = [self._new_imsi() for _ in range(300)]
        self._cells = [self._new_cell() for _ in range(12)]
        self._subscribers = [f"SUB-{self.rng.randint(10_000_000, 99_999_999)}" for _ in range(300)]
        self._domains = [self.fake.domain_name() for _ in range(15)]

    # -- identifiers --------------------------------------------------------------------------

    def phone(self) -> tuple[str, str]:
        """(formatted number, its E.164 form)."""
        region = self.rng.choice(_REGIONS)
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        assert example is not None, region  # every region in _REGIONS has mobile numbers
        national = str(example.national_number)
        for _ in range(50):
            digits = national[:3] + "".join(self.rng.choice("0123456789") for _ in range(len(national) - 3))
            number = phonenumbers.parse(f"+{example.country_code}{digits}")
            if phonenumbers.is_valid_number(number):
                break
        else:
            number = example
        fmt = self.rng.choice(_FORMATS)
        # A national format only identifies a number in its own region; keep those for US only so
        # that the default region list can read them back.
        if fmt == phonenumbers.PhoneNumberFormat.NATIONAL and region != "US":
            fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return phonenumbers.format_number(number, fmt), e164

    def imsi(self) -> str:
        # Subscribers come back: a pool of a few hundred, as a day of a real cell sees.
        return self.rng.choice(self._imsis)

    def _new_imsi(self) -> str:
        mcc, mnc = self.rng.choice(_NETWORKS)
        return mcc + mnc + "".join(self.rng.choice("0123456789") for _ in range(15 - len(mcc) - len(mnc)))

    def imei(self) -> str:
        tac = self.rng.choice(("35209900", "35332211", "86723405", "01326300", "35875311"))
        return luhn_complete(tac + "".join(self.rng.choice("0123456789") for _ in range(6)))

    def cell_id(self) -> str:
        return self.rng.choice(self._cells)

    def _new_cell(self) -> str:
        # A handful of location areas with a few cells each, so that aggregates have groups.
        mcc, mnc = self.rng.choice(_NETWORKS)
        return f"{mcc}-{mnc}-{self.rng.choice((1201, 1202, 3307, 4410))}-{self.rng.randint(1, 268435455)}"

    def mac(self) -> str:
        return self.fake.mac_address()

    def card(self) -> str:
        return luhn_complete("4" + "".join(self.rng.choice("0123456789") for _ in range(14)))

    def tick(self) -> str:
        self.clock += timedelta(seconds=self.rng.randint(1, 90))
        return self.clock.isoformat().replace("+00:00", "Z")

    def event_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # -- streams ------------------------------------------------------------------------------

    def call_record(self) -> GeneratedEvent:
        caller, _ = self.phone()
        callee, _ = self.phone()
        imsi, imei, cell = self.imsi(), self.imei(), self.cell_id()
        planted = [caller, callee, imsi, imei, cell]
        notes = ""
        roll = self.rng.random()
        if roll < 0.3:
            name = self.fake.name()
            notes = f"Call back requested by {name}."
            planted.append(name)
        elif roll < 0.5:
            alt, _ = self.phone()
            notes = f"Customer asked to be reached on {alt} instead."
            planted.append(alt)
        elif roll < 0.6:
            notes = "Dropped call, customer retried."
        event = {
            "event_id": self.event_id(),
            "start_time": self.tick(),
            "duration_s": self.rng.randint(0, 3600),
            "call_type": self.rng.choice(["voice", "video", "sms", "voicemail"]),
            "caller_msisdn": caller,
            "callee_msisdn": callee,
            "imsi": imsi,
            "imei": imei,
            "cell_id": cell,
            "notes": notes,
        }
        return GeneratedEvent(event, planted)

    def transcript(self) -> GeneratedEvent:
        name, email = self.fake.name(), self.fake.email()
        phone, _ = self.phone()
        imei, card, address = self.imei(), self.card(), self.fake.street_address()
        planted: list[str] = []
        options = [
            (f"Hi, this is {name}, my line has been down since this morning.", [name]),
            (f"You can reach me at {phone} or by email at {email}.", [phone, email]),
            (f"The handset IMEI is {imei}, it says no service.", [imei]),
            (f"Please charge the card ending, well the whole number is {card}.", [card]),
            (f"My billing address is {address}.", [address]),
            ("I just want to know why my bill went up this month.", []),
            ("The router keeps restarting every evening.", []),
        ]
        turns = [{"speaker": "agent", "text": "Thank you for calling, how can I help you today?"}]
        for text, values in self.rng.sample(options, k=self.rng.randint(2, 4)):
            turns.append({"speaker": "customer", "text": text})
            planted.extend(values)
            turns.append({"speaker": "agent", "text": self.rng.choice(["Thanks.", "Got it, one moment please.", "Understood."])})
        event = {
            "event_id": self.event_id(),
            "conversation_id": f"conv-{self.rng.randint(100000, 999999)}",
            "channel": self.rng.choice(["voice", "chat"]),
            "started_at": self.tick(),
            "turns": turns,
        }
        return GeneratedEvent(event, planted)

    def telemetry(self) -> GeneratedEvent:
        subscriber = self.rng.choice(self._subscribers)
        src_ip, mac = self.fake.ipv4_public(), self.mac()
        planted = [subscriber, src_ip, mac]
        path = self.rng.choice(["/", "/news/today", "/video/watch", "/search"])
        url = f"https://{self.rng.choice(self._domains)}{path}"
        if self.rng.random() < 0.2:
            email = self.fake.email()
            url += f"?user={email}"
            planted.append(email)
        event = {
            "event_id": self.event_id(),
            "timestamp": self.tick(),
            "subscriber_id": subscriber,
            "src_ip": src_ip,
            "dst_ip": self.fake.ipv4_public(),
            "device_mac": mac,
            "url": url,
            "user_agent": self.fake.user_agent(),
            "bytes_up": self.rng.randint(100, 5_000_000),
            "bytes_down": self.rng.randint(100, 50_000_000),
        }
        return GeneratedEvent(event, planted)

    def events(self, stream: str, count: int) -> list[GeneratedEvent]:
        make = {
            BuiltinStream.CALL_RECORDS.value: self.call_record,
            BuiltinStream.SUPPORT_TRANSCRIPTS.value: self.transcript,
            BuiltinStream.NETWORK_TELEMETRY.value: self.telemetry,
        }[stream]
        return [make() for _ in range(count)]


def generate(stream: str, count: int, seed: int = 0) -> list[GeneratedEvent]:
    return Generator(seed).events(stream, count)
