"""Every error the processor raises on purpose, in one place, by what the caller does with it.

- `SetupError`: the configuration or the environment is wrong (a bad YAML key, a missing
  model, an unreachable broker). The command line prints the message and exits 2; the
  message says which file, key, address or duration, never a value from an event.
- `EventRejected`: one event cannot be processed; it goes to the dead-letter topic with
  `reason` in its headers. The message never quotes the event's content.
- `DeliveryFailed`: the broker would not take what was produced; the command exits 1.

This module imports nothing, so any module (and the light commands) may use it.
"""

from __future__ import annotations


class ProcessorError(Exception):
    """Base of every error raised on purpose."""


class SetupError(ProcessorError):
    """The configuration or the environment needs fixing before anything can run."""


class ConfigError(SetupError):
    """A configuration problem, worded for the person who edits the file."""


class RevealRefused(ConfigError):
    """A reveal request without what the audit needs (a reason, a matching key)."""


class ModelMissing(SetupError, RuntimeError):
    """The configured spaCy model is not installed."""


class BrokerUnreachable(SetupError, RuntimeError):
    def __init__(self, bootstrap: str, waited_s: float, cause: str) -> None:
        super().__init__(
            f"cannot reach the Kafka broker at {bootstrap} (waited {waited_s:.0f} s; last error: {cause}). "
            f"Is it running? `make kafka-up` starts the local one; KAFKA_BOOTSTRAP or kafka.bootstrap_servers "
            f"in the config file choose another."
        )
        self.bootstrap = bootstrap
        self.waited_s = waited_s


class TopicNotReady(SetupError, RuntimeError):
    """A topic is missing, or some of its partitions are not served yet, after waiting."""


class DeliveryFailed(ProcessorError, RuntimeError):
    """The broker did not acknowledge what the processor produced."""


class BrokerLost(DeliveryFailed):
    """The running service could not get its broker back within `kafka.outage_limit_s`."""

    def __init__(self, bootstrap: str, waited_s: float, cause: str) -> None:
        super().__init__(
            f"lost the Kafka broker at {bootstrap} and could not get it back in {waited_s:.0f} s "
            f"(kafka.outage_limit_s; last error: {cause}). Nothing uncommitted was lost: a restart resumes "
            f"from the last committed batch."
        )
        self.bootstrap = bootstrap
        self.waited_s = waited_s


class EventRejected(ProcessorError, ValueError):
    """One event that goes to the dead-letter topic instead of onward."""


class MalformedEvent(EventRejected):
    """The bytes are not one JSON object. The reason never quotes the bytes themselves."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class TooCostly(EventRejected):
    """An event would cost more to scan than the configured limit allows. The message names the
    field (its rule path, never its value) and the sizes."""


class IdentifierInFieldName(EventRejected):
    """A field name holds an identifier. Names are not redacted (renaming fields would break
    the consumers' schemas), so such an event is not sent anywhere but the dead-letter topic."""


class OutputTooLarge(EventRejected):
    """A recipient's copy of an event is larger than the processor may produce."""
