"""Lawful disclosure: decrypt with the key and a reason, and leave an audit event (no values)."""

from __future__ import annotations

import os
import uuid

import pytest

from processor import operators

from ..test_cli import cli
from .conftest import consume_all

pytestmark = pytest.mark.integration


def test_reveal_decrypts_and_audits_without_values(kafka_bootstrap, tmp_path):
    key = tmp_path / "vendor.key"
    key.write_text("k" * 40)
    key.chmod(0o600)
    token = operators.build("encrypt", {}, key.read_bytes())("490154203237518", "IMEI")
    env = {"KAFKA_BOOTSTRAP": kafka_bootstrap, "PII_TOPIC_PREFIX": f"t{uuid.uuid4().hex[:8]}."}
    result = cli("reveal", "--key-file", str(key), "--reason", "court order 2026-CV-0042", stdin=f'{{"imei": "{token}"}}\n'.encode(), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b'{"imei": "490154203237518"}\n'

    audit_topic = env["PII_TOPIC_PREFIX"] + "audit"
    [audit] = consume_all(kafka_bootstrap, [audit_topic], expected=1)[audit_topic]
    text = audit.value().decode()
    assert '"why":"court order 2026-CV-0042"' in text and '"tokens":1' in text
    assert "490154203237518" not in text
    assert f'"uid":{os.getuid()}' in text  # the OS account, not only the USER variable anyone can set


def test_reveal_with_the_wrong_key_reveals_nothing(kafka_bootstrap, tmp_path):
    right, wrong = tmp_path / "right.key", tmp_path / "wrong.key"
    right.write_text("r" * 40)
    wrong.write_text("w" * 40)
    right.chmod(0o600)
    wrong.chmod(0o600)
    token = operators.build("encrypt", {}, right.read_bytes())("310410123456789", "IMSI")
    result = cli("reveal", "--key-file", str(wrong), "--reason", "subpoena 2026-0001", stdin=token.encode(), env={"KAFKA_BOOTSTRAP": kafka_bootstrap})
    assert result.returncode == 2
    assert result.stdout == b"" and b"does not open" in result.stderr
