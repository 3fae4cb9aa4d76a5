"""How a stream's messages are written: JSON (the default) or Avro with a schema file.

A format turns a message into the plain event (a dict) that detection and policies work on,
and a recipient's view back into bytes. The pipeline is the same for every format.

Avro (`format: avro`, `avro: {schema_file: ..., framing: ...}`):
- Input is read with the schema file as the writer's schema, after its framing: `confluent`
  (a zero byte and a 4-byte schema id, as Confluent's serializers write; the id is not looked
  up), `single-object` (Avro's own single-object encoding, whose fingerprint must match the
  schema's, else the event is dead-lettered as `unknown-schema`), or `none`. Logical types are
  read as their underlying values (a timestamp stays a number), and `bytes` and `fixed` as text
  (UTF-8, undecodable bytes replaced), so that nothing escapes the scan.
- Each recipient's copies are written with a schema derived from the input's: fields the
  recipient does not receive are left out; every field it receives may also be a string (an
  operator may replace a number with `<IMSI>`) or null (an operator may drop it), with null as
  its default. The copies use Avro's single-object encoding (two marker bytes, the 8-byte
  CRC-64-AVRO fingerprint of the writer's schema, the record), so a reader can tell which
  derived schema wrote a message: `pii-processor schemas` prints them per output topic.
- Field tags in the schema are field rules: a field with `"pii": "PHONE_NUMBER"` (an entity
  type or a shape) is read as if `fields:` named it (the configuration's own rules win).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from processor.errors import ConfigError, MalformedEvent
from processor.events import decode, depth, encode

SINGLE_OBJECT_MARKER = b"\xc3\x01"
CONFLUENT_MAGIC = b"\x00"
# The custom property of a schema's field that names what it holds.
PII_PROPERTY = "pii"
_PRIMITIVE = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


class StreamFormat(Protocol):
    def decode(self, raw: bytes | None, max_bytes: int, max_depth: int) -> dict[str, Any]: ...

    def encode(self, view: dict[str, Any], topic: str) -> bytes: ...


class JsonFormat:
    """JSON objects, one per message (processor/events.py)."""

    def decode(self, raw: bytes | None, max_bytes: int, max_depth: int) -> dict[str, Any]:
        return decode(raw, max_bytes, max_depth)

    def encode(self, view: dict[str, Any], topic: str) -> bytes:
        return encode(view)


JSON = JsonFormat()


def read_schema(path: Path, where: str) -> dict[str, Any]:
    """The schema file's JSON, or a ConfigError naming the file and the key that names it."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{where}: the Avro schema file {path} does not exist") from None
    except (OSError, ValueError) as e:
        raise ConfigError(f"{where}: cannot read the Avro schema file {path} ({e})") from None
    if not isinstance(schema, dict) or schema.get("type") != "record":
        raise ConfigError(f"{where}: the Avro schema in {path} must be a record schema (an event is a record)")
    return schema


def tagged_rules(schema: dict[str, Any]) -> dict[str, str]:
    """Field rules from `"pii": ...` properties of the schema's fields: rule path -> rule."""
    rules: dict[str, str] = {}

    def visit(node: Any, path: str) -> None:
        if isinstance(node, list):
            for branch in node:
                visit(branch, path)
        elif isinstance(node, dict):
            kind = node.get("type")
            if kind == "record":
                for f in node.get("fields", []):
                    child = f"{path}.{f['name']}" if path else f["name"]
                    if isinstance(f.get(PII_PROPERTY), str):
                        rules[child] = f[PII_PROPERTY]
                    visit(f.get("type"), child)
            elif kind == "array":
                visit(node.get("items"), f"{path}[]")
            elif kind == "map":
                visit(node.get("values"), path)
            elif isinstance(kind, (dict, list)):
                visit(kind, path)

    visit(schema, "")
    return rules


