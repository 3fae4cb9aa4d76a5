import pytest

TRUE = [
    ("handover from cell 310-410-1234-56789", "310-410-1234-56789"),
    ("ECGI 234/15/123456789 congested", "234/15/123456789"),
    ("cell id 0x1A2B3C", "0x1A2B3C"),
]
DECOYS = ["10.20.30.40 is the gateway", "2026-11-01-12 batch", "999-410-1234-5678 unknown", "part 310-410-1234-56789-7"]


@pytest.mark.parametrize(("text", "expected"), TRUE)
def test_cell_identities(scan, text, expected):
    assert scan(text, "CELL_ID") == [expected]


@pytest.mark.parametrize("text", DECOYS)
def test_not_cell_identities(scan, text):
    assert scan(text, "CELL_ID") == []
