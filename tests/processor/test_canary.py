"""The leak canary's events and its leak check, without a broker (tests/integration/test_canary.py runs it for real)."""

import random

import orjson
import pytest

from processor.canary import Planted, build, kept_types, leaks_in
from processor.config_file import load_config
from processor.events import BuiltinStream
from processor.pipeline import Pipeline, Record


@pytest.fixture(scope="module")
def config():
    return load_config("config/pipeline.yaml", environ={})


@pytest.fixture(scope="module")
def pipeline(config):
    return Pipeline(config)


@pytest.mark.parametrize("kind", list(BuiltinStream))
def test_canary_events_come_through_the_pipeline_with_nothing_leaked(config, pipeline, kind):
    rng = random.Random(5)
    kept = kept_types(config)
    for _ in range(5):
        canary = build(kind, rng)
        (outcome,) = pipeline.process([Record(kind, orjson.dumps(canary.event))])
        assert outcome.dead_letter is None and outcome.outputs
        for out in outcome.outputs:
            assert leaks_in(out.value, canary.planted, kept[out.topic]) == [], out.topic


def test_canary_identifiers_come_from_ranges_reserved_for_testing():
    canary = build(BuiltinStream.CALL_RECORDS, random.Random(1))
    values = {p.entity: p.value for p in canary.planted}
    assert values["IMSI"].startswith("00101")  # the test network, MCC 001
    phones = [p.value for p in canary.planted if p.entity == "PHONE_NUMBER"]
    # 555-0100..0199 in North America, 020 7946 0xxx in London: reserved for fiction.
    assert phones[0].startswith("+1 202 555 01") and phones[1].startswith("+44 20 7946 0")
    assert values["EMAIL_ADDRESS"].endswith("@example.com")
    telemetry = {p.entity: p.value for p in build(BuiltinStream.NETWORK_TELEMETRY, random.Random(1)).planted}
    assert telemetry["IP_ADDRESS"].startswith("192.0.2.")  # TEST-NET-1


def test_a_planted_identifier_in_an_output_is_a_leak_in_any_spacing():
    planted = [Planted("PHONE_NUMBER", "+1 202 555 0142"), Planted("IMSI", "001011234567890")]
    never = kept_types(load_config(None, environ={})).get("redacted.call-records") or (lambda _e: False)
    assert leaks_in(b'{"notes": "call +12025550142"}', planted, never) == ["PHONE_NUMBER"]
    assert leaks_in(b'{"imsi": "001011234567890"}', planted, never) == ["IMSI"]
    assert leaks_in(b'{"imsi": "<IMSI>", "notes": "call <PHONE_NUMBER>"}', planted, never) == []


def test_what_a_partners_policy_keeps_is_not_a_leak(config):
    # The payment processor receives the card number on purpose; the redacted copy never does.
    kept = kept_types(config)
    planted = [Planted("CREDIT_CARD", "4111 1111 1111 1111")]
    message = b'{"turns": [{"text": "charge 4111 1111 1111 1111"}]}'
    assert leaks_in(message, planted, kept["partner.payment-processor.support-transcripts"]) == []
    assert leaks_in(message, planted, kept["redacted.support-transcripts"]) == ["CREDIT_CARD"]
