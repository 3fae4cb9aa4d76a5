import pytest

from processor.events import MalformedEvent, decode, encode, replace_at, walk


def test_decode_round_trips_an_object():
    event = {"event_id": "e1", "n": 3, "nested": {"list": [1, "two"]}}
    assert decode(encode(event)) == event


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"{not json", "not-json"),
        (b"", "not-json"),
        (b"[1, 2]", "not-an-object"),
        (b'"just a string"', "not-an-object"),
        (None, "empty-event"),
        (b"\xff\xfe", "not-json"),
    ],
)
def test_decode_rejects_anything_but_an_object(raw, reason):
    with pytest.raises(MalformedEvent) as err:
        decode(raw)
    assert err.value.reason == reason


def test_decode_errors_never_quote_the_input():
    secret = b'{"imsi": "310410123456789", oops}'
    with pytest.raises(MalformedEvent) as err:
        decode(secret)
    assert "310410123456789" not in str(err.value)


def test_walk_yields_every_leaf_with_a_rule_path():
    event = {"a": "x", "b": {"c": 1}, "turns": [{"text": "hi"}, {"text": "yo"}], "flag": True, "none": None}
    leaves = {(loc, path): value for loc, path, value in walk(event)}
    assert leaves == {
        (("a",), "a"): "x",
        (("b", "c"), "b.c"): 1,
        (("turns", 0, "text"), "turns[].text"): "hi",
        (("turns", 1, "text"), "turns[].text"): "yo",
    }


def test_replace_at_sets_a_nested_value():
    event = {"turns": [{"text": "a"}, {"text": "b"}]}
    replace_at(event, ("turns", 1, "text"), "<X>")
    assert event == {"turns": [{"text": "a"}, {"text": "<X>"}]}


def test_integers_beyond_64_bits_are_decoded_and_encoded_exactly():
    raw = b'{"iccid": 89441000301234567891, "small": 7, "ratio": 0.5, "note": "89441000301234567891"}'
    event = decode(raw)
    assert event["iccid"] == 89441000301234567891 and type(event["iccid"]) is int
    assert event["ratio"] == 0.5
    assert encode(event) == b'{"iccid":89441000301234567891,"small":7,"ratio":0.5,"note":"89441000301234567891"}'


@pytest.mark.parametrize(
    ("raw", "reason", "named_limit"),
    [
        (b'{"a": "' + b"x" * 2_000 + b'"}', "too-large", "limits.max_event_bytes"),
        (b'{"a":' * 20 + b"1" + b"}" * 20, "too-deep", "limits.max_depth"),
        (b'{"a":' * 2_000 + b"1" + b"}" * 2_000, "too-deep", "limits.max_depth"),  # past orjson's own limit
        (b"[" * 5_000 + b"]" * 5_000, "too-deep", "limits.max_depth"),
    ],
)
def test_limits_are_checked_at_decoding_and_named_in_the_reason(raw, reason, named_limit):
    with pytest.raises(MalformedEvent) as err:
        decode(raw, max_bytes=1_500, max_depth=10) if reason == "too-large" else decode(raw, max_depth=10)
    assert err.value.reason == reason
    assert named_limit in err.value.detail


def test_many_brackets_side_by_side_are_not_depth():
    event = {"turns": [{"text": str(i)} for i in range(500)]}
    assert decode(encode(event), max_depth=3) == event
