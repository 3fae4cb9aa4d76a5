"""Field-name inference: what a field holds, read from its name, for fields no rule names.

Call records and telemetry come in many schemas (`servedMSISDN`, `calledNumber`, `account_id`,
`peer.msisdn`, `dhcp_hostname`, `lat`), and a data engineer cannot declare every field of
every one. A field's last key is split into words (camelCase, snake_case, kebab-case, digits)
and looked up in a vocabulary of phrases (`detection.field_names`, over built-in defaults):
the phrase must end the name ("calling number" in `callingNumber`, "msisdn" in
`servedMSISDN`), as English compounds put the thing named last. A few words are too generic
for that ("name", "address", "account"): they count only alone or after a word that makes
them personal ("customer name", but not "file name" or "plan name").

A leaf too generic to say anything alone is read with the key it sits under, as one name:
`address.line1` is an "address line", `home_address.street` a "home address street" (read as a
street), `contact.mobile` a mobile number; in an object named for a number, its "address" or "value"
is that number (`calledNumber.address`, as 3GPP records write it); digits that number a field (`line1`, `phone2`) say
nothing and are dropped.

The value must then look the part (digits for a number, letters for a name, an "@" for an
email address); if it does, the whole value is that identifier, however it is written, cue
or no cue. If not, the field is scanned as any other.
"""

from __future__ import annotations

import re
from typing import Any

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+")
# Words whose meaning depends on what stands before them.
GENERIC = frozenset(
    {"name", "address", "account", "mail", "street", "zip", "geo", "ban", "ani", "mdn", "pei", "dnis", "tel", "caller", "callee",
     "subscriber", "coordinates", "coords", "holder", "username", "nickname"}
)  # fmt: skip
# Words before a generic one that make it personal.
QUALIFIERS = frozenset(
    {"customer", "subscriber", "contact", "user", "first", "last", "full", "given", "family", "middle", "home", "billing",
     "shipping", "mailing", "postal", "holder", "account", "owner", "served", "peer", "calling", "called", "src", "dst",
     "source", "destination", "origin", "remote", "other", "primary", "secondary", "alt", "alternate", "emergency", "client",
     "party", "sender", "recipient", "receiver", "payer", "contract", "device", "ue", "my", "your", "their", "personal", "legal"}
)  # fmt: skip
# Identifiers written as digits, and the words for "its value" in a field inside one of them.
NUMBERED = frozenset({"PHONE_NUMBER", "IMSI", "IMEI", "ICCID"})
VALUE_WORDS = frozenset({"address", "value", "digits", "number", "id"})
MAX_REMEMBERED = 10_000


def words_of(name: str) -> tuple[str, ...]:
    """`servedMSISDN` -> (served, msisdn); `dhcp_hostname` -> (dhcp, hostname)."""
    return tuple(w.lower() for w in _WORDS.findall(name))


class FieldNames:
    def __init__(self, vocabulary: dict[tuple[str, ...], str]) -> None:
        self.vocabulary = vocabulary
        self.longest = max((len(p) for p in vocabulary), default=0)
        self._memo: dict[str, str | None] = {}

    def entity_for(self, key: str) -> str | None:
        """The entity type a field of this name holds, or None."""
        if key in self._memo:
            return self._memo[key]
        words = words_of(key)
        found = self._lookup(words)
        if found is None and words and words[-1].endswith("s") and len(words[-1]) > 3:
            found = self._lookup((*words[:-1], words[-1][:-1]))  # a list of them: `msisdns`, `emails`
        if len(self._memo) >= MAX_REMEMBERED:
            self._memo.clear()  # schemas with ever new field names must not grow this without end
        self._memo[key] = found
        return found

    def entity_for_path(self, parent: str, key: str) -> str | None:
        """The entity type of field `key` inside the object `parent`."""
        joined = f"{parent}\0{key}"
        if joined in self._memo:
            return self._memo[joined]
        found = self.entity_for(key)
        leaf = tuple(w for w in words_of(key) if not w.isdigit())
        if parent and leaf:
            owner = self.entity_for(parent)
            if owner in NUMBERED and leaf[0] in VALUE_WORDS and len(leaf) == 1:
                found = owner  # `calledNumber: {typeOfNumber, address}`: the address is the number
            elif found is None or (len(leaf) == 1 and leaf[0] in GENERIC):
                found = self._lookup((*words_of(parent), *leaf)) or found  # `device.name`
        if len(self._memo) >= MAX_REMEMBERED:
            self._memo.clear()
        self._memo[joined] = found
        return found

    def _lookup(self, words: tuple[str, ...]) -> str | None:
        for n in range(min(self.longest, len(words)), 0, -1):
            phrase = words[-n:]
            entity = self.vocabulary.get(phrase)
            if entity is None:
                continue
            before = words[: len(words) - n]
            if len(phrase) == 1 and phrase[0] in GENERIC and before and before[-1] not in QUALIFIERS:
                continue  # "file name", "plan name": generic words need a personal qualifier
            return entity
        return None


def looks_like(entity: str, value: Any) -> bool:
    """Whether a value can be what a field's name says it holds."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return entity not in ("PERSON", "EMAIL_ADDRESS", "DEVICE_NAME")
    if not isinstance(value, str) or not value.strip():
        return False
    if entity == "EMAIL_ADDRESS":
        return "@" in value
    if entity == "PERSON" and "@" in value:
        return False  # a user name that is an email address: found as one by the scan
    if entity in ("PERSON", "DEVICE_NAME"):
        return any(ch.isalpha() for ch in value)
    if entity in ("STREET_ADDRESS", "LOCATION"):
        return any(ch.isalnum() for ch in value)  # a place by name or by its coordinates
    return any(ch.isdigit() for ch in value)
