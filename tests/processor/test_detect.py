"""Detection: field rules, safe shapes, scanning, echoes and per-event errors."""

import pytest

from processor.events import BuiltinStream, decode, encode
from processor.pipeline import Record

CALL = BuiltinStream.CALL_RECORDS
TELEMETRY = BuiltinStream.NETWORK_TELEMETRY


def found(detector, kind, event):
    [detection] = detector.detect([(kind, event)])
    assert detection.error is None
    return {(f.location, f.entity_type) for f in detection.findings}


def test_field_rules_mark_whole_values_whether_string_or_number(detector):
    event = {"imsi": "310410123456789", "callee_msisdn": 4155550123, "imei": 490154203237518}
    assert found(detector, CALL, event) == {
        (("imsi",), "IMSI"),
        (("callee_msisdn",), "PHONE_NUMBER"),
        (("imei",), "IMEI"),
    }


def test_safe_shapes_keep_ids_timestamps_and_counts(detector):
    event = {
        "event_id": "5f045076-60b8-4c7f-8db4-a2dde3fdc58d",
        "timestamp": "2026-11-01T08:00:17Z",
        "bytes_up": 1586251,
        "bytes_down": 23365461,
        "user_agent": "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    }
    assert found(detector, TELEMETRY, event) == set()


def test_a_timestamp_field_holding_something_else_is_scanned(detector):
    event = {"start_time": "call me on +44 7911 123456"}
    assert (("start_time",), "PHONE_NUMBER") in found(detector, CALL, event)


def test_a_count_that_is_a_valid_imei_is_not_kept(detector):
    # 490154203237518 has a valid Luhn check digit: no byte counter looks like that by chance.
    assert found(detector, CALL, {"duration_s": 490154203237518}) == {(("duration_s",), "IMEI")}


def test_unknown_fields_are_scanned_at_any_depth(detector):
    event = {"extra": {"contact": [{"who": "Reach Jane Doe at jane.doe@example.com"}]}}
    result = found(detector, CALL, event)
    assert (("extra", "contact", 0, "who"), "EMAIL_ADDRESS") in result
    assert (("extra", "contact", 0, "who"), "PERSON") in result


def test_unknown_numeric_field_holding_a_phone_number_is_caught(detector):
    assert found(detector, CALL, {"contact_number": 14155550123}) == {(("contact_number",), "PHONE_NUMBER")}


def test_values_found_by_a_rule_are_also_removed_where_they_are_repeated(detector):
    event = {"imsi": "310410123456789", "notes": "sim swap, old 310410123456789 retired"}
    [detection] = detector.detect([(CALL, event)])
    spans = [f for f in detection.findings if f.location == ("notes",)]
    assert any(event["notes"][f.start : f.end] == "310410123456789" for f in spans)


def recognizer(detector, name):
    return next(r for r in detector.analyzer.registry.recognizers if r.name == name)


def test_one_failing_event_does_not_fail_its_batch(detector, monkeypatch):
    census = recognizer(detector, "CensusFullNameRecognizer")
    original = census.analyze

    def flaky(text, *a, **kw):
        if "BOOM" in text:
            raise RuntimeError("recognizer crashed on this text")
        return original(text, *a, **kw)

    monkeypatch.setattr(census, "analyze", flaky)
    good, bad = detector.detect([(CALL, {"notes": "call +1 415 555 0123"}), (CALL, {"notes": "BOOM"})])
    assert good.error is None and good.findings
    assert isinstance(bad.error, RuntimeError)


def test_urls_keep_their_host_and_lose_identifiers_in_path_and_query(pipeline):
    event = {"url": "https://shop.example.com/account/jane.doe@example.org/orders?phone=%2B14155550123&page=2"}
    [outcome] = pipeline.process([Record(TELEMETRY, encode(event))])
    url = decode(outcome.outputs[0].value)["url"]
    assert url == "https://shop.example.com/account/<EMAIL_ADDRESS>/orders?phone=<PHONE_NUMBER>&page=2"


def test_a_name_inside_an_address_is_reported_as_the_address(detector):
    # "Jon Plaza" is a census given name and surname, and also the street of this address.
    assert found(detector, CALL, {"notes": "my billing address is 2869 Jon Plaza Apt. 476"}) == {(("notes",), "STREET_ADDRESS")}


def test_a_machine_field_that_is_exactly_an_address_is_marked_whole_without_a_scan(detector):
    # dst_ip, user_agent and url are `code` fields of the telemetry stream.
    events = [
        {"dst_ip": "203.0.113.77", "user_agent": "84:bf:2c:e0:37:53", "url": "::"},
        {"dst_ip": "fe80::1ff:fe23:4567:890a"},
    ]
    first, second = detector.detect([(TELEMETRY, e) for e in events])
    assert {(f.location, f.entity_type, f.start, f.source) for f in first.findings} == {
        (("dst_ip",), "IP_ADDRESS", None, "whole-value"),
        (("user_agent",), "MAC_ADDRESS", None, "whole-value"),
    }
    assert [(f.entity_type, f.source) for f in second.findings] == [("IP_ADDRESS", "whole-value")]


def test_whole_addresses_are_judged_as_the_ipaddress_module_judges_them():
    import ipaddress

    from processor.detect import whole_identifier

    def by_module(value):
        try:
            return None if ipaddress.ip_address(value).is_unspecified else "IP_ADDRESS"
        except ValueError:
            return None

    values = ["0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3.04", "10.0.0.1", "192.168.1.300", "1.2.3", "1.2.3.4.5", "::", "::1", "2001:db8::7"]
    values += [f"{a}.{b}.{c}.{d}" for a in (0, 9, 10, 99, 100, 199, 200, 249, 250, 255) for b, c, d in ((0, 0, 1), (25, 250, 255))]
    for value in values:
        assert whole_identifier(value) == by_module(value), value


def test_each_identifier_is_counted_once_and_repeats_elsewhere_are_echoes(detector):
    event = {"notes": "call me on +1 415 555 0123 please", "call_type": "voice", "extra": "fwd +1 415 555 0123"}
    [detection] = detector.detect([(CALL, event)])
    phones = sorted((f.location, f.source == "echo") for f in detection.findings if f.entity_type == "PHONE_NUMBER")
    # One finding in the note (no echo of itself), and the repeat in another field found once.
    assert [loc for loc, _ in phones].count(("notes",)) == 1
    assert [loc for loc, _ in phones].count(("extra",)) == 1


def test_a_long_text_is_scanned_in_chunks_and_nothing_at_a_seam_is_missed(detector):
    from processor.detect import CHUNK_CHARS, chunks

    filler = "the line was fine all day and nothing else happened here. "
    text = ""
    planted = []
    while len(text) < 5 * CHUNK_CHARS:
        number = f"+44 20 7946 {len(planted):04d}"
        planted.append(number)
        text += filler * 3 + f"call {number} or mail user{len(planted)}@example.org. "
    pieces = chunks(text)
    assert len(pieces) >= 5 and all(text[at : at + len(p)] == p for at, p in pieces)
    [detection] = detector.detect([(CALL, {"notes": text})])
    spans = sorted((f.start, f.end) for f in detection.findings if f.entity_type == "PHONE_NUMBER")
    assert [text[s:e] for s, e in spans] == planted  # each once, none cut at a seam


def test_query_parameters_are_fields_named_for_what_they_hold(detector):
    url = "https://maps.example.com/q?lat=59.9139&lng=10.7522&lang=en&msisdn=4155550123"
    [detection] = detector.detect([(TELEMETRY, {"url": url})])
    found = sorted((url[f.start : f.end], f.entity_type) for f in detection.findings)
    assert found == [("10.7522", "LOCATION"), ("4155550123", "PHONE_NUMBER"), ("59.9139", "LOCATION")]


def test_key_value_pairs_inside_free_text_are_fields_too(detector):
    # A request line or a log line in a field nobody declared: its keys say what its values hold.
    line = "GET /api/v1/locate?lat=48.8566&lng=2.3522&user=jean.dupont%40example.fr HTTP/1.1 imsi=310260123456789"
    [detection] = detector.detect([(TELEMETRY, {"request": line})])
    found = {(line[f.start : f.end], f.entity_type) for f in detection.findings}
    assert {("48.8566", "LOCATION"), ("2.3522", "LOCATION"), ("310260123456789", "IMSI")} <= found
    # Percent-encoded, the value is read decoded: the whole encoded span is the email address.
    assert ("jean.dupont%40example.fr", "EMAIL_ADDRESS") in found


def test_a_city_field_is_a_place_by_its_name(detector):
    event = {"subscriber": {"home_city": "Zaragoza", "customerRef": "CUST-0099812"}}
    assert found(detector, CALL, event) >= {(("subscriber", "home_city"), "LOCATION"), (("subscriber", "customerRef"), "ACCOUNT_NUMBER")}


def test_names_in_the_words_of_a_link_are_found(detector):
    url = "https://www.example.com/in/maria-gonzalez/settings"
    [detection] = detector.detect([(TELEMETRY, {"url": url})])
    assert [(url[f.start : f.end], f.entity_type) for f in detection.findings] == [("maria-gonzalez", "PERSON")]


# The Turkish capital dotted I is read as I, one for one: its lower case is two characters no
# list of names or places holds.
@pytest.mark.parametrize(("text", "expected"), [("[Pakistan] İlsu: the line is dead again", "İlsu"), ("moved to İZMİR last week", "İZMİR")])
def test_a_dotted_capital_i_is_read_as_i(detector, text, expected):
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, {"notes": text})])
    assert expected in [text[f.start : f.end] for f in detection.findings]
