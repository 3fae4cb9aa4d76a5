import pytest
from cryptography.exceptions import InvalidTag

from processor import operators
from processor.operators import DROP, decrypt_tokens, generalize

KEY_A, KEY_B = b"a" * 32, b"b" * 32


def test_replace_and_redact():
    assert operators.build("replace", {})("x", "IMSI") == "<IMSI>"
    assert operators.build("replace", {"new_value": "[gone]"})("x", "IMSI") == "[gone]"
    assert operators.build("redact", {})("x", "IMSI") == ""


def test_mask_keeps_the_last_digits_but_never_most_of_a_short_value():
    assert operators.build("mask", {"keep_last": 4})("4111111111111111", "CREDIT_CARD") == "************1111"
    assert operators.build("mask", {"keep_last": 4})("12345", "PIN") == "***45"


def test_pseudonyms_are_stable_within_a_partner_and_unlinkable_across():
    a, b = operators.build("pseudonymize", {}, KEY_A), operators.build("pseudonymize", {}, KEY_B)
    assert a("+1 415 555 0123", "PHONE_NUMBER") == a("+14155550123", "PHONE_NUMBER")
    assert a("+14155550123", "PHONE_NUMBER") != b("+14155550123", "PHONE_NUMBER")
    assert a("+14155550123", "PHONE_NUMBER").startswith("PHONE_NUMBER:")
    assert "4155550123" not in a("+14155550123", "PHONE_NUMBER")


def test_encryption_is_deterministic_and_reversible_only_with_the_key():
    enc = operators.build("encrypt", {}, KEY_A)
    token = enc("310410123456789", "IMSI")
    assert token == enc("310410123456789", "IMSI") and "310410123456789" not in token
    assert decrypt_tokens(f"imsi was {token}.", KEY_A) == ("imsi was 310410123456789.", 1)
    with pytest.raises(InvalidTag):
        decrypt_tokens(token, KEY_B)


@pytest.mark.parametrize(
    ("value", "entity", "expected"),
    [
        ("203.0.113.77", "IP_ADDRESS", "203.0.113.0/24"),
        ("2001:db8:85a3::8a2e:370:7334", "IP_ADDRESS", "2001:db8:85a3::/48"),
        ("2026-11-01T08:41:17Z", "TIMESTAMP", "2026-11-01T08:00:00Z"),
        ("March 3, 1985", "DATE_OF_BIRTH", "1985"),
        ("310-410-1234-56789", "CELL_ID", "310-410-1234"),
        ("Jane Doe", "PERSON", "<PERSON>"),
    ],
)
def test_generalize(value, entity, expected):
    assert generalize(value, entity) == expected


def test_keep_and_drop():
    assert operators.build("keep", {})("v", "X") == "v"
    assert operators.build("drop", {})("v", "X") is DROP


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [("shred", {}, "unknown operator"), ("mask", {"keep": 4}, "no parameter"), ("mask", {"keep_last": -1}, "keep_last")],
)
def test_bad_operator_specs_are_explained(name, params, message):
    with pytest.raises(ValueError, match=message):
        operators.validate(name, params)


def test_generalized_addresses_are_the_networks_ipaddress_gives():
    import ipaddress

    for value in ["0.0.0.0", "1.2.3.4", "10.0.0.255", "192.168.100.99", "255.255.255.255", " 8.8.4.4 ", "2001:db8::1"]:
        ip = ipaddress.ip_address(value.strip())
        expected = str(ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 48}", strict=False))
        assert generalize(value, "IP_ADDRESS") == expected, value
    # Not an address as `ipaddress` reads it (a leading zero): nothing of it is kept.
    assert generalize("01.2.3.4", "IP_ADDRESS") == "<IP_ADDRESS>"
