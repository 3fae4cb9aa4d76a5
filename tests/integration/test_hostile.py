"""Hostile events against the service on the real broker: none of them stops, stalls or slips
through the stream. Good events behind them arrive; each bad one is dead-lettered with a reason
that says what happened; the service ends on its own with status 0; in = out + dead-letter."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import orjson
import pytest
from confluent_kafka import Producer

from processor.events import BuiltinStream

from .conftest import consume_all, run_service

pytestmark = pytest.mark.integration

LIMITS_YAML = """
limits:
  max_event_bytes: 200000
  max_depth: 32
  max_scan_chars: 60000
  max_output_bytes: 60000
"""
ICCID = 89441000301234567891  # Luhn-valid, 20 digits: above 2**64
SUBSCRIBER_IMSI = "310410123456789"


def good(n: int) -> bytes:
    return orjson.dumps({"event_id": f"good-{n}", "call_type": "voice", "imsi": SUBSCRIBER_IMSI, "notes": f"call {n} dropped, customer called back"})


def nested(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


def test_hostile_events_are_dead_lettered_and_the_stream_goes_on(kafka_bootstrap, topics, tmp_path: Path):
    config = tmp_path / "limits.yaml"
    config.write_text(LIMITS_YAML)
    huge = orjson.dumps({"event_id": "huge", "notes": "a" * 5_000_000})  # 5 MB, a few KB compressed
    expanding = orjson.dumps({"event_id": "expanding", "notes": "x@y.io " * 5_000})  # 35 KB, redacted 80 KB
    costly = orjson.dumps({"event_id": "costly", "notes": "12 " * 25_000})  # 75,000 characters to scan
    slow_but_allowed = orjson.dumps({"event_id": "near-budget", "notes": "ab: " * 14_000})  # 56,000 characters, none an identifier
    big_number = orjson.dumps({"event_id": "iccid", "call_type": "data"})[:-1] + f',"iccid":{ICCID}}}'.encode()
    sent: list[tuple[bytes, list[tuple[str, bytes]] | None]] = [
        (good(1), None),
        (huge, None),
        (good(2), None),
        (expanding, None),
        (good(3), None),
        (costly, None),
        (slow_but_allowed, None),
        (big_number, None),
        (nested(40), None),
        (b"{not json", [("trace-id", b"abc-123")]),
        (good(4), None),
    ]
    producer = Producer({"bootstrap.servers": kafka_bootstrap, "compression.type": "gzip", "message.max.bytes": 10_000_000})
    for value, headers in sent:
        producer.produce(topics.input(BuiltinStream.CALL_RECORDS), value=value, headers=headers)
    assert producer.flush(30) == 0

    started = time.monotonic()
    result = run_service(topics.env, "--config", str(config), "--stop-when-idle", "4")
    assert result.returncode == 0, result.stderr[-2000:]
    # Nothing above may hold the partition for long: the bound is loose for a loaded machine.
    assert time.monotonic() - started < 120

    output = topics.output(BuiltinStream.CALL_RECORDS)
    got = consume_all(kafka_bootstrap, [output, topics.dead_letter], expected=len(sent))
    delivered = [orjson.loads(m.value()) for m in got[output]]
    dead = {dict(m.headers())["reason"].decode(): m for m in got[topics.dead_letter]}
    # Counts and ids only: a failing assertion must not print an event.
    delivered_ids = sorted(e["event_id"] for e in delivered)
    dead_reasons = sorted(dead)
    assert delivered_ids == ["good-1", "good-2", "good-3", "good-4", "iccid", "near-budget"]
    assert dead_reasons == ["not-json", "output-too-large", "too-costly", "too-deep", "too-large"]
    total_in, total_out, total_dead = len(sent), len(delivered), len(got[topics.dead_letter])
    assert total_in == total_out + total_dead

    # The big number is found and replaced, not turned into a float that keeps 16 of its digits.
    iccid_copy = next(m.value() for m in got[output] if b'"iccid"' in m.value())
    kept_digits, as_float = str(ICCID)[:12].encode() in iccid_copy, b"e+19" in iccid_copy
    assert not kept_digits and not as_float
    assert orjson.loads(iccid_copy)["iccid"] == "<ICCID>"

    # Each dead letter says what happened, naming limits and fields, never values.
    headers = {reason: {k: v.decode() for k, v in m.headers()} for reason, m in dead.items()}
    assert "limits.max_event_bytes" in headers["too-large"]["detail"]
    assert "limits.max_scan_chars" in headers["too-costly"]["detail"] and "notes" in headers["too-costly"]["detail"]
    assert "limits.max_output_bytes" in headers["output-too-large"]["detail"]
    assert "limits.max_depth" in headers["too-deep"]["detail"]
    # Too large to carry: a pointer to the original instead of its bytes.
    assert dead["too-large"].value() is None
    assert headers["too-large"]["source.size"] == str(len(huge))
    assert headers["too-large"]["source.sha256"] == hashlib.sha256(huge).hexdigest()
    # Small enough to carry: the original bytes, and the original headers under a prefix.
    assert dead["output-too-large"].value() == expanding
    assert dead["not-json"].value() == b"{not json"
    assert headers["not-json"]["source.header.trace-id"] == "abc-123"
