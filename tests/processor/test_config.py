import pytest

from processor.config_file import load_config
from processor.errors import ConfigError
from processor.events import BuiltinStream


def write(tmp_path, text):
    p = tmp_path / "pipeline.yaml"
    p.write_text(text)
    return p


def test_defaults_cover_the_three_streams():
    config = load_config(None, environ={})
    assert config.streams[BuiltinStream.CALL_RECORDS].input_topic == "raw.call-records"
    assert config.streams[BuiltinStream.NETWORK_TELEMETRY].output_topic == "redacted.network-telemetry"
    assert config.kafka.dead_letter_topic == "dead-letter"
    assert config.field_rules(BuiltinStream.CALL_RECORDS)["imsi"] == "IMSI"


def test_the_shipped_example_is_valid():
    config = load_config("config/pipeline.yaml", environ={})
    assert config.field_rules(BuiltinStream.CALL_RECORDS)["roaming_partner"] == "code"
    # Extra rules add to the built-in ones.
    assert config.field_rules(BuiltinStream.CALL_RECORDS)["caller_msisdn"] == "PHONE_NUMBER"


def test_environment_overrides_broker_and_topics(tmp_path):
    p = write(tmp_path, "kafka:\n  bootstrap_servers: elsewhere:9092\n")
    config = load_config(p, environ={"KAFKA_BOOTSTRAP": "127.0.0.1:19092", "PII_OUTPUT_TOPIC_CALL_RECORDS": "t.out"})
    assert config.kafka.bootstrap_servers == "127.0.0.1:19092"
    assert config.streams[BuiltinStream.CALL_RECORDS].output_topic == "t.out"
    assert config.streams[BuiltinStream.CALL_RECORDS].input_topic == "raw.call-records"
    assert config.streams[BuiltinStream.SUPPORT_TRANSCRIPTS].input_topic == "raw.support-transcripts"


def test_unknown_key_names_the_file_and_the_key_path(tmp_path):
    p = write(tmp_path, "kafka:\n  bootstrap_server: x:1\n")
    with pytest.raises(ConfigError) as err:
        load_config(p, environ={})
    message = str(err.value)
    assert str(p) in message
    assert "kafka.bootstrap_server" in message
    assert "unknown key" in message


def test_bad_field_rule_says_what_was_expected(tmp_path):
    p = write(tmp_path, "streams:\n  call-records:\n    input_topic: a\n    output_topic: b\n    fields:\n      imsi: secret\n")
    with pytest.raises(ConfigError) as err:
        load_config(p, environ={})
    message = str(err.value)
    assert "streams.call-records.fields" in message
    assert "UPPER_CASE" in message and "timestamp" in message


def test_a_stream_is_declared_by_its_name_and_fields_alone(tmp_path):
    p = write(tmp_path, "streams:\n  sms-records:\n    fields:\n      sender: PHONE_NUMBER\n      body: text\n")
    config = load_config(p, environ={})
    assert list(config.streams) == ["sms-records"]
    assert config.streams["sms-records"].input_topic == "raw.sms-records"
    assert config.streams["sms-records"].output_topic == "redacted.sms-records"
    # A declared stream has its own rules only, not a built-in stream's.
    assert config.field_rules("sms-records") == {"sender": "PHONE_NUMBER", "body": "text"}


def test_a_partner_of_an_unknown_stream_is_told_the_configured_ones(tmp_path):
    p = write(
        tmp_path,
        "streams:\n  sms-records: {}\n  call-records: {}\n"
        "partners:\n  - name: vendor\n    purpose: service-vendor\n    streams:\n      sms-record: {fields: [body]}\n",
    )
    with pytest.raises(ConfigError) as err:
        load_config(p, environ={})
    message = str(err.value)
    assert "no stream 'sms-record' is configured" in message
    assert "configured streams: call-records, sms-records" in message


def test_a_stream_name_must_be_fit_for_topic_names(tmp_path):
    p = write(tmp_path, "streams:\n  SMS Records: {}\n")
    with pytest.raises(ConfigError, match="lower-case letters, digits and dashes"):
        load_config(p, environ={})


def test_a_declared_stream_can_be_named_on_the_command_line_and_by_environment(tmp_path):
    p = write(tmp_path, "streams:\n  location-updates: {}\n")
    config = load_config(p, environ={"PII_INPUT_TOPIC_LOCATION_UPDATES": "mme.locations"})
    assert config.stream("location-updates").input_topic == "mme.locations"
    with pytest.raises(ConfigError, match="no stream 'call-records' is configured; configured streams: location-updates"):
        config.stream("call-records")


