"""A Markdown summary of a run for a pull-request comment or a ticket.

GitHub refuses comments over 65,536 characters, so the summary stays under LIMIT: the
counts always fit, and the issue tables list the most urgent issues until the budget runs
out, then say how many more there are. Page content (titles, snippets, URLs) is untrusted:
each cell is flattened to one line and has HTML and Markdown punctuation escaped, so a
snippet with `<script>`, `|` or newlines cannot break the table or inject markup.
"""

from __future__ import annotations

import re

from a11y_audit.model import Issue, Outcome
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.reports.labels import wcag_label
from a11y_audit.reports.trend import PRIORITIES, Trend
from a11y_audit.reports.urgency import most_urgent_first
from a11y_audit.run_result import RunResult

__all__ = ["LIMIT", "render_markdown"]

LIMIT = 60_000
_CELL_CHARS = 160
_HEADLINE_CHARS = 240  # an issue's summary line: title, cause and element, each bounded
_PAGES_SHOWN = 3
# Inside a table cell only inline syntax matters: code, emphasis, links, cell breaks.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_ISSUE_HEADER = "| Priority | Issue | WCAG | Pages | Why | Example |\n|---|---|---|---|---|---|\n"
_TREND_HEADER = "| Priority | Then | Now |\n|---|---|---|\n"


def render_markdown(run: RunResult, trend: Trend | None = None, report_name: str = "") -> str:
    """The summary; `trend` adds new / fixed / still-open counts against an earlier run."""
    summary, issues = run.summary, most_urgent_first(run.issues)
    names = {issue.triage.priority.value: issue.triage.priority_name for issue in issues}
    failed = sum(1 for issue in issues if issue.outcome is Outcome.FAILED)
    parts = [
        "## Accessibility audit: WCAG 2.1 AA\n\n",
        f"{summary.pages_audited} page(s) audited ({summary.pages_failed} with errors, "
        f"{summary.pages_skipped} skipped) on {_cell(run.tool.started)}: "
        f"**{failed}** failing issue(s), **{len(issues) - failed}** to review.\n\n",
        "| Priority | Issues |\n|---|---|\n",
        *(
            f"| {priority} {_cell(names.get(priority, ''))} | {count} |\n"
            for priority, count in sorted(summary.by_priority.items())
        ),
    ]
    if trend is not None:
        parts += [
            f"\n### Since {_cell(trend.previous_started)}\n\n",
            f"**{len(trend.new)}** new, **{len(trend.fixed)}** fixed, "
            f"**{len(trend.still_open)}** still open.\n\n",
            _TREND_HEADER,
            *(f"| {p} | {trend.then.get(p, 0)} | {trend.now.get(p, 0)} |\n" for p in PRIORITIES),
        ]
    text = "".join(parts)
    # The tables share what is left, new issues first: they are what a reviewer acts on.
    tables = (
        [("Top issues", issues)]
        if trend is None
        else [
            ("New issues", most_urgent_first(trend.new)),
            ("Still open", most_urgent_first(trend.still_open)),
        ]
    )
    footer = "\nAutomated checks find only part of the barriers; issues to review need a person to decide."
    if report_name:
        footer += f" Full details: {_cell(report_name)}."
    footer += "\n"
    budget = LIMIT - len(text) - len(footer)
    for heading, rows in tables:
        table, budget = _issue_table(heading, rows, budget)
        text += table
    return text + footer


def _issue_table(heading: str, issues: list[Issue], budget: int) -> tuple[str, int]:
    """As many rows as fit in budget (leaving room for the "more" line); returns the rest."""
    head = f"\n### {heading} ({len(issues)})\n\n"
    more_room = 80
    if not issues or budget < len(head) + len(_ISSUE_HEADER) + more_room:
        return "", budget
    out = head + _ISSUE_HEADER
    shown = 0
    for issue in issues:
        row = _issue_row(issue)
        if len(out) + len(row) + more_room > budget:
            break
        out += row
        shown += 1
    if shown < len(issues):
        out += f"\n…and {len(issues) - shown} more, see the full report.\n"
    return out, budget - len(out)


def _issue_row(issue: Issue) -> str:
    urls = sorted({instance.page_url for instance in issue.instances})
    pages = ", ".join(_cell(url, 80) for url in urls[:_PAGES_SHOWN])
    if issue.pages > _PAGES_SHOWN:
        pages += f" (+{issue.pages - _PAGES_SHOWN})"
    triage, rule, line = issue.triage, issue.rule, summarise(issue)
    cells = [
        f"{triage.priority.value} {_cell(triage.priority_name)}",
        f"{_cell(line.headline, _HEADLINE_CHARS)} ({_cell(rule.id)}, {issue.outcome.value}, "
        f"{issue.impact.value})",
        wcag_label(rule),
        f"{_cell(line.location)}: {pages}",
        _cell("; ".join(triage.reasons)),
        _cell(issue.instances[0].snippet),
    ]
    return "| " + " | ".join(cells) + " |\n"


def _cell(text: str, limit: int = _CELL_CHARS) -> str:
    """One table-safe line: whitespace collapsed, shortened, HTML and Markdown escaped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)
