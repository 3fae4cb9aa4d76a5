"""Shapes of values inside text: `key=value` pairs, read as fields named for what they hold."""

import pytest

from processor.shapes import key_values


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("GET /locate?lat=48.85&lng=2.35 HTTP/1.1", [("lat", "48.85"), ("lng", "2.35")]),
        ("attach ok imsi=310260123456789 msisdn=447700900123", [("imsi", "310260123456789"), ("msisdn", "447700900123")]),
        ("user=bob logged in", [("user", "bob")]),  # a space ends a value where spaces part the pairs
        # Pairs parted by ";" or "|" hold values with spaces.
        ("name=bác quang dương;city=papua new guinea;tel=+84-67-687245", [("name", "bác quang dương"), ("city", "papua new guinea"), ("tel", "+84-67-687245")]),
        ("a=1; b=two words | c=x", [("a", "1"), ("b", "two words"), ("c", "x")]),
    ],
)
def test_key_value_pairs_in_text(text, pairs):
    assert sorted((key, text[start:end]) for start, end, _, key in key_values(text)) == sorted(pairs)
