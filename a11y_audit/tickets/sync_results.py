"""`sync_results`: a run + settings -> tickets in one tracker (what `tickets sync` runs).

Default state file: `<dir>/tickets-state.sqlite` (dir = --dir, default ./a11y-tickets) for every
tracker, so it survives a fresh output folder per run; one file can hold several trackers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from a11y_audit.errors import UsageError
from a11y_audit.run_result import RunResult
from a11y_audit.tickets.content import PRIORITIES, Ticket, build_ticket
from a11y_audit.tickets.file_tracker import FileTracker
from a11y_audit.tickets.github import GitHubTracker
from a11y_audit.tickets.jira import JiraTracker
from a11y_audit.tickets.redmine import RedmineTracker
from a11y_audit.tickets.settings import TicketSettings
from a11y_audit.tickets.state import StateStore
from a11y_audit.tickets.sync import SyncReport, Tracker, sync

__all__ = ["STATE_FILE", "SyncOptions", "open_tracker", "state_path", "sync_results", "tickets_for"]

STATE_FILE = "tickets-state.sqlite"


@dataclass(frozen=True, slots=True)
class SyncOptions:
    dry_run: bool = False
    close_fixed: bool = False


def state_path(settings: TicketSettings) -> Path:
    return Path(settings.state) if settings.state else Path(settings.dir) / STATE_FILE


def tickets_for(run: RunResult, min_priority: str) -> list[Ticket]:
    """Tickets for the run's issues at or above `min_priority` (P1 most urgent), in the run's order."""
    limit = PRIORITIES.index(min_priority)
    return [
        build_ticket(issue, run)
        for issue in run.issues
        if PRIORITIES.index(issue.triage.priority.value) <= limit
    ]


def open_tracker(settings: TicketSettings, env: Mapping[str, str]) -> Tracker:
    """The adapter for settings.tracker; credentials are read from `env` (os.environ) only."""
    if settings.tracker == "jira":
        return JiraTracker.from_settings(settings.jira, env, wont_fix_label=settings.wont_fix_label)
    if settings.tracker == "github":
        return GitHubTracker.from_settings(settings.github, env, wont_fix_label=settings.wont_fix_label)
    if settings.tracker == "redmine":
        return RedmineTracker.from_settings(settings.redmine, env)
    return FileTracker(Path(settings.dir), wont_fix_label=settings.wont_fix_label)


def sync_results(
    run: RunResult, settings: TicketSettings, options: SyncOptions, env: Mapping[str, str]
) -> SyncReport:
    """Bring the tracker in line with `run` (read from its results.json: evidence lives beside it)."""
    if options.close_fixed and run.tool.interrupted:
        raise UsageError(
            f"{run.path} is from an interrupted run: --close-fixed would close tickets of pages "
            "never audited; finish the run with --resume, or sync without --close-fixed"
        )
    tickets = tickets_for(run, settings.min_priority)
    tracker = open_tracker(settings, env)
    state = StateStore(state_path(settings), read_only=options.dry_run)
    try:
        return sync(
            tickets,
            [issue.fingerprint for issue in run.issues],
            tracker,
            state,
            run=run.tool.started or str(run.path),
            dry_run=options.dry_run,
            close_fixed=options.close_fixed,
        )
    finally:
        state.close()