class AvroFormat:
    def __init__(self, schema: dict[str, Any], framing: str, views: dict[str, Callable[[str], bool] | None], where: str) -> None:
        """`views`: output topic -> whether the recipient receives a rule path (None: all of it)."""
        from fastavro.schema import expand_schema, fingerprint, parse_schema, to_parsing_canonical_form

        try:
            expanded = expand_schema(schema)
            self.writer = parse_schema(_without_logical_types(expanded))
        except Exception as e:
            raise ConfigError(f"{where}: not a valid Avro schema ({type(e).__name__}: {e})") from None
        self.framing = framing
        self.fingerprint = bytes.fromhex(fingerprint(to_parsing_canonical_form(parse_schema(expanded)), "CRC-64-AVRO"))
        self.outputs: dict[str, tuple[Any, bytes, dict[str, Any]]] = {}
        for topic, receives in views.items():
            derived = _derive(expanded, "", receives, topic)
            parsed = parse_schema(derived)
            mark = bytes.fromhex(fingerprint(to_parsing_canonical_form(parsed), "CRC-64-AVRO"))
            self.outputs[topic] = (parsed, mark, derived)

    def decode(self, raw: bytes | None, max_bytes: int, max_depth: int) -> dict[str, Any]:
        from fastavro import schemaless_reader

        if raw is None:
            raise MalformedEvent("empty-event", "the message has no value")
        if len(raw) > max_bytes:
            raise MalformedEvent("too-large", f"the event has {len(raw):,} bytes, more than the limit of {max_bytes:,} (limits.max_event_bytes)")
        body = self._unframe(raw)
        stream = io.BytesIO(body)
        try:
            value = schemaless_reader(stream, self.writer, None)
        except Exception as e:
            # The error's type only: fastavro's messages may quote what it read.
            raise MalformedEvent("not-avro", f"not a record of the stream's Avro schema ({type(e).__name__})") from None
        if stream.tell() != len(body):
            raise MalformedEvent("not-avro", f"{len(body) - stream.tell()} byte(s) after the record: not written with the stream's Avro schema")
        if not isinstance(value, dict):
            raise MalformedEvent("not-avro", "not a record")
        if depth(value) > max_depth:
            raise MalformedEvent("too-deep", f"objects and lists nest deeper than the limit of {max_depth} (limits.max_depth)")
        return _as_text(value)  # type: ignore[no-any-return]

    def _unframe(self, raw: bytes) -> bytes:
        if self.framing == "confluent":
            if len(raw) < 5 or raw[:1] != CONFLUENT_MAGIC:
                raise MalformedEvent("not-avro", "no Confluent wire-format header (a zero byte and a 4-byte schema id)")
            return raw[5:]
        if self.framing == "single-object":
            if raw[:2] != SINGLE_OBJECT_MARKER or len(raw) < 10:
                raise MalformedEvent("not-avro", "no Avro single-object header")
            if raw[2:10] != self.fingerprint[::-1]:
                raise MalformedEvent("unknown-schema", "written with another schema than the stream's (its fingerprint differs)")
            return raw[10:]
        return raw

    def encode(self, view: dict[str, Any], topic: str) -> bytes:
        from fastavro import schemaless_writer

        parsed, mark, _ = self.outputs[topic]
        out = io.BytesIO()
        # Single-object encoding: the fingerprint is written little-endian.
        out.write(SINGLE_OBJECT_MARKER + mark[::-1])
        schemaless_writer(out, parsed, view)
        return out.getvalue()

    def schema_of(self, topic: str) -> dict[str, Any]:
        return self.outputs[topic][2]


def _without_logical_types(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_logical_types(n) for n in node]
    if isinstance(node, dict):
        return {k: _without_logical_types(v) for k, v in node.items() if k != "logicalType"}
    return node


def _as_text(value: Any) -> Any:
    """bytes and fixed values as text, so that they are scanned like any string."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return value


def _record_name(topic: str, path: str) -> str:
    return "pii_" + re.sub(r"[^A-Za-z0-9_]", "_", f"{topic}__{path or 'event'}")


def _derive(node: Any, path: str, receives: Callable[[str], bool] | None, topic: str) -> Any:
    """The schema of a recipient's copies at `path` (see the module docstring)."""
    if isinstance(node, list):
        branches: list[Any] = []
        for branch in node:
            derived = _derive(branch, path, receives, topic)
            for b in derived if isinstance(derived, list) else [derived]:
                if b not in branches:
                    branches.append(b)
        return branches
    kind = node.get("type") if isinstance(node, dict) else node
    if isinstance(kind, (dict, list)):
        return _derive(kind, path, receives, topic)
    if kind == "record":
        fields = []
        for f in node.get("fields", []):
            child = f"{path}.{f['name']}" if path else f["name"]
            if receives is not None and not receives(child):
                continue
            inner = _derive(f["type"], child, receives, topic)
            fields.append({"name": f["name"], "type": _nullable(inner), "default": None})
        return {"type": "record", "name": _record_name(topic, path), "fields": fields}
    if kind == "array":
        return {"type": "array", "items": _nullable(_derive(node["items"], f"{path}[]", receives, topic))}
    if kind == "map":
        return {"type": "map", "values": _nullable(_derive(node["values"], path, receives, topic))}
    if kind == "null":
        return "null"
    if kind in ("string", "bytes", "fixed", "enum"):
        return "string"
    if kind in _PRIMITIVE:
        return [kind, "string"]
    raise ValueError(f"unsupported Avro type {kind!r} at {path or 'the top'}")


def _nullable(derived: Any) -> list[Any]:
    branches = derived if isinstance(derived, list) else [derived]
    return ["null", *[b for b in branches if b != "null"]]


def stream_format(config: Any, stream: str, views: dict[str, Callable[[str], bool] | None] | None = None) -> StreamFormat:
    """The format of a configured stream; `views`: its recipients' output topics and what each
    receives (for the derived Avro schemas; none: decoding only)."""
    settings = config.streams[stream]
    if settings.format == "json":
        return JSON
    assert settings.avro is not None
    schema = read_schema(Path(settings.avro.schema_file), f"streams.{stream}.avro.schema_file")
    return AvroFormat(schema, settings.avro.framing, views or {}, f"streams.{stream}.avro.schema_file ({settings.avro.schema_file})")


def derived_schemas(config: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    """Output topic -> (stream, the Avro schema its copies are written with), for Avro streams;
    what `pii-processor schemas` prints for the readers of those topics."""
    from processor.policy import Policy

    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, stream in config.streams.items():
        if stream.format != "avro":
            continue
        views: dict[str, Callable[[str], bool] | None] = {stream.output_topic: None}
        for partner in config.partners:
            if name in partner.streams:
                views[partner.topic(name)] = Policy(allowed=tuple(partner.streams[name].fields)).visible
        fmt = stream_format(config, name, views)
        assert isinstance(fmt, AvroFormat)
        out.update({topic: (name, fmt.schema_of(topic)) for topic in views})
    return out
