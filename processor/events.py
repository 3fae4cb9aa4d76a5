"""Stream names, decoding and encoding of events, and walking every value of an event.

Events are JSON objects. A path names a value inside one: `notes`, `location.cell_id`,
`turns[].text` (the `[]` stands for every element of a list), so that one field rule
covers every turn of a transcript.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Any

import orjson

from processor.errors import MalformedEvent

# The header of leak-canary events (processor/canary.py), carried onto every copy the service
# produces so that partners and the aggregate worker can drop them.
CANARY_HEADER = "pii-canary"
# The header of an event sent back from the dead-letter topic (processor/dead_letters.py): how
# many times it has been replayed. A replay that fails again carries it onto its dead letter.
REPLAY_HEADER = "pii-replay"


class BuiltinStream(StrEnum):
    """The three documented streams. They are defaults of the configuration like any stream a
    data engineer declares (`streams:` in the YAML); only the generator, the warm-up and the
    canary know their event shapes. Everywhere else a stream is its configured name (a str)."""

    CALL_RECORDS = "call-records"
    SUPPORT_TRANSCRIPTS = "support-transcripts"
    NETWORK_TELEMETRY = "network-telemetry"


# A stream's name: lower-case letters, digits and dashes (it names topics and metric labels).
STREAM_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

# A location inside an event: keys and list indexes, e.g. ("turns", 2, "text").
Location = tuple[str | int, ...]


# Limits used when a caller gives none (the service passes the configured `limits`).
DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_MAX_DEPTH = 64
# Twenty digits in a row may be a JSON integer beyond 64 bits, which orjson reads as a float
# (an ICCID would lose digits and change): such events are read again by the standard library,
# which keeps integers exact. A run inside a string costs that second read and nothing else.
_MAYBE_BIG_INTEGER = re.compile(rb"[0-9]{20}")


def decode(raw: bytes | str | None, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH) -> dict[str, Any]:
    """One JSON object from `raw`, with integers kept exact, or MalformedEvent with a reason:
    empty-event, too-large (checked before any parsing), not-json, too-deep, not-an-object."""
    if raw is None:
        raise MalformedEvent("empty-event", "the message has no value")
    if isinstance(raw, str):
        raw = raw.encode()
    if len(raw) > max_bytes:
        raise MalformedEvent("too-large", f"the event has {len(raw):,} bytes, more than the limit of {max_bytes:,} (limits.max_event_bytes)")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        if str(e).startswith("depth limit exceeded"):
            raise MalformedEvent("too-deep", f"objects and lists nest deeper than the limit of {max_depth} (limits.max_depth)") from None
        # orjson's message names the position only; we still rebuild it to be sure no input is echoed.
        raise MalformedEvent("not-json", f"invalid JSON at line {e.lineno}, column {e.colno}") from None
    if not isinstance(value, dict):
        raise MalformedEvent("not-an-object", f"expected a JSON object, got a JSON {_json_type(value)}")
    # Nesting can be no deeper than the number of brackets: most events need no walk.
    if raw.count(b"{") + raw.count(b"[") > max_depth and depth(value) > max_depth:
        raise MalformedEvent("too-deep", f"objects and lists nest deeper than the limit of {max_depth} (limits.max_depth)")
    if _MAYBE_BIG_INTEGER.search(raw):
        value = json.loads(raw)
    return value  # type: ignore[no-any-return]  # a dict, checked above


def encode(event: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(event)
    except TypeError:
        # An integer beyond 64 bits (decoded exactly, see `decode`): written exactly, never
        # as a float. The standard library is slower and only these events pay for it.
        return json.dumps(event, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def depth(value: Any) -> int:
    """How deeply objects and lists nest in `value` (a scalar is 0, `{}` is 1), without
    recursion, so that a hostile event cannot exhaust the stack."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, level = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "null" if value is None else type(value).__name__


def walk(event: Any, objects: list[dict[str, Any]] | None = None) -> list[tuple[Location, str, Any]]:
    """(location, rule path, leaf value) for every string and number at any depth, in order.

    The rule path is the location with list indexes folded to `[]` (`turns[].text`), which is
    how field rules name values. Booleans and nulls carry no identifier and are left out.
    When `objects` is given, every JSON object met (the event first) is appended to it, so
    that a caller can check field names without a second walk.
    """
    out: list[tuple[Location, str, Any]] = []
    if objects is not None and isinstance(event, dict):
        objects.append(event)
    _collect(event, (), "", out, objects)
    return out


def _collect(node: Any, loc: Location, path: str, out: list[tuple[Location, str, Any]], objects: list[dict[str, Any]] | None) -> None:
    if isinstance(node, dict):
        for key, child in node.items():
            kind = type(child)
            if kind is str or kind is int or kind is float:  # the common case first; bool is not int here
                out.append(((*loc, key), f"{path}.{key}" if path else key, child))
            else:
                _leaf_or_more(child, (*loc, key), f"{path}.{key}" if path else str(key), out, objects)
    elif isinstance(node, list):
        child_path = f"{path}[]"
        for i, child in enumerate(node):
            _leaf_or_more(child, (*loc, i), child_path, out, objects)
    else:
        _leaf_or_more(node, loc, path, out, objects)


def _leaf_or_more(value: Any, loc: Location, path: str, out: list[tuple[Location, str, Any]], objects: list[dict[str, Any]] | None) -> None:
    kind = type(value)
    if kind is str or kind is int or kind is float:
        out.append((loc, path, value))
    elif isinstance(value, (dict, list)):
        if objects is not None and isinstance(value, dict):
            objects.append(value)
        _collect(value, loc, path, out, objects)
    elif value is None or isinstance(value, bool):
        return
    elif isinstance(value, (str, int, float)):
        out.append((loc, path, value))


def replace_at(event: Any, loc: Location, value: Any) -> None:
    node = event
    for key in loc[:-1]:
        node = node[key]
    node[loc[-1]] = value
