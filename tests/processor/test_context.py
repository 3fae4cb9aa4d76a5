"""Context words: our linear-time scorer lifts exactly the results Presidio's enhancer lifts."""

import copy

from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from tests.processor.test_scan import corpus

EXTRA = [
    "please call 555 0123 tomorrow",
    "my phone: 555-0123, or text 555 0199",
    "iccid 8944 1000 3012 3456 7891 on the sim",
    "the number 555 0123 is not a phone in this sentence, call me",
    "PHONE 555 0123 CALL",
    "reach me on 555-0123 555-0124 555-0125 and the card 4111 1111 1111 1111",
]


def test_scores_match_presidio_lemma_enhancer_on_a_corpus(detector):
    scanner = detector.scanner
    presidio = LemmaContextAwareEnhancer()
    compared = lifted = 0
    for text in [*EXTRA, *corpus()[:1500]]:
        raw, _ = scanner._patterns(text, detector.text_entities)
        if not raw:
            continue
        doc = scanner.nlp.make_doc(text)
        artifacts = detector.analyzer.nlp_engine._doc_to_nlp_artifact(doc, "en")
        used = list({entry.recognizer.id: entry.recognizer for _, entry in raw}.values())
        results = [r for r, _ in raw]
        theirs = presidio.enhance_using_context(text, copy.deepcopy(results), artifacts, used)
        ours = scanner.context.enhance(text, copy.deepcopy(results), artifacts, used)
        key = lambda r: (r.start, r.end, r.entity_type, r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY])  # noqa: E731
        assert sorted((key(r), round(r.score, 6)) for r in ours) == sorted((key(r), round(r.score, 6)) for r in theirs)
        compared += len(results)
        lifted += sum(a.score > b.score for a, b in zip(sorted(ours, key=key), sorted(results, key=key)))
    assert compared > 500 and lifted > 5  # the corpus exercises both outcomes
