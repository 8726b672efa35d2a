"""`a11y-audit journeys list|run`: the configured journeys alone, for fast feedback while writing one.

Thin click commands over a11y_audit.api (journey_settings, run_journeys); journeys come from
[journeys] in the config file (docs/journeys.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from a11y_audit import api
from a11y_audit.cli.progress import Progress
from a11y_audit.config import load_config
from a11y_audit.errors import ToolError
from a11y_audit.model import Outcome
from a11y_audit.run_result import RunResult

__all__ = ["STORAGE_STATE_OPTION", "journeys_group"]

STORAGE_STATE_OPTION = click.option(
    "--storage-state",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Start signed in: a Playwright storageState JSON or a Netscape cookies.txt "
    "(replaces [journeys] storage_state and crawl_as; docs/journeys.md).",
)
"""For crawl, scan, demo and `journeys run`: one spelling of the option everywhere."""

_CONFIG = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="a11y-audit.toml (or pyproject.toml) with [journeys.NAME] tables.",
)


@click.group("journeys")
def journeys_group() -> None:
    """Audit the states a crawler never reaches: signed in, items in the bag, checkout steps."""


@journeys_group.command("list")
@_CONFIG
def list_journeys(config_path: Path) -> None:
    """List the configured journeys: name, flow, steps and the states they audit.

    \b
    Example:
      a11y-audit journeys list --config examples/demo-journeys.toml
    """
    settings = api.journey_settings(config_path)
    for journey in settings.journeys:
        signed_in = " (the crawl reuses its session)" if journey.name == settings.crawl_as else ""
        click.echo(
            f"{journey.name}  flow={journey.flow}  {len(journey.steps)} steps  "
            f"states: {', '.join(journey.states)}{signed_in}"
        )


@journeys_group.command("run")
@click.argument("names", nargs=-1, required=True)
@_CONFIG
@click.option(
    "--url", "base_url", help="Base URL for the journeys' relative visits [default: the config's start URL]."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("a11y-journeys"),
    show_default=True,
    help="Folder for results.json, report.html and the states' artifacts.",
)
@STORAGE_STATE_OPTION
@click.option(
    "--save-storage-state",
    "save_state_to",
    type=click.Path(path_type=Path, dir_okay=False),
    help="After the journey, write its session (cookies, localStorage) to this file (mode 0600), "
    "for --storage-state: sign in once, reuse it.",
)
def run_journeys(
    names: tuple[str, ...],
    config_path: Path,
    base_url: str | None,
    output: Path,
    storage_state: Path | None,
    save_state_to: Path | None,
) -> None:
    """Run these journeys alone (no crawl), printing each step and the findings per state.

    Exit 0 when every journey ran to its end, 3 when one stopped early (the message names
    the step, what was expected and the screenshot; no storage-state file is written then).

    \b
    Examples:
      a11y-audit demo --serve --port 8000 &
      DEMO_PASSWORD=... a11y-audit journeys run checkout sign-in \\
          --config examples/demo-journeys.toml --url http://127.0.0.1:8000/
      DEMO_PASSWORD=... a11y-audit journeys run sign-in --save-storage-state qa-session.json \\
          --config examples/demo-journeys.toml --url http://127.0.0.1:8000/
      a11y-audit crawl http://127.0.0.1:8000/account --storage-state qa-session.json
    """
    config = (
        load_config(config_path)
        .with_storage_state(storage_state)
        .with_overrides(start_urls=(base_url,) if base_url else None)
    )
    progress = Progress(stream=sys.stdout)
    outcome, journeys = api.run_journeys(
        config,
        output,
        names,
        on_step=progress.step_done,
        on_warning=progress.warn,
        save_state_to=save_state_to,
    )
    _print_findings(outcome.result)
    click.echo(f"Results: {outcome.results_path.resolve()}")
    click.echo(f"Report:  {outcome.report_path.resolve()}")
    failures = [journey.failure for journey in journeys if journey.failure]
    if failures:
        unsaved = f" (no storage state written to {save_state_to})" if save_state_to else ""
        raise ToolError(failures[0] + unsaved)
    if save_state_to is not None:
        click.echo(
            f"Storage state: {save_state_to.resolve()} (signs in as the journey's account: keep it "
            "out of version control; reuse it with --storage-state)"
        )


def _print_findings(run: RunResult) -> None:
    """Per audited state: its issues, most urgent first (the run lists them that way)."""
    for page in run.pages:
        if not page.state:
            continue
        issues = [
            issue
            for issue in run.issues
            if any(instance.page_url == page.url for instance in issue.instances)
        ]
        click.echo(f"state {page.journey}/{page.state} ({page.final_url}): {len(issues)} issue(s)")
        for issue in issues:
            outcome = "fails" if issue.outcome is Outcome.FAILED else "to review"
            click.echo(f"  {issue.triage.priority} {issue.rule.id} {outcome}: {issue.rule.title}")
