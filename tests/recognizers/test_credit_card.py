import pytest

from recognizers.credit_card import plausible_card_number


@pytest.mark.parametrize("text", ["card 4111 1111 1111 1111", "amex 3782-822463-10005", "pay with 5555555555554444"])
def test_card_numbers(scan, text):
    assert len(scan(text, "CREDIT_CARD")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112",  # Luhn fails
        "IMEI 490154203237518",  # Luhn-valid, but Visa issues no 15-digit numbers
    ],
)
def test_not_card_numbers(scan, text):
    assert scan(text, "CREDIT_CARD") == []


def test_lengths_follow_the_card_network():
    assert plausible_card_number("378282246310005")  # Amex, 15
    assert not plausible_card_number("4" * 15)
    assert not plausible_card_number("9" * 16)


@pytest.mark.parametrize(
    "text",
    [
        "jcb 180012345678905",  # JCB's 15-digit range
        "card 213100000000019",
        "maestro 601234567894",  # Maestro issues 12 to 19 digits
        "maestro 6759 1234 5674",
    ],
)
def test_cards_of_every_issuer_length(scan, text):
    assert len(scan(text, "CREDIT_CARD")) == 1
