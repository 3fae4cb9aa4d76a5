"""A stream declared only in the configuration: its rules, its partners and keyed copies, with
no code that knows its name."""

from __future__ import annotations

import orjson
import pytest

from processor.config_file import load_config
from processor.detect import Detector
from processor.pipeline import Pipeline, Record
from tests.sms import sms_config

SMS_CONFIG = sms_config(
    "{env: SMS_VENDOR_KEY}",
    """  - name: sms-analytics
    purpose: service-vendor
    streams:
      sms-records: {fields: [event_id, body], key: subscriber}
    key: {env: SMS_ANALYTICS_KEY}
  - name: sms-archive
    purpose: internal
    streams:
      sms-records: {fields: [event_id]}
""",
)


@pytest.fixture(scope="module")
def sms_pipeline(tmp_path_factory, analyzer):
    path = tmp_path_factory.mktemp("sms") / "pipeline.yaml"
    path.write_text(SMS_CONFIG)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SMS_VENDOR_KEY", "vendor-key-" + "v" * 32)
        env.setenv("SMS_ANALYTICS_KEY", "analytics-key-" + "a" * 32)
        config = load_config(path, environ={})
        return Pipeline(config, Detector(config, analyzer))


def sms(imsi: str | None = "310150123456789", **extra: object) -> bytes:
    event = {
        "event_id": "4b7c7f0e-0c4e-4a43-9d36-0c4f5c1e8a11",
        "sent_at": "2026-11-30T10:00:00Z",
        "sender": "+1 415 555 0123",
        "recipient_msisdn": "+44 7700 900123",
        "body": "hi, it's Mariana Okafor, call me back on 0161 496 0000",
        **extra,
    }
    if imsi is not None:
        event["sender_imsi"] = imsi
    return orjson.dumps(event)


def copies(outcome) -> dict[str, tuple[bytes | None, dict]]:
    assert outcome.dead_letter is None, outcome.dead_letter
    return {out.topic: (out.key, orjson.loads(out.value)) for out in outcome.outputs}


def test_a_declared_stream_is_redacted_by_its_own_rules_and_by_field_names(sms_pipeline):
    [outcome] = sms_pipeline.process([Record("sms-records", sms())])
    key, redacted = copies(outcome)["redacted.sms-records"]
    assert redacted["sender"] == "<PHONE_NUMBER>"  # its field rule
    assert redacted["recipient_msisdn"] == "<PHONE_NUMBER>"  # no rule: the field's name says it
    assert "Mariana" not in redacted["body"] and "496" not in redacted["body"]
    assert redacted["sent_at"] == "2026-11-30T10:00:00Z"
    assert key is None  # the internal copy has no key


def test_a_partner_keyed_by_subscriber_gets_the_pseudonym_its_own_operator_writes(sms_pipeline):
    [first, second] = sms_pipeline.process([Record("sms-records", sms()), Record("sms-records", sms(body="again"))])
    key, copy = copies(first)["partner.sms-vendor.sms-records"]
    assert key is not None and key.decode() == copy["sender_imsi"]  # the key is the field's pseudonym
    assert key.startswith(b"IMSI:") and b"310150123456789" not in key
    assert copies(second)["partner.sms-vendor.sms-records"][0] == key  # stable: one partition, in order


def test_two_partners_keys_for_one_subscriber_cannot_be_linked(sms_pipeline):
    [outcome] = sms_pipeline.process([Record("sms-records", sms())])
    out = copies(outcome)
    vendor, analytics = out["partner.sms-vendor.sms-records"][0], out["partner.sms-analytics.sms-records"][0]
    assert vendor and analytics and vendor != analytics
    assert out["partner.sms-archive.sms-records"][0] is None  # key: none (the default)


def test_an_event_without_a_subscriber_has_no_key(sms_pipeline):
    [outcome] = sms_pipeline.process([Record("sms-records", sms(imsi=None))])
    assert copies(outcome)["partner.sms-vendor.sms-records"][0] is None


def test_keying_by_subscriber_needs_the_streams_subscriber_field(tmp_path):
    path = tmp_path / "pipeline.yaml"
    path.write_text(SMS_CONFIG.replace("  subscriber_key: {sms-records: sender_imsi}", "  subscriber_key: {}"))
    from processor.errors import ConfigError

    with pytest.raises(ConfigError, match=r"partners\.0\.streams\.sms-records\.key: .*consent\.subscriber_key names no subscriber field of 'sms-records'"):
        load_config(path, environ={"SMS_VENDOR_KEY": "x" * 32})
