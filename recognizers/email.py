"""Email addresses.

Presidio's EmailRecognizer validates the domain with `tldextract`, whose default extractor
downloads the public suffix list from the internet on first use: on a closed network that is
a stall and a stack trace per process. This subclass validates against the suffix list
snapshot that ships inside `tldextract`, and never goes online.
"""

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from recognizers.registry import register

_OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@register
class OfflineEmailRecognizer(EmailRecognizer):
    REQUIRES = "@"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name="OfflineEmailRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        return bool(_OFFLINE(pattern_text).fqdn)
