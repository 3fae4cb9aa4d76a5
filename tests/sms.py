"""A fourth stream, declared only in YAML, shared by the tests that use it: SMS records with a
sender's number and IMSI, a recipient's number and a text, and a vendor keyed by subscriber."""

from __future__ import annotations

SMS_STREAM = """
streams:
  sms-records:
    fields:
      event_id: uuid
      sent_at: timestamp
      sender: PHONE_NUMBER
      body: text
consent:
  subscriber_key: {sms-records: sender_imsi}
partners:
  - name: sms-vendor
    purpose: service-vendor
    streams:
      sms-records: {fields: [event_id, sent_at, sender_imsi, body], key: subscriber}
    operators: {IMSI: pseudonymize}
    key: {KEY}
"""


def sms_config(key: str, *more_partners: str) -> str:
    """The YAML of the SMS stream, its vendor's key source given as YAML (`{file: v.key}`), and
    further partners as YAML list items."""
    return SMS_STREAM.replace("{KEY}", key) + "".join(more_partners)
