from processor import operators
from processor.findings import Finding
from processor.policy import Policy, apply_policy


def op(name, **params):
    return operators.build(name, params, b"k" * 32 if name in operators.KEYED else None)


def test_whole_values_and_spans_are_replaced_with_their_type():
    event = {"imsi": "310410123456789", "notes": "call John on 555-0100", "kept": "x"}
    findings = [
        Finding(("imsi",), "IMSI", None, None, 1.0),
        Finding(("notes",), "PERSON", 5, 9, 0.85),
        Finding(("notes",), "PHONE_NUMBER", 13, 21, 0.7),
    ]
    assert apply_policy(event, findings) == {"imsi": "<IMSI>", "notes": "call <PERSON> on <PHONE_NUMBER>", "kept": "x"}


def test_overlapping_findings_are_merged_so_no_character_survives():
    text = "card 4111 1111 1111 1111 ok"
    findings = [
        Finding(("t",), "PHONE_NUMBER", 5, 19, 0.4),
        Finding(("t",), "CREDIT_CARD", 10, 24, 1.0),
    ]
    assert apply_policy({"t": text}, findings) == {"t": "card <CREDIT_CARD> ok"}


def test_numbers_are_replaced_whole():
    assert apply_policy({"n": 4155550123}, [Finding(("n",), "PHONE_NUMBER", None, None, 1.0)]) == {"n": "<PHONE_NUMBER>"}


def test_the_input_event_is_not_changed():
    event = {"a": {"b": "secret"}}
    apply_policy(event, [Finding(("a", "b"), "PERSON", None, None, 1.0)])
    assert event == {"a": {"b": "secret"}}


def test_operator_per_entity_type():
    policy = Policy(per_entity={"PERSON": op("redact")})
    findings = [Finding(("p",), "PERSON", None, None, 1.0), Finding(("m",), "IMSI", None, None, 1.0)]
    assert apply_policy({"p": "Ann", "m": "310410123456789"}, findings, policy) == {"p": "", "m": "<IMSI>"}


def test_only_allowed_fields_reach_the_partner():
    policy = Policy(allowed=("event_id", "turns[].text"))
    event = {"event_id": "e1", "channel": "voice", "turns": [{"speaker": "agent", "text": "hi"}, {"speaker": "c", "text": "yo"}]}
    assert apply_policy(event, [], policy) == {"event_id": "e1", "turns": [{"text": "hi"}, {"text": "yo"}]}


def test_unknown_fields_are_not_allowed_by_default_for_a_partner():
    policy = Policy(allowed=("event_id",))
    assert apply_policy({"event_id": "e", "surprise": {"deep": "value"}}, [], policy) == {"event_id": "e"}


def test_field_operators_transform_allowed_non_identifier_fields():
    policy = Policy(allowed=("timestamp",), per_field={"timestamp": (op("generalize"), "TIMESTAMP")})
    assert apply_policy({"timestamp": "2026-11-01T08:41:17Z"}, [], policy) == {"timestamp": "2026-11-01T08:00:00Z"}


def test_drop_removes_the_field_even_for_a_span():
    policy = Policy(per_entity={"CREDIT_CARD": op("drop")})
    findings = [Finding(("notes",), "CREDIT_CARD", 5, 9, 1.0)]
    assert apply_policy({"id": 1, "notes": "card 4111 x"}, findings, policy) == {"id": 1}


def test_a_key_file_other_users_may_read_is_refused(tmp_path):
    import pytest

    from processor.config import KeySource
    from processor.errors import ConfigError
    from processor.policy import read_key

    key = tmp_path / "partner.key"
    key.write_text("k" * 40)
    key.chmod(0o644)
    with pytest.raises(ConfigError) as err:
        read_key(KeySource(file=key), "ads")
    assert "chmod 600" in str(err.value) and "'ads'" in str(err.value) and "k" * 40 not in str(err.value)
    key.chmod(0o600)
    assert read_key(KeySource(file=key), "ads") == b"k" * 40