def test_wrong_type_names_the_key(tmp_path):
    p = write(tmp_path, "kafka:\n  batch_size: lots\n")
    with pytest.raises(ConfigError, match=r"kafka\.batch_size"):
        load_config(p, environ={})


def test_broken_yaml_gives_line_and_column(tmp_path):
    p = write(tmp_path, "kafka:\n  group_id: [unclosed\n")
    with pytest.raises(ConfigError, match=r"line \d+, column \d+"):
        load_config(p, environ={})


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml", environ={})


def test_a_topic_used_twice_is_refused(tmp_path):
    p = write(tmp_path, "streams:\n  call-records:\n    input_topic: same\n    output_topic: same\n")
    with pytest.raises(ConfigError, match="used twice"):
        load_config(p, environ={})


def test_unknown_phone_region_is_refused(tmp_path):
    p = write(tmp_path, "detection:\n  phone_regions: [US, XX]\n")
    with pytest.raises(ConfigError, match=r"detection\.phone_regions.*XX"):
        load_config(p, environ={})


def test_a_misspelt_entity_type_under_a_partners_operators_is_refused(tmp_path):
    p = write(
        tmp_path,
        "partners:\n  - name: vendor\n    purpose: service-vendor\n    streams:\n      call-records:\n        fields: [imei]\n"
        "    operators: {PHONE_NUMBR: mask, IMEI: keep}\n",
    )
    with pytest.raises(ConfigError) as err:
        load_config(p, environ={})
    message = str(err.value)
    assert "partners.0.operators" in message and "PHONE_NUMBR" in message and "PHONE_NUMBER" in message


def test_operators_may_name_custom_patterns_and_field_name_types(tmp_path):
    p = write(
        tmp_path,
        "detection:\n  custom_patterns:\n    - {entity: LOYALTY_ID, regex: 'LOY-\\d{8}'}\n"
        "partners:\n  - name: vendor\n    purpose: service-vendor\n    streams:\n      call-records:\n        fields: [notes]\n"
        "    operators: {LOYALTY_ID: mask, DEVICE_NAME: redact}\n",
    )
    assert set(load_config(p, environ={}).partners[0].operators) == {"LOYALTY_ID", "DEVICE_NAME"}


def test_two_partners_with_one_key_are_refused(tmp_path):
    """Pseudonyms are unlinkable across partners only if every partner has its own key."""
    partner = "  - name: {name}\n    purpose: advertising\n    streams:\n      network-telemetry:\n        fields: [subscriber_id]\n    operators: {{SUBSCRIBER_ID: pseudonymize}}\n    key: {{file: shared.key}}\n"
    p = write(tmp_path, "partners:\n" + partner.format(name="ads-a") + partner.format(name="ads-b"))
    with pytest.raises(ConfigError) as err:
        load_config(p, environ={})
    assert "partners.1.key" in str(err.value) and "'ads-a'" in str(err.value) and "linkable" in str(err.value)


def test_a_privacy_budget_is_a_number_for_ever_or_epsilon_per_period():
    from processor.config import PrivacyBudget

    assert PrivacyBudget.model_validate(2.5) == PrivacyBudget(epsilon=2.5)
    assert PrivacyBudget(epsilon=2.5).period_of(1_800_000_000) == "all"
    daily = PrivacyBudget(epsilon=24, period_s=86_400)
    # Every window of one day of event time is charged to that day, and the next day starts afresh.
    assert daily.period_of(1_796_169_600) == daily.period_of(1_796_169_600 + 86_399) != daily.period_of(1_796_169_600 + 86_400)


def test_a_deployment_passes_secrets_and_the_metrics_host_as_environment_variables():
    # What the Helm chart and compose do: keys from a Secret, the SASL password beside them,
    # /metrics reachable from outside the container. The file's key paths are replaced.
    env = {
        "PII_PARTNER_KEY_REPAIR_VENDOR": "k" * 32,
        "PII_KAFKA_CLIENT_SASL_PASSWORD": "s3cret",
        "PII_KAFKA_CLIENT_SECURITY_PROTOCOL": "SASL_SSL",
        "PII_METRICS_HOST": "0.0.0.0",
    }
    config = load_config("config/pipeline.yaml", environ=env)
    vendor = next(p for p in config.partners if p.name == "repair-vendor")
    assert vendor.key is not None and vendor.key.env == "PII_PARTNER_KEY_REPAIR_VENDOR" and vendor.key.file is None
    assert config.kafka.client == {"sasl.password": "s3cret", "security.protocol": "SASL_SSL"}
    assert config.metrics.host == "0.0.0.0"
    # Partners without such a variable keep their key file.
    ads = next(p for p in config.partners if p.name == "advertising-partner")
    assert ads.key is not None and ads.key.file is not None
