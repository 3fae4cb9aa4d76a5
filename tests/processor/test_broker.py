"""Which broker answers are waited out and which are reported: one rule for every wait loop."""

import pytest
from confluent_kafka import KafkaError

from processor.broker import passes_by_itself


@pytest.mark.parametrize(
    "code",
    [KafkaError.UNKNOWN_LEADER_EPOCH, KafkaError.NOT_LEADER_FOR_PARTITION, KafkaError.LEADER_NOT_AVAILABLE, KafkaError._TRANSPORT],
)
def test_answers_of_a_partition_between_leaders_are_waited_out(code):
    assert passes_by_itself(KafkaError(code))


@pytest.mark.parametrize("code", [KafkaError.TOPIC_AUTHORIZATION_FAILED, KafkaError.INVALID_CONFIG, KafkaError._INVALID_ARG])
def test_answers_that_will_not_change_are_reported(code):
    assert not passes_by_itself(KafkaError(code))


def test_anything_but_a_kafka_error_is_reported():
    assert not passes_by_itself(None) and not passes_by_itself(RuntimeError("x"))


def test_a_sample_takes_what_short_partitions_cannot_give_from_the_others():
    from processor.broker import _shares

    assert _shares(100, {0: 36, 1: 5, 2: 0}) == {0: 36, 1: 5, 2: 0}
    assert _shares(10, {0: 100, 1: 100, 2: 100}) == {0: 4, 1: 3, 2: 3}
    assert _shares(60, {0: 100, 1: 10, 2: 100}) == {0: 25, 1: 10, 2: 25}
