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

.PHONY: help install lock lint docs keys kafka-jars kafka-up kafka-down kafka-clean demo test unit eval bench deploy-check

help:
	@echo "make demo        run the processor end to end on sample data (sets up everything, starts a local Kafka)"
	@echo "make test        run the unit and integration tests (against a real local Kafka)"
	@echo "make unit        only the tests that need no broker"
	@echo "make eval        detection quality (precision, recall, F2, leaks, decoys) vs Presidio's default"
	@echo "make bench       throughput, latency, memory vs Kafka passthrough and Presidio's default (real broker)"
	@echo "make deploy-check  render the Helm chart and validate it offline, with the alert rules, dashboard and compose file"
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
	.lock-tools/bin/uv pip compile pyproject.toml --extra test --extra lint --extra deploy -c requirements.lock --python-version 3.11 --universal --no-header -o requirements-dev.lock

LINTED := processor recognizers tests eval bench tools
lint: install
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy
	$(PY) tools/config_reference.py --check

docs: install
	$(PY) tools/config_reference.py

# The demo's partner keys (pseudonyms, encryption): random, local, never committed.
keys: install
	@$(VENV)/bin/pii-processor keys --config config/pipeline.yaml

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

# A fixed hash seed: Faker's it_IT cities come out of a set, and the eval is to be repeatable.
eval: install
	PYTHONHASHSEED=0 $(PY) -m eval.evaluate

bench: kafka-up keys
	KAFKA_BOOTSTRAP=$(BOOTSTRAP) $(PY) -m bench.run

# The Helm CLI, built once from the Go module proxy into .tools/bin (about 5 minutes).
HELM_VERSION := v3.22.0
HELM := .tools/bin/helm
CHART := deploy/helm/pii-processor
$(HELM):
	@command -v go >/dev/null || { echo "deploy-check: needs Go (go install builds helm $(HELM_VERSION) from the module proxy)"; exit 2; }
	GOBIN=$(abspath .tools/bin) go install helm.sh/helm/v3/cmd/helm@$(HELM_VERSION)

# Everything a Kubernetes or compose deployment needs, checked without a cluster: the chart
# lints and renders (every optional part on), the result validates against Kubernetes' own
# schemas, and tools/check_deploy.py checks the wiring, alert rules and dashboard.
deploy-check: install $(HELM)
	$(HELM) lint --strict $(CHART) --set-file pipelineConfig=config/pipeline.yaml
	@mkdir -p .tools/rendered
	$(HELM) template pii $(CHART) --set-file pipelineConfig=config/pipeline.yaml \
	  --set autoscaling.enabled=true --set monitoring.prometheusRule=true --set kafka.clientSecretName=pii-kafka-client --set kafka.tlsSecretName=pii-kafka-tls \
	  > .tools/rendered/chart.yaml
	$(VENV)/bin/kubernetes-validate --strict --quiet .tools/rendered/chart.yaml
	@! $(HELM) template pii $(CHART) >/dev/null 2>&1 || { echo "deploy-check: the chart rendered without a pipeline config"; exit 1; }
	@if docker compose version >/dev/null 2>&1; then docker compose -f deploy/docker-compose.yml config -q; \
	  elif command -v docker-compose >/dev/null; then docker-compose -f deploy/docker-compose.yml config -q; \
	  else echo "deploy-check: no docker compose here; tools/check_deploy.py checks the compose file instead"; fi
	$(PY) tools/check_deploy.py .tools/rendered/chart.yaml
