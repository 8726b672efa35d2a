from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.config import Config, load_config
from a11y_audit.errors import UsageError


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
    ],
)
def test_bad_config_gives_one_line_with_file_line_and_expectation(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError, match=expected) as info:
        load_config(path)
    assert "\n" not in str(info.value)


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read config file"):
        load_config(tmp_path / "nope.toml")


def test_config_serialises_for_results() -> None:
    data = Config(templates=(("product", "/p/"),)).to_json()
    assert data["templates"] == [["product", "/p/"]]
    assert data["axe_tags"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
