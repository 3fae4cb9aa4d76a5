"""A fourth stream declared only in YAML, end to end on the real broker: its own rules, a
partner keyed by subscriber, opt-outs and dead letters, and every event accounted for."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import orjson
import pytest

from processor import broker
from processor.config import PipelineConfig
from processor.config_file import load_config
from tests.sms import sms_config

from .conftest import ROOT, consume_all, produce, run_service

pytestmark = pytest.mark.integration

SMS_YAML = "kafka: {connect_timeout_s: 20}\n" + sms_config("{file: vendor.key}")
SUBSCRIBERS = [(f"31015{n:010d}", f"+1 415 555 01{n:02d}") for n in range(6)]
NAMES = ["Mariana Okafor", "Jonas Lindqvist", "Aiko Tanaka", "Rafael Souza", "Ingrid Halvorsen", "Kwabena Asante"]


def sms_events(count: int) -> list[dict[str, object]]:
    events = []
    for i in range(count):
        imsi, phone = SUBSCRIBERS[i % len(SUBSCRIBERS)]
        events.append(
            {
                "event_id": str(uuid.UUID(int=i + 1)),
                "sent_at": f"2026-11-30T10:{i % 60:02d}:00Z",
                "sender": phone,
                "sender_imsi": imsi,
                "recipient_msisdn": f"+44 7700 900{i:03d}",
                "body": f"hi it's {NAMES[i % len(NAMES)]}, message {i}",
            }
        )
    return events


def private_setup(kafka_bootstrap: str, tmp_path: Path, yaml: str) -> tuple[Path, dict[str, str], PipelineConfig]:
    """The YAML with the vendor's key beside it, on topics and a group of this test's own."""
    (tmp_path / "vendor.key").write_text(uuid.uuid4().hex * 2)
    (tmp_path / "vendor.key").chmod(0o600)
    path = tmp_path / "pipeline.yaml"
    path.write_text(yaml)
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"t{tag}.", "PII_GROUP_ID": f"pii-test-{tag}", "PII_METRICS_PORT": "0"}
    config = load_config(path, environ=env)
    broker.ensure_pipeline_topics(config)
    return path, env, config


def test_a_stream_declared_only_in_yaml_runs_end_to_end_with_keyed_partner_copies(kafka_bootstrap: str, tmp_path: Path) -> None:
    path, env, config = private_setup(kafka_bootstrap, tmp_path, SMS_YAML)
    stream = config.streams["sms-records"]
    vendor_topic = config.partners[0].topic("sms-records")

    events = sms_events(60)
    opted_out = SUBSCRIBERS[0][0]
    produce(kafka_bootstrap, config.consent.topic, [b'["service-vendor"]'], keys=[opted_out.encode()])
    # Keyed by subscriber at the source, as raw topics usually are (the key is never forwarded).
    keys = [str(e["sender_imsi"]).encode() for e in events] + [None]
    produce(kafka_bootstrap, stream.input_topic, [orjson.dumps(e) for e in events] + [b"{not json"], keys=keys)
    result = run_service(env, "--config", str(path), "--stop-when-idle", "4")
    assert result.returncode == 0, result.stderr[-3000:]

    got = consume_all(kafka_bootstrap, [stream.output_topic, vendor_topic, config.kafka.dead_letter_topic], expected=60 + 50 + 1)
    redacted, vendor, dead = got[stream.output_topic], got[vendor_topic], got[config.kafka.dead_letter_topic]
    dropped = sum(1 for e in events if e["sender_imsi"] == opted_out)
    # Every event is in exactly one place per recipient: in = out + dropped + dead-letter.
    assert len(redacted) + len(dead) == len(events) + 1
    assert len(vendor) + dropped + len(dead) == len(events) + 1
    assert dict(dead[0].headers() or [])["reason"] == b"not-json"

    # No identifier reaches an output: the declared rules, the field names and the text scan.
    everything = b"".join(m.value() + (m.key() or b"") for m in [*redacted, *vendor])
    for e in events:
        for value in (e["sender"], e["sender_imsi"], e["recipient_msisdn"], *str(e["body"]).split(",")[0].split()[2:]):
            assert str(value).encode() not in everything, f"{value!r} leaked"

    # The vendor's copies are keyed by its pseudonym of the subscriber: one key per subscriber,
    # in one partition, in the order they were sent.
    by_key: dict[bytes, list[tuple[int, int, str]]] = {}
    for m in vendor:
        copy = orjson.loads(m.value())
        assert m.key() is not None and m.key().decode() == copy["sender_imsi"]
        by_key.setdefault(m.key(), []).append((m.partition(), m.offset(), copy["event_id"]))
    assert len(by_key) == len(SUBSCRIBERS) - 1
    sent_order = [e["event_id"] for e in events]
    for places in by_key.values():
        assert len({partition for partition, _, _ in places}) == 1
        received = [event_id for _, _, event_id in sorted(places)]
        assert received == sorted(received, key=sent_order.index)
    assert all(m.key() is None for m in redacted)


def test_profile_proposes_the_rules_of_a_raw_topic_from_a_sample(kafka_bootstrap: str, tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"t{tag}."}
    config = load_config(None, environ=env)
    topic = config.named_topic("raw.sms-records")
    broker.ensure_topics(config.kafka, [topic])
    events = sms_events(40)
    produce(kafka_bootstrap, topic, [orjson.dumps(e) for e in events] + [b"{not json"])
    result = subprocess.run(
        [sys.executable, "-m", "processor.cli", "profile", "--topic", "raw.sms-records", "--sample", "100"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[2] for line in result.stdout.splitlines() if line[:1].isalpha() and len(line.split()) >= 3}
    assert rows["sender"] == "PHONE_NUMBER" and rows["recipient_msisdn"] == "PHONE_NUMBER" and rows["sender_imsi"] == "IMSI"
    assert rows["event_id"] == "uuid" and rows["sent_at"] == "timestamp" and rows["body"] == "text"
    assert "sms-records:\n  input_topic: " + topic in result.stdout
    assert "1 of 41 message(s) could not be decoded" in result.stderr
    for e in events:
        assert str(e["sender"]) not in result.stdout and str(e["sender_imsi"]) not in result.stdout


AVRO_YAML = """
kafka: {connect_timeout_s: 20}
streams:
  sms-records:
    format: avro
    avro: {schema_file: sms-record.avsc, framing: confluent}
    fields: {body: text}
