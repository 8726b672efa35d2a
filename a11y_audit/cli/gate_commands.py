"""The CI gate's commands: `baseline create|update`, `gate`, and `--baseline` on audit commands.

The decision itself is pure (a11y_audit.gate.decision); this module reads files, re-audits pages whose
new issues may be flaky (through api.audit, so retries see exactly what a run sees), prints the
verdict (and GitHub Actions annotations when running there) and maps it to the exit codes:
0 pass, 1 new blocking issues, 2 usage error, 3 the run cannot be trusted (too few pages, a
re-audited page that failed to load).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from a11y_audit import api
from a11y_audit.check import SiteCheck
from a11y_audit.config import Config, load_config
from a11y_audit.crawl.journey_spec import journey_of
from a11y_audit.errors import ToolError
from a11y_audit.gate.baseline import Baseline, create, load_baseline, update, write_baseline
from a11y_audit.gate.decision import GateResult, decide, github_annotations, summary_lines
from a11y_audit.judge.registry import configured_checks
from a11y_audit.model import Priority
from a11y_audit.run_result import load_results_dict

__all__ = [
    "baseline_group",
    "gate",
    "gate_options",
    "gate_overrides",
    "prepare_gate",
    "retry_config_for",
    "run_gate",
]

F = TypeVar("F", bound=Callable[..., Any])
_PAGES_PER_ISSUE = 5

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


def gate_overrides(flags: dict[str, Any]) -> dict[str, Any]:
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


def run_gate(config: Config, output: Path, results_path: Path, gate_input: tuple[Path, Baseline]) -> None:
    """After an audit: decide, re-audit flaky candidates, print, exit 1 or raise ToolError."""
    path, baseline = gate_input
    results = load_results_dict(results_path)
    result = decide(results, baseline, config.gate_policy(), date.today())
    if result.blocking and result.page_problem is None and config.retries:
        result = _retry(config, output, result)
    _report(result, path)


def _retry(config: Config, output: Path, result: GateResult) -> GateResult:
    """Audit the pages of new blocking issues again; issues that do not come back are flaky.

    Issues of site checks (a title repeated across pages, navigation that differs) need the
    whole site, so a partial re-audit cannot disprove them; they are not retried. A page that
    fails to load on a retry is a tool failure: it proves nothing either way. An issue on many
    pages is re-checked on a few of them (_PAGES_PER_ISSUE): one is enough to show it is real.
    """
    checks = configured_checks(config.checks, config.skip_checks, config.custom_checks)
    site_rules = {check.meta.id for check in checks if isinstance(check, SiteCheck)}
    for attempt in range(1, config.retries + 1):
        suspects = [
            issue
            for issue in result.blocking
            if not (issue["source"] == "a11y-audit" and issue["rule"] in site_rules)
        ]
        if not suspects:
            break
        retry_config = retry_config_for(config, suspects)
        click.echo(
            f"Auditing {_what(retry_config)} with new blocking issues again ({attempt}/{config.retries})"
        )
        retried = load_results_dict(
            api.audit(retry_config, output / "retries" / str(attempt), follow_links=False).results_path
        )
        broken = next((page for page in retried["pages"] if page.get("error")), None)
        if broken is not None:
            raise ToolError(
                f"re-audit of {broken['url']} failed ({broken['error']}); a page that cannot be audited "
                "is never a pass: fix the page or the network and run again"
            )
        present = {issue["fingerprint"] for issue in retried["issues"]}
        result = result.with_flaky(
            issue["fingerprint"] for issue in suspects if issue["fingerprint"] not in present
        )
    return result


def retry_config_for(config: Config, suspects: list[dict[str, Any]]) -> Config:
    """The audit that re-checks the suspects and nothing else: their crawled pages (a few per
    issue), and the journeys whose states they were found on, run again from the start.

    A journey state's URL (`...#journey=NAME&state=NAME`) cannot be re-visited as a page (an
    empty bag's checkout is only the bag), so its journey runs instead; journeys with no
    suspect stay out, except `crawl_as`, whose session signs the crawled pages in. With
    journeys only, the first start URL is audited too, as their base.
    """
    urls = sorted({url for issue in suspects for url in _sample_pages(issue)})
    pages = tuple(url for url in urls if journey_of(url) is None)
    names = {name for url in urls if (name := journey_of(url)) is not None}
    known = {journey.name for journey in config.journeys.journeys}
    start = pages or tuple(config.start_urls[:1]) or tuple(url.split("#", 1)[0] for url in urls[:1])
    if not names <= known:  # a journey renamed since the run: run them all
        return config.for_pages(start)
    return config.for_pages(start, journeys=names, sign_in=bool(pages))


def _what(retry: Config) -> str:
    journeys = [journey.name for journey in retry.journeys.journeys]
    pages = f"{len(retry.start_urls)} page(s)"
    return pages + (f" and journey(s) {', '.join(journeys)}" if journeys else "")


def _sample_pages(issue: dict[str, Any]) -> list[str]:
    return sorted({instance["page_url"] for instance in issue["instances"]})[:_PAGES_PER_ISSUE]


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
    _report(decide(load_results_dict(results), baseline, config.gate_policy(), date.today()), baseline_path)


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
    made = create(load_results_dict(results))
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
    new = update(old, load_results_dict(results), accept_new=accept_new)
    write_baseline(baseline_path, new)
    removed = len(set(old.entries) - set(new.entries))
    added = len(set(new.entries) - set(old.entries))
    click.echo(
        f"Baseline: {baseline_path.resolve()} ({removed} fixed removed, {added} added, "
        f"{len(new.entries)} known)"
    )
