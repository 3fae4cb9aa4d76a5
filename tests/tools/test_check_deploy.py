"""The offline deployment checks catch what they are there for (`make deploy-check` runs them on the real files)."""

import importlib.util

from tests.test_layout import ROOT

spec = importlib.util.spec_from_file_location("check_deploy", ROOT / "tools/check_deploy.py")
assert spec and spec.loader
check_deploy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_deploy)


def test_a_query_on_a_metric_the_service_does_not_export_is_reported():
    problems: list[str] = []
    known = check_deploy.exported_metrics()
    check_deploy.check_query("rule", "sum(rate(pii_events_consumed_total[5m]))", known, problems)
    assert problems == []
    check_deploy.check_query("rule", "sum(rate(pii_events_consumd_total[5m]))", known, problems)
    assert problems == ["rule: metric pii_events_consumd_total is not exported by the service"]


def test_a_query_that_is_not_promql_is_reported():
    problems: list[str] = []
    check_deploy.check_query("panel", "sum(rate(pii_events_consumed_total[5m])", check_deploy.exported_metrics(), problems)
    assert len(problems) == 1 and "not valid PromQL" in problems[0]


def test_the_shipped_alert_rules_dashboard_and_compose_file_pass(tmp_path):
    problems: list[str] = []
    known = check_deploy.exported_metrics()
    assert check_deploy.check_alerts(check_deploy.CHART / "files/alerts.yaml", known, problems) >= 6
    assert check_deploy.check_dashboard(check_deploy.CHART / "files/dashboard.json", known, problems) >= 10
    check_deploy.check_compose(ROOT / "deploy/docker-compose.yml", problems)
    assert problems == []


def test_a_compose_file_that_loops_on_a_config_error_is_reported(tmp_path):
    compose = (ROOT / "deploy/docker-compose.yml").read_text().replace("restart: on-failure:5", "restart: on-failure")
    (tmp_path / "docker-compose.yml").write_text(compose)
    problems: list[str] = []
    check_deploy.check_compose(tmp_path / "docker-compose.yml", problems)
    assert any("restarts for ever" in p for p in problems)
