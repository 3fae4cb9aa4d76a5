import pytest


@pytest.mark.parametrize("text", ["write to jane.doe@example.org", "JOHN_SMITH+news@mail.co.uk is mine"])
def test_email_addresses(scan, text):
    assert len(scan(text, "EMAIL_ADDRESS")) == 1


@pytest.mark.parametrize("text", ["user@localhost", "file name@2x.png"])
def test_no_public_domain_no_email(scan, text):
    assert scan(text, "EMAIL_ADDRESS") == []
