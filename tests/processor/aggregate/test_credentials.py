"""The aggregate worker reaches a secured cluster with the settings every other client uses."""

import ssl

import certifi
import pytest
from faust.auth import SASLCredentials, SSLCredentials

from processor import broker
from processor.aggregate.app import build_app
from processor.aggregate.credentials import faust_credentials
from processor.aggregate.state import DurableState
from processor.config import KafkaSettings
from processor.config_file import load_config
from processor.errors import ConfigError

SASL_SSL = {
    "security.protocol": "SASL_SSL",
    "sasl.mechanism": "SCRAM-SHA-512",
    "sasl.username": "pii-processor",
    "sasl.password": "s3cret",
    "ssl.ca.location": certifi.where(),
}


def test_the_worker_and_the_service_build_their_clients_from_the_same_settings():
    settings = KafkaSettings(bootstrap_servers="b1:9093,b2:9093", client=SASL_SSL)
    # The service's librdkafka clients take the settings as they are...
    service = broker.client_config(settings)
    assert {k: service[k] for k in SASL_SSL} == SASL_SSL
    # ...and the faust worker gets the same identity, mechanism and TLS.
    credentials = faust_credentials(settings)
    assert isinstance(credentials, SASLCredentials)
    assert (credentials.username, credentials.password, credentials.mechanism.value) == ("pii-processor", "s3cret", "SCRAM-SHA-512")
    assert credentials.protocol.value == "SASL_SSL"
    assert credentials.ssl_context is not None and credentials.ssl_context.verify_mode == ssl.CERT_REQUIRED


def test_the_faust_app_is_built_with_them_and_every_broker(tmp_path, monkeypatch):
    monkeypatch.setenv("PII_KAFKA_CLIENT_SECURITY_PROTOCOL", "SSL")
    monkeypatch.setenv("PII_KAFKA_CLIENT_SSL_CA_LOCATION", certifi.where())
    monkeypatch.setenv("KAFKA_BOOTSTRAP", "b1:9093,b2:9093")
    config = load_config("config/pipeline.yaml")
    state = DurableState(config.kafka, "unused")  # never loaded: nothing here reaches a broker
    app = build_app(config, state, app_id=f"test-{tmp_path.name}")
    assert isinstance(app.conf.broker_credentials, SSLCredentials)
    assert [str(u) for u in app.conf.broker] == ["kafka://b1:9093", "kafka://b2:9093"]


def test_plaintext_needs_no_credentials():
    assert faust_credentials(KafkaSettings()) is None


@pytest.mark.parametrize(
    ("client", "said"),
    [
        ({"security.protocol": "SASL_SSL", "sasl.mechanism": "OAUTHBEARER"}, "OAUTHBEARER"),
        ({"security.protocol": "SSL", "ssl.keystore.location": "/k.p12"}, "ssl.keystore.location"),
        ({"security.protocol": "SSL", "ssl.ca.location": "/nonexistent/ca.pem"}, "TLS files"),
    ],
)
def test_what_the_worker_cannot_apply_is_refused_not_dropped(client, said):
    with pytest.raises(ConfigError, match=said):
        faust_credentials(KafkaSettings(client=client))
