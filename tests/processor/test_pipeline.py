"""The pure core end to end, on generated events: no broker needed."""

import uuid

import orjson
import pytest

from processor.events import BuiltinStream
from processor.generate import generate
from processor.pipeline import Record

SAFE_FIELDS = {
    BuiltinStream.CALL_RECORDS: ["event_id", "start_time", "duration_s", "call_type"],
    BuiltinStream.SUPPORT_TRANSCRIPTS: ["event_id", "conversation_id", "channel", "started_at"],
    BuiltinStream.NETWORK_TELEMETRY: ["event_id", "timestamp", "user_agent", "bytes_up", "bytes_down"],
}


@pytest.mark.parametrize("kind", list(BuiltinStream))
def test_no_planted_identifier_survives_and_safe_fields_do(pipeline, kind):
    events = generate(kind, 40, seed=7)
    outcomes = pipeline.process([Record(kind, orjson.dumps(g.event)) for g in events])
    assert len(outcomes) == len(events)
    for g, outcome in zip(events, outcomes):
        assert outcome.dead_letter is None
        [output] = outcome.outputs
        assert output.topic == f"redacted.{kind.value}"
        text = output.value.decode()
        # Indexes, not values: a failing test must not print identifiers either.
        leaked = [i for i, value in enumerate(g.planted) if value in text]
        assert not leaked, f"planted values {leaked} of a {kind.value} event leaked"
        redacted = orjson.loads(output.value)
        for name in SAFE_FIELDS[kind]:
            assert redacted[name] == g.event[name], f"{name} was over-redacted"


def test_every_record_has_exactly_one_outcome_and_bad_ones_are_dead_letters(pipeline):
    good = orjson.dumps(generate(BuiltinStream.CALL_RECORDS, 1)[0].event)
    records = [Record(BuiltinStream.CALL_RECORDS, v) for v in (good, b"{oops", b"[]", None, good)]
    outcomes = pipeline.process(records)
    kinds = [(bool(o.outputs), o.dead_letter.reason if o.dead_letter else None) for o in outcomes]
    assert kinds == [(True, None), (False, "not-json"), (False, "not-an-object"), (False, "empty-event"), (True, None)]


def test_a_failure_inside_detection_becomes_a_dead_letter_not_an_output(pipeline, monkeypatch):
    def broken(*a, **kw):
        raise ValueError("something in +1 415 555 0123 broke")

    phone = next(r for r in pipeline.detector.analyzer.registry.recognizers if r.name == "MsisdnRecognizer")
    monkeypatch.setattr(phone, "analyze", broken)
    # A text never seen before: a remembered one would not be analyzed again.
    note = f"call +1 415 555 0123 ({uuid.uuid4()})"
    [outcome] = pipeline.process([Record(BuiltinStream.CALL_RECORDS, orjson.dumps({"notes": note}))])
    assert outcome.outputs == []
    assert outcome.dead_letter.reason == "detection-failed"
    # The exception message quoted the value; the dead letter reason does not.
    assert "415" not in outcome.dead_letter.detail


def test_source_keys_are_not_forwarded(pipeline):
    [outcome] = pipeline.process([Record(BuiltinStream.CALL_RECORDS, b'{"event_id": "e"}', key=b"+14155550123")])
    assert outcome.outputs[0].key is None


def test_an_identifier_used_as_a_field_name_sends_the_event_to_the_dead_letter_topic(pipeline):
    event = {"event_id": "e", "speed_dial": {"+14155550123": "mom", "2": "work"}}
    [outcome] = pipeline.process([Record(BuiltinStream.CALL_RECORDS, orjson.dumps(event))])
    assert outcome.outputs == []
    assert outcome.dead_letter.reason == "identifier-in-field-name"
    assert "415" not in outcome.dead_letter.detail


@pytest.mark.parametrize("names", [{"Ana Ruiz": "sister", "Bo": "friend"}, {"José": "friend"}])
def test_a_person_named_in_a_field_name_sends_the_event_to_the_dead_letter_topic(pipeline, names):
    # Field names are not redacted (renaming fields would break every consumer): one that a
    # person typed and that holds a name stops the event.
    [outcome] = pipeline.process([Record(BuiltinStream.CALL_RECORDS, orjson.dumps({"event_id": "e", "contacts": names}))])
    assert outcome.outputs == []
    assert outcome.dead_letter.reason == "identifier-in-field-name"
    assert "Ruiz" not in outcome.dead_letter.detail and "José" not in outcome.dead_letter.detail


