import pytest

TRUE = ["SIM 8944110068256270054 activated", "iccid 89 4411 0068 2562 7005 4", "sim card 89014103211118510720 inserted"]
DECOYS = ["SIM 8944110068256270055 activated", "ref 7944110068256270054", "serial 894411006825627"]


@pytest.mark.parametrize("text", TRUE)
def test_iccid(scan, text):
    assert len(scan(text, "ICCID")) == 1


@pytest.mark.parametrize("text", DECOYS)
def test_not_an_iccid(scan, text):
    assert scan(text, "ICCID") == []
