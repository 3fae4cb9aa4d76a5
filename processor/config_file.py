"""Reading the pipeline YAML: the file, environment overrides, key paths relative to the file,
and validation errors worded for the person who edits it (which file, which key, what was
expected). The schema itself is processor/config.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from processor.config import PipelineConfig, _default_streams
from processor.errors import ConfigError

# Environment variable -> (key path in the config, description). Applied after the file is read.
ENV_OVERRIDES: dict[str, tuple[str, ...]] = {
    "KAFKA_BOOTSTRAP": ("kafka", "bootstrap_servers"),
    "PII_GROUP_ID": ("kafka", "group_id"),
    "PII_DEAD_LETTER_TOPIC": ("kafka", "dead_letter_topic"),
    "PII_TOPIC_PREFIX": ("kafka", "topic_prefix"),
    "PII_METRICS_PORT": ("metrics", "port"),
    # 0.0.0.0 inside a container, so that probes and Prometheus can reach /metrics and /readyz.
    "PII_METRICS_HOST": ("metrics", "host"),
}
# Secrets a deployment passes as environment variables (a Kubernetes Secret, compose's env
# file) rather than in the config file: PII_PARTNER_KEY_<PARTNER> (the partner's name in upper
# case, `-` as `_`) replaces that partner's key source, and PII_KAFKA_CLIENT_<SETTING>
# (`sasl.password` as SASL_PASSWORD) sets a librdkafka setting under kafka.client.
PARTNER_KEY_PREFIX = "PII_PARTNER_KEY_"
KAFKA_CLIENT_PREFIX = "PII_KAFKA_CLIENT_"


def partner_key_variable(partner: str) -> str:
    """The environment variable that, when set, holds `partner`'s key."""
    return PARTNER_KEY_PREFIX + partner.upper().replace("-", "_").replace(".", "_")


# PII_INPUT_TOPIC_<STREAM> and PII_OUTPUT_TOPIC_<STREAM> (the stream's name in upper case, `-` as
# `_`) set a stream's topics; a stream the file does not declare is declared by them.
STREAM_TOPIC_PREFIXES = {"PII_INPUT_TOPIC_": "input_topic", "PII_OUTPUT_TOPIC_": "output_topic"}


def _stream_topic_overrides(environ: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for var in environ:
        for prefix, key in STREAM_TOPIC_PREFIXES.items():
            if var.startswith(prefix) and len(var) > len(prefix):
                out[var] = ("streams", var.removeprefix(prefix).lower().replace("_", "-"), key)
    return out


def _apply_env(data: dict[str, Any], environ: dict[str, str]) -> dict[str, Any]:
    for var, path in {**ENV_OVERRIDES, **_stream_topic_overrides(environ)}.items():
        value = environ.get(var)
        if not value:
            continue
        node = data
        for key in path[:-1]:
            if key == "streams" and "streams" not in node:
                # Overriding one topic must not drop the defaults of the others.
                node["streams"] = {k: v.model_dump() for k, v in _default_streams().items()}
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                break
        else:
            node[path[-1]] = value
    partners = data.get("partners")
    for partner in partners if isinstance(partners, list) else []:
        if isinstance(partner, dict) and isinstance(partner.get("name"), str):
            var = partner_key_variable(partner["name"])
            if environ.get(var):
                partner["key"] = {"env": var}
    client = {
        var.removeprefix(KAFKA_CLIENT_PREFIX).lower().replace("_", "."): value
        for var, value in environ.items()
        if var.startswith(KAFKA_CLIENT_PREFIX) and value
    }
    if client:
        kafka = data.setdefault("kafka", {})
        if isinstance(kafka, dict):
            kafka["client"] = {**(kafka.get("client") or {}), **client}
    return data


def _resolve_key_files(data: dict[str, Any], base: Path) -> None:
    """Key files named relative to the config file are found next to it, wherever one runs from."""
    partners = data.get("partners")
    for partner in partners if isinstance(partners, list) else []:
        key = partner.get("key") if isinstance(partner, dict) else None
        if isinstance(key, dict) and isinstance(key.get("file"), str) and not os.path.isabs(key["file"]):
            key["file"] = os.path.normpath(base / key["file"])


def _expand_avro_streams(data: dict[str, Any], base: Path, source: str) -> None:
    """Avro schema files found next to the config file, and their fields' `pii` tags read as
    field rules under the file's own (so that the service and `policy explain` see them)."""
    from processor.formats import read_schema, tagged_rules

    streams = data.get("streams")
    for name, stream in streams.items() if isinstance(streams, dict) else []:
        avro = stream.get("avro") if isinstance(stream, dict) else None
        if not isinstance(avro, dict) or not isinstance(avro.get("schema_file"), str):
            continue
        path = Path(avro["schema_file"])
        if not path.is_absolute():
            path = Path(os.path.normpath(base / path))
        avro["schema_file"] = str(path)
        schema = read_schema(path, f"{source}: streams.{name}.avro.schema_file")
        fields = stream.get("fields") if isinstance(stream.get("fields"), dict) else {}
        stream["fields"] = {**tagged_rules(schema), **fields}


def _format_validation_error(source: str, err: ValidationError) -> str:
    lines = [f"invalid configuration in {source}:"]
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown key (check its spelling and indentation)"
        elif e["type"] == "missing":
            msg = "required key is missing"
        lines.append(f"  - at `{loc}`: {msg}")
    return "\n".join(lines)


def load_config(path: str | os.PathLike[str] | None = None, environ: dict[str, str] | None = None) -> PipelineConfig:
    """Read and validate a pipeline YAML file (or the defaults when `path` is None)."""
    environ = dict(os.environ) if environ is None else environ
    source = str(path) if path is not None else "the built-in defaults"
    data: Any = {}
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"configuration file {p} does not exist") from None
        except OSError as e:
            raise ConfigError(f"cannot read configuration file {p}: {e.strerror}") from None
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(e, "problem", None) or "malformed YAML"
            raise ConfigError(f"{p}{where}: not valid YAML ({problem})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: the top level must be a mapping of keys (kafka, detection, streams), not {type(data).__name__}")
        _resolve_key_files(data, p.parent)
        _expand_avro_streams(data, p.parent, str(p))
    data = _apply_env(data, environ)
    try:
        config = PipelineConfig.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_format_validation_error(source, e)) from None
    return config.with_topic_prefix()
