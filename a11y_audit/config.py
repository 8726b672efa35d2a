"""Audit configuration: defaults < a11y-audit.toml or [tool.a11y-audit] < CLI flags.

Validation happens at load time and every error is one line naming the file, the line,
the key and what is expected, because a typo in a CI config must never silently change
what gets audited.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from a11y_audit.errors import UsageError

__all__ = ["Config", "load_config"]


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting a run uses; field names are the TOML keys (sections flattened)."""

    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    max_pages: int = 100
    max_depth: int | None = None
    workers: int = 1
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    respect_robots: bool = True
    trailing_slash: str = "keep"
    chromium: str | None = None
    chromedriver: str | None = None
    remote_url: str | None = None
    page_load_timeout: float = 30.0
    script_timeout: float = 60.0
    screenshots: bool = True
    axe_tags: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
    axe_path: str | None = None
    templates: tuple[tuple[str, str], ...] = field(default=())
    source: str | None = None

    def with_overrides(self, **overrides: Any) -> Config:
        """CLI flags win over the file; None means 'flag not given'."""
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})

    def to_json(self) -> dict[str, Any]:
        """The config as recorded in results.json (no secrets live here)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            data[item.name] = (
                [list(pair) for pair in value]
                if item.name == "templates"
                else (list(value) if isinstance(value, tuple) else value)
            )
        return data


# section -> key -> (validator, config field)
_Validator = Callable[[Any], Any]


def _string_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("a list of strings")
    return tuple(value)


def _regex_list(value: Any) -> tuple[str, ...]:
    patterns = _string_list(value)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"valid regular expressions ('{pattern}': {error})") from error
    return patterns


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("a whole number of at least 1")
    return value


def _non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("a whole number of at least 0")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError("a number of seconds above 0")
    return float(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("true or false")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("a non-empty string")
    return value


def _trailing_slash(value: Any) -> str:
    if value not in ("keep", "strip", "add"):
        raise ValueError('one of "keep", "strip", "add"')
    return str(value)


_SCHEMA: dict[str, dict[str, tuple[_Validator, str]]] = {
    "crawl": {
        "start_urls": (_string_list, "start_urls"),
        "sitemaps": (_string_list, "sitemaps"),
        "max_pages": (_positive_int, "max_pages"),
        "max_depth": (_non_negative_int, "max_depth"),
        "workers": (_positive_int, "workers"),
        "include": (_regex_list, "include"),
        "exclude": (_regex_list, "exclude"),
        "allowed_origins": (_string_list, "allowed_origins"),
        "respect_robots": (_boolean, "respect_robots"),
        "trailing_slash": (_trailing_slash, "trailing_slash"),
    },
    "browser": {
        "chromium": (_string, "chromium"),
        "chromedriver": (_string, "chromedriver"),
        "remote_url": (_string, "remote_url"),
        "page_load_timeout": (_seconds, "page_load_timeout"),
        "script_timeout": (_seconds, "script_timeout"),
        "screenshots": (_boolean, "screenshots"),
    },
    "axe": {
        "tags": (_string_list, "axe_tags"),
        "path": (_string, "axe_path"),
    },
}


def load_config(path: Path | None) -> Config:
    """Read a11y-audit.toml (or pyproject.toml's [tool.a11y-audit]); None gives the defaults."""
    if path is None:
        return Config()
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise UsageError(
            f"cannot read config file {path}: {error.strerror or error} — check the --config path"
        ) from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: invalid TOML: {error} — fix the syntax") from error
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("a11y-audit", {})
    return _from_tables(data, path, text)


def _from_tables(data: dict[str, Any], path: Path, text: str) -> Config:
    values: dict[str, Any] = {}
    for section, table in data.items():
        if section == "templates":
            values["templates"] = _templates(table, path, text)
            continue
        if section not in _SCHEMA:
            known = ", ".join(sorted([*_SCHEMA, "templates"]))
            raise UsageError(
                f"{_where(path, text, section)}: unknown section [{section}]; known sections: {known}"
            )
        if not isinstance(table, dict):
            raise UsageError(f"{_where(path, text, section)}: [{section}] must be a table")
        for key, value in table.items():
            if key not in _SCHEMA[section]:
                known = ", ".join(sorted(_SCHEMA[section]))
                raise UsageError(
                    f"{_where(path, text, key)}: unknown key '{key}' in [{section}]; expected one of: {known}"
                )
            validator, name = _SCHEMA[section][key]
            try:
                values[name] = validator(value)
            except ValueError as error:
                raise UsageError(f"{_where(path, text, key)}: [{section}] {key} must be {error}") from error
    return Config(source=str(path), **values)


def _templates(table: Any, path: Path, text: str) -> tuple[tuple[str, str], ...]:
    """[templates] maps a template name to a URL regex: product = '/products/'."""
    if not isinstance(table, dict):
        raise UsageError(f"{_where(path, text, 'templates')}: [templates] must map names to URL regexes")
    pairs = []
    for name, pattern in table.items():
        try:
            _regex_list([pattern])
        except ValueError as error:
            raise UsageError(f"{_where(path, text, name)}: [templates] {name} must be {error}") from error
        pairs.append((str(name), str(pattern)))
    return tuple(pairs)


def _where(path: Path, text: str, key: str) -> str:
    """'file:line' of the first line defining `key` (tomllib keeps no positions)."""
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(key)}\s*\]|\"?{re.escape(key)}\"?\s*=)")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return f"{path}:{number}"
    return str(path)
