from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.config import Config, load_config
from a11y_audit.errors import UsageError
from a11y_audit.judge.priority import Criticality, Flow
from a11y_audit.model import Priority

EXAMPLE = Path(__file__).parents[2] / "examples" / "a11y-audit.toml"


def write(tmp_path: Path, text: str, name: str = "a11y-audit.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert config.max_pages == 100 and config.workers == 1 and config.respect_robots


def test_values_are_read_and_cli_flags_win(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[crawl]\nmax_pages = 7\nworkers = 2\nexclude = ["/blog/"]\n'
        '[browser]\npage_load_timeout = 12\n[templates]\nproduct = "/products/"\n',
    )
    config = load_config(path)
    assert (config.max_pages, config.workers, config.exclude) == (7, 2, ("/blog/",))
    assert config.page_load_timeout == 12.0
    assert config.templates == (("product", "/products/"),)
    assert config.with_overrides(workers=3, max_pages=None).workers == 3
    assert config.with_overrides(max_pages=None).max_pages == 7


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, '[project]\nname="x"\n[tool.a11y-audit.crawl]\nmax_pages = 3\n', "pyproject.toml")
    assert load_config(path).max_pages == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[crawl]\nmax_pagez = 3\n",
            r"a11y-audit.toml:2: unknown key 'max_pagez' in \[crawl\]; expected one of",
        ),
        (
            "[crawl]\n\nworkers = 0\n",
            r"a11y-audit.toml:3: \[crawl\] workers must be a whole number of at least 1",
        ),
        ('[crawl]\nexclude = ["(unclosed"]\n', r"a11y-audit.toml:2: \[crawl\] exclude must be valid regular"),
        ("[crawler]\n", r"a11y-audit.toml:1: unknown section \[crawler\]"),
        ("[crawl\n", r"invalid TOML"),
        ('[browser]\nscreenshots = "yes"\n', r"screenshots must be true or false"),
        (
            '[flows.pay]\ncriticality = "critical"\nurl = ["/pay"]\n',
            r"a11y-audit.toml:3: unknown key 'url' in \[flows.pay\]; expected one of: criticality, ",
        ),
        (
            '[flows.pay]\ncriticality = "urgent"\nurls = ["/pay"]\n',
            r'a11y-audit.toml:2: \[flows.pay\] criticality must be one of "critical", "high", "normal"',
        ),
        (
            '[flows.pay]\nurls = ["/pay"]\n',
            r'a11y-audit.toml:1: \[flows.pay\] needs criticality = "critical", "high", "normal"',
        ),
        (
            '[flows.pay]\ncriticality = "high"\n\nurls = ["(pay"]\n',
            r"a11y-audit.toml:4: \[flows.pay\] urls must be valid regular expressions",
        ),
        (
            '[flows.pay]\ncriticality = "high"\n',
            r"a11y-audit.toml:1: \[flows.pay\] matches no page; give urls = \[regex...\] or templates",
        ),
        ('[flows]\npay = "critical"\n', r"a11y-audit.toml:2: \[flows.pay\] must be a table"),
        (
            '[priority]\nnames = {P1 = "Now", P5 = "Never"}\n',
            r"a11y-audit.toml:2: unknown priority 'P5' in \[priority\] names; expected P1, P2, P3 or P4",
        ),
        (
            "[priority]\nsla_days = {P1 = 2}\ndeadline = 3\n",
            r"a11y-audit.toml:3: unknown key 'deadline' in \[priority\]; expected one of: names, sla_days",
        ),
        (
            "[priority]\nsla_days = {P1 = -2}\n",
            r"a11y-audit.toml:2: \[priority\] sla_days.P1 must be a whole number of at least 0",
        ),
        ('[priority]\nnames = {P2 = ""}\n', r"\[priority\] names.P2 must be a non-empty string"),
        (
            '[checks]\nsafe_forms = ["form.newsletter", "form[action="]\n',
            r"a11y-audit.toml:2: \[checks\] safe_forms must be CSS selectors; 'form\[action=' is not one",
        ),
    ],
)
def test_bad_config_gives_one_line_with_file_line_and_expectation(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError, match=expected) as info:
        load_config(path)
    assert "\n" not in str(info.value)


def test_flows_and_priority_are_read_and_build_the_policy(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[flows.pay]\ncriticality = "critical"\nurls = ["/pay/"]\ntemplates = ["payment"]\n'
        '[priority]\nnames = {P1 = "Blocker"}\nsla_days = {P4 = 180}\n',
    )
    config = load_config(path)
    assert config.flows == (Flow("pay", Criticality.CRITICAL, ("/pay/",), ("payment",)),)
    policy = config.priority_policy()
    assert policy.names[Priority.P1] == "Blocker" and policy.names[Priority.P2] == "High"
    assert policy.sla_days[Priority.P4] == 180 and policy.sla_days[Priority.P1] == 2
    assert policy.flow_of("https://s.test/pay/now", None).name == "pay"


def test_safe_forms_are_read_from_checks(tmp_path: Path) -> None:
    path = write(tmp_path, '[checks]\nsafe_forms = ["form.newsletter", "#login-form"]\n')
    assert load_config(path).safe_forms == ("form.newsletter", "#login-form")
    assert load_config(EXAMPLE).safe_forms  # the example documents the key


def test_config_round_trips_through_results_json() -> None:
    config = load_config(EXAMPLE)
    assert config.flows and config.priority_names and config.sla_days
    assert Config.from_json(config.to_json()) == config


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read config file"):
        load_config(tmp_path / "nope.toml")


def test_config_serialises_for_results() -> None:
    data = Config(templates=(("product", "/p/"),)).to_json()
    assert data["templates"] == [["product", "/p/"]]
    assert data["axe_tags"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
