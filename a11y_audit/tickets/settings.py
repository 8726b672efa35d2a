"""[tickets] settings: which tracker and how to talk to it (never credentials: those come only
from environment variables, read by each adapter).

Validated like the rest of the config (a11y_audit.config calls `parse_tickets` for the section
and turns a `SettingError` into a file:line error), so a typo in a CI config stops the sync
instead of filing tickets in the wrong place.

    [tickets]
    tracker = "jira"              # file | jira | github | redmine
    dir = "a11y-tickets"          # file tickets, and the default home of the state file
    state = "a11y-tickets/tickets-state.sqlite"
    min_priority = "P3"
    wont_fix_label = "wontfix"
    [tickets.jira]
    url = "https://shop.atlassian.net"
    project = "SHOP"
    issue_type = "Bug"
    priorities = { P1 = "Highest", P2 = "High", P3 = "Medium", P4 = "Low" }
    close_transition = "Done"     # default: the first transition into a "done" status
    reopen_transition = "Reopen"  # default: the first transition out of it
    [tickets.github]
    repo = "shop/web"
    api_url = "https://api.github.com"
    [tickets.redmine]
    url = "https://redmine.example.com"
    project = "shop"
    tracker_id = 1
    priority_ids = { P1 = 5, P2 = 4, P3 = 3, P4 = 2 }
    closed_status_id = 5          # default: the first closed status
    reopened_status_id = 1        # default: the first open status
    wont_fix_status = "Rejected"
    text_formatting = "textile"   # or "common_mark": as set in Redmine's Administration > Settings
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from a11y_audit.model import JsonObject

__all__ = [
    "PRIORITIES",
    "TRACKERS",
    "GitHubSettings",
    "JiraSettings",
    "RedmineSettings",
    "SettingError",
    "TicketSettings",
    "parse_tickets",
]

TRACKERS = ("file", "jira", "github", "redmine")
PRIORITIES = ("P1", "P2", "P3", "P4")


class SettingError(ValueError):
    """A bad [tickets] value; `keys` locate it below [tickets] for the file:line message."""

    def __init__(self, keys: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.keys = keys


@dataclass(frozen=True, slots=True)
class JiraSettings:
    url: str | None = None
    project: str | None = None
    issue_type: str = "Bug"
    priorities: tuple[tuple[str, str], ...] = ()
    close_transition: str | None = None
    reopen_transition: str | None = None


@dataclass(frozen=True, slots=True)
class GitHubSettings:
    repo: str | None = None
    api_url: str = "https://api.github.com"


@dataclass(frozen=True, slots=True)
class RedmineSettings:
    url: str | None = None
    project: str | None = None
    tracker_id: int | None = None
    priority_ids: tuple[tuple[str, int], ...] = ()
    closed_status_id: int | None = None
    reopened_status_id: int | None = None
    wont_fix_status: str = "Rejected"
    text_formatting: str = "textile"


@dataclass(frozen=True, slots=True)
class TicketSettings:
    tracker: str = "file"
    dir: str = "a11y-tickets"
    state: str | None = None
    min_priority: str = "P4"
    wont_fix_label: str = "wontfix"
    jira: JiraSettings = field(default_factory=JiraSettings)
    github: GitHubSettings = field(default_factory=GitHubSettings)
    redmine: RedmineSettings = field(default_factory=RedmineSettings)


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("a non-empty string")
    return value


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("a whole number of at least 1")
    return value


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError("one of " + ", ".join(f'"{choice}"' for choice in choices))
        return str(value)

    return check


def _url(value: Any) -> str:
    text = _string(value)
    if not text.startswith(("http://", "https://")):
        raise ValueError("an http:// or https:// URL")
    return text.rstrip("/")


def _repo(value: Any) -> str:
    text = _string(value)
    if text.count("/") != 1 or not all(text.split("/")):
        raise ValueError('"owner/name"')
    return text


def _per_priority(validator: Callable[[Any], Any]) -> Callable[[Any], tuple[tuple[str, Any], ...]]:
    def check(value: Any) -> tuple[tuple[str, Any], ...]:
        if not isinstance(value, dict) or any(key not in PRIORITIES for key in value):
            raise ValueError("a table of P1..P4, e.g. { P1 = ..., P2 = ... }")
        return tuple((key, validator(item)) for key, item in value.items())

    return check


_Schema = dict[str, Callable[[Any], Any]]
_TOP: _Schema = {
    "tracker": _one_of(TRACKERS),
    "dir": _string,
    "state": _string,
    "min_priority": _one_of(PRIORITIES),
    "wont_fix_label": _string,
}
_SUBTABLES: dict[str, tuple[type[Any], _Schema]] = {
    "jira": (
        JiraSettings,
        {
            "url": _url,
            "project": _string,
            "issue_type": _string,
            "priorities": _per_priority(_string),
            "close_transition": _string,
            "reopen_transition": _string,
        },
    ),
    "github": (GitHubSettings, {"repo": _repo, "api_url": _url}),
    "redmine": (
        RedmineSettings,
        {
            "url": _url,
            "project": _string,
            "tracker_id": _positive_int,
            "priority_ids": _per_priority(_positive_int),
            "closed_status_id": _positive_int,
            "reopened_status_id": _positive_int,
            "wont_fix_status": _string,
            "text_formatting": _one_of(("textile", "common_mark")),
        },
    ),
}


def parse_tickets(table: Any) -> TicketSettings:
    """The [tickets] table as settings; a SettingError names the bad key and what is expected."""
    values: JsonObject = {}
    for key, value in _table(table, ()).items():
        if key in _SUBTABLES:
            kind, schema = _SUBTABLES[key]
            values[key] = kind(**_validated(_table(value, (key,)), schema, (key,)))
        else:
            values.update(_validated({key: value}, _TOP, ()))
    return TicketSettings(**values)


def _table(value: Any, keys: tuple[str, ...]) -> JsonObject:
    if not isinstance(value, dict):
        raise SettingError(keys, f"[{'.'.join(('tickets', *keys))}] must be a table")
    return value


def _validated(table: JsonObject, schema: _Schema, keys: tuple[str, ...]) -> JsonObject:
    section = ".".join(("tickets", *keys))
    known = sorted(schema) + ([] if keys else sorted(_SUBTABLES))
    values = {}
    for key, value in table.items():
        if key not in schema:
            raise SettingError(
                (*keys, key), f"unknown key '{key}' in [{section}]; expected one of: {', '.join(known)}"
            )
        try:
            values[key] = schema[key](value)
        except ValueError as error:
            raise SettingError((*keys, key), f"[{section}] {key} must be {error}") from error
    return values
