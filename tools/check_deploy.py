"""Checks of the deployment files that need no cluster (`make deploy-check`, after `helm lint`
and `kubernetes-validate` have checked the rendered chart against Kubernetes' schemas):

- every alert rule and dashboard query parses as PromQL, and every metric it names is one the
  service exports (a renamed metric would otherwise leave an alert that never fires);
- the alert rule file has the shape Prometheus loads (groups of rules with alert, expr,
  severity and summary);
- the rendered chart wires what the service needs: each pod's --instance from its name, the
  metrics on 0.0.0.0, every partner key from the Secret, probes on /healthz and /readyz, and
  no more autoscaled pods than input partitions; the pipeline config it ships loads;
- the compose file (where `docker compose config` cannot run): keys made by an init step
  before topics, topics before the processor, metrics on 0.0.0.0, and no restart loop on a
  configuration error.

    python tools/check_deploy.py RENDERED.yaml
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import promql_parser
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from processor import metrics  # noqa: E402
from processor.config_file import load_config, partner_key_variable  # noqa: E402

CHART = ROOT / "deploy/helm/pii-processor"
_METRIC = re.compile(r"\bpii_[a-z_]+\b")


def exported_metrics() -> set[str]:
    """Every sample name the service's registry exposes (counters with _total, histograms with _bucket...)."""
    names = set()
    for family in metrics.REGISTRY.collect():
        names.add(family.name)
        names.update(s.name for s in family.samples)
        if family.type == "counter":
            names.add(family.name + "_total")
        if family.type == "histogram":
            names.update(family.name + suffix for suffix in ("_bucket", "_sum", "_count"))
    return names


def check_query(where: str, expr: str, known: set[str], problems: list[str]) -> None:
    # Grafana's variables are not PromQL: give them a value the parser accepts.
    expr_for_parser = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m")
    try:
        promql_parser.parse(expr_for_parser)
    except Exception as e:  # the parser raises its own untyped errors
        problems.append(f"{where}: not valid PromQL ({e}): {expr}")
    names = set(_METRIC.findall(expr))
    if not names:
        problems.append(f"{where}: names no pii_ metric: {expr}")
    for name in sorted(names - known):
        problems.append(f"{where}: metric {name} is not exported by the service")


def check_alerts(path: Path, known: set[str], problems: list[str]) -> int:
    rules = 0
    doc = yaml.safe_load(path.read_text())
    for g, group in enumerate(doc.get("groups") or []):
        if not group.get("name"):
            problems.append(f"{path.name}: groups[{g}] has no name")
        for r, rule in enumerate(group.get("rules") or []):
            where = f"{path.name}: {rule.get('alert') or f'groups[{g}].rules[{r}]'}"
            for key in ("alert", "expr"):
                if not isinstance(rule.get(key), str):
                    problems.append(f"{where}: `{key}` is missing")
            if not (rule.get("labels") or {}).get("severity"):
                problems.append(f"{where}: no severity label")
            if not (rule.get("annotations") or {}).get("summary"):
                problems.append(f"{where}: no summary annotation")
            if "for" in rule and not re.fullmatch(r"\d+[smhd]", str(rule["for"])):
                problems.append(f"{where}: `for` is not a duration such as 5m")
            if isinstance(rule.get("expr"), str):
                check_query(where, rule["expr"], known, problems)
            rules += 1
    if not rules:
        problems.append(f"{path.name}: no rules")
    return rules


def check_dashboard(path: Path, known: set[str], problems: list[str]) -> int:
    queries = 0
    for panel in json.loads(path.read_text())["panels"]:
        for target in panel.get("targets", []):
            check_query(f"{path.name}: panel {panel['title']!r}", target["expr"], known, problems)
            queries += 1
    return queries


def check_rendered(path: Path, problems: list[str]) -> None:
    docs = [d for d in yaml.safe_load_all(path.read_text()) if d]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    config_text = next(d["data"]["pipeline.yaml"] for d in by_kind.get("ConfigMap", []) if "pipeline.yaml" in d.get("data", {}))
    shipped = Path(path.parent / "pipeline.rendered.yaml")
    shipped.write_text(config_text)
    partners = [p for p in (yaml.safe_load(config_text).get("partners") or []) if p.get("key")]
    secrets = {partner_key_variable(p["name"]): "k" * 32 for p in partners}
    config = load_config(shipped, environ={**secrets, "PII_METRICS_HOST": "0.0.0.0"})

    (statefulset,) = by_kind["StatefulSet"]
    container = statefulset["spec"]["template"]["spec"]["containers"][0]
    args = container["args"]
    if "--instance" not in args or args[args.index("--instance") + 1] != "$(POD_NAME)":
        problems.append("StatefulSet: --instance is not the pod's name")
    env = {e["name"]: e for e in container["env"]}
    if env.get("PII_METRICS_HOST", {}).get("value") != "0.0.0.0":
        problems.append("StatefulSet: metrics not bound to 0.0.0.0, so no probe can reach them")
    for var in secrets:
        if "secretKeyRef" not in env.get(var, {}).get("valueFrom", {}):
            problems.append(f"StatefulSet: {var} does not come from the partner-key Secret")
    for probe, path_ in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        if container.get(probe, {}).get("httpGet", {}).get("path") != path_:
            problems.append(f"StatefulSet: {probe} is not on {path_}")
    for scaled in by_kind.get("ScaledObject", []):
        if scaled["spec"]["maxReplicaCount"] > config.kafka.partitions:
            problems.append(f"ScaledObject: up to {scaled['spec']['maxReplicaCount']} pods for {config.kafka.partitions} partitions")
    if config.aggregates and "Deployment" not in by_kind:
        problems.append("no aggregate worker although the config declares aggregates")


def check_compose(path: Path, problems: list[str]) -> None:
    doc = yaml.safe_load(path.read_text())
    services = doc["services"]
    for name in ("kafka", "keys", "topics", "processor", "aggregate"):
        if name not in services:
            problems.append(f"{path.name}: no `{name}` service")
    if problems:
        return
    processor = services["processor"]
    if "PII_METRICS_HOST" not in (processor.get("environment") or {}):
        problems.append(f"{path.name}: processor metrics bound to 127.0.0.1 inside the container")
    if processor.get("restart") in ("always", "on-failure", "unless-stopped"):
        problems.append(f"{path.name}: processor restarts for ever, also on a configuration error")
    for name in ("keys", "topics"):
        if services[name].get("restart", "no") != "no":
            problems.append(f"{path.name}: the {name} step is retried")
    waits = {"topics": "keys", "processor": "topics", "aggregate": "topics"}
    for name, before in waits.items():
        if (services[name].get("depends_on") or {}).get(before, {}).get("condition") != "service_completed_successfully":
            problems.append(f"{path.name}: {name} does not wait for {before} to complete")
    for name in ("keys", "processor", "aggregate"):
        if not any(str(v).endswith(":/app/.keys") for v in services[name].get("volumes") or []):
            problems.append(f"{path.name}: {name} does not mount the keys volume at /app/.keys")


def main(argv: list[str]) -> int:
    problems: list[str] = []
    known = exported_metrics()
    rules = check_alerts(CHART / "files/alerts.yaml", known, problems)
    queries = check_dashboard(CHART / "files/dashboard.json", known, problems)
    check_compose(ROOT / "deploy/docker-compose.yml", problems)
    for rendered in argv:
        check_rendered(Path(rendered), problems)
    for p in problems:
        print(f"deploy-check: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"deploy-check: {rules} alert rules and {queries} dashboard queries parse and use exported metrics; rendered chart and compose file wired")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
