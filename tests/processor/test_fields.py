"""Field-name inference: fields nobody declared are read by what their names say they hold."""

import pytest

from processor.config import DetectionSettings
from processor.events import BuiltinStream
from processor.fields import FieldNames, looks_like, words_of


@pytest.fixture(scope="module")
def names() -> FieldNames:
    return FieldNames(DetectionSettings().field_name_entities())


@pytest.mark.parametrize(
    ("key", "entity"),
    [
        ("servedMSISDN", "PHONE_NUMBER"),
        ("calledNumber", "PHONE_NUMBER"),
        ("callingPartyNumber", "PHONE_NUMBER"),
        ("CALLING_NUMBER", "PHONE_NUMBER"),
        ("msisdns", "PHONE_NUMBER"),
        ("servedIMSI", "IMSI"),
        ("imeisv", "IMEI"),
        ("account_id", "ACCOUNT_NUMBER"),
        ("accountNumber", "ACCOUNT_NUMBER"),
        ("billing-account", "ACCOUNT_NUMBER"),
        ("subscriberId", "SUBSCRIBER_ID"),
        ("contact_email", "EMAIL_ADDRESS"),
        ("lat", "LOCATION"),
        ("gpsLongitude", "LOCATION"),
        ("customerName", "PERSON"),
        ("last_name", "PERSON"),
        ("dhcp_hostname", "DEVICE_NAME"),
        ("deviceName", "DEVICE_NAME"),
        ("billing_address", "STREET_ADDRESS"),
        ("date_of_birth", "DATE_OF_BIRTH"),
        ("home_city", "LOCATION"),
        ("placeOfBirth", "LOCATION"),
        ("customerRef", "ACCOUNT_NUMBER"),
        # Named for something else, or too generic without a personal qualifier.
        ("file_name", None),
        ("plan_name", None),
        ("account_type", None),
        ("event_id", None),
        ("bytes_up", None),
        ("user_agent", None),
        ("call_type", None),
        ("mac_address", None),  # the MAC recognizer finds those by their shape
    ],
)
def test_a_field_name_says_what_the_field_holds(names, key, entity):
    assert names.entity_for(key) == entity


def test_names_split_into_words_however_they_are_written():
    assert words_of("servedMSISDN") == ("served", "msisdn")
    assert words_of("dhcp_hostname") == ("dhcp", "hostname")
    assert words_of("a-number2") == ("a", "number", "2")
    assert words_of("GPSLatitude") == ("gps", "latitude")


@pytest.mark.parametrize(
    ("entity", "value", "fits"),
    [
        ("PHONE_NUMBER", "4155550123", True),
        ("PHONE_NUMBER", 4155550123, True),
        ("PHONE_NUMBER", "unknown", False),
        ("LOCATION", 59.9139, True),
        ("LOCATION", "-33.8688", True),
        ("LOCATION", "Zaragoza", True),  # a place by its name
        ("PERSON", "Ana Ruiz", True),
        ("PERSON", 12, False),
        ("EMAIL_ADDRESS", "ana@example.org", True),
        ("EMAIL_ADDRESS", "n/a", False),
        ("ACCOUNT_NUMBER", "", False),
        ("ACCOUNT_NUMBER", True, False),
    ],
)
def test_a_value_must_look_the_part(entity, value, fits):
    assert looks_like(entity, value) is fits


def test_the_vocabulary_is_extended_and_trimmed_by_configuration():
    settings = DetectionSettings(field_names={"vip code": "ACCOUNT_NUMBER", "lat": ""})
    names = FieldNames(settings.field_name_entities())
    assert names.entity_for("vipCode") == "ACCOUNT_NUMBER"
    assert names.entity_for("lat") is None
    with pytest.raises(ValueError, match="lower-case words"):
        DetectionSettings(field_names={"Vip_Code": "ACCOUNT_NUMBER"})


def test_undeclared_fields_of_another_schema_are_found_whole(detector):
    event = {
        "recordType": "MOC",
        "servedIMSI": "310410123456789",
        "peer": {"msisdn": "4155550123", "role": "called"},
        "account_id": 55102938,
        "location": {"lat": 59.9139, "lng": 10.7522},
        "dhcp_hostname": "johns-ipad",
        "plan_name": "Unlimited 5G",
        "file_name": "cdr-2026-11-01.csv",
    }
    [detection] = detector.detect([(BuiltinStream.CALL_RECORDS, event)])
    found = {f.location: f.entity_type for f in detection.findings if f.whole_value}
    assert found == {
        ("servedIMSI",): "IMSI",
        ("peer", "msisdn"): "PHONE_NUMBER",
        ("account_id",): "ACCOUNT_NUMBER",
        ("location", "lat"): "LOCATION",
        ("location", "lng"): "LOCATION",
        ("dhcp_hostname",): "DEVICE_NAME",
    }


@pytest.mark.parametrize(
    ("parent", "key", "entity"),
    [
        # A leaf that says little alone is read with the object it sits in.
        ("address", "line1", "STREET_ADDRESS"),
        ("billing_details", "name", "PERSON"),
        ("home_address", "street", "STREET_ADDRESS"),
        ("contact", "mobile", "PHONE_NUMBER"),
        ("device", "name", "DEVICE_NAME"),
        # In an object named for a number, its address or value is the number (3GPP records).
        ("calledNumber", "address", "PHONE_NUMBER"),
        ("imsi", "value", "IMSI"),
        ("calledNumber", "typeOfNumber", None),
        # RADIUS names the subscriber's MSISDN so.
        ("", "Calling-Station-Id", "PHONE_NUMBER"),
        ("usage", "top_app", None),
        ("card", "brand", None),
    ],
)
def test_a_field_is_named_by_the_object_it_is_in_too(names, parent, key, entity):
    assert names.entity_for_path(parent, key) == entity


def test_a_user_name_that_is_an_email_address_is_left_to_the_scan():
    assert looks_like("PERSON", "casemiro68@example.org") is False


def test_fields_of_other_systems_schemas_are_found(detector):
    event = {
        "User-Name": "casemiro68@example.org",
        "Calling-Station-Id": "34611369128",
        "Called-Station-Id": "internet",
        "a_party": "4915112345678",
        "Acct-Session-Id": "2026112512345",
        "billing_details": {"name": "Sussanne Mathiesen", "address": {"line1": "Løgæble Allé 10", "city": "Vandel", "postal_code": "4296"}},
        "calledNumber": {"typeOfNumber": "international", "address": "33612345678"},
    }
    [detection] = detector.detect([(BuiltinStream.NETWORK_TELEMETRY, event)])
    found = {f.location: f.entity_type for f in detection.findings}
    assert found == {
        ("User-Name",): "EMAIL_ADDRESS",
        ("Calling-Station-Id",): "PHONE_NUMBER",
        ("a_party",): "PHONE_NUMBER",  # a mobile number in international digits, whatever the field's name
        ("billing_details", "name"): "PERSON",
        ("billing_details", "address", "line1"): "STREET_ADDRESS",
        ("billing_details", "address", "city"): "LOCATION",
        ("billing_details", "address", "postal_code"): "STREET_ADDRESS",
        ("calledNumber", "address"): "PHONE_NUMBER",
    }
