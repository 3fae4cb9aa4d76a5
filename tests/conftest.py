"""Shared fixtures: one loaded pipeline per test session (loading spaCy takes a second)."""

from __future__ import annotations

import pytest

from processor.config import PipelineConfig
from processor.config_file import load_config
from processor.detect import Detector, load_analyzer
from processor.pipeline import Pipeline


@pytest.fixture(scope="session")
def config() -> PipelineConfig:
    return load_config(None, environ={})


@pytest.fixture(scope="session")
def analyzer(config):
    return load_analyzer(config.detection)


@pytest.fixture(scope="session")
def detector(config, analyzer) -> Detector:
    return Detector(config, analyzer)


@pytest.fixture(scope="session")
def pipeline(config, detector) -> Pipeline:
    return Pipeline(config, detector)
