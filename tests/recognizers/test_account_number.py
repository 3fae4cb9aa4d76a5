import pytest

from processor.config import CustomPattern
from processor.config_file import load_config
from processor.detect import load_analyzer


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ACC-00123456 is overdue", "ACC-00123456"), ("my account number is 55102938", "55102938"), ("acct # 4410 2293", "4410 2293")],
)
def test_account_numbers(scan, text, expected):
    assert scan(text, "ACCOUNT_NUMBER") == [expected]


def test_subscriber_ids_by_the_default_pattern(scan):
    assert scan("subscriber SUB-12345678 roaming", "SUBSCRIBER_ID") == ["SUB-12345678"]


def test_an_operator_declares_its_own_format_in_the_yaml(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text('detection:\n  custom_patterns:\n    - {entity: CONTRACT_ID, regex: "\\\\bK\\\\d{7}\\\\b", score: 0.8}\n')
    settings = load_config(config, environ={}).detection
    assert settings.custom_patterns == [CustomPattern(entity="CONTRACT_ID", regex=r"\bK\d{7}\b", score=0.8)]
    analyzer = load_analyzer(settings)
    results = analyzer.analyze(text="contract K1234567 renewed", language="en", entities=["CONTRACT_ID"])
    assert [r.entity_type for r in results] == ["CONTRACT_ID"]


def test_a_bad_regex_is_a_config_error(tmp_path):
    from processor.errors import ConfigError

    config = tmp_path / "pipeline.yaml"
    config.write_text('detection:\n  custom_patterns:\n    - {entity: X_ID, regex: "(unclosed"}\n')
    with pytest.raises(ConfigError, match=r"detection\.custom_patterns\.0\.regex.*regular expression"):
        load_config(config, environ={})
