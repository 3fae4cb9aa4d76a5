"""Profiling a sample of a new stream: proposals per field, never a value, and rules that,
pasted into the configuration, protect what detection found."""

from __future__ import annotations

import random
import uuid

import pytest
import yaml

from processor.config import StreamSettings
from processor.config_file import load_config
from processor.detect import Detector
from processor.pipeline import Pipeline, Record
from processor.profile import format_profile, profile

NAMES = ["Mariana Okafor", "Jonas Lindqvist", "Aiko Tanaka", "Rafael Souza", "Ingrid Halvorsen", "Kwabena Asante"]


def sms_sample(n: int = 60) -> list[dict]:
    rng = random.Random(5)
    events = []
    for i in range(n):
        events.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "ts": f"2026-11-30T10:{i % 60:02d}:00Z",
                "from": f"+1 415 555 {rng.randint(1000, 9999)}",
                "to": {"msisdn": f"+4477009{rng.randint(10000, 99999)}", "operator": "EE"},
                "text": f"hi it's {rng.choice(NAMES)}, ring me on 0161 496 {rng.randint(1000, 9999)}" if i % 3 else "ok thanks",
                "segments": rng.randint(1, 3),
                # A number field that sometimes holds a phone number: never proposed as `number`.
                "callback": 14155550100 + i if i % 4 == 0 else i % 7,
            }
        )
    return events


@pytest.fixture(scope="module")
def sms_detector(analyzer):
    config = load_config(None, environ={})
    config = config.model_copy(update={"streams": {"sms": StreamSettings(input_topic="raw.sms", output_topic="redacted.sms")}})
    return Detector(config, analyzer)


def test_each_field_gets_the_rule_its_values_call_for(sms_detector):
    result = profile("sms", sms_sample(), sms_detector)
    proposed = {path: fp.proposal() for path, fp in result.fields.items()}
    assert proposed["from"] == "PHONE_NUMBER"
    assert proposed["to.msisdn"] == "PHONE_NUMBER"
    assert proposed["text"] == "text"
    assert proposed["id"] == "uuid" and proposed["ts"] == "timestamp" and proposed["segments"] == "number"
    assert proposed["to.operator"] == "code"
    assert proposed["callback"] not in ("number", "timestamp", "uuid")  # something was found in it
    assert result.fields["text"].spans["PERSON"] > 0


def test_the_report_never_shows_a_value(sms_detector):
    events = sms_sample()
    text = format_profile(profile("sms", events, sms_detector), "raw.sms")
    values = {str(v) for e in events for v in (e["from"], e["to"]["msisdn"], e["callback"], *e["text"].replace(",", " ").split()[3:5])}
    assert not [v for v in values if len(v) > 3 and v in text]


def test_the_pasted_rules_protect_what_detection_found(tmp_path, sms_detector, analyzer):
    events = sms_sample()
    block = format_profile(profile("sms", events, sms_detector), "raw.sms").split("# paste under `streams:`")[1]
    path = tmp_path / "pipeline.yaml"
    path.write_text("streams:\n" + "\n".join("  " + line for line in block.splitlines()[1:]) + "\n")
    config = load_config(path, environ={})
    assert yaml.safe_load(path.read_text())["streams"]["sms"]["fields"]["from"] == "PHONE_NUMBER"
    pipeline = Pipeline(config, Detector(config, analyzer))
    import orjson

    outcomes = pipeline.process([Record("sms", orjson.dumps(e)) for e in events])
    out = b"".join(o.outputs[0].value for o in outcomes)
    for e in events:
        assert e["from"].encode() not in out and e["to"]["msisdn"].encode() not in out
        assert not [n for n in NAMES if n.encode() in out]
    assert b"14155550100" not in out
