"""The evaluation's arithmetic, on hand-made predictions: if scoring is wrong, every figure is."""

import orjson
import pytest

from eval.dataset import Sample, Span, build
from eval.evaluate import SOURCES, Pred, score
from processor.events import BuiltinStream


def sample() -> Sample:
    text = "call Ann on 555-0100 about order 1234"
    event = {"t": text}
    return Sample(
        BuiltinStream.SUPPORT_TRANSCRIPTS,
        event,
        gold=[Span(("t",), 5, 8, "PERSON", "Ann"), Span(("t",), 12, 20, "PHONE_NUMBER", "555-0100")],
        decoys=[Span(("t",), 33, 37, None, "1234")],
    )


def test_a_perfect_detector_scores_one_and_leaks_nothing():
    s = sample()
    preds = [Pred(("t",), 5, 8, "PERSON"), Pred(("t",), 12, 20, "PHONE_NUMBER")]
    output = orjson.dumps({"t": "call <PERSON> on <PHONE_NUMBER> about order 1234"}).decode()
    result = score([s], [preds], [output])["overall"]
    assert (result["precision"], result["recall"], result["leak_rate"], result["decoy_survival"]) == (1.0, 1.0, 0.0, 1.0)


def test_misses_false_alarms_partial_leaks_and_eaten_decoys_are_counted():
    s = sample()
    # The phone is half covered and given the wrong type; the decoy is redacted.
    preds = [Pred(("t",), 12, 15, "ACCOUNT_NUMBER"), Pred(("t",), 33, 37, "ACCOUNT_NUMBER")]
    output = orjson.dumps({"t": "call Ann on <ACCOUNT_NUMBER>-0100 about order <ACCOUNT_NUMBER>"}).decode()
    result = score([s], [preds], [output])
    overall = result["overall"]
    assert overall["recall"] == 0.5  # the phone overlaps a detection, Ann does not
    assert overall["precision"] == 0.5  # one of two detections overlaps a gold span
    assert overall["leak_rate"] == 0.5  # "Ann" is still there verbatim
    assert overall["partial_leak_rate"] == 1.0  # and the phone is not fully covered
    assert overall["decoy_survival"] == 0.0
    assert result["per_type"]["PHONE_NUMBER"]["recall"] == 0.0  # types must agree per type


def test_the_dev_set_is_seeded_and_its_gold_spans_point_at_their_values():
    a, b = build(5, 20, 10, 10), build(5, 20, 10, 10)
    assert [s.event for s in a] == [s.event for s in b]
    for s in a:
        for g in s.gold:
            node = s.event
            for key in g.location:
                node = node[key]
            assert str(node)[g.start : g.end] == g.value
    assert sum(not s.gold for s in a if s.stream is BuiltinStream.SUPPORT_TRANSCRIPTS) >= 1


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_every_source_built_from_others_data_is_seeded_and_its_gold_points_at_its_values(source):
    builder, _, _ = SOURCES[source]
    a, b = builder(11, 2), builder(11, 2)
    assert [s.event for _, s in a] == [s.event for _, s in b]
    assert sum(len(s.gold) for _, s in a) > 0
    for _, s in a:
        for g in s.gold:
            node = s.event
            for key in g.location:
                node = node[key]
            assert str(node)[g.start : g.end] == g.value, (source, g)
