"""Latitude and longitude pairs: where someone is, to a few metres."""

import pytest

from processor.events import BuiltinStream


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customer at 48.8566, 2.3522 says no signal", "48.8566, 2.3522"),
        ("gps -33.8688 151.2093 from the handset", "-33.8688 151.2093"),
        ("last fix 52.520008,13.404954", "52.520008,13.404954"),
    ],
)
def test_a_latitude_and_longitude_pair(scan, text, expected):
    assert scan(text, "LOCATION") == [expected]


@pytest.mark.parametrize(
    "text", ["firmware 1.2.3 and 4.5.6", "paid 12.500, 13.400 and 14.100", "the ratio is 95.1234, 200.5678 today", "version 10.0.19045.2965"]
)
def test_numbers_that_are_no_coordinates(scan, text):
    assert scan(text, "LOCATION") == []


def test_a_map_link_loses_its_coordinates_and_keeps_its_host(detector):
    url = "https://maps.example.com/@48.8566,2.3522,15z"
    [detection] = detector.detect([(BuiltinStream.NETWORK_TELEMETRY, {"referrer": url})])
    assert [(url[f.start : f.end], f.entity_type) for f in detection.findings] == [("48.8566,2.3522", "LOCATION")]
