"""What processor/engine.py relies on in Presidio beyond its public API, pinned: if an upgrade
of Presidio changes it, these fail before detection silently does."""

from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

from processor.engine import NerOnlySpacyEngine

TEXT = "Call Maria Gonzalez in Denver on 415 555 0123 about the cards."


def test_the_private_methods_the_engine_overrides_and_calls_still_exist():
    assert callable(SpacyNlpEngine._doc_to_nlp_artifact)
    assert callable(SpacyNlpEngine._get_updated_entities)


def test_artifacts_of_a_doc_made_outside_presidio_match_presidios_own(analyzer):
    """The scanner runs spaCy itself (one `pipe` per batch) and asks the engine for the
    artefacts of each doc: the entities and tokens must be those Presidio would make."""
    engine = analyzer.nlp_engine
    assert isinstance(engine, NerOnlySpacyEngine)
    ours = engine.artifacts(engine.nlp["en"](TEXT), "en")
    presidios = engine.process_text(TEXT, "en")
    assert isinstance(ours, NlpArtifacts)
    assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == [(e.start_char, e.end_char, e.label_) for e in presidios.entities]
    assert ours.tokens_indices == presidios.tokens_indices
    assert ours.scores == presidios.scores
    assert {"PERSON", "LOCATION"} <= {e.label_ for e in ours.entities}  # spaCy labels mapped to Presidio entity types
    # Lemmas are lower-cased tokens (no lemmatizer runs): what context words are matched on.
    assert ours.lemmas[-2] == "cards"
