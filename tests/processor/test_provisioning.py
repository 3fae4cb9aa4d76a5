"""Topic settings and access, planned from the config: what `pii-processor topics` creates and the ACLs it prints."""

import pytest

from processor.config_file import load_config
from processor.errors import ConfigError
from processor.provisioning import HOUR_MS, acl_commands, plan


def by_name(config):
    return {t.name: t for t in plan(config)}


def test_raw_events_and_dead_letters_are_kept_shortest_and_audit_longest():
    topics = by_name(load_config("config/pipeline.yaml", environ={}))
    hours = {name: int(t.settings["retention.ms"]) / HOUR_MS for name, t in topics.items() if "retention.ms" in t.settings}
    assert hours["raw.call-records"] == 24 and hours["dead-letter"] == 72
    assert hours["partner.repair-vendor.call-records"] == 168 and hours["audit"] == 8760
    assert topics["subscriber-consent"].settings["cleanup.policy"] == "compact" and "retention.ms" not in topics["subscriber-consent"].settings


def test_replication_settings_and_a_partners_own_retention_come_from_the_file(tmp_path):
    path = tmp_path / "pipeline.yaml"
    path.write_text(
        "kafka: {replication_factor: 3, min_insync_replicas: 2}\n"
        "partners:\n  - {name: vendor, purpose: service-vendor, retention_hours: 2, streams: {call-records: {fields: [event_id]}}}\n"
    )
    topics = by_name(load_config(path, environ={}))
    assert {t.settings["min.insync.replicas"] for t in topics.values()} == {"2"}
    assert topics["partner.vendor.call-records"].settings["retention.ms"] == str(2 * HOUR_MS)


def test_more_insync_replicas_than_replicas_is_refused(tmp_path):
    path = tmp_path / "pipeline.yaml"
    path.write_text("kafka: {replication_factor: 1, min_insync_replicas: 2}\n")
    with pytest.raises(ConfigError, match="min_insync_replicas"):
        load_config(path, environ={})


def test_dead_letters_hold_raw_events_so_only_the_privacy_team_reads_them():
    topics = by_name(load_config("config/pipeline.yaml", environ={}))
    assert topics["dead-letter"].readers == ("User:privacy-team",)
    assert topics["raw.call-records"].readers == ("User:pii-processor",)


def test_aggregate_only_partners_never_read_their_event_topics():
    topics = by_name(load_config("config/pipeline.yaml", environ={}))
    # The privacy policy gives advertising and reporting partners aggregate reports only.
    assert topics["partner.advertising-partner.network-telemetry"].readers == ("User:pii-aggregate",)
    assert topics["agg.traffic-per-domain"].readers == ("User:advertising-partner",)
    # A vendor reads its own events.
    assert topics["partner.repair-vendor.call-records"].readers == ("User:repair-vendor",)


def test_acls_cover_the_services_group_transactions_and_every_partner():
    lines = acl_commands(load_config("config/pipeline.yaml", environ={}))
    text = "\n".join(lines)
    assert (
        "--allow-principal User:pii-processor --operation Write --operation Describe --transactional-id pii-processor- --resource-pattern-type prefixed" in text
    )
    assert "--allow-principal User:pii-processor --operation Read --group pii-processor" in text
    assert "--allow-principal User:privacy-team --operation Read --operation Describe --topic dead-letter" in text
    assert not any("User:advertising-partner" in line and "--topic partner." in line for line in lines)
    assert all(line.startswith("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --add --allow-principal ") for line in lines)
