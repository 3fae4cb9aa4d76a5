"""The real broker for integration tests.

Uses the broker named by KAFKA_BOOTSTRAP (what `make test` sets), or the local one if it is
already running, or starts the project's local one with deploy/kafka/kafka.sh and stops it
afterwards. Each test gets topics and a consumer group of its own, so tests never see each
other's events.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from confluent_kafka import Message

from processor import broker
from processor.config import KafkaSettings, PipelineConfig
from processor.config_file import load_config
from processor.events import BuiltinStream

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test in this folder needs the broker: marked here, so that `make unit` (-m 'not
    # integration') never starts one, whether or not a module says so itself (a `pytestmark`
    # in a conftest marks nothing).
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP")
    if bootstrap:
        broker.wait_for_broker(bootstrap, 60)
        yield bootstrap
        return
    bootstrap = f"127.0.0.1:{os.environ.get('KAFKA_PORT', '9092')}"
    try:
        broker.wait_for_broker(bootstrap, 2)
        yield bootstrap  # a broker someone else started (`make kafka-up`): theirs to stop
        return
    except broker.BrokerUnreachable:
        pass
    env = {**os.environ, "PYTHON": sys.executable}
    subprocess.run([str(ROOT / "deploy/kafka/kafka.sh"), "up"], check=True, env=env)
    yield bootstrap
    subprocess.run([str(ROOT / "deploy/kafka/kafka.sh"), "down"], check=False, env=env)


@dataclass
class Topics:
    """A private set of topics and a consumer group, as environment overrides and a config."""

    env: dict[str, str]
    config: PipelineConfig

    def input(self, kind: BuiltinStream) -> str:
        return self.config.streams[kind].input_topic

    def output(self, kind: BuiltinStream) -> str:
        return self.config.streams[kind].output_topic

    @property
    def dead_letter(self) -> str:
        return self.config.kafka.dead_letter_topic


@pytest.fixture
def topics(kafka_bootstrap: str) -> Topics:
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_GROUP_ID": f"pii-test-{tag}", "PII_DEAD_LETTER_TOPIC": f"t{tag}.dead-letter", "PII_METRICS_PORT": "0"}
    for kind in BuiltinStream:
        suffix = kind.value.upper().replace("-", "_")
        env[f"PII_INPUT_TOPIC_{suffix}"] = f"t{tag}.raw.{kind.value}"
        env[f"PII_OUTPUT_TOPIC_{suffix}"] = f"t{tag}.redacted.{kind.value}"
    config = load_config(None, environ=env)
    broker.ensure_pipeline_topics(config)
    return Topics(env, config)


def produce(bootstrap: str, topic: str, values: list[bytes | None], keys: list[bytes | None] | None = None) -> None:
    producer = broker.producer(KafkaSettings(bootstrap_servers=bootstrap))
    for i, value in enumerate(values):
        producer.produce(topic, value=value, key=keys[i] if keys else None)
    assert producer.flush(30) == 0


def consume_all(bootstrap: str, topic_names: list[str], expected: int, timeout_s: float = 60) -> dict[str, list[Message]]:
    """Read committed messages from the beginning until `expected` have arrived (or time runs out),
    then wait a little longer so that extra (duplicate) messages would be seen too."""
    consumer = broker.reader(KafkaSettings(bootstrap_servers=bootstrap), "test-reader")
    consumer.subscribe(topic_names)
    got: dict[str, list[Message]] = {t: [] for t in topic_names}
    deadline = time.monotonic() + timeout_s
    settle_until = None
    try:
        while time.monotonic() < deadline:
            for m in consumer.consume(500, timeout=0.5):
                if m.error() is None:
                    got[m.topic()].append(m)
            total = sum(len(v) for v in got.values())
            if total >= expected and settle_until is None:
                settle_until = time.monotonic() + 2.0
            if settle_until is not None and time.monotonic() >= settle_until:
                break
    finally:
        consumer.close()
    return got


class RunningService:
    """`pii-processor run --config FILE` in a child process, its stderr read as it comes (during
    a broker outage librdkafka complains enough to fill a pipe nobody reads)."""

    def __init__(self, config_path: Path, env: dict[str, str], *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "processor.cli", "run", "--config", str(config_path), *args],
            env={**os.environ, **env},
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.log: list[str] = []
        self._reader = threading.Thread(target=lambda: self.log.extend(self.proc.stderr or ()), daemon=True)
        self._reader.start()

    @property
    def said(self) -> str:
        return "".join(self.log)

    @property
    def story(self) -> str:
        """For a failure message: the service's own lines, and the Kafka client's last few."""
        own = [line for line in self.log if '"logger":"pii.kafka"' not in line]
        return "".join(own[-200:]) + "... the Kafka client's last lines:\n" + "".join([line for line in self.log if '"logger":"pii.kafka"' in line][-8:])

    def stacks(self) -> str:
        """Every thread's stack of the running service (SIGUSR1: see `pii-processor run`)."""
        before = len(self.log)
        self.proc.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(line.startswith("Current thread") for line in self.log[before:]):
            time.sleep(0.1)
        time.sleep(0.5)
        return "".join(line for line in self.log[before:] if not line.startswith("{"))

    def wait_until_assigned(self, timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        while not any('"partitions assigned"' in line for line in self.log):
            assert self.proc.poll() is None, f"the service exited: {self.said[-3000:]}"
            assert time.monotonic() < deadline, f"no partitions assigned in {timeout_s:.0f} s: {self.said[-3000:]}"
            time.sleep(0.2)

    def stop(self, timeout_s: float = 90) -> int:
        """SIGTERM, and its exit status (the test fails if it does not stop in time)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            pytest.fail(f"the service did not stop on SIGTERM in {timeout_s:.0f} s: {self.said[-3000:]}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._reader.join(timeout=10)


def run_service(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "processor.cli", "run", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


PARTNERS_YAML = """
kafka:
  batch_size: {batch_size}
  connect_timeout_s: 20
partners:
  - name: vendor-a
    purpose: service-vendor
    streams:
      call-records:
        fields: [event_id, imsi, imei, call_type, notes]
    operators:
      IMSI: pseudonymize
      IMEI: encrypt
    key: {{file: a.key}}
  - name: vendor-b
    purpose: service-vendor
    streams:
      call-records:
        fields: [event_id, imsi]
    operators:
      IMSI: pseudonymize
    key: {{file: b.key}}
  - name: ads
    purpose: advertising
    streams:
      network-telemetry:
        fields: [event_id, timestamp, subscriber_id, src_ip, bytes_up]
    operators:
      SUBSCRIBER_ID: pseudonymize
      IP_ADDRESS: generalize
    default_operator: redact
    field_operators:
      timestamp: generalize
    key: {{file: ads.key}}
"""


@dataclass
class PartnerSetup:
    config_path: Path
    env: dict[str, str]
    config: PipelineConfig


@pytest.fixture
def partner_setup(kafka_bootstrap: str, tmp_path: Path) -> PartnerSetup:
    """Three partners (two vendors pseudonymizing the same IMSIs, one advertiser) on private topics."""
    return make_partner_setup(kafka_bootstrap, tmp_path, batch_size=100)


def make_partner_setup(kafka_bootstrap: str, tmp_path: Path, batch_size: int) -> PartnerSetup:
    for name in ("a", "b", "ads"):
        (tmp_path / f"{name}.key").write_text(uuid.uuid4().hex + uuid.uuid4().hex)
        (tmp_path / f"{name}.key").chmod(0o600)
    path = tmp_path / "pipeline.yaml"
    path.write_text(PARTNERS_YAML.format(batch_size=batch_size))
    tag = uuid.uuid4().hex[:8]
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"t{tag}.", "PII_GROUP_ID": f"pii-test-{tag}", "PII_METRICS_PORT": "0"}
    config = load_config(path, environ=env)
    broker.ensure_pipeline_topics(config)
    return PartnerSetup(path, env, config)
