import pytest

TRUE = [
    ("IMEI 490154203237518 reported stolen", "490154203237518"),
    ("device 35-209900-176148-1 keeps rebooting", "35-209900-176148-1"),
    ("imei: 35 209900 176148 1", "35 209900 176148 1"),
    ("IMEISV 3520990017614823 on the handset", "3520990017614823"),
]
DECOYS = [
    "order 490154203237519 shipped",  # wrong check digit
    "ticket 4901542032375 opened",  # 13 digits
    "build 35.209900.176148.1.2",  # version-like dotted run
    "reference 3520990017614823",  # 16 digits without IMEI context: no checksum to trust
]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_imei_in_its_usual_formats(scan, text, expected):
    assert scan(text, "IMEI") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_look_alikes_are_not_imeis(scan, text):
    assert scan(text, "IMEI") == []
