"""The project's recognizers, one module each, most of them subclasses of Presidio's.

Presidio's own recognizers are reused as they are where they serve a telecom well (IBAN,
US SSN, MAC address). Telecom identifiers, and the recognizers Presidio gets wrong for this
domain (phone numbers inside tokens, card numbers of impossible length, versions taken for IP
addresses, email validation that goes online, NER that takes units for people), live here.

`recognizers.catalog.build_registry` builds them all; this module only names the entity
classes the detector treats specially, so importing it costs nothing.
"""

# Entities found with spaCy's NER (and cues); every other entity is found by patterns and
# checksums, and is all that `code` values are scanned for.
NER_ENTITIES = ("PERSON", "LOCATION")
# Entity types that are found only to shield others (an organisation's name is no person's):
# they overrule what they contain and are then dropped, never redacted.
SHIELD_ENTITIES = ("ORGANIZATION",)
# Every entity type this package's recognizers (and the Presidio ones it reuses) report, besides
# the operator's own custom patterns: what a partner's `operators:` may name. A test checks it
# against the registry.
ENTITIES = (
    "ACCOUNT_NUMBER", "CELL_ID", "CREDIT_CARD", "DATE_OF_BIRTH", "EMAIL_ADDRESS", "IBAN_CODE", "ICCID",
    "IMEI", "IMSI", "IP_ADDRESS", "LOCATION", "MAC_ADDRESS", "PERSON", "PHONE_NUMBER", "SECRET_ANSWER",
    "STREET_ADDRESS", "SUBSCRIBER_ID", "US_SSN",
)  # fmt: skip
