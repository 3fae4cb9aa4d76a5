# Two commands for a new user: `make demo` and `make test`. Everything else is what they need.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
KAFKA_PORT ?= 9092
export KAFKA_PORT
# An external broker when KAFKA_BOOTSTRAP is set, otherwise the local one started below.
BOOTSTRAP := $(or $(KAFKA_BOOTSTRAP),127.0.0.1:$(KAFKA_PORT))

.PHONY: help install lock lint docs keys kafka-jars kafka-up kafka-down kafka-clean demo test unit eval bench

help:
	@echo "make demo        run the processor end to end on sample data (sets up everything, starts a local Kafka)"
	@echo "make test        run the unit and integration tests (against a real local Kafka)"
	@echo "make unit        only the tests that need no broker"
	@echo "make eval        detection quality (precision, recall, F2, leaks, decoys) vs Presidio's default"
	@echo "make bench       throughput, latency, memory vs Kafka passthrough and Presidio's default (real broker)"
	@echo "make lint        ruff (lint, format) and mypy --strict; the configuration reference up to date"
	@echo "make docs        regenerate docs/configuration.md from the configuration's models"
	@echo "make lock        re-resolve requirements.lock from pyproject.toml (needs PyPI)"
	@echo "make kafka-up    start the local Kafka broker (127.0.0.1:\$$KAFKA_PORT, default 9092)"
	@echo "make kafka-down  stop it"

# Exactly the locked versions (every package of the tree: requirements.lock for running it,
# requirements-dev.lock adds the test and lint tools), then this project itself without
# resolving anything again.
$(VENV)/.installed: pyproject.toml requirements-dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

install: $(VENV)/.installed

UV_VERSION := 0.13.9
lock:
	@test -x .lock-tools/bin/uv || ($(PYTHON) -m venv .lock-tools && .lock-tools/bin/pip install -q uv==$(UV_VERSION))
	.lock-tools/bin/uv pip compile pyproject.toml --python-version 3.11 --universal --no-header -o requirements.lock
	.lock-tools/bin/uv pip compile pyproject.toml --extra test --extra lint -c requirements.lock --python-version 3.11 --universal --no-header -o requirements-dev.lock

LINTED := processor recognizers tests eval bench tools
lint: install
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy
	$(PY) tools/config_reference.py --check

docs: install
	$(PY) tools/config_reference.py

# The demo's partner keys (pseudonyms, encryption): random, local, never committed.
KEYS := .keys/repair-vendor.key .keys/advertising-partner.key .keys/reporting-partner.key
keys: $(KEYS)
.keys/%.key:
	@mkdir -p .keys && chmod 700 .keys
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_hex(32))" > $@
	@echo "keys: wrote $@"

kafka-jars:
	deploy/kafka/kafka.sh jars

kafka-up: install
	PYTHON=$(abspath $(PY)) deploy/kafka/kafka.sh up

kafka-down:
	deploy/kafka/kafka.sh down

kafka-clean:
	deploy/kafka/kafka.sh clean

demo: kafka-up keys
	KAFKA_BOOTSTRAP=$(BOOTSTRAP) $(VENV)/bin/pii-processor demo --config config/pipeline.yaml

test: kafka-up keys
	KAFKA_BOOTSTRAP=$(BOOTSTRAP) $(PY) -m pytest

unit: install keys
	$(PY) -m pytest -m 'not integration'

eval: install
	$(PY) -m eval.evaluate

bench: kafka-up keys
	KAFKA_BOOTSTRAP=$(BOOTSTRAP) $(PY) -m bench.run
