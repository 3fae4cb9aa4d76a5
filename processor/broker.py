"""Talking to the Kafka broker: client settings, reachability, topics.

Kept apart from the service so that the CLI, the demo, the tests and the benchmarks reach
the broker the same way, and say the same clear thing when they cannot.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic

from processor.config import KafkaSettings


class BrokerUnreachable(RuntimeError):
    def __init__(self, bootstrap: str, waited_s: float, cause: str) -> None:
        super().__init__(
            f"cannot reach the Kafka broker at {bootstrap} (waited {waited_s:.0f} s; last error: {cause}). "
            f"Is it running? `make kafka-up` starts the local one; KAFKA_BOOTSTRAP or kafka.bootstrap_servers "
            f"in the config file choose another."
        )
        self.bootstrap = bootstrap
        self.waited_s = waited_s


def client_config(settings: KafkaSettings, **extra: Any) -> dict[str, Any]:
    return {"bootstrap.servers": settings.bootstrap_servers, **settings.client, **extra}


def _quiet_admin(bootstrap: str, **extra: Any) -> AdminClient:
    # librdkafka logs every refused connection; while we wait on purpose, that is noise.
    return AdminClient({"bootstrap.servers": bootstrap, "log_level": 0, **extra})


def wait_for_broker(bootstrap: str, timeout_s: float, **extra: Any) -> None:
    """Return once the broker answers a metadata request, or raise BrokerUnreachable."""
    admin = _quiet_admin(bootstrap, **extra)
    start = time.monotonic()
    last = "no answer"
    while True:
        remaining = timeout_s - (time.monotonic() - start)
        if remaining <= 0:
            raise BrokerUnreachable(bootstrap, time.monotonic() - start, last)
        try:
            md = admin.list_topics(timeout=min(2.0, max(remaining, 0.1)))
            if md.brokers:
                return
            last = "metadata without brokers"
        except KafkaException as e:
            err = e.args[0] if e.args else None
            last = err.name() if isinstance(err, KafkaError) else type(e).__name__
        time.sleep(0.2)


def ensure_topics(
    settings: KafkaSettings,
    topics: Iterable[str],
    partitions: int | None = None,
    timeout_s: float = 30,
    compacted: Iterable[str] = (),
) -> list[str]:
    """Create the topics that do not exist yet; return the names created."""
    compacted = set(compacted)
    admin = AdminClient(client_config(settings))
    existing = set(admin.list_topics(timeout=timeout_s).topics)
    wanted = [t for t in dict.fromkeys(topics) if t not in existing]
    if not wanted:
        return []
    futures = admin.create_topics(
        [
            NewTopic(
                t,
                num_partitions=partitions or settings.partitions,
                replication_factor=settings.replication_factor,
                config={"cleanup.policy": "compact"} if t in compacted else {},
            )
            for t in wanted
        ],
        operation_timeout=timeout_s,
    )
    created = []
    for topic, fut in futures.items():
        try:
            fut.result()
            created.append(topic)
        except KafkaException as e:
            if e.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise
    return created


def delete_topics(settings: KafkaSettings, topics: Iterable[str], timeout_s: float = 30) -> None:
    admin = AdminClient(client_config(settings))
    for fut in admin.delete_topics(list(topics), operation_timeout=timeout_s).values():
        try:
            fut.result()
        except KafkaException:
            pass
