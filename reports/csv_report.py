"""A run as CSV: one row per element instance, for spreadsheets and issue trackers.

The last column, `summary`, is the issue's summary line (a11y_audit.reports.issue_summary), the
same on every row of one issue, so a spreadsheet filtered or pivoted by it lists issues that
read differently, not 31 rows of one rule title. It is last so tools reading columns by
position keep working.

Every cell from an audited page is untrusted. A cell that starts with = + - @ (or a tab or
carriage return) is read as a formula by spreadsheet programs, so it gets a leading
apostrophe (OWASP's CSV injection advice); the csv module handles quotes and newlines.
"""

from __future__ import annotations

import csv
import io

from a11y_audit.model import Instance, Issue
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.run_result import RunResult

__all__ = ["COLUMNS", "render_csv"]

COLUMNS = (
    "fingerprint",
    "priority",
    "rule",
    "source",
    "outcome",
    "impact",
    "wcag",
    "level",
    "page_url",
    "template",
    "selector",
    "snippet",
    "message",
    "summary",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(run: RunResult) -> str:
    """The CSV text: a header row, then each issue's instances, most urgent issue first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for issue in run.issues:
        summary = summarise(issue).line()
        for instance in issue.instances:
            page = run.page(instance.page_url)
            row = _row(issue, instance, page.template if page else None) | {"summary": summary}
            writer.writerow(_safe(row[column]) for column in COLUMNS)
    return out.getvalue()


def _row(issue: Issue, instance: Instance, template: str | None) -> dict[str, object]:
    """One element's cells by column name."""
    return {
        "fingerprint": issue.fingerprint,
        "priority": issue.triage.priority.value,
        "rule": issue.rule.id,
        "source": issue.rule.source.value,
        "outcome": issue.outcome.value,
        "impact": issue.impact.value,
        "wcag": " ".join(issue.rule.wcag),
        "level": issue.rule.level,
        "page_url": instance.page_url,
        "template": template,
        "selector": instance.selector,
        "snippet": instance.snippet,
        "message": instance.message,
    }


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
