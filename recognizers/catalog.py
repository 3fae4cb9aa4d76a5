"""The one place where the recognizer registry is built: Presidio's reused recognizers and
every module of this package that registers one (see `recognizers.registry`)."""

from presidio_analyzer import EntityRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    IbanRecognizer,
    MacAddressRecognizer,
    UsSsnRecognizer,
)

from recognizers import (  # noqa: F401  (modules register themselves)
    account_number,
    cell_id,
    coordinates,
    credit_card,
    date_of_birth,
    device_name,
    email,
    iccid,
    imei,
    imsi,
    ip_address,
    location,
    organization,
    person,
    phone,
    secret_answer,
    spelled_email,
    spelled_name,
    spoken_digits,
    street_address,
    world_address,
)
from recognizers.registry import registered
from recognizers.settings import RecognizerSettings


# Presidio's recognizers with skip conditions (see recognizers.registry.min_digits), under
# Presidio's names: an IBAN's check digits, the nine digits of every SSN form, the hex pairs of
# every MAC form.
class _Iban(IbanRecognizer):
    MIN_DIGITS = 2


class _UsSsn(UsSsnRecognizer):
    MIN_DIGITS = MIN_RUN = 9


class _MacAddress(MacAddressRecognizer):
    # Anchored on the separator and looking back: starting at every hex letter of ordinary
    # text, "a" to "f", made the same test three times slower.
    REQUIRES = r"[:-](?<=[0-9A-Fa-f]{2}[:-])[0-9A-Fa-f]{2}|\.(?<=[0-9A-Fa-f]{4}\.)[0-9A-Fa-f]{4}"


def build_registry(settings: RecognizerSettings) -> RecognizerRegistry:
    language = settings.language
    registry = RecognizerRegistry(supported_languages=[language])
    reused: list[EntityRecognizer] = [cls(supported_language=language, name=cls.__mro__[1].__name__) for cls in (_Iban, _UsSsn, _MacAddress)]
    for recognizer in reused:
        registry.add_recognizer(recognizer)
    for factory in registered().values():
        built = factory(settings)
        for recognizer in built if isinstance(built, list) else [built]:
            registry.add_recognizer(recognizer)
    return registry


def supported_entities(registry: RecognizerRegistry) -> list[str]:
    return sorted({e for r in registry.recognizers for e in r.supported_entities})
