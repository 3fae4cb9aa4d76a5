"""Names inside the host names of personal devices, in log text."""

import pytest

from recognizers.device_name import names_in_host


@pytest.mark.parametrize(
    ("host", "names"),
    [
        ("madeleines-ipad", ["madeleines"]),
        ("Luiz-MacBook-Pro", ["Luiz"]),
        ("laptop-kazim", ["kazim"]),
        ("teemus-iphone.local", ["teemus"]),
        ("pixel-8-anna", ["anna"]),
        ("johns-ipad", ["johns"]),  # a given name that is an English word too
        ("Sebastian-pc", ["Sebastian"]),
        # Only a final "s" is read as the possessive's: "ranieri" is no "ranier", "Anca" no "anc".
        ("iphone-ranieri", ["ranieri"]),
        ("Anca-macbook-pro", ["Anca"]),
        ("laptop-normann", ["normann"]),
        # A word English seldom uses is a name here too ("Féline" without its accent).
        ("tablet-feline", ["feline"]),
        # No name in them: words, models, serials.
        ("living-room-tv", []),
        ("work-laptop", []),
        ("kids-ipad", []),
        ("galaxy-s23", []),
        # Product lines and rooms, however seldom English writes them.
        ("HP-EliteBook-840", []),
        ("laptop-ideapad-5", []),
        ("moto-razr-40", []),
        ("ipad-playroom", []),
        ("laptop-conservatory", []),
        ("DESKTOP-7F3K2LQ", []),
        ("android-7f3a9c2b1d", []),
        ("follow-up", []),  # no device: no host name
    ],
)
def test_the_owner_s_name_in_a_device_s_host_name(host, names):
    assert [host[a:b] for a, b in names_in_host(host)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DHCPACK on 10.20.30.40 to 3c:5a:b4:12:34:56 (madeleines-ipad) via eth1", ["madeleines"]),
        ("new device joined: Lodovico-iphone", ["Lodovico"]),
        ("connected: ipad-dominika, signal -61 dBm", ["dominika"]),
    ],
)
def test_host_names_in_log_lines(scan, text, expected):
    found = scan(text, "PERSON")
    assert all(any(name in f for f in found) for name in expected)
