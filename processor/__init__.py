"""PII detection and redaction for telecom event streams."""

__version__ = "0.1.0"
