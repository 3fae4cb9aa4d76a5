"""The aggregate worker's Kafka security, from the same `kafka.client` settings as every other
client. The service, the demo and the tools use librdkafka, which reads those settings as they
are; the faust worker uses aiokafka, which takes an SSL context and SASL credentials instead.
This module translates one into the other, and refuses what aiokafka cannot do rather than
connecting without it.
"""

from __future__ import annotations

import ssl
from typing import Any

from faust.auth import SASLCredentials, SSLCredentials
from faust.types.auth import CredentialsT

from processor.config import KafkaSettings
from processor.errors import ConfigError

# The librdkafka settings this translation understands; any other ssl.* or sasl.* setting is
# refused with its name, since silently dropping it could weaken the connection.
_UNDERSTOOD = {
    "security.protocol",
    "sasl.mechanism",
    "sasl.mechanisms",
    "sasl.username",
    "sasl.password",
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.key.location",
    "ssl.key.password",
    "ssl.endpoint.identification.algorithm",
    "enable.ssl.certificate.verification",
}
_MECHANISMS = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"}


def _ssl_context(client: dict[str, Any]) -> ssl.SSLContext:
    try:
        context = ssl.create_default_context(cafile=client.get("ssl.ca.location"))
        if client.get("ssl.certificate.location"):
            context.load_cert_chain(client["ssl.certificate.location"], client.get("ssl.key.location"), client.get("ssl.key.password"))
    except (OSError, ssl.SSLError) as e:
        raise ConfigError(f"kafka.client: the aggregate worker cannot load its TLS files: {e}") from None
    if str(client.get("ssl.endpoint.identification.algorithm", "https")).lower() == "none":
        context.check_hostname = False
    if str(client.get("enable.ssl.certificate.verification", "true")).lower() == "false":
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def faust_credentials(settings: KafkaSettings) -> CredentialsT | None:
    """The faust `broker_credentials` equivalent to `settings.client` (None: plaintext)."""
    client = settings.client
    protocol = str(client.get("security.protocol", "PLAINTEXT")).upper()
    security = {k for k in client if k.startswith(("ssl.", "sasl.")) or k in ("security.protocol", "enable.ssl.certificate.verification")}
    if unknown := sorted(security - _UNDERSTOOD):
        raise ConfigError(f"kafka.client: the aggregate worker (aiokafka) cannot apply {', '.join(unknown)}; remove it or run without aggregates")
    if protocol == "PLAINTEXT":
        return None
    if protocol == "SSL":
        return SSLCredentials(_ssl_context(client))
    if protocol in ("SASL_PLAINTEXT", "SASL_SSL"):
        mechanism = str(client.get("sasl.mechanism", client.get("sasl.mechanisms", "PLAIN"))).upper()
        if mechanism not in _MECHANISMS:
            raise ConfigError(f"kafka.client: sasl.mechanism {mechanism} is not one the aggregate worker supports ({', '.join(sorted(_MECHANISMS))})")
        return SASLCredentials(
            username=str(client.get("sasl.username", "")),
            password=str(client.get("sasl.password", "")),
            mechanism=mechanism,
            ssl_context=_ssl_context(client) if protocol == "SASL_SSL" else None,
        )
    raise ConfigError(f"kafka.client: security.protocol {protocol} is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")
