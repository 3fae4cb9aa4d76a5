import pytest

TRUE = [("from 192.168.1.20 port 22", "192.168.1.20"), ("client 2001:db8::8a2e:370:7334 connected", "2001:db8::8a2e:370:7334")]
DECOYS = ["Chrome/120.0.0.0 Mobile", "firmware 10.2.3.4.5 installed", "Gecko rv:1.9.5.20) Firefox", "version v1.2.3.4"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_ip_addresses(scan, text, expected):
    assert scan(text, "IP_ADDRESS") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_versions_are_not_ip_addresses(scan, text):
    assert scan(text, "IP_ADDRESS") == []
