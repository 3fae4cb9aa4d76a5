"""Check-digit algorithms shared by the identifier recognizers."""


def luhn_valid(digits: str) -> bool:
    """True when `digits` (only 0-9) carries a valid Luhn (ISO/IEC 7812) check digit."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def only_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
