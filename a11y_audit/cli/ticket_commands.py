"""`a11y-audit tickets ...`: file a saved results.json's issues in a tracker and keep them in sync.

Thin click commands over a11y_audit.tickets.sync_results; tracker settings come from [tickets] in the
config file, overridden by flags; credentials only from environment variables (docs/tickets.md).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from a11y_audit.config import load_config
from a11y_audit.errors import UsageError
from a11y_audit.run_result import load_results
from a11y_audit.tickets.settings import PRIORITIES, TRACKERS, TicketSettings
from a11y_audit.tickets.sync import ACTIONS, SyncReport
from a11y_audit.tickets.sync_results import SyncOptions, state_path, sync_results

__all__ = ["tickets_group"]


@click.group("tickets")
def tickets_group() -> None:
    """File issues from results.json as tracker tickets and keep them in sync."""


@tickets_group.command("sync")
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--tracker", type=click.Choice(TRACKERS), help="Where tickets go [default: file, or [tickets] tracker]."
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of the file tracker's tickets and of the state file [default: ./a11y-tickets].",
)
@click.option(
    "--state",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite state file (fingerprint -> ticket) [default: DIR/tickets-state.sqlite].",
)
@click.option(
    "--dry-run", is_flag=True, help="Show what would change; write nothing (the tracker is only read)."
)
@click.option(
    "--min-priority",
    type=click.Choice(PRIORITIES),
    help="File only issues this urgent or more [default: P4].",
)
@click.option("--close-fixed", is_flag=True, help="Close open tickets whose issue this run no longer found.")
@click.option("--url", help="Jira or Redmine base URL, or GitHub's API URL (GitHub Enterprise).")
@click.option("--project", help="Jira project key, Redmine project identifier, or GitHub owner/name.")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Config file.")
def sync_command(
    results: Path,
    tracker: str | None,
    folder: Path | None,
    state: Path | None,
    dry_run: bool,
    min_priority: str | None,
    close_fixed: bool,
    url: str | None,
    project: str | None,
    config_path: Path | None,
) -> None:
    """Create, update, reopen (and with --close-fixed close) one ticket per issue in RESULTS.

    Reruns update the same tickets: each ticket carries the issue's fingerprint, kept in the
    state file and looked up in the tracker before anything is created. Credentials come from
    environment variables only: A11Y_AUDIT_JIRA_EMAIL + A11Y_AUDIT_JIRA_TOKEN (Jira Cloud) or
    A11Y_AUDIT_JIRA_PAT (Data Center), GITHUB_TOKEN, A11Y_AUDIT_REDMINE_KEY.

    \b
    Examples:
      a11y-audit tickets sync a11y-report/results.json                 # Markdown + JSON in ./a11y-tickets
      a11y-audit tickets sync a11y-report/results.json --dry-run --min-priority P2
      a11y-audit tickets sync a11y-report/results.json --tracker github --project shop/web
      a11y-audit tickets sync a11y-report/results.json --tracker jira --url https://shop.atlassian.net \\
          --project SHOP --close-fixed
    """
    settings = _settings(load_config(config_path).tickets, tracker, folder, state, min_priority, url, project)
    options = SyncOptions(dry_run=dry_run, close_fixed=close_fixed)
    report = sync_results(load_results(results), settings, options, os.environ)
    _print_report(report, settings)


def _settings(
    settings: TicketSettings,
    tracker: str | None,
    folder: Path | None,
    state: Path | None,
    min_priority: str | None,
    url: str | None,
    project: str | None,
) -> TicketSettings:
    """Flags over [tickets]; --url/--project go to the chosen tracker's own settings."""
    settings = replace(
        settings,
        tracker=tracker or settings.tracker,
        dir=str(folder) if folder else settings.dir,
        state=str(state) if state else settings.state,
        min_priority=min_priority or settings.min_priority,
    )
    if settings.tracker not in _URL_AND_PROJECT:
        return settings
    if url and not url.startswith(("http://", "https://")):
        raise UsageError(f"--url must be an http:// or https:// URL, not '{url}'")
    url_field, project_field = _URL_AND_PROJECT[settings.tracker]
    given = {name: value for name, value in ((url_field, url), (project_field, project)) if value}
    return replace(settings, **{settings.tracker: replace(getattr(settings, settings.tracker), **given)})


# Which setting of each remote tracker --url and --project set.
_URL_AND_PROJECT = {"github": ("api_url", "repo"), "jira": ("url", "project"), "redmine": ("url", "project")}


_SUMMARY = {"wont-fix": "won't fix (left alone)", "no-longer-found": "no longer found (see --close-fixed)"}


def _print_report(report: SyncReport, settings: TicketSettings) -> None:
    """One line per ticket touched ("created  #12  P2  title"), then the counts."""
    for action in ACTIONS:
        for line in report.lines[action]:
            click.echo(f"{action:16} {line}")
    counts = report.counts()
    summary = ", ".join(f"{counts[action]} {_SUMMARY.get(action, action)}" for action in ACTIONS)
    if report.dry_run:
        click.echo(f"Dry run, nothing written ({settings.tracker}): {summary}.")
    else:
        click.echo(f"Tickets ({settings.tracker}): {summary}.")
        click.echo(f"State: {state_path(settings).resolve()}")
