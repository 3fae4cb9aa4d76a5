"""Context words: Presidio's lemma-based context enhancement, in time linear in the text.

A pattern match below the score threshold ("555 0123", a short number) is lifted over it when
one of its recognizer's context words ("call", "phone") stands among the few words before it.
Presidio's `LemmaContextAwareEnhancer` does this by walking the whole token list, and a list of
every keyword, for each result: for a text with many weak matches (a few kilobytes of "1.2.3.4")
that is quadratic, and one such event held the stream for seconds. Here the same rule is applied
with a binary search for the match's token and a set of keywords, reading the enhancer's own
settings (boost, floor, window, matching mode) from the analyzer, so the outcome is Presidio's;
`tests/processor/test_context.py` pins that on a corpus.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import (
    ContextAwareEnhancer,
    LemmaContextAwareEnhancer,
)
from presidio_analyzer.nlp_engine import NlpArtifacts


class ContextScorer:
    def __init__(self, enhancer: ContextAwareEnhancer) -> None:
        self.boost = enhancer.context_similarity_factor
        self.floor = enhancer.min_score_with_context_similarity
        self.before = enhancer.context_prefix_count
        self.after = enhancer.context_suffix_count
        self.whole_words = getattr(enhancer, "context_matching_mode", "substring") == "whole_word"
        if not isinstance(enhancer, LemmaContextAwareEnhancer):
            raise TypeError(f"context scoring follows Presidio's LemmaContextAwareEnhancer, not {type(enhancer).__name__}")

    def enhance(self, text: str, results: list[RecognizerResult], artifacts: NlpArtifacts, recognizers: Sequence[EntityRecognizer]) -> list[RecognizerResult]:
        """`results` with scores lifted where context words support them (changed in place),
        after each recognizer's own context step, as Presidio's analyzer does it."""
        by_id = {r.id: r for r in recognizers}
        staged: list[RecognizerResult] = []
        for recognizer in recognizers:
            mine = [r for r in results if r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] == recognizer.id]
            others = [r for r in results if r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] != recognizer.id]
            staged += recognizer.enhance_using_context(text, mine, others, artifacts, None)
        if not artifacts.tokens:
            return staged
        lemmas = [lemma.lower() for lemma in artifacts.lemmas]
        keywords = frozenset(artifacts.keywords)
        token_ends = [start + len(token) for start, token in zip(artifacts.tokens_indices, artifacts.tokens)]
        for result in staged:
            owner = by_id.get(result.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if owner is None or not owner.context or result.recognition_metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            # The first token that ends after the match starts: the match's own token.
            index = bisect_right(token_ends, result.start)
            if index >= len(token_ends):
                continue
            word = self._supporting_word(self._surrounding(index, lemmas, keywords), owner.context)
            if word:
                result.score = min(max(result.score + self.boost, self.floor), ContextAwareEnhancer.MAX_SCORE)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(word)
                    result.analysis_explanation.set_improved_score(result.score)
        return staged

    def _surrounding(self, index: int, lemmas: list[str], keywords: frozenset[str]) -> set[str]:
        # The match's own token and `before` keywords before it, `after` keywords after it,
        # skipping words that are no keywords (stop words, punctuation), as Presidio does.
        words: set[str] = set()
        for step, count in ((-1, self.before), (1, self.after)):
            i, remaining = index, count + 1
            while 0 <= i < len(lemmas) and remaining > 0:
                if lemmas[i] in keywords:
                    words.add(lemmas[i])
                    remaining -= 1
                i += step
        return words

    def _supporting_word(self, surrounding: set[str], context: Sequence[str]) -> str:
        for wanted in context:
            wanted = wanted.lower()
            if any(wanted == w if self.whole_words else wanted in w for w in surrounding):
                return wanted
        return ""
