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
