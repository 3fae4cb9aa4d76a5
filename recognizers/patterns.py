"""Regular expressions that recognizers and the processor share. Plain `re`, no Presidio, so
the processor's light modules (operators, value shapes) can use them for nothing."""

import re

# An IPv4 address as `ipaddress` reads it (no leading zeros), checked without it: most
# addresses in telemetry are IPv4 and the module's parser is slow.
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4_ADDRESS = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
