"""Stream kinds, decoding and encoding of events, and walking every value of an event.

Events are JSON objects. A path names a value inside one: `notes`, `location.cell_id`,
`turns[].text` (the `[]` stands for every element of a list), so that one field rule
covers every turn of a transcript.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import orjson


class StreamKind(str, Enum):
    CALL_RECORDS = "call-records"
    SUPPORT_TRANSCRIPTS = "support-transcripts"
    NETWORK_TELEMETRY = "network-telemetry"


class MalformedEvent(ValueError):
    """The bytes are not one JSON object. The reason never quotes the bytes themselves."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# A location inside an event: keys and list indexes, e.g. ("turns", 2, "text").
Location = tuple[str | int, ...]


def decode(raw: bytes | str | None) -> dict[str, Any]:
    if raw is None:
        raise MalformedEvent("empty-event", "the message has no value")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        # orjson's message names the position only; we still rebuild it to be sure no input is echoed.
        raise MalformedEvent("not-json", f"invalid JSON at line {e.lineno}, column {e.colno}") from None
    if not isinstance(value, dict):
        raise MalformedEvent("not-an-object", f"expected a JSON object, got a JSON {_json_type(value)}")
    return value


def encode(event: dict[str, Any]) -> bytes:
    return orjson.dumps(event)


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
