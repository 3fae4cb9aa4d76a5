"""Shapes of values read before (or instead of) scanning: a whole IP or MAC address, the parts
of a URL that can hold identifiers, timestamps, integers long enough to be an identifier, and
text written in non-ASCII digits, spaces and dashes. Pure functions of a value."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from datetime import datetime
from functools import lru_cache
from urllib.parse import unquote_plus, urlsplit

from recognizers.patterns import IPV4_ADDRESS

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


_PATTERN_HINT = re.compile(r"[\d@]|[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")


def could_hold_pattern(text: str) -> bool:
    """Every pattern identifier has a digit, an "@" (email) or hex pairs (MAC): "voice",
    "chat" and "agent" need no scan."""
    return _PATTERN_HINT.search(text) is not None


_SPACE = re.compile(r"\s")


_IP_SHAPE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")


_MAC_SHAPE = re.compile(r"[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")


def whole_identifier(value: str) -> str | None:
    """The entity type when a machine string is exactly one IP or MAC address (a destination
    address, a device id), checked by `ipaddress` or by shape: then there is nothing else in it
    to look for, and no recognizer needs to run."""
    if _MAC_SHAPE.fullmatch(value):
        return "MAC_ADDRESS"
    if IPV4_ADDRESS.fullmatch(value):
        return None if value == "0.0.0.0" else "IP_ADDRESS"
    if _IP_SHAPE.fullmatch(value):
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return None
        return None if address.is_unspecified else "IP_ADDRESS"
    return None


def url_parts(value: str) -> list[tuple[int, int, str, str]] | None:
    """For a URL, its parts that may hold identifiers: user info, path segments, query and
    fragment values, as (start, end, percent-decoded text, the query key or ""). None when
    `value` is no URL. The scheme and host are kept: a domain names a service, not a person."""
    if "://" not in value or _SPACE.search(value.strip()):
        return None
    try:
        parsed = urlsplit(value)
    except ValueError:
        return None
    if not parsed.scheme or not parsed.netloc:
        return None
    parts: list[tuple[int, int, str, str]] = []
    netloc_start = value.index("//") + 2
    if "@" in parsed.netloc:
        userinfo = parsed.netloc.rsplit("@", 1)[0]
        parts.append((netloc_start, netloc_start + len(userinfo), unquote_plus(userinfo), ""))
    cursor = netloc_start + len(parsed.netloc)
    pieces = re.split(r"([/?&#;=])", value[cursor:])
    for k, piece in enumerate(pieces):
        # Query keys ("lang" in "lang=en") are the site's vocabulary, not the user's data.
        is_key = k + 1 < len(pieces) and pieces[k + 1] == "="
        if piece and piece not in "/?&#;=" and not is_key:
            key = unquote_plus(pieces[k - 2]) if k >= 2 and pieces[k - 1] == "=" else ""
            parts.append((cursor, cursor + len(piece), unquote_plus(piece), key))
        cursor += len(piece)
    return parts


_SLUG = re.compile(r"[^\W\d_]{2,}(?:[._-]+[^\W\d_]{2,})+(?:[._-]+\d+)?")


def words_of_slug(part: str) -> str | None:
    """A URL part of words joined by dots, dashes or underscores ("maria-gonzalez-1234",
    "jane.doe") as the same words joined by spaces, letter for letter; None for any other part
    ("profile", "v2", "index.html" are single words or a file)."""
    if not _SLUG.fullmatch(part) or part.lower().endswith((".html", ".htm", ".php", ".json", ".js", ".css", ".png", ".jpg", ".aspx", ".xml")):
        return None
    return re.sub(r"[._-]", " ", part)


# `key=value` inside free text: a request line ("GET /locate?lat=48.85&lon=2.35 HTTP/1.1") or a
# log line ("attach ok imsi=310260123456789 msisdn=4477..."). The key is a field name too.
_KEY_VALUE = re.compile(r"(?<![\w.-])(?P<key>[A-Za-z][\w.-]{0,40})=(?P<value>[^\s&;,\"'<>]+)")


# Pairs separated by ";" or "|" hold values with spaces: "name=bác quang dương;city=papua new guinea".
_SEPARATED_PAIRS = re.compile(r"=[^=;|\n]*[;|][ \t]*[A-Za-z][\w.-]{0,40}=")
_KEY_SPACED_VALUE = re.compile(r"(?<![\w.-])(?P<key>[A-Za-z][\w.-]{0,40})=(?P<value>[^\s;|=\"<>]+(?:[ \t]+[^\s;|=\"<>]+)*)(?=[ \t]*(?:[;|]|$))", re.MULTILINE)


def key_values(text: str) -> list[tuple[int, int, str, str]]:
    """The `key=value` pairs of a text, as (start, end, percent-decoded value, key)."""
    if "=" not in text:
        return []
    pattern = _KEY_SPACED_VALUE if _SEPARATED_PAIRS.search(text) else _KEY_VALUE
    pairs = [(m.start("value"), m.end("value"), unquote_plus(m.group("value")), m.group("key")) for m in pattern.finditer(text)]
    if pattern is _KEY_SPACED_VALUE:
        # Pairs the spaced reading did not take (a request line's "a=1&b=2" in the same text).
        taken = [(start, end) for start, end, _, _ in pairs]
        pairs += [
            (m.start("value"), m.end("value"), unquote_plus(m.group("value")), m.group("key"))
            for m in _KEY_VALUE.finditer(text)
            if not any(start <= m.start("value") < end for start, end in taken)
        ]
    return pairs


# Characters written in other ways than ASCII that scanning reads as their ASCII twins, one
# for one so that every offset still holds: full-width forms ("＋４４ ２０ ７９４６"), digits of
# every script (Arabic-Indic, Devanagari...), the spaces and dashes phone numbers are written
# with (no-break space, ideographic space, hyphens, minus).
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"


@lru_cache(maxsize=1)
def _ascii_twins() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): " " for ch in _SPACES})
    table.update({ord(ch): "-" for ch in _DASHES})
    # Turkish capital dotted I: its lower case is two characters ("i" and a combining dot),
    # which no list of names or places holds ("İlsu", "İZMİR").
    table[ord("İ")] = "I"
    for c in range(0x80, 0x10000):
        digit = unicodedata.decimal(chr(c), None)
        if digit is not None:
            table[c] = str(digit)
    return table


def as_scanned(text: str) -> str:
    """`text` with full-width characters, other scripts' digits and odd spaces and dashes as
    ASCII, of the same length."""
    return text.translate(_ascii_twins())


def integer_digits(value: int | float, shortest: int) -> str | None:
    """The digits of an integer at least as long as the shortest identifier looked for, else
    None: a byte count of 7 digits cannot be an IMEI."""
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    digits = str(abs(value))
    return digits if len(digits) >= shortest else None


def is_timestamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return False
    return True
