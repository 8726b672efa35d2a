"""The HTML report's charts: where the issues are, by priority, flow and template.

Each chart is a table whose rows carry a bar (a styled span, width in percent of the largest
count): no script, no network, no image. The table is its own text alternative (a screen
reader reads label and count, the bar is an empty span), the label names every row so colour
is never the only cue, and the bars' colours keep at least 3:1 against the page (the report's
own palette, checked by auditing the report with the tool).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from a11y_audit.model import Issue

__all__ = ["TEMPLATE_ROWS", "Bar", "Chart", "charts"]

TEMPLATE_ROWS = 12
"""Templates charted; a store with more names how many it left out (the pages table has all)."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One row: its label, its count, the bar's width in percent and its colour class."""

    label: str
    count: int
    width: float
    tone: str


@dataclass(frozen=True, slots=True)
class Chart:
    """A captioned bar chart; `left_out` says which rows it left out ("" when none)."""

    caption: str
    heading: str
    bars: list[Bar]
    left_out: str = ""


def charts(issues: Iterable[Issue], by_priority: Mapping[str, int]) -> list[Chart]:
    """The charts of a run's issues (a chart with nothing to show is left out)."""
    issues = list(issues)
    names = {issue.triage.priority.value: issue.triage.priority_name for issue in issues}
    priorities = [
        (f"{priority} {names.get(priority, '')}".strip(), count, f"priority-{priority}")
        for priority, count in sorted(by_priority.items())
    ]
    flows = Counter(issue.triage.flow or "unknown" for issue in issues)
    templates = Counter(name for issue in issues for name in issue.templates)
    ranked_templates = _ranked(templates)
    more = len(ranked_templates) - TEMPLATE_ROWS
    found = [
        _chart("Issues by priority", "Priority", priorities),
        _chart("Issues by flow (the most critical flow each issue is on)", "Flow", _toned(_ranked(flows))),
        _chart(
            "Issues by page template",
            "Template",
            _toned(ranked_templates[:TEMPLATE_ROWS]),
            left_out=f"and {more} more template{'s' if more != 1 else ''}" if more > 0 else "",
        ),
    ]
    return [chart for chart in found if chart.bars]


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most issues first; names break ties, so the order is the same on every render."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _toned(rows: list[tuple[str, int]]) -> list[tuple[str, int, str]]:
    return [(label, count, "bar-neutral") for label, count in rows]


def _chart(caption: str, heading: str, rows: list[tuple[str, int, str]], left_out: str = "") -> Chart:
    largest = max((count for _, count, _ in rows), default=0) or 1
    bars = [Bar(label, count, round(100 * count / largest, 1), tone) for label, count, tone in rows]
    return Chart(caption, heading, bars, left_out)
