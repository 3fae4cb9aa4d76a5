"""A small fixed set of made-up events per stream, processed and thrown away before a service
reports ready: the first real events then meet loaded phone metadata, name and place lists,
warm operators and a warm interpreter instead of paying for them in their latency.

Fixed on purpose: the production path must not import the test-data generator (Faker), and
the same events make every start behave the same. Every value here is invented."""

from __future__ import annotations

from typing import Any

from processor.events import BuiltinStream

_CALLS = [
    {
        "caller_msisdn": "+33612155{i:03d}",
        "callee_msisdn": "+44 7407 856{i:03d}",
        "imsi": "405857202439{i:03d}",
        "imei": "353322110556199",
        "cell_id": "405-857-1201-118172{i:03d}",
        "notes": "Dropped call, customer retried.",
    },
    {
        "caller_msisdn": "+1 415 555 0{i:03d}",
        "callee_msisdn": "(212) 555-0{i:03d}",
        "imsi": "310260000000{i:03d}",
        "imei": "490154203237518",
        "cell_id": "310-260-4001-{i}",
        "notes": "Call back requested by Xiomara Okonkwo from Denver.",
    },
]
_TRANSCRIPTS = [
    {
        "conversation_id": "conv-{i}",
        "channel": "voice",
        "turns": [
            {"speaker": "agent", "text": "Thank you for calling, how can I help you today?"},
            {"speaker": "customer", "text": "Hi, this is Christopher Dunn, my line has been down since this morning."},
            {"speaker": "agent", "text": "Can I have your date of birth please?"},
            {"speaker": "customer", "text": "march third nineteen eighty {i} and my account number is 55102{i:03d}"},
            {"speaker": "customer", "text": "You can reach me at +33612155{i:03d} or christopher{i}@example.org."},
        ],
    },
    {
        "conversation_id": "chat-{i}",
        "channel": "chat",
        "turns": [
            {"speaker": "customer", "text": "my name is lisa weber, i live at 12 Rue de la Paix, 75002 Paris"},
            {"speaker": "agent", "text": "Could you spell your surname?"},
            {"speaker": "customer", "text": "W E B E R. card 4111 1111 1111 1111, sim 8944 1000 0000 0{i:03d} 1"},
        ],
    },
]
_TELEMETRY = [
    {
        "subscriber_id": "SUB-91232{i:03d}",
        "src_ip": "187.191.122.{i}",
        "dst_ip": "2001:db8::{i}",
        "device_mac": "84:bf:2c:e0:37:53",
        "url": "https://example.net/account?user=lisa.weber&lat=48.85{i}&lng=2.35",
        "user_agent": "Mozilla/5.0 (Linux; Android 14) Chrome/120.0.0.0",
        "bytes_up": 2433125,
        "bytes_down": 5544415,
    },
    {
        "subscriber_id": "SUB-10000{i:03d}",
        "src_ip": "10.0.{i}.1",
        "dst_ip": "129.228.142.97",
        "device_mac": "00-1B-63-84-45-E6",
        "url": "https://johnson-johnson.net/",
        "hostname": "lisas-iphone-{i}",
        "bytes_up": 1,
        "bytes_down": 2,
    },
]
_TEMPLATES: dict[str, list[dict[str, Any]]] = {
    BuiltinStream.CALL_RECORDS.value: _CALLS,
    BuiltinStream.SUPPORT_TRANSCRIPTS.value: _TRANSCRIPTS,
    BuiltinStream.NETWORK_TELEMETRY.value: _TELEMETRY,
}


def _filled(template: Any, i: int) -> Any:
    if isinstance(template, str):
        return template.format(i=i)
    if isinstance(template, dict):
        return {k: _filled(v, i) for k, v in template.items()}
    if isinstance(template, list):
        return [_filled(v, i) for v in template]
    return template


def warm_up_events(kind: str, count: int) -> list[dict[str, Any]]:
    """`count` events of the stream, the fixed templates with a running number in them (so that
    no result cache answers for the scanner). A declared stream's shape is not known here: it
    gets the built-in ones in turn, which warm up the same recognizers and the model."""
    templates = _TEMPLATES.get(kind) or [t for group in _TEMPLATES.values() for t in group]
    events = []
    for i in range(count):
        event = _filled(templates[i % len(templates)], i % 1000)
        events.append({"event_id": f"00000000-0000-4000-8000-{i:012d}", "timestamp": "2026-01-01T00:00:00Z", **event})
    return events
