import pytest

from recognizers.imsi import is_mobile_country_code


@pytest.mark.parametrize(
    "text",
    ["IMSI 310410123456789 attached", "subscriber identity 234150987654321", "imsi=262-01-1234567890"],
)
def test_imsi_with_a_real_mobile_country_code(scan, text):
    assert len(scan(text, "IMSI")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "IMSI 999410123456789 attached",  # 999 is no mobile country code
        "imsi 31041012345678",  # 14 digits
        "invoice 1234567890123456",  # 16 digits
    ],
)
def test_not_an_imsi(scan, text):
    assert scan(text, "IMSI") == []


def test_mobile_country_codes_come_from_the_itu_list():
    assert is_mobile_country_code("310") and is_mobile_country_code("234") and is_mobile_country_code("460")
    assert not is_mobile_country_code("999") and not is_mobile_country_code("123")
