"""The CI gate's commands: `baseline create|update`, `gate`, and `--baseline` on audit commands.

The decision itself is pure (a11y_audit.gate.decision, with retries in a11y_audit.gate.retries,
called through api.gate so retries audit exactly as a run does); this module reads files, prints
the verdict (and GitHub Actions annotations when running there) and maps it to the exit codes:
0 pass, 1 new blocking issues, 2 usage error, 3 the run cannot be trusted (too few pages, a
re-audited page that failed to load).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from a11y_audit import api
from a11y_audit.config import Config, load_config
from a11y_audit.errors import ToolError
from a11y_audit.gate.baseline import Baseline, create, load_baseline, update, write_baseline
from a11y_audit.gate.decision import GateResult, decide, gate_policy, github_annotations, summary_lines
from a11y_audit.model import Priority
from a11y_audit.run_result import load_results

__all__ = [
    "baseline_group",
    "gate",
    "gate_options",
    "gate_overrides",
    "prepare_gate",
    "run_gate",
]

F = TypeVar("F", bound=Callable[..., Any])

_BASELINE_ARG = click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The baseline file (JSON, kept in the repository).",
)


def _policy_options(function: F) -> F:
    """--fail-on, --min-pages, --max-page-drop: shared by `gate` and the audit commands."""
    decorators = [
        click.option(
            "--fail-on",
            type=click.Choice(tuple(Priority)),
            help="Fail on new issues of this priority or more urgent [default: P2; config [gate]].",
        ),
        click.option(
            "--min-pages",
            type=click.IntRange(0),
            help="Exit 3 when fewer pages were audited [default: 1].",
        ),
        click.option(
            "--max-page-drop",
            type=click.FloatRange(0, 1, max_open=True),
            help="Exit 3 when this share fewer pages were audited than in the baseline's run [default: 0.2].",
        ),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def gate_options(function: F) -> F:
    """--baseline/--retries plus the policy options, for crawl, scan and demo."""
    function = _policy_options(function)
    function = click.option(
        "--retries",
        type=click.IntRange(0),
        help="With --baseline: audit pages with new blocking issues again up to N times; "
        "an issue that does not come back is flaky, not a failure [default: 0].",
    )(function)
    return click.option(
        "--baseline",
        "baseline_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Gate the run against this baseline: exit 1 on new blocking issues.",
    )(function)


def gate_overrides(flags: Mapping[str, object]) -> dict[str, object]:
    """Config overrides from the gate flags (None where a flag was not given)."""
    return {
        "fail_on": flags.get("fail_on"),
        "min_pages": flags.get("min_pages"),
        "max_page_drop": flags.get("max_page_drop"),
        "retries": flags.get("retries"),
        "baseline": None if flags.get("baseline_path") is None else str(flags["baseline_path"]),
    }


def prepare_gate(config: Config) -> tuple[Path, Baseline] | None:
    """Read the baseline before the audit starts, so a wrong path costs no crawl."""
    if config.baseline is None:
        return None
    path = Path(config.baseline)
    return path, load_baseline(path)


def run_gate(config: Config, outcome: api.AuditOutcome, gate_input: tuple[Path, Baseline]) -> None:
    """After an audit: the verdict (flaky candidates audited again), printed; exit 1 or ToolError."""
    path, baseline = gate_input
    _report(api.gate(outcome, baseline, config, say=click.echo), path)


def _report(result: GateResult, baseline_path: Path) -> None:
    for line in summary_lines(result, str(baseline_path)):
        click.echo(line)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in github_annotations(result, str(baseline_path)):
            click.echo(line)
    if result.page_problem is not None:
        raise ToolError(result.page_problem)
    if result.blocking:
        click.echo(f"Gate failed: {len(result.blocking)} new blocking issue(s).", err=True)
        sys.exit(result.exit_code)
    click.echo("Gate passed.")


@click.command()
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@_BASELINE_ARG
@_policy_options
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Config file.")
def gate(results: Path, baseline_path: Path, config_path: Path | None, **flags: Any) -> None:
    """Fail (exit 1) on new issues in saved RESULTS that the baseline does not know.

    Exit 0: no new blocking issue · 1: new issues at or above --fail-on (failed, WCAG) ·
    2: usage error · 3: too few pages audited (--min-pages, --max-page-drop).

    \b
    Examples:
      a11y-audit gate out/results.json --baseline a11y-baseline.json
      a11y-audit gate out/results.json --baseline a11y-baseline.json --fail-on P3 --min-pages 50
    """
    config = load_config(config_path).with_overrides(**gate_overrides(flags))
    baseline = load_baseline(baseline_path)
    _report(decide(load_results(results), baseline, gate_policy(config), date.today()), baseline_path)


@click.group("baseline")
def baseline_group() -> None:
    """Create or ratchet the baseline of known issues that the CI gate accepts."""


@baseline_group.command("create")
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@_BASELINE_ARG
def baseline_create(results: Path, baseline_path: Path) -> None:
    """Accept every issue of RESULTS: write a new baseline (overwrites FILE).

    \b
    Example:
      a11y-audit baseline create out/results.json --baseline a11y-baseline.json
    """
    made = create(load_results(results))
    write_baseline(baseline_path, made)
    click.echo(f"Baseline: {baseline_path.resolve()} ({len(made.entries)} known issue(s))")


@baseline_group.command("update")
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@_BASELINE_ARG
@click.option("--accept-new", is_flag=True, help="Also accept the new issues of RESULTS (review the diff).")
def baseline_update(results: Path, baseline_path: Path, accept_new: bool) -> None:
    """Ratchet: remove fixed issues, keep reasons, tickets, expiry and triage of the rest.

    \b
    Examples:
      a11y-audit baseline update out/results.json --baseline a11y-baseline.json
      a11y-audit baseline update out/results.json --baseline a11y-baseline.json --accept-new
    """
    old = load_baseline(baseline_path)
    new = update(old, load_results(results), accept_new=accept_new)
    write_baseline(baseline_path, new)
    removed = len(set(old.entries) - set(new.entries))
    added = len(set(new.entries) - set(old.entries))
    click.echo(
        f"Baseline: {baseline_path.resolve()} ({removed} fixed removed, {added} added, "
        f"{len(new.entries)} known)"
    )
