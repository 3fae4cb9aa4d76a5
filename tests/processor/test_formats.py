"""Avro streams: read with the stream's schema, written per recipient with a derived schema, and
anything that is not a record of that schema dead-lettered without a word of its content."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from fastavro import schemaless_reader, schemaless_writer
from fastavro.schema import fingerprint, parse_schema, to_parsing_canonical_form

from processor.config_file import load_config
from processor.detect import Detector
from processor.errors import ConfigError
from processor.formats import derived_schemas
from processor.pipeline import Pipeline, Record

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sms-record.avsc"
CONFIG = """
streams:
  sms-records:
    format: avro
    avro: {{schema_file: sms-record.avsc, framing: {framing}}}
    fields: {{body: text}}
partners:
  - name: sms-vendor
    purpose: service-vendor
    streams:
      sms-records: {{fields: [event_id, sent_at, sender_imsi, body]}}
"""
EVENT = {
    "event_id": "4b7c7f0e-0c4e-4a43-9d36-0c4f5c1e8a11",
    "sent_at": 1_796_032_800_000,
    "sender": "+1 415 555 0123",
    "sender_imsi": 310150123456789,
    "recipients": [{"msisdn": "+44 7700 900123", "delivered": True}],
    "body": "hi, it's Mariana Okafor, ring me on 0161 496 0000",
    "segments": 1,
    "udh": b"\x05\x00\x03\x01\x02\x01",
    "status": "DELIVERED",
}
RAW_VALUES = [b"+1 415 555 0123", b"310150123456789", b"+44 7700 900123", b"Okafor", b"496 0000"]


def config_in(tmp_path: Path, framing: str = "confluent"):
    shutil.copy(SCHEMA, tmp_path / "sms-record.avsc")
    (tmp_path / "pipeline.yaml").write_text(CONFIG.format(framing=framing))
    return load_config(tmp_path / "pipeline.yaml", environ={})


def avro(event: dict, framing: str = "confluent") -> bytes:
    schema = parse_schema(json.loads(SCHEMA.read_text()))
    out = io.BytesIO()
    if framing == "confluent":
        out.write(b"\x00\x00\x00\x00\x07")
    elif framing == "single-object":
        out.write(b"\xc3\x01" + bytes.fromhex(fingerprint(to_parsing_canonical_form(schema), "CRC-64-AVRO"))[::-1])
    schemaless_writer(out, schema, event)
    return out.getvalue()


def read_copy(value: bytes, schema: dict) -> dict:
    parsed = parse_schema(schema)
    assert value[:2] == b"\xc3\x01"  # single-object encoding, with the derived schema's fingerprint
    assert value[2:10] == bytes.fromhex(fingerprint(to_parsing_canonical_form(parsed), "CRC-64-AVRO"))[::-1]
    return schemaless_reader(io.BytesIO(value[10:]), parsed, None)


@pytest.fixture
def avro_pipeline(tmp_path, analyzer):
    config = config_in(tmp_path)
    return config, Pipeline(config, Detector(config, analyzer))


def test_schema_tags_are_field_rules_under_the_files_own(tmp_path):
    rules = config_in(tmp_path).field_rules("sms-records")
    assert rules["sender"] == "PHONE_NUMBER" and rules["sender_imsi"] == "IMSI" and rules["body"] == "text"


def test_an_avro_record_is_redacted_and_each_copy_written_with_its_recipients_schema(avro_pipeline):
    config, pipeline = avro_pipeline
    [outcome] = pipeline.process([Record("sms-records", avro(EVENT))])
    assert outcome.dead_letter is None, outcome.dead_letter
    schemas = derived_schemas(config)
    copies = {out.topic: read_copy(out.value, schemas[out.topic][1]) for out in outcome.outputs}
    redacted = copies["redacted.sms-records"]
    assert redacted["sender"] == "<PHONE_NUMBER>" and redacted["sender_imsi"] == "<IMSI>"  # a long became a string
    assert redacted["recipients"][0]["msisdn"] == "<PHONE_NUMBER>" and redacted["recipients"][0]["delivered"] is True
    assert "Okafor" not in redacted["body"] and redacted["status"] == "DELIVERED" and redacted["sent_at"] == EVENT["sent_at"]
    vendor = copies["partner.sms-vendor.sms-records"]
    assert set(vendor) == {"event_id", "sent_at", "sender_imsi", "body"}  # its schema has only what it receives
    everything = b"".join(out.value for out in outcome.outputs)
    assert not [v for v in RAW_VALUES if v in everything]


def test_what_is_not_a_record_of_the_schema_is_dead_lettered_without_its_content(avro_pipeline):
    _, pipeline = avro_pipeline
    good = avro(EVENT)
    records = [b'{"sender": "+1 415 555 0123"}', good[:5] + b"\xff\xff\xff", good + b"+1 415 555 0123", good[:-3], None]
    outcomes = pipeline.process([Record("sms-records", r) for r in records])
    assert [o.dead_letter.reason for o in outcomes] == ["not-avro", "not-avro", "not-avro", "not-avro", "empty-event"]
    assert not [o for o in outcomes if "415" in o.dead_letter.detail]


def test_single_object_framing_checks_the_schema_fingerprint(tmp_path, analyzer):
    config = config_in(tmp_path, framing="single-object")
    pipeline = Pipeline(config, Detector(config, analyzer))
    other = avro(EVENT, "single-object")
    other = other[:2] + bytes(8) + other[10:]
    ok, wrong = pipeline.process([Record("sms-records", avro(EVENT, "single-object")), Record("sms-records", other)])
    assert ok.dead_letter is None and wrong.dead_letter.reason == "unknown-schema"


def test_a_missing_schema_file_names_the_key_and_the_file(tmp_path):
    (tmp_path / "pipeline.yaml").write_text(CONFIG.format(framing="none"))
    with pytest.raises(ConfigError, match=r"streams\.sms-records\.avro\.schema_file: the Avro schema file .*sms-record\.avsc does not exist"):
        load_config(tmp_path / "pipeline.yaml", environ={})


def test_avro_without_a_schema_says_what_is_missing(tmp_path):
    (tmp_path / "pipeline.yaml").write_text("streams:\n  sms-records:\n    format: avro\n")
    with pytest.raises(ConfigError, match=r"format: avro needs `avro: \{schema_file: \.\.\.\}`"):
        load_config(tmp_path / "pipeline.yaml", environ={})
