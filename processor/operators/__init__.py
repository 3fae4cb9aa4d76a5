"""Anonymization operators, registered by name like Presidio's.

An operator turns one detected value into what a partner may see. Each registered factory
takes the operator's parameters (from the YAML) and the partner's key (for keyed
operators), checks them once, and returns a function of (value, entity type) that returns
the replacement text, or `DROP` to remove the whole field.

| name         | result                                                        |
| ------------ | ------------------------------------------------------------- |
| replace      | `<ENTITY_TYPE>` (or `new_value`)                               |
| redact       | the empty string                                              |
| mask         | all but the last `keep_last` characters masked with `char`    |
| pseudonymize | `ENTITY_TYPE:` + HMAC-SHA256 of the value under the partner's key, stable within a partner, unlinkable across partners |
| encrypt      | `enc:` + AES-SIV of the value (deterministic, authenticated), reversible by `pii-processor reveal` with the key |
| generalize   | IPv4 to /24, IPv6 to /48, timestamps to the hour, dates of birth to the year, cell ids to the location area |
| domain       | only the scheme and host of a URL (`https://example.com/`)    |
| keep         | the value unchanged (for partners entitled to it)             |
| drop         | the whole field is removed                                    |
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from recognizers.patterns import IPV4_ADDRESS


class _Drop:
    def __repr__(self) -> str:
        return "DROP"


DROP: Any = _Drop()
Operator = Callable[[str, str], Any]  # (value, entity type) -> replacement text or DROP
Factory = Callable[[dict[str, Any], bytes | None], Operator]

_FACTORIES: dict[str, Factory] = {}
_PARAMS: dict[str, set[str]] = {}
KEYED = {"pseudonymize", "encrypt"}
ENCRYPTED_PREFIX = "enc:"


def register(name: str, params: tuple[str, ...] = ()) -> Callable[[Factory], Factory]:
    def add(factory: Factory) -> Factory:
        if name in _FACTORIES:
            raise ValueError(f"operator {name!r} is registered twice")
        _FACTORIES[name] = factory
        _PARAMS[name] = set(params)
        return factory

    return add


def names() -> list[str]:
    return sorted(_FACTORIES)


def validate(name: str, params: dict[str, Any]) -> None:
    """Raise ValueError (worded for the YAML's author) if the operator or its params are unknown."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown operator {name!r}; expected one of {', '.join(names())}")
    unknown = set(params) - _PARAMS[name]
    if unknown:
        allowed = ", ".join(sorted(_PARAMS[name])) or "none"
        raise ValueError(f"operator {name!r} has no parameter(s) {', '.join(sorted(unknown))}; it takes: {allowed}")
    # Build once without a key to check parameter values.
    _FACTORIES[name](params, b"\0" * 64 if name in KEYED else None)


def build(name: str, params: dict[str, Any], key: bytes | None = None) -> Operator:
    if name in KEYED and not key:
        raise ValueError(f"operator {name!r} needs the partner's key")
    operator = _FACTORIES[name](params, key)
    operator = operator if name in _CHEAP else _remembered(operator)
    setattr(operator, "operator_name", name)  # noqa: B010  (read by `name_of`, for `policy explain`)
    return operator


def described(name: str) -> Operator:
    """A stand-in for the operator `name` in a policy that is only described (`policy explain`),
    never applied: it needs no key and loads nothing, and applying it fails (closed)."""

    def never_applied(value: str, entity: str) -> Any:
        raise RuntimeError(f"the {name} operator of a described policy was applied")

    setattr(never_applied, "operator_name", name)  # noqa: B010
    return never_applied


def name_of(operator: Operator) -> str:
    """The registered name an operator was built under."""
    return str(getattr(operator, "operator_name", "?"))


# Operators that cost less than a look-up; every other one is remembered per value, since
# subscribers, handsets and cells come back again and again in a stream.
_CHEAP = {"replace", "redact", "keep", "drop"}
REMEMBERED = 65_536
_MISS = object()


def _remembered(operator: Operator) -> Operator:
    """The same operator, remembering its last results (operators are pure functions of value
    and entity type, for a given key). Kept in this process only, like the values themselves."""
    memo: dict[tuple[str, str], Any] = {}

    def remembered(value: str, entity: str) -> Any:
        key = (value, entity)
        result = memo.get(key, _MISS)
        if result is _MISS:
            if len(memo) >= REMEMBERED:
                memo.clear()
            result = memo[key] = operator(value, entity)
        return result

    return remembered


@lru_cache(maxsize=1)
def _presidio() -> Any:
    """Presidio's replace, redact and mask operators, loaded when a policy first needs one:
    importing presidio_anonymizer loads spaCy (seconds), which `policy explain` never needs."""
    from presidio_anonymizer.operators import Mask, Redact, Replace

    return Replace(), Redact(), Mask()


@register("replace", ("new_value",))
def _replace_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    new_value = params.get("new_value")
    if new_value is not None and not isinstance(new_value, str):
        raise ValueError("replace: new_value must be a string")
    # The result depends on the entity type alone: one per type, worked out once.
    by_entity: dict[str, str] = {}

    def replace(value: str, entity: str) -> str:
        text = by_entity.get(entity)
        if text is None:
            text = by_entity[entity] = _presidio()[0].operate(value, {"entity_type": entity, **({"new_value": new_value} if new_value else {})})
        return text

    return replace


@register("redact")
def _redact_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    return lambda value, entity: _presidio()[1].operate(value, {})


@register("mask", ("keep_last", "char"))
def _mask_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    keep_last, char = params.get("keep_last", 4), params.get("char", "*")
    if not isinstance(keep_last, int) or keep_last < 0:
        raise ValueError("mask: keep_last must be a whole number, 0 or more")
    if not isinstance(char, str) or len(char) != 1:
        raise ValueError("mask: char must be one character")

    def mask(value: str, entity: str) -> str:
        hidden = max(len(value) - keep_last, 0)
        # Never reveal most of a short value: at least half of it is masked.
        hidden = max(hidden, (len(value) + 1) // 2)
        return str(_presidio()[2].operate(value, {"masking_char": char, "chars_to_mask": hidden, "from_end": False}))

    return mask


@register("keep")
def _keep_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    return lambda value, entity: value


@register("domain")
def _domain_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    from urllib.parse import urlsplit

    def domain(value: str, entity: str) -> str:
        try:
            parts = urlsplit(value.strip())
        except ValueError:
            return f"<{entity}>"
        if not parts.scheme or not parts.hostname:
            return f"<{entity}>"
        return f"{parts.scheme}://{parts.hostname}/"

    return domain


@register("drop")
def _drop_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    return lambda value, entity: DROP


@register("pseudonymize", ("length",))
def _pseudonymize_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    length = params.get("length", 20)
    if not isinstance(length, int) or not 12 <= length <= 64:
        raise ValueError("pseudonymize: length must be a whole number from 12 to 64 (hex characters)")
    assert key is not None

    def pseudonymize(value: str, entity: str) -> str:
        # Normalized first, so "+1 415 555 0123" and "+14155550123" get one pseudonym.
        normalized = _normalize(value, entity)
        digest = hmac.new(key, f"{entity}\0{normalized}".encode(), hashlib.sha256).hexdigest()
        return f"{entity}:{digest[:length]}"

    return pseudonymize


def _normalize(value: str, entity: str) -> str:
    if entity in ("PHONE_NUMBER", "IMEI", "IMSI", "ICCID", "CREDIT_CARD", "US_SSN"):
        digits = re.sub(r"\D", "", value)
        return digits or value
    if entity in ("EMAIL_ADDRESS", "MAC_ADDRESS"):
        return re.sub(r"[-:.]", "", value.lower()) if entity == "MAC_ADDRESS" else value.strip().lower()
    return value.strip()


@register("encrypt")
def _encrypt_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    assert key is not None
    cipher = AESSIV(_siv_key(key))

    def encrypt(value: str, entity: str) -> str:
        # Deterministic: equal values give equal tokens, so joins still work; the entity type is
        # authenticated with it, so a token cannot be passed off as another type.
        token = cipher.encrypt(value.encode(), [entity.encode()])
        return f"{ENCRYPTED_PREFIX}{entity}:{base64.urlsafe_b64encode(token).decode().rstrip('=')}"

    return encrypt


def _siv_key(key: bytes) -> bytes:
    # AES-SIV takes 32, 48 or 64 bytes; any key material is stretched to 64 with SHA-512.
    return key if len(key) in (32, 48, 64) else hashlib.sha512(key).digest()


_TOKEN = re.compile(rf"{ENCRYPTED_PREFIX}([A-Z][A-Z0-9_]*):([A-Za-z0-9_-]+)")


def decrypt_tokens(text: str, key: bytes) -> tuple[str, int]:
    """Replace every `enc:` token in `text` by its plaintext; return the text and how many."""
    cipher = AESSIV(_siv_key(key))
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        raw = base64.urlsafe_b64decode(m.group(2) + "=" * (-len(m.group(2)) % 4))
        count += 1
        return cipher.decrypt(raw, [m.group(1).encode()]).decode()

    return _TOKEN.sub(one, text), count


@register("generalize")
def _generalize_factory(params: dict[str, Any], key: bytes | None) -> Operator:
    return generalize


def generalize(value: str, entity: str) -> str:
    """A coarser value that no longer singles out a person; `<TYPE>` when there is none."""
    try:
        if entity == "IP_ADDRESS":
            address = value.strip()
            if IPV4_ADDRESS.fullmatch(address):
                # What `ipaddress` gives for the /24 of a valid IPv4 address, without its parser.
                return f"{address.rsplit('.', 1)[0]}.0/24"
            ip = ipaddress.ip_address(address)
            prefix = 24 if ip.version == 4 else 48
            return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
        if entity in ("TIMESTAMP", "DATE_TIME"):
            t = datetime.fromisoformat(value.replace("Z", "+00:00"))
            hour = t.replace(minute=0, second=0, microsecond=0).isoformat()
            return hour.replace("+00:00", "Z")
        if entity == "DATE_OF_BIRTH":
            year = re.search(r"(?:19|20)\d{2}", value)
            if year:
                return year.group()
        if entity == "CELL_ID":
            parts = re.split(r"[-/:]", value.strip())
            if len(parts) == 4:
                return "-".join(parts[:3])  # MCC-MNC-LAC: the location area, not the cell
            if len(parts) == 3:
                return "-".join(parts[:2])
    except ValueError:
        pass
    return f"<{entity}>"
