"""Registration of recognizers: a module marks its recognizer class with `@register`, and
`recognizers.build_registry` instantiates every registered class. Adding an identifier is
one new module and one import line in `recognizers/__init__.py`."""

from presidio_analyzer import EntityRecognizer

_REGISTERED: dict[str, type[EntityRecognizer]] = {}


def register(cls: type[EntityRecognizer]) -> type[EntityRecognizer]:
    if cls.__name__ in _REGISTERED and _REGISTERED[cls.__name__] is not cls:
        raise ValueError(f"two recognizers are registered as {cls.__name__}")
    _REGISTERED[cls.__name__] = cls
    return cls


def registered() -> dict[str, type[EntityRecognizer]]:
    return dict(_REGISTERED)
