"""The pure parts of dead-letter handling: times given on the command line, the listing."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from processor.dead_letters import ReasonSummary, format_summary, parse_since
from processor.errors import ConfigError

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_since_takes_an_iso_time_or_a_span_back_from_now():
    assert parse_since("2026-11-30T10:00:00Z") == int(datetime(2026, 11, 30, 10, tzinfo=UTC).timestamp() * 1000)
    assert parse_since("6h", now=NOW) == int(datetime(2026, 12, 1, 6, tzinfo=UTC).timestamp() * 1000)
    assert parse_since("2d", now=NOW) == int(datetime(2026, 11, 29, 12, tzinfo=UTC).timestamp() * 1000)


def test_a_since_that_is_neither_says_what_is_expected():
    with pytest.raises(ConfigError, match=r"ISO 8601 .* 30m, 6h, 2d"):
        parse_since("yesterday")


def test_the_listing_gives_reasons_counts_and_streams():
    row = ReasonSummary("too-large", 3, Counter({"call-records": 2, "sms-records": 1}), 1, 1, 0, 1_000, "the event has 2,000 bytes")
    text = format_summary("dead-letter", 3, [row])
    assert "too-large" in text and "call-records 2, sms-records 1" in text
    assert "1 without the original" in text and "2026" not in text.splitlines()[0]
    assert format_summary("dead-letter", 0, []) == "dead-letter topic dead-letter: no dead letters"
