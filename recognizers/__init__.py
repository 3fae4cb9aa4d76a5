"""The project's recognizers and the one place where the recognizer registry is built.

Presidio's own recognizers are reused where they serve a telecom well (email, credit card
with Luhn, IBAN, US SSN, MAC address, phone numbers through `phonenumbers`, person and
location names through spaCy NER); telecom identifiers and the ones Presidio gets wrong for
this domain live in this package, one module each.
"""

from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    MacAddressRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UsSsnRecognizer,
)

from recognizers import email, iccid, imei, imsi, ip_address  # noqa: F401  (modules register themselves)
from recognizers.registry import registered

# Entities found by spaCy's NER; every other entity is found by patterns and checksums.
NER_ENTITIES = ("PERSON", "LOCATION")


def build_registry(language: str = "en", phone_regions: list[str] | None = None) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[language])
    for recognizer in (
        CreditCardRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        UsSsnRecognizer(supported_language=language),
        MacAddressRecognizer(supported_language=language),
        PhoneRecognizer(supported_language=language, supported_regions=phone_regions or ["US"]),
        SpacyRecognizer(supported_language=language, supported_entities=list(NER_ENTITIES)),
    ):
        registry.add_recognizer(recognizer)
    for cls in registered().values():
        registry.add_recognizer(cls(supported_language=language))
    return registry


def supported_entities(registry: RecognizerRegistry) -> list[str]:
    return sorted({e for r in registry.recognizers for e in r.supported_entities})
