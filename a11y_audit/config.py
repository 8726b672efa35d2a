"""Audit configuration: defaults < a11y-audit.toml or [tool.a11y-audit] < CLI flags.

Validation happens at load time and every error is one line naming the file, the line,
the key and what is expected, because a typo in a CI config must never silently change
what gets audited.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import cssselect

from a11y_audit.crawl.journey_spec import JourneyError, JourneySettings, parse_journeys
from a11y_audit.errors import UsageError
from a11y_audit.intake.settings import IntakeSettings, parse_intake
from a11y_audit.judge.priority import (
    DEFAULT_FLOWS,
    DEFAULT_NAMES,
    DEFAULT_SLA_DAYS,
    Criticality,
    Flow,
    PriorityPolicy,
)
from a11y_audit.model import JsonObject, Priority
from a11y_audit.tickets.settings import SettingError, TicketSettings, parse_tickets

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
    crawl_delay: float = 0.0
    max_crawl_delay: float = 10.0
    chromium: str | None = None
    chromedriver: str | None = None
    remote_url: str | None = None
    page_load_timeout: float = 30.0
    script_timeout: float = 60.0
    screenshots: bool = True
    axe_tags: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
    axe_path: str | None = None
    checks: tuple[str, ...] = ()
    skip_checks: tuple[str, ...] = ()
    custom_checks: tuple[str, ...] = ()
    interactive_pages_per_template: int = 2
    gatherer_timeout: float = 20.0
    max_tab_stops: int = 200
    safe_forms: tuple[str, ...] = ()
    templates: tuple[tuple[str, str], ...] = field(default=())
    flows: tuple[Flow, ...] = ()
    priority_names: tuple[tuple[str, str], ...] = ()
    sla_days: tuple[tuple[str, int], ...] = ()
    fail_on: str = "P2"
    min_pages: int = 1
    max_page_drop: float = 0.2
    retries: int = 0
    baseline: str | None = None
    tickets: TicketSettings = field(default_factory=TicketSettings)
    journeys: JourneySettings = field(default_factory=JourneySettings)
    intake: IntakeSettings = field(default_factory=IntakeSettings)
    source: str | None = None

    def with_overrides(self, **overrides: Any) -> Config:
        """CLI flags win over the file; None means 'flag not given'."""
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})

    def for_pages(
        self, urls: Sequence[str], *, journeys: Collection[str] | None = None, sign_in: bool = True
    ) -> Config:
        """This config narrowed to exactly these pages, for an audit that follows no links
        (`scan`, the gate's retries, intake): no sitemaps, one page per URL, no more browser
        sessions than pages.

        `journeys` names the journeys to run with them (None: as configured). The journey that
        signs the crawl in (`crawl_as`) is kept with them while `sign_in` is true, since the
        pages may be account pages; with `sign_in` false the pages are visited signed out.
        """
        settings = self.journeys
        signs_in = settings.sign_in_journey if sign_in else None
        if journeys is not None:
            keep = set(journeys) | ({signs_in} if signs_in else set())
            settings = replace(
                settings,
                journeys=tuple(journey for journey in settings.journeys if journey.name in keep),
                crawl_as=settings.crawl_as if signs_in else None,
            )
        return replace(
            self,
            start_urls=tuple(urls),
            sitemaps=(),
            max_pages=len(urls),
            workers=max(1, min(self.workers, len(urls))),
            journeys=settings,
        )

    def with_storage_state(self, path: Path | None) -> Config:
        """--storage-state FILE over [journeys] storage_state (and over crawl_as: see
        JourneySettings.sign_in_journey); None means 'flag not given'."""
        if path is None:
            return self
        return replace(self, journeys=replace(self.journeys, storage_state=str(path)))

    def judged_with(self, other: Config) -> Config:
        """This run's recorded config with `other`'s judging settings, for `evaluate --config`.

        What decides findings and priorities after the crawl (templates, flows, priority names
        and SLAs, the gate's thresholds, which checks are judged) comes from `other`, so a
        wrong flow or template is fixed by re-judging, not by crawling again. What the crawl did
        (its pages, browser, axe tags, journeys) is a fact of the run and stays as recorded.
        """
        return replace(self, **{name: getattr(other, name) for name in JUDGING_SETTINGS}, source=other.source)

    def priority_policy(self) -> PriorityPolicy:
        """[flows] and [priority] over the defaults of a11y_audit.judge.priority."""
        return PriorityPolicy(
            flows=self.flows,
            names={**DEFAULT_NAMES, **{Priority(key): name for key, name in self.priority_names}},
            sla_days={**DEFAULT_SLA_DAYS, **{Priority(key): days for key, days in self.sla_days}},
        )

    def to_json(self) -> JsonObject:
        """The config as recorded in results.json (no secrets live here)."""
        data: JsonObject = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in ("tickets", "intake"):
                continue  # where tickets go is not part of the run (and a tracker URL is no finding)
            if item.name == "journeys":
                data[item.name] = value.to_json()  # names, flows and states; never step values
            elif item.name == "flows":
                data[item.name] = [flow.to_json() for flow in value]
            elif item.name in _PAIRS:
                data[item.name] = [list(pair) for pair in value]
            else:
                data[item.name] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_json(cls, data: JsonObject) -> Config:
        """Inverse of to_json, so `evaluate` re-judges with the settings the run used."""
        values: JsonObject = {}
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            if item.name == "journeys":
                continue  # evaluation reads each state's flow from its page record
            if item.name == "flows":
                values[item.name] = tuple(
                    Flow(
                        flow["name"],
                        Criticality(flow["criticality"]),
                        tuple(flow["urls"]),
                        tuple(flow["templates"]),
                    )
                    for flow in value
                )
            elif item.name in _PAIRS:
                values[item.name] = tuple(tuple(pair) for pair in value)
            else:
                values[item.name] = tuple(value) if isinstance(value, list) else value
        return cls(**values)


_PAIRS = ("templates", "priority_names", "sla_days")

JUDGING_SETTINGS = (
    "templates",
    "flows",
    "priority_names",
    "sla_days",
    "fail_on",
    "min_pages",
    "max_page_drop",
    "baseline",
    "checks",
    "skip_checks",
)
"""The settings `evaluate --config` takes from the new file (Config.judged_with)."""


# section -> key -> (validator, config field)
_Validator = Callable[[Any], Any]


def _string_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("a list of strings")
    return tuple(value)


def _selector_list(value: Any) -> tuple[str, ...]:
    selectors = _string_list(value)
    for selector in selectors:
        try:
            cssselect.parse(selector)
        except cssselect.SelectorSyntaxError as error:
            raise ValueError(f"CSS selectors; {selector!r} is not one ({error})") from error
    return selectors


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


def _non_negative_seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError("a number of seconds, 0 or more")
    return float(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("true or false")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("a non-empty string")
    return value


def _priority_level(value: Any) -> str:
    if value not in tuple(Priority):
        raise ValueError('one of "P1", "P2", "P3", "P4"')
    return str(value)


def _share(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise ValueError("a share from 0 up to (not including) 1, such as 0.2 for 20%")
    return float(value)


def _trailing_slash(value: Any) -> str:
    if value not in ("keep", "strip", "add"):
        raise ValueError('one of "keep", "strip", "add"')
    return str(value)


_SCHEMA: dict[str, dict[str, tuple[_Validator, str]]] = {
    "gate": {
        "fail_on": (_priority_level, "fail_on"),
        "min_pages": (_non_negative_int, "min_pages"),
        "max_page_drop": (_share, "max_page_drop"),
        "retries": (_non_negative_int, "retries"),
        "baseline": (_string, "baseline"),
    },
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
        "crawl_delay": (_non_negative_seconds, "crawl_delay"),
        "max_crawl_delay": (_non_negative_seconds, "max_crawl_delay"),
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
    "checks": {
        "only": (_string_list, "checks"),
        "skip": (_string_list, "skip_checks"),
        "custom": (_string_list, "custom_checks"),
        "interactive_pages_per_template": (_non_negative_int, "interactive_pages_per_template"),
        "gatherer_timeout": (_seconds, "gatherer_timeout"),
        "max_tab_stops": (_positive_int, "max_tab_stops"),
        "safe_forms": (_selector_list, "safe_forms"),
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
            f"cannot read config file {path}: {error.strerror or error} — check the path"
        ) from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: invalid TOML: {error} — fix the syntax") from error
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("a11y-audit", {})
    return _from_tables(data, path, text)


def _from_tables(data: JsonObject, path: Path, text: str) -> Config:
    values: JsonObject = {}
    for section, table in data.items():
        if section == "journeys":
            continue  # validated last: a journey's flow may name a [flows.NAME] defined after it
        if section in _SPECIAL_SECTIONS:
            values.update(_SPECIAL_SECTIONS[section](table, path, text))
            continue
        if section not in _SCHEMA:
            known = ", ".join(sorted([*_SCHEMA, *_SPECIAL_SECTIONS, "journeys"]))
            raise UsageError(
                f"{_where(path, text, section)}: unknown section [{section}]; known sections: {known}"
            )
        table = _table(table, path, text, (section,), f"[{section}]")
        _known(table, _SCHEMA[section], path, text, (section,), f"[{section}]")
        for key, value in table.items():
            validator, name = _SCHEMA[section][key]
            values[name] = _checked(validator, value, path, text, (section, key), f"[{section}] {key}")
    if "journeys" in data:
        values.update(_journeys(data["journeys"], path, text, values.get("flows", ())))
    return Config(source=str(path), **values)


def _checked(
    validator: _Validator, value: Any, path: Path, text: str, keys: tuple[str, ...], what: str
) -> Any:
    """Run a validator; its ValueError (what is expected) becomes a one-line UsageError."""
    try:
        return validator(value)
    except ValueError as error:
        raise UsageError(f"{_where(path, text, *keys)}: {what} must be {error}") from error


def _known(found: JsonObject, known: Any, path: Path, text: str, keys: tuple[str, ...], where: str) -> None:
    """Reject the first key of `found` that is not in `known`."""
    for key in found:
        if key not in known:
            expected = ", ".join(sorted(known))
            location = _where(path, text, *keys, key)
            raise UsageError(f"{location}: unknown key '{key}' in {where}; expected one of: {expected}")


def _table(value: Any, path: Path, text: str, keys: tuple[str, ...], what: str) -> JsonObject:
    if not isinstance(value, dict):
        raise UsageError(f"{_where(path, text, *keys)}: {what} must be a table")
    return value


def _templates(table: Any, path: Path, text: str) -> JsonObject:
    """[templates] maps a template name to a URL regex: product = '/products/'."""
    table = _table(table, path, text, ("templates",), "[templates] (template name = URL regex)")
    pairs = []
    for name, pattern in table.items():
        _checked(_regex_list, [pattern], path, text, ("templates", name), f"[templates] {name}")
        pairs.append((str(name), str(pattern)))
    return {"templates": tuple(pairs)}


_FLOW_KEYS = ("criticality", "urls", "templates")
_CRITICALITIES = ", ".join(f'"{item.value}"' for item in Criticality)


def _criticality(value: Any) -> Criticality:
    if value not in tuple(Criticality):
        raise ValueError(f"one of {_CRITICALITIES}")
    return Criticality(value)


def _flows(table: Any, path: Path, text: str) -> JsonObject:
    """[flows.NAME] criticality = "critical"|"high"|"normal", urls = [regex...], templates = [name...]."""
    table = _table(table, path, text, ("flows",), "[flows]")
    flows = []
    for name, spec in table.items():
        keys = ("flows", name)
        spec = _table(spec, path, text, keys, f"[flows.{name}]")
        _known(spec, _FLOW_KEYS, path, text, keys, f"[flows.{name}]")
        if "criticality" not in spec:
            raise UsageError(
                f"{_where(path, text, *keys)}: [flows.{name}] needs criticality = {_CRITICALITIES}"
            )
        criticality = _checked(
            _criticality,
            spec["criticality"],
            path,
            text,
            (*keys, "criticality"),
            f"[flows.{name}] criticality",
        )
        urls = _checked(
            _regex_list, spec.get("urls", []), path, text, (*keys, "urls"), f"[flows.{name}] urls"
        )
        templates = _checked(
            _string_list,
            spec.get("templates", []),
            path,
            text,
            (*keys, "templates"),
            f"[flows.{name}] templates",
        )
        if not urls and not templates:
            raise UsageError(
                f"{_where(path, text, *keys)}: [flows.{name}] matches no page; give urls = [regex...] "
                "or templates = [name...]"
            )
        flows.append(Flow(str(name), criticality, urls, templates))
    return {"flows": tuple(flows)}


_PRIORITY_KEYS = {"names": ("priority_names", _string), "sla_days": ("sla_days", _non_negative_int)}


def _priority(table: Any, path: Path, text: str) -> JsonObject:
    """[priority] names = {P1 = "Highest", ...}, sla_days = {P1 = 2, ...}; unnamed ones keep defaults."""
    table = _table(table, path, text, ("priority",), "[priority]")
    _known(table, _PRIORITY_KEYS, path, text, ("priority",), "[priority]")
    values: JsonObject = {}
    for key, mapping in table.items():
        field_name, validator = _PRIORITY_KEYS[key]
        keys = ("priority", key)
        mapping = _table(mapping, path, text, keys, f"[priority] {key} (P1 = ..., P2 = ...)")
        for level in mapping:
            if level not in tuple(Priority):
                raise UsageError(
                    f"{_where(path, text, *keys, level)}: unknown priority '{level}' in [priority] {key}; "
                    "expected P1, P2, P3 or P4"
                )
        values[field_name] = tuple(
            (level, _checked(validator, value, path, text, (*keys, level), f"[priority] {key}.{level}"))
            for level, value in mapping.items()
        )
    return values


def _tickets(table: Any, path: Path, text: str) -> JsonObject:
    """[tickets] and [tickets.jira|github|redmine], validated by a11y_audit.tickets.settings."""
    try:
        return {"tickets": parse_tickets(table)}
    except SettingError as error:
        raise UsageError(f"{_where(path, text, 'tickets', *error.keys)}: {error}") from error


def _intake(table: Any, path: Path, text: str) -> JsonObject:
    """[intake], validated by a11y_audit.intake.settings (docs/intake.md)."""
    try:
        return {"intake": parse_intake(table)}
    except SettingError as error:
        raise UsageError(f"{_where(path, text, 'intake', *error.keys)}: {error}") from error


def _journeys(table: Any, path: Path, text: str, flows: tuple[Flow, ...]) -> JsonObject:
    """[journeys] and [journeys.NAME], validated by a11y_audit.crawl.journey_spec."""
    known = dict.fromkeys([*(flow.name for flow in flows), *(flow.name for flow in DEFAULT_FLOWS)])
    try:
        return {"journeys": parse_journeys(table, known)}
    except JourneyError as error:
        raise UsageError(f"{_where(path, text, 'journeys', *error.keys)}: {error}") from error


_SPECIAL_SECTIONS: dict[str, Callable[[Any, Path, str], JsonObject]] = {
    "templates": _templates,
    "flows": _flows,
    "priority": _priority,
    "tickets": _tickets,
    "intake": _intake,
}


def _where(path: Path, text: str, *keys: str) -> str:
    """'file:line' of the line defining the last of `keys`, each searched after the previous one
    (a table header, `key =` at a line start, or `key =` inside an inline table); tomllib keeps
    no positions."""
    lines = text.splitlines()
    found: int | None = None
    for key in keys:
        name = rf"\"?{re.escape(key)}\"?"
        pattern = re.compile(rf"^\s*\[\s*(?:[\w\"-]+\s*\.\s*)*{name}\s*\]|(?:^\s*|[{{,]\s*){name}\s*=")
        start = found or 0
        found = next((number for number in range(start, len(lines)) if pattern.search(lines[number])), found)
    return f"{path}:{found + 1}" if found is not None else str(path)