def test_field_names_with_spaces_that_name_nobody_pass(pipeline):
    [outcome] = pipeline.process([Record(BuiltinStream.CALL_RECORDS, orjson.dumps({"event_id": "e", "Call Type": "voice", "Duration s": 12}))])
    assert outcome.dead_letter is None and outcome.outputs


def test_the_tally_of_a_batch_accounts_for_every_event_per_recipient(detector):
    from processor.config_file import load_config
    from processor.consent import ConsentTable
    from processor.detect import Detector
    from processor.pipeline import Pipeline, Tally

    # The worked example: telemetry goes to the redacted copy and to the advertising partner.
    config = load_config("config/pipeline.yaml", environ={})
    consent = ConsentTable()
    pipeline = Pipeline(config, Detector(config, detector.analyzer), consent)
    events = [g.event for g in generate(BuiltinStream.NETWORK_TELEMETRY, 6, seed=3)]
    for n, event in enumerate(events):
        event["subscriber_id"] = f"SUB-1000000{n}"
    consent.set("SUB-10000000", frozenset({"advertising"}))
    del events[1]["subscriber_id"]
    payloads = [orjson.dumps(e) for e in events] + [b"{oops"]
    tally = Tally.of(pipeline.process([Record(BuiltinStream.NETWORK_TELEMETRY, p) for p in payloads]))

    assert tally.events == tally.consumed["network-telemetry"] == 7
    assert tally.dead_lettered == {"not-json": 1}
    assert tally.produced == {"redacted.network-telemetry": 6, "partner.advertising-partner.network-telemetry": 4}
    assert tally.dropped == {("advertising-partner", "opted-out"): 1, ("advertising-partner", "no-subscriber-key"): 1}
    assert tally.entities["IP_ADDRESS"] >= 6


@pytest.fixture(scope="module")
def tight(detector):
    """A pipeline with small limits, to show what happens at each of them."""
    from processor.config import PipelineConfig
    from processor.detect import Detector
    from processor.pipeline import Pipeline

    config = PipelineConfig.model_validate({"limits": {"max_scan_chars": 5_000, "max_output_bytes": 10_240, "max_event_bytes": 100_000}})
    return Pipeline(config, Detector(config, detector.analyzer))


def test_an_event_that_would_cost_too_much_to_scan_is_dead_lettered_naming_its_field(tight):
    event = {"event_id": "e", "turns": [{"speaker": "agent", "text": "12 " * 2_000}]}
    [outcome] = tight.process([Record(BuiltinStream.SUPPORT_TRANSCRIPTS, orjson.dumps(event))])
    assert outcome.outputs == [] and outcome.dead_letter.reason == "too-costly"
    assert "turns[].text" in outcome.dead_letter.detail and "limits.max_scan_chars" in outcome.dead_letter.detail


def test_a_copy_larger_than_may_be_produced_is_dead_lettered_whole(tight):
    # 4,900 characters of addresses grow to 11,200 when each becomes <EMAIL_ADDRESS>.
    event = {"event_id": "e", "notes": "x@y.io " * 700}
    [outcome] = tight.process([Record(BuiltinStream.CALL_RECORDS, orjson.dumps(event))])
    assert outcome.outputs == [] and outcome.dropped == []
    assert outcome.dead_letter.reason == "output-too-large"
    assert "limits.max_output_bytes" in outcome.dead_letter.detail


def test_a_dead_letter_carries_the_original_its_headers_or_a_pointer_when_too_large():
    import hashlib

    from processor.pipeline import DeadLetter, Origin, Outcome, dead_letter_message

    origin = Origin("raw.call-records", 2, 41)
    small = Outcome(Record(BuiltinStream.CALL_RECORDS, b"{oops", b"k", origin, [("trace", b"t-1")]), dead_letter=DeadLetter("not-json", "at 1"))
    key, value, headers = dead_letter_message(small, 20_000)
    assert (key, value) == (b"k", b"{oops")
    assert ("source.header.trace", b"t-1") in headers and ("source.offset", b"41") in headers

    big_value = b"x" * 50_000
    big = Outcome(Record(BuiltinStream.CALL_RECORDS, big_value, None, origin), dead_letter=DeadLetter("too-large", "50,000 bytes"))
    key, value, headers = dead_letter_message(big, 20_000)
    found = dict(headers)
    assert value is None
    assert found["source.size"] == b"50000" and found["source.sha256"] == hashlib.sha256(big_value).hexdigest().encode()
    assert found["source.topic"] == b"raw.call-records" and found["source.partition"] == b"2"
