"""Partner policies and opt-outs against the real broker."""

from __future__ import annotations

import orjson
import pytest

from processor.events import BuiltinStream
from processor.generate import generate

from .conftest import consume_all, produce, run_service

pytestmark = pytest.mark.integration
N = 40


def partner_topic(setup, name: str, kind: BuiltinStream) -> str:
    return next(p for p in setup.config.partners if p.name == name).topic(kind)


def test_each_partner_gets_only_its_fields_with_its_operators(kafka_bootstrap, partner_setup):
    s = partner_setup
    events = generate(BuiltinStream.CALL_RECORDS, N, seed=21)
    produce(kafka_bootstrap, s.config.streams[BuiltinStream.CALL_RECORDS].input_topic, [orjson.dumps(g.event) for g in events])
    result = run_service(s.env, "--config", str(s.config_path), "--stop-when-idle", "4")
    assert result.returncode == 0, result.stderr[-2000:]

    a_topic, b_topic = partner_topic(s, "vendor-a", BuiltinStream.CALL_RECORDS), partner_topic(s, "vendor-b", BuiltinStream.CALL_RECORDS)
    got = consume_all(kafka_bootstrap, [a_topic, b_topic], expected=2 * N)
    a = {e["event_id"]: e for e in (orjson.loads(m.value()) for m in got[a_topic])}
    b = {e["event_id"]: e for e in (orjson.loads(m.value()) for m in got[b_topic])}
    assert len(a) == len(b) == N
    raw = {g.event["event_id"]: g.event for g in events}
    for event_id, out in a.items():
        assert set(out) == {"event_id", "imsi", "imei", "call_type", "notes"}
        assert set(b[event_id]) == {"event_id", "imsi"}
        assert out["imei"].startswith("enc:IMEI:") and raw[event_id]["imei"] not in out["imei"]
        assert out["imsi"].startswith("IMSI:") and out["imsi"] != raw[event_id]["imsi"]
        # Unlinkable across partners.
        assert out["imsi"] != b[event_id]["imsi"]
    # Stable within a partner: the same IMSI always gets the same pseudonym.
    by_imsi: dict[str, set[str]] = {}
    for event_id, out in a.items():
        by_imsi.setdefault(raw[event_id]["imsi"], set()).add(out["imsi"])
    assert all(len(p) == 1 for p in by_imsi.values())
    assert len({out["imsi"] for out in a.values()}) == len(by_imsi)


def test_opted_out_subscribers_never_reach_the_advertiser_until_they_opt_back_in(kafka_bootstrap, partner_setup):
    s = partner_setup
    kind = BuiltinStream.NETWORK_TELEMETRY
    ads_topic = partner_topic(s, "ads", kind)
    events = generate(kind, N, seed=8)
    opted = {g.event["subscriber_id"] for g in events[::4]}
    produce(kafka_bootstrap, s.config.consent.topic, [b'["advertising"]'] * len(opted), keys=[k.encode() for k in opted])
    produce(kafka_bootstrap, s.config.streams[kind].input_topic, [orjson.dumps(g.event) for g in events])
    assert run_service(s.env, "--config", str(s.config_path), "--stop-when-idle", "4").returncode == 0

    allowed = [g for g in events if g.event["subscriber_id"] not in opted]
    got = consume_all(kafka_bootstrap, [ads_topic, s.config.audit_topic], expected=len(allowed))
    received = [orjson.loads(m.value()) for m in got[ads_topic]]
    assert sorted(e["event_id"] for e in received) == sorted(g.event["event_id"] for g in allowed)
    for e in received:
        assert set(e) == {"event_id", "timestamp", "subscriber_id", "src_ip", "bytes_up"}
        assert e["subscriber_id"].startswith("SUBSCRIBER_ID:") and e["src_ip"].endswith("/24")
        assert e["timestamp"].endswith(":00:00Z")
    # The drops are counted in the audit trail, by partner and reason, with no value in it.
    audits = [orjson.loads(m.value()) for m in got[s.config.audit_topic]]
    assert sum(a["dropped"].get("ads:opted-out", 0) for a in audits) == N - len(allowed)
    audit_text = b"".join(m.value() for m in got[s.config.audit_topic]).decode()
    assert not [x for x in opted if x in audit_text]

    # A tombstone withdraws the opt-out: later events of that subscriber flow again.
    back = sorted(opted)[0]
    produce(kafka_bootstrap, s.config.consent.topic, [None], keys=[back.encode()])
    again = [g for g in generate(kind, 5, seed=99)]
    for g in again:
        g.event["subscriber_id"] = back
    produce(kafka_bootstrap, s.config.streams[kind].input_topic, [orjson.dumps(g.event) for g in again])
    assert run_service(s.env, "--config", str(s.config_path), "--stop-when-idle", "4").returncode == 0
    got = consume_all(kafka_bootstrap, [ads_topic], expected=len(allowed) + 5)
    assert len(got[ads_topic]) == len(allowed) + 5


def test_audit_records_carry_counts_and_the_policy_version(kafka_bootstrap, partner_setup):
    s = partner_setup
    kind = BuiltinStream.CALL_RECORDS
    produce(kafka_bootstrap, s.config.streams[kind].input_topic, [orjson.dumps(g.event) for g in generate(kind, 10, seed=3)] + [b"nope"])
    assert run_service(s.env, "--config", str(s.config_path), "--stop-when-idle", "4").returncode == 0
    got = consume_all(kafka_bootstrap, [s.config.audit_topic], expected=1)
    audits = [orjson.loads(m.value()) for m in got[s.config.audit_topic]]
    assert sum(a["events"] for a in audits) == 11
    assert {a["policy_version"] for a in audits} == {s.config.policy_version()}
    assert sum(a["dead_lettered"].get("not-json", 0) for a in audits) == 1
    assert sum(a["delivered"].get("vendor-a", 0) for a in audits) == 10
