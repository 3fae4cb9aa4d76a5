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


def luhn_complete(body: str) -> str:
    """`body` followed by the Luhn check digit that makes it valid (for generated test data)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = (ord(ch) - 48) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def only_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def cue_before(text: str, start: int, words: tuple[str, ...], window: int = 40) -> str | None:
    """The last of `words` that stands in the `window` characters before `start`, if any."""
    before = text[max(0, start - window) : start].lower()
    best, where = None, -1
    for w in words:
        i = before.rfind(w)
        if i > where:
            best, where = w, i
    return best
