"""`pii-processor reveal`: lawful disclosure of reversibly encrypted identifiers.

The privacy policy allows disclosing what identifies a customer "to comply with valid legal
process" and a few other reasons. This command decrypts the `enc:` tokens in what it reads,
but only with a stated reason, and only after an audit event (who, when, why, how many
tokens; never a value) is safely written to the audit topic: no audit, no disclosure.
"""

from __future__ import annotations

import getpass
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import orjson

from processor import broker
from processor.config import KeySource, PipelineConfig
from processor.errors import RevealRefused
from processor.operators import decrypt_tokens
from processor.policy import read_key

MIN_REASON_CHARS = 10


def reveal(config: PipelineConfig, key_file: Path, reason: str, stdin: BinaryIO, stdout: BinaryIO) -> int:
    reason = reason.strip()
    if len(reason) < MIN_REASON_CHARS:
        raise RevealRefused(
            f"a reason of at least {MIN_REASON_CHARS} characters is required (the legal process, case or consent reference); nothing was revealed"
        )
    key = read_key(KeySource(file=key_file), "reveal")
    text = stdin.read().decode("utf-8")
    try:
        revealed, count = decrypt_tokens(text, key)
    except Exception:
        raise RevealRefused(f"the key in {key_file} does not open these tokens (wrong key, or altered tokens); nothing was revealed") from None
    audit = {
        "type": "reveal",
        # The login name comes from the environment (USER, LOGNAME), which anyone can set; the
        # numeric user id and the host come from the operating system.
        "who": getpass.getuser(),
        "uid": os.getuid(),
        "host": socket.gethostname(),
        "when": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "why": reason,
        "tokens": count,
        "key_file": key_file.name,
    }
    kafka = config.kafka
    broker.wait_until_reachable(kafka)
    broker.ensure_topics(kafka, [config.audit_topic])
    producer = broker.producer(kafka)
    errors: list[str] = []
    producer.produce(config.audit_topic, orjson.dumps(audit), on_delivery=lambda err, _m: errors.append(err.name()) if err else None)
    if producer.flush(kafka.connect_timeout_s) or errors:
        raise RevealRefused(f"the audit event could not be written to {config.audit_topic}; nothing was revealed")
    stdout.write(revealed.encode("utf-8"))
    stdout.flush()
    return 0