consent:
  subscriber_key: {sms-records: sender_imsi}
partners:
  - name: sms-vendor
    purpose: service-vendor
    streams:
      sms-records: {fields: [event_id, sent_at, sender_imsi, body], key: subscriber}
    operators: {IMSI: pseudonymize}
    key: {file: vendor.key}
"""


def test_an_avro_stream_declared_in_yaml_runs_end_to_end(kafka_bootstrap: str, tmp_path: Path) -> None:
    import io
    import json
    import shutil

    from fastavro import schemaless_reader, schemaless_writer
    from fastavro.schema import parse_schema

    schema_path = ROOT / "tests" / "data" / "sms-record.avsc"
    shutil.copy(schema_path, tmp_path / "sms-record.avsc")
    path, env, config = private_setup(kafka_bootstrap, tmp_path, AVRO_YAML)
    stream = config.streams["sms-records"]
    vendor_topic = config.partners[0].topic("sms-records")

    writer = parse_schema(json.loads(schema_path.read_text()))
    sent = []
    for i, e in enumerate(sms_events(30)):
        record = {
            "event_id": e["event_id"],
            "sent_at": 1_796_032_800_000 + i,
            "sender": e["sender"],
            "sender_imsi": int(str(e["sender_imsi"])),
            "recipients": [{"msisdn": e["recipient_msisdn"], "delivered": True}],
            "body": e["body"],
            "segments": 1,
            "udh": None,
            "status": "DELIVERED",
        }
        buf = io.BytesIO()
        buf.write(b"\x00\x00\x00\x00\x01")  # Confluent framing, schema id 1
        schemaless_writer(buf, writer, record)
        sent.append((record, buf.getvalue()))
    produce(kafka_bootstrap, stream.input_topic, [raw for _, raw in sent] + [b'{"sender": "+1 415 555 0100"}'])
    result = run_service(env, "--config", str(path), "--stop-when-idle", "4")
    assert result.returncode == 0, result.stderr[-3000:]

    # The readers' schemas, as `pii-processor schemas` prints them for each output topic.
    printed = subprocess.run(
        [sys.executable, "-m", "processor.cli", "schemas", "--config", str(path)], env={**os.environ, **env}, capture_output=True, text=True, cwd=ROOT
    )
    assert printed.returncode == 0, printed.stderr
    schemas = {}
    for block in printed.stdout.split("# ")[1:]:
        header, body = block.split("\n", 1)
        schemas[header.split()[0]] = parse_schema(json.loads(body))

    got = consume_all(kafka_bootstrap, [stream.output_topic, vendor_topic, config.kafka.dead_letter_topic], expected=30 + 30 + 1)
    assert len(got[stream.output_topic]) == 30 and len(got[vendor_topic]) == 30 and len(got[config.kafka.dead_letter_topic]) == 1
    assert dict(got[config.kafka.dead_letter_topic][0].headers() or [])["reason"] == b"not-avro"
    redacted = [schemaless_reader(io.BytesIO(m.value()[10:]), schemas[stream.output_topic], None) for m in got[stream.output_topic]]
    vendor = [(m.key(), schemaless_reader(io.BytesIO(m.value()[10:]), schemas[vendor_topic], None)) for m in got[vendor_topic]]
    assert sorted(r["event_id"] for r in redacted) == sorted(r["event_id"] for r, _ in sent)
    assert all(r["sender"] == "<PHONE_NUMBER>" and r["recipients"][0]["msisdn"] == "<PHONE_NUMBER>" for r in redacted)
    assert all(set(copy) == {"event_id", "sent_at", "sender_imsi", "body"} and key.decode() == copy["sender_imsi"] for key, copy in vendor)
    everything = b"".join(m.value() for t in (stream.output_topic, vendor_topic) for m in got[t])
    for record, _ in sent:
        name = str(record["body"]).split(",")[0].split()[2:]  # "hi it's <first> <last>, message n"
        for value in (record["sender"], str(record["sender_imsi"]), record["recipients"][0]["msisdn"], *name):
            assert value.encode() not in everything, f"{value!r} leaked"
