"""Every report format in one table: its name, default file name, renderer, and which of
a comparison with an earlier run or a CI baseline it can show.

`a11y-audit report` takes its --format choices, help and refusals from this table, so a new
format is one row here and its renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from a11y_audit.errors import UsageError
from a11y_audit.reports.csv_report import render_csv
from a11y_audit.reports.html import render_html
from a11y_audit.reports.json_report import render_json
from a11y_audit.reports.junit import render_junit
from a11y_audit.reports.markdown import render_markdown
from a11y_audit.reports.sarif import render_sarif
from a11y_audit.reports.trend import Trend
from a11y_audit.run_result import RunResult

__all__ = ["FORMATS", "RenderInputs", "ReportFormat", "check_options", "listing", "report_format"]


@dataclass(frozen=True, slots=True)
class RenderInputs:
    """What a renderer may use beside the run: the change since an earlier run or a baseline,
    the baseline's states (fingerprint -> baselineState), and where the report goes."""

    output: Path
    trend: Trend | None = None
    states: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """One row of the table."""

    name: str
    file_name: str
    """Default file name, written beside the results file."""
    help: str
    """What the format is for, in a few words ("" when its name says it)."""
    render: Callable[[RunResult, RenderInputs], str]
    accepts_compare: bool = False
    accepts_baseline: bool = False


_HTML_FILE = "report.html"

FORMATS: Mapping[str, ReportFormat] = {
    row.name: row
    for row in (
        ReportFormat(
            "html",
            _HTML_FILE,
            "the full report",
            lambda run, extra: render_html(run, extra.trend, report_path=extra.output),
            accepts_compare=True,
        ),
        ReportFormat(
            "md",
            "summary.md",
            "a summary for a PR or ticket",
            lambda run, extra: render_markdown(run, extra.trend, report_name=_HTML_FILE),
            accepts_compare=True,
            accepts_baseline=True,
        ),
        ReportFormat("csv", "results.csv", "one row per element", lambda run, _: render_csv(run)),
        ReportFormat("json", "results.normalized.json", "", lambda run, _: render_json(run)),
        ReportFormat(
            "junit",
            "junit.xml",
            "a test case per page and check",
            lambda run, extra: render_junit(run, frozenset(extra.states or ())),
            accepts_baseline=True,
        ),
        ReportFormat(
            "sarif",
            "results.sarif",
            "SARIF 2.1.0",
            lambda run, extra: render_sarif(run, extra.states),
            accepts_baseline=True,
        ),
    )
}


def report_format(name: str) -> ReportFormat:
    """The row named `name`; an unknown name is a UsageError listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown report format {name}: use {listing(FORMATS)}") from None


def check_options(row: ReportFormat, *, compare: bool, baseline: bool) -> None:
    """Refuse --compare or --baseline where the format cannot show them (UsageError)."""
    if compare and not row.accepts_compare:
        comparing = listing(name for name, other in FORMATS.items() if other.accepts_compare)
        raise UsageError(f"--compare needs --format {comparing}, not {row.name}")
    if baseline and (not row.accepts_baseline or compare):
        gating = listing(name for name, other in FORMATS.items() if other.accepts_baseline)
        raise UsageError(f"--baseline needs --format {gating}, and no --compare")


def listing(names: Iterable[str], last: str = "or") -> str:
    """Names as a sentence lists them: "a, b or c" (or "a, b and c" with last="and")."""
    *rest, final = names
    return f"{', '.join(rest)} {last} {final}" if rest else final
