"""The built-in streams and what their fields are: field rules of the three documented event
shapes, and the vocabulary of field names that say what a field without a rule holds. Data
only; the configuration (processor/config.py) lays the file's rules over these."""

from __future__ import annotations

from processor.events import BuiltinStream

# Field names that say what a field holds, for fields no rule names: the words of a name
# (`servedMSISDN`, `calling_number`, `peer.msisdn`, `account-id` are split into words) are
# looked up as phrases here, and a match treats the whole value as that identifier. A value
# must look the part: digits for numbers, letters for names, an "@" for an email address.
DEFAULT_FIELD_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ["msisdn", "phone", "telephone", "tel", "mobile", "cell phone", "cellphone", "phone number", "mobile number",
         "calling number", "called number", "caller number", "callee number", "calling party", "called party",
         "caller", "callee", "caller id", "callee id", "dialed number", "dialled number", "callback number", "call back number", "contact number",
         "a number", "b number", "c number", "calling station id", "called station id", "forwarded number", "redirecting number", "connected number", "party number",
         "mdn", "ani", "dnis"],
        "PHONE_NUMBER",
    ),
    **dict.fromkeys(["imsi", "served imsi"], "IMSI"),
    **dict.fromkeys(["imei", "imeisv", "served imei", "served imeisv", "pei"], "IMEI"),
    **dict.fromkeys(["iccid", "sim serial", "sim number", "sim id"], "ICCID"),
    **dict.fromkeys(
        ["account", "account id", "account number", "account no", "account num", "acct", "acct id", "acct no", "acct number",
         "billing account", "customer id", "customer number", "customer no", "contract id", "contract number", "ban",
         "customer ref", "customer reference", "account ref", "account reference", "contract ref", "contract reference"],
        "ACCOUNT_NUMBER",
    ),
    **dict.fromkeys(["subscriber", "subscriber id", "subscriber number", "sub id", "subs id", "supi", "gpsi"], "SUBSCRIBER_ID"),
    **dict.fromkeys(["email", "e mail", "email address", "mail address", "mail"], "EMAIL_ADDRESS"),
    **dict.fromkeys(
        ["lat", "lng", "lon", "latitude", "longitude", "geo lat", "geo lng", "gps lat", "gps lon", "coordinates", "coords", "latlng", "latlon", "geo",
         "city", "town", "hometown", "home town", "birthplace", "birth place", "place of birth", "village", "municipality"],
        "LOCATION",
    ),
    **dict.fromkeys(
        ["name", "first name", "last name", "full name", "given name", "surname", "family name", "middle name", "forename",
         "customer name", "subscriber name", "contact name", "account holder", "holder name", "cardholder", "card holder",
         "user name", "username", "display name", "nickname"],
        "PERSON",
    ),
    **dict.fromkeys(["hostname", "host name", "dhcp hostname", "device name", "client name", "client hostname", "ue name"], "DEVICE_NAME"),
    **dict.fromkeys(["street", "street address", "address", "address line", "home address", "billing address", "postcode", "postal code", "zip", "zip code"], "STREET_ADDRESS"),
    **dict.fromkeys(["dob", "date of birth", "birth date", "birthdate", "birthday"], "DATE_OF_BIRTH"),
}  # fmt: skip


_CALL_RECORD_FIELDS = {
    "event_id": "uuid",
    "start_time": "timestamp",
    "duration_s": "number",
    "call_type": "code",
    "caller_msisdn": "PHONE_NUMBER",
    "callee_msisdn": "PHONE_NUMBER",
    "imsi": "IMSI",
    "imei": "IMEI",
    "cell_id": "CELL_ID",
    "notes": "text",
}


_TRANSCRIPT_FIELDS = {
    "event_id": "uuid",
    "conversation_id": "code",
    "channel": "code",
    "started_at": "timestamp",
    "turns[].speaker": "code",
    "turns[].text": "text",
}


_TELEMETRY_FIELDS = {
    "event_id": "uuid",
    "timestamp": "timestamp",
    "subscriber_id": "SUBSCRIBER_ID",
    "src_ip": "IP_ADDRESS",
    "dst_ip": "code",
    "device_mac": "MAC_ADDRESS",
    "url": "code",
    "user_agent": "code",
    "bytes_up": "number",
    "bytes_down": "number",
}


# The built-in streams' rules, under the rules the file gives; a declared stream has only its own.
DEFAULT_FIELDS: dict[str, dict[str, str]] = {
    BuiltinStream.CALL_RECORDS.value: _CALL_RECORD_FIELDS,
    BuiltinStream.SUPPORT_TRANSCRIPTS.value: _TRANSCRIPT_FIELDS,
    BuiltinStream.NETWORK_TELEMETRY.value: _TELEMETRY_FIELDS,
}
